"""Rows for the beneficiaries' screens (records, needs, their import and export) and the
supervisor's access log.

The test world gets centre A's beneficiary with one need and one access-log entry the first
time a row asks for them (`beneficiary_a`), so this area adds nothing to world.py; their
names carry centre A's marker, so a listing that leaks them to centre B's staff fails the
matrix. `PARAMETERS` fills this area's URL parameters (merged into urls_for.PARAMETERS).

Records and needs answer the volunteering staff (coordinators and supervisors); centre B's
staff get "not found" for A's record. The access log answers supervisors only; coordinators
are turned away. Editors, moderators and grants officers hold none of these permissions.
"""

from tests.security.access import DENIED, LOGIN, NOT_ALLOWED, OK, Row, expectations
from tests.security.world import marker

ADMIN_USERS = {"visitor": LOGIN, "unverified": LOGIN}
# Coordinators and supervisors of either centre: each sees their own centre's records.
VOLUNTEERING_STAFF = expectations(DENIED, **ADMIN_USERS, coordinator=OK, supervisor=OK, superuser=OK)
# Centre A's record: its coordinator and supervisor.
RECORD_A = expectations(DENIED, **ADMIN_USERS, coordinator_at_A=OK, supervisor_at_A=OK, superuser=OK)
# The confirmation of an import is a POST; a GET by someone allowed in is refused as such.
POST_ONLY = expectations(DENIED, **ADMIN_USERS, coordinator=NOT_ALLOWED, supervisor=NOT_ALLOWED, superuser=NOT_ALLOWED)
# The access log: the supervisors of either centre (each reads their own centre's entries).
SUPERVISORS = expectations(DENIED, **ADMIN_USERS, supervisor=OK, superuser=OK)


def beneficiary_a(world):
    """Centre A's beneficiary (created on first use) with a need and an access-log entry."""
    if "beneficiary_a" not in world.objects:
        from tests.volunteers.matching_helpers import make_beneficiary, make_need
        from volunteers.models import AccessAction
        from volunteers.services import access_log

        beneficiary = make_beneficiary(world.site_a, f"Rodzina {marker('a')}", household_note=marker("a"))
        world.objects["beneficiary_a"] = beneficiary
        world.objects["need_a"] = make_need(beneficiary, staff_note=f"Notatka {marker('a')}")
        access_log.record(world.users["coordinator@A"], beneficiary, AccessAction.VIEWED)
    return world.objects["beneficiary_a"]


def need_a(world):
    beneficiary_a(world)
    return world.objects["need_a"]


def listing(url):
    """A listing's URL, with centre A's record in place first so that a leak would show."""

    def build(world):
        beneficiary_a(world)
        return url

    return build


PARAMETERS = {
    "admin/podopieczni/": {
        "pk": lambda w: beneficiary_a(w).pk,
        "need_pk": lambda w: need_a(w).pk,
        "centre_id": lambda w: w.centre_a.pk,
        "fmt": lambda w: "csv",
    },
    "admin/rejestr-dostepu/": {"fmt": lambda w: "csv"},
}


def r(route, expect, url=None, **kwargs):
    return Row(route, url, expect, **kwargs)


ROWS = [
    # --- Beneficiaries and needs --------------------------------------------------------------
    r("admin/podopieczni/", VOLUNTEERING_STAFF, url=listing("/admin/podopieczni/")),
    r("admin/podopieczni/wyniki/", VOLUNTEERING_STAFF, url=listing("/admin/podopieczni/wyniki/")),
    r("admin/podopieczni/dodaj/", VOLUNTEERING_STAFF),
    r("admin/podopieczni/<int:pk>/", RECORD_A),
    r("admin/podopieczni/<int:pk>/edycja/", RECORD_A),
    r("admin/podopieczni/<int:pk>/usun/", RECORD_A, note="GET only asks for confirmation"),
    r("admin/podopieczni/<int:pk>/potrzeby/dodaj/", RECORD_A),
    r("admin/podopieczni/<int:pk>/potrzeby/<int:need_pk>/", RECORD_A),
    r("admin/podopieczni/wymiana/", VOLUNTEERING_STAFF),
    r("admin/podopieczni/wymiana/zatwierdz/", POST_ONLY),
    r("admin/podopieczni/wymiana/eksport/<int:centre_id>/<slug:fmt>/", RECORD_A),
    # --- Access log -----------------------------------------------------------------------------
    r("admin/rejestr-dostepu/", SUPERVISORS, url=listing("/admin/rejestr-dostepu/")),
    r("admin/rejestr-dostepu/wyniki/", SUPERVISORS, url=listing("/admin/rejestr-dostepu/wyniki/")),
    r(
        "admin/rejestr-dostepu/eksport/<slug:fmt>/",
        SUPERVISORS,
        url=listing("/admin/rejestr-dostepu/eksport/csv/"),
        note="centre B's supervisor gets a file without A's entries",
    ),
]
