"""Rows for XLSX/CSV export and the import of volunteers in the admin ("Data exchange").

Object URLs use the test world's objects of centre A and of "volunteer" (see world.py).
`PARAMETERS` fills this area's URL parameters (merged into urls_for.PARAMETERS).
"""

from tests.security.access import DENIED, LOGIN, NOT_ALLOWED, OK, Row, expectations

ADMIN_USERS = {"visitor": LOGIN, "unverified": LOGIN}
# Coordinators and supervisors of either centre; the screen offers their own centres only.
TRANSFER_STAFF = expectations(DENIED, **ADMIN_USERS, coordinator=OK, supervisor=OK, superuser=OK)
# Centre A's spreadsheets: its coordinator and supervisor; centre B's staff get "not found".
CENTRE_A = expectations(DENIED, **ADMIN_USERS, coordinator_at_A=OK, supervisor_at_A=OK, superuser=OK)
# The confirmation of an import is a POST; a GET by someone allowed in is refused as such.
POST_ONLY = expectations(DENIED, **ADMIN_USERS, coordinator=NOT_ALLOWED, supervisor=NOT_ALLOWED, superuser=NOT_ALLOWED)

PARAMETERS = {
    "admin/wymiana-danych/": {
        "centre_id": lambda w: w.centre_a.pk,
        "kind": lambda w: "wolontariusze",
        "fmt": lambda w: "xlsx",
    },
}

ROWS = [
    Row("admin/wymiana-danych/", None, TRANSFER_STAFF),
    Row("admin/wymiana-danych/zatwierdz/", None, POST_ONLY),
    Row("admin/wymiana-danych/eksport/<int:centre_id>/<slug:kind>/<slug:fmt>/", None, CENTRE_A),
]
