"""Rows for the matching screens in the admin: the plan, the open needs, one need's candidates,
the matches and one match.

Centre A gets a beneficiary with an open need and a second need with a proposed match to
"volunteer" (names carry centre A's marker, so the leak check catches them on centre B's
pages). They are made on first use by `ensure`, so the shared world stays as it is.

Listings answer every coordinator and supervisor (each sees their own centre's plan and
matches); a need or match of centre A is not found (404) for centre B's staff. Editors,
moderators, grants officers and residents are refused (403); visitors are sent to log in.
"""

import datetime

from tests.security.access import Row
from tests.security.matrix_volunteer_admin import VOLUNTEERING_A, VOLUNTEERING_STAFF
from tests.security.world import marker


def ensure(world):
    """Centre A's need and match, made once per world."""
    if "matching_need_a" not in world.objects:
        from volunteers.models import Beneficiary, District, Match, Need

        centre = world.centre_a
        district = District.objects.get_or_create(centre=centre, name=f"Dzielnica {marker('a')}")[0]
        beneficiary = Beneficiary.objects.create(
            centre=centre,
            kind="family",
            name=f"Rodzina {marker('a')}",
            first_name="Anna",
            address=f"ul. {marker('a')} 2",
            district=district,
        )
        start = datetime.date.today()
        need = Need.objects.create(beneficiary=beneficiary, category="seniors", times=["0-morning"], start_date=start)
        matched = Need.objects.create(
            beneficiary=beneficiary, category="seniors", times=["1-morning"], start_date=start, status="matched"
        )
        world.objects["matching_need_a"] = need
        world.objects["matching_match_a"] = Match.objects.create(
            need=matched, volunteer=world.profile_a, centre=centre, proposed_by=world.users["coordinator@A"]
        )
    return world


PARAMETERS = {
    "admin/dopasowania/": {"pk": lambda w: ensure(w).matching_match_a.pk},
    "admin/dopasowania/potrzeby/": {"pk": lambda w: ensure(w).matching_need_a.pk},
}


def listing(path):
    return lambda w: ensure(w) and path


ROWS = [
    Row("admin/dopasowania/", listing("/admin/dopasowania/"), VOLUNTEERING_STAFF),
    Row("admin/dopasowania/plan/", listing("/admin/dopasowania/plan/"), VOLUNTEERING_STAFF),
    Row("admin/dopasowania/potrzeby/", listing("/admin/dopasowania/potrzeby/"), VOLUNTEERING_STAFF),
    Row("admin/dopasowania/<int:pk>/", None, VOLUNTEERING_A),
    Row("admin/dopasowania/potrzeby/<int:pk>/", None, VOLUNTEERING_A),
]
