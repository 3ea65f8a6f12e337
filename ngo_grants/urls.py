from ngo_grants.views import offers, start

app_name = "ngo_grants"

# Mounted at the site's root, before Wagtail's pages: only these paths.
urlpatterns = [*offers.urlpatterns, *start.urlpatterns]
