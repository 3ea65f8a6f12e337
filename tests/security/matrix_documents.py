"""Rows for documents: the agreement and certificate PDFs, the volunteer's own-data export and erasure.

Object URLs use the test world's objects of centre A and of "volunteer" (see world.py).
`PARAMETERS` fills this area's URL parameters (merged into urls_for.PARAMETERS).

The world's hours of "volunteer" wait for approval, and a certificate exists only for
approved hours: `certified_centre` adds one approved session at centre A the first time a
certificate URL is built, so the rows test access, not the absence of hours.
"""

from tests.security.access import DENIED, LOGIN, OK, REDIRECT, Row, expectations


def certified_centre(world):
    """Centre A, after making sure it approved some of "volunteer"'s hours."""
    from volunteers.models import HoursEntry, HoursStatus

    HoursEntry.objects.get_or_create(
        volunteer=world.profile_a,
        centre=world.centre_a,
        status=HoursStatus.APPROVED,
        defaults={
            "task": world.volunteer_task_a,
            "task_title": world.volunteer_task_a.title,
            "date": world.hours_a.date,
            "hours": "3",
        },
    )
    return world.centre_a


def certified_profile(world):
    certified_centre(world)
    return world.profile_a


PARAMETERS = {
    "wolontariat/moje/porozumienia/": {"pk": lambda w: w.agreement_a.pk},
    "wolontariat/moje/zaswiadczenie/": {"centre_id": lambda w: certified_centre(w).pk},
    "admin/wolontariat-dokumenty/porozumienie/": {"pk": lambda w: w.agreement_a.pk},
    "admin/wolontariat-dokumenty/zaswiadczenie/": {"profile_id": lambda w: certified_profile(w).pk},
}

SIGNED_OUT = {"visitor": LOGIN, "unverified": LOGIN}
# "volunteer"'s own documents: nobody else's session finds them (404, as if they did not exist).
OWNER_ONLY = expectations(DENIED, **SIGNED_OUT, volunteer=OK)
# Pages about one's own volunteer data: people without a profile are sent to the dashboard.
OWN_DATA_PAGE = expectations(REDIRECT, **SIGNED_OUT, volunteers=OK)
# The ZIP of one's own data: no profile, nothing to download.
OWN_DATA_FILE = expectations(DENIED, **SIGNED_OUT, volunteers=OK)
# Centre A's documents in the admin: its coordinators and supervisors.
CENTRE_A_DOCUMENTS = expectations(DENIED, **SIGNED_OUT, coordinator_at_A=OK, supervisor_at_A=OK, superuser=OK)

ROWS = [
    Row("wolontariat/moje/porozumienia/<int:pk>/", None, OWNER_ONLY),
    Row("wolontariat/moje/zaswiadczenie/<int:centre_id>/", None, OWNER_ONLY),
    Row("wolontariat/moje/dane/", None, OWN_DATA_PAGE),
    Row("wolontariat/moje/dane/pobierz/", None, OWN_DATA_FILE),
    Row("wolontariat/profil/usun/", None, OWN_DATA_PAGE, note="GET shows the confirmation; erasing needs a POST"),
    Row("admin/wolontariat-dokumenty/porozumienie/<int:pk>/", None, CENTRE_A_DOCUMENTS),
    Row("admin/wolontariat-dokumenty/zaswiadczenie/<int:profile_id>/", None, CENTRE_A_DOCUMENTS),
]
