"""Rows for the NGO side of offers (/oferty/…).

"offer_a" is a draft of the organisation that "ngo_admin" and "ngo_editor" run, to centre A's
call. Its members and centre A's grants staff read its hub; a member of another organisation,
any other resident and other staff get 404, as for an offer that does not exist.

Its sections are written by the organisation's writers only. Grants staff (and the superuser,
who is no member) read offers in the hub and the Wagtail admin, never on the NGO's editing
pages, so they get the same 404 there as anyone outside the organisation. POSTs to a section
by every actor: test_access_offer_sections.py.
"""

from tests.security.access import DENIED, LOGIN, OK, Row, expectations

SIGNED_IN = {"visitor": LOGIN, "unverified": LOGIN}
MEMBERS_AND_GRANTS_STAFF_A = expectations(
    DENIED, **SIGNED_IN, ngo_admin=OK, ngo_editor=OK, grants_officer_at_A=OK, supervisor_at_A=OK, superuser=OK
)
WRITERS = expectations(DENIED, **SIGNED_IN, ngo_admin=OK, ngo_editor=OK)

ROWS = [
    Row("oferty/<int:pk>/", lambda w: f"/oferty/{w.offer_a.pk}/", MEMBERS_AND_GRANTS_STAFF_A),
    Row("oferty/<int:pk>/<offer_section:section>/", lambda w: f"/oferty/{w.offer_a.pk}/costs/", WRITERS),
]
