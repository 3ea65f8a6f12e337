"""Rows for the volunteer's side of matches ("Stała pomoc" in "Mój wolontariat").

Only the volunteer the match was proposed to reaches it: "volunteer" owns the matches these
rows point at (one of centre A's beneficiaries); everyone else signed in, staff of either
centre and the superuser included, gets 404, as for a match that does not exist (staff read
matches in the admin, not here). Each row builds its own match in the state it needs, so
accepting or declining leaves the other rows alone.
`PARAMETERS` fills this area's URL parameters (merged into urls_for.PARAMETERS).
"""

import datetime

from tests.security.access import DENIED, LOGIN, OK, REDIRECT, Row, expectations
from tests.security.world import marker

SIGNED_IN = {"visitor": LOGIN, "unverified": LOGIN}
# The owner reads the page; nobody else learns that the match exists.
OWNER_READS = expectations(DENIED, **SIGNED_IN, volunteer=OK)
# The owner's answer is done and sends them on; everyone else gets 404.
OWNER_ANSWERS = expectations(DENIED, **SIGNED_IN, volunteer=REDIRECT)


def match_of_volunteer(world, status="proposed"):
    """A new match of "volunteer" with a new need of a centre A household, in `status`."""
    from django.utils import timezone

    from volunteers.models import Beneficiary, District, Match, Need

    centre = world.centre_a
    district = District.objects.get_or_create(centre=centre, name=f"Dzielnica {marker('a')}")[0]
    beneficiary = Beneficiary.objects.create(
        centre=centre,
        kind="family",
        name=f"Rodzina {marker('a')}",
        first_name="Anna",
        address=f"ul. {marker('a')} 4",
        district=district,
        household_note=f"Notatka {marker('a')}",
    )
    need = Need.objects.create(
        beneficiary=beneficiary,
        category="tutoring",
        times=["0-afternoon"],
        start_date=datetime.date.today(),
        staff_note=f"Uwaga {marker('a')}",
        status="matched",
    )
    answered = timezone.now() if status == "active" else None
    return Match.objects.create(
        need=need, volunteer=world.profile_a, centre=centre, status=status, answered_at=answered
    )


def url_for(suffix, status):
    return lambda world: f"/wolontariat/moje/stala-pomoc/{match_of_volunteer(world, status).pk}/{suffix}"


PARAMETERS = {"wolontariat/moje/stala-pomoc/": {"pk": lambda w: match_of_volunteer(w, "active").pk}}

ROWS = [
    Row("wolontariat/moje/stala-pomoc/<int:pk>/", url_for("", "proposed"), OWNER_READS),
    Row("wolontariat/moje/stala-pomoc/<int:pk>/przyjmij/", url_for("przyjmij/", "proposed"), OWNER_ANSWERS,
        method="post"),
    Row("wolontariat/moje/stala-pomoc/<int:pk>/odmow/", url_for("odmow/", "proposed"), OWNER_ANSWERS,
        method="post", data={"reason": "Nie dam rady w poniedziałki."}),
    Row("wolontariat/moje/stala-pomoc/<int:pk>/zakoncz/", url_for("zakoncz/", "active"), OWNER_READS),
]  # fmt: skip
