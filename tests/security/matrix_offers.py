"""Rows for the NGO side of offers (/oferty/…).

"offer_a" is a draft of the organisation that "ngo_admin" and "ngo_editor" run, to centre A's
call. Its members and centre A's grants staff read it; a member of another organisation, any
other resident and other staff get 404, as for an offer that does not exist.
"""

from tests.security.access import DENIED, LOGIN, OK, Row, expectations

SIGNED_IN = {"visitor": LOGIN, "unverified": LOGIN}
MEMBERS_AND_GRANTS_STAFF_A = expectations(
    DENIED, **SIGNED_IN, ngo_admin=OK, ngo_editor=OK, grants_officer_at_A=OK, supervisor_at_A=OK, superuser=OK
)

ROWS = [
    Row("oferty/<int:pk>/", lambda w: f"/oferty/{w.offer_a.pk}/", MEMBERS_AND_GRANTS_STAFF_A),
]
