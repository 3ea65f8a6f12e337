"""Rows for coordinators' screens in the Wagtail admin: applications, a volunteer's profile, clearances, agreements.

Object URLs use the test world's objects of centre A and of "volunteer" (see world.py).
`PARAMETERS` fills this area's URL parameters (merged into urls_for.PARAMETERS).

Listings answer every coordinator and supervisor (each sees their own centre's rows; the
leak check proves centre B's staff see nothing of A); an object of centre A is not found
(404) for centre B's staff. Editors, moderators and grants officers hold none of the
volunteering permissions and are sent back to the dashboard.
"""

from tests.security.access import DENIED, LOGIN, NOT_ALLOWED, OK, Row, expectations

ADMIN_USERS = {"visitor": LOGIN, "unverified": LOGIN}
# The centre's volunteering staff, of either centre: listings scoped to their own centre.
VOLUNTEERING_STAFF = expectations(DENIED, **ADMIN_USERS, coordinator=OK, supervisor=OK, superuser=OK)
# An application or a volunteer of centre A.
VOLUNTEERING_A = expectations(DENIED, **ADMIN_USERS, coordinator_at_A=OK, supervisor_at_A=OK, superuser=OK)
# Accepting is POST only: a GET is refused as a wrong method once the permission check has
# passed (no object is named in the URL, so both centres get that far); others are turned away.
POST_ONLY = expectations(DENIED, **ADMIN_USERS, coordinator=NOT_ALLOWED, supervisor=NOT_ALLOWED, superuser=NOT_ALLOWED)

PARAMETERS = {
    "admin/zgloszenia/": {"pk": lambda w: w.application_a.pk},
    "admin/wolontariusze/": {"pk": lambda w: w.profile_a.pk, "task_pk": lambda w: w.volunteer_task_a.pk},
}


def r(route, expect, url=None, **kwargs):
    return Row(route, url, expect, **kwargs)


ROWS = [
    # --- Applications -------------------------------------------------------------------------
    r("admin/zgloszenia/", VOLUNTEERING_STAFF),
    r("admin/zgloszenia/wyniki/", VOLUNTEERING_STAFF),
    r("admin/zgloszenia/<int:pk>/", VOLUNTEERING_A),
    r("admin/zgloszenia/przyjmij/", POST_ONLY, note="GET changes nothing"),
    r(
        "admin/zgloszenia/odrzuc/",
        VOLUNTEERING_A,
        url=lambda w: f"/admin/zgloszenia/odrzuc/?application={w.application_a.pk}",
        note="GET only shows the confirmation with the reason field",
    ),
    # --- Volunteers ---------------------------------------------------------------------------
    r("admin/wolontariusze/", VOLUNTEERING_STAFF),
    r("admin/wolontariusze/wyniki/", VOLUNTEERING_STAFF),
    r("admin/wolontariusze/<int:pk>/", VOLUNTEERING_A),
    r("admin/wolontariusze/<int:pk>/weryfikacja/", VOLUNTEERING_A),
    r("admin/wolontariusze/<int:pk>/porozumienie/<int:task_pk>/", VOLUNTEERING_A),
    r("admin/wolontariusze/<int:pk>/porozumienie/<int:task_pk>/podpisane/", VOLUNTEERING_A),
]
