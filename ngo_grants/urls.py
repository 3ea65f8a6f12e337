from ngo_grants.views import offers, organisations, start

app_name = "ngo_grants"

# Mounted at the site's root, before Wagtail's pages: only these paths.
urlpatterns = [*start.urlpatterns, *offers.urlpatterns, *organisations.urlpatterns]
