from ngo_grants.views import (
    agreements,
    attachments,
    committee,
    offers,
    organisations,
    reports,
    results,
    small_grants,
    start,
    submission,
)

app_name = "ngo_grants"

# Mounted at the site's root, before Wagtail's pages: only these paths. The fixed paths
# (zalaczniki/, zloz/, nowa/, …) come before any /oferty/<pk>/<section>/ pattern, which would take them.
urlpatterns = [
    *start.urlpatterns,
    *attachments.urlpatterns,
    *submission.urlpatterns,
    *offers.urlpatterns,
    *organisations.urlpatterns,
    *committee.urlpatterns,
    *results.urlpatterns,
    *agreements.urlpatterns,
    *reports.urlpatterns,
    *small_grants.urlpatterns,
]
