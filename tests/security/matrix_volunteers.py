"""Rows for the volunteer's own profile (/wolontariat/profil/).

Any signed-in person may become a volunteer, staff included; a profile is only ever the
visitor's own, so there is no other person's object to reach here. The later steps send
everyone without a profile back to the first; the two volunteers have one.
"""

from tests.security.access import LOGIN, OK, REDIRECT, Row, expectations

OWN_PAGE = expectations(OK, visitor=LOGIN, unverified=LOGIN)
LATER_STEP = expectations(REDIRECT, visitor=LOGIN, unverified=LOGIN, volunteers=OK)

ROWS = [
    Row("wolontariat/profil/", "/wolontariat/profil/", OWN_PAGE),
    Row("wolontariat/profil/o-tobie/", "/wolontariat/profil/o-tobie/", OWN_PAGE),
    Row("wolontariat/profil/zainteresowania/", "/wolontariat/profil/zainteresowania/", LATER_STEP),
    Row("wolontariat/profil/dostepnosc/", "/wolontariat/profil/dostepnosc/", LATER_STEP),
    Row("wolontariat/profil/zgody/", "/wolontariat/profil/zgody/", LATER_STEP),
]

# The volunteer's dashboard lists only their own applications. Not at /wolontariat/ itself: a
# centre's page with the slug "wolontariat" must keep that address.
ROWS.append(Row("wolontariat/moje/", "/wolontariat/moje/", OWN_PAGE))
