"""Rows for hours: the volunteer logs them on the dashboard, coordinators approve them in the admin.

Object URLs use the test world's objects of centre A and of "volunteer" (see world.py).
`PARAMETERS` fills this area's URL parameters (merged into urls_for.PARAMETERS).

Approving and rejecting go through Wagtail's bulk-action URL (admin/bulk/…, a row of
matrix_admin); tests/volunteers/test_hours_views.py proves centre B's staff get 404 there.
"""

from tests.security.access import DENIED, LOGIN, OK, REDIRECT, Row, expectations

PARAMETERS = {"wolontariat/moje/godziny/": {"pk": lambda w: w.hours_a.pk}}

SIGNED_IN = {"visitor": LOGIN, "unverified": LOGIN}
# Anyone signed in has a page of their own hours (without a profile it invites them to become
# a volunteer); nobody reaches another person's entries.
OWN_PAGE = expectations(OK, **SIGNED_IN)
# Taking back an entry: only its volunteer, and only by POST; everyone else gets 404.
TAKE_BACK = expectations(DENIED, **SIGNED_IN, volunteer=REDIRECT)
# The coordinators' screens: coordinators and supervisors of either centre, each seeing only
# their own centre's hours (the leak check proves centre B's page shows nothing of A).
DECIDERS = expectations(DENIED, **SIGNED_IN, coordinator=OK, supervisor=OK, superuser=OK)


def fresh_entry_url(world):
    """A new waiting entry of "volunteer" each time, so taking it back leaves hours_a alone."""
    from volunteers.models import HoursEntry

    entry = world.hours_a
    copy = HoursEntry.objects.create(
        volunteer=entry.volunteer,
        task=entry.task,
        task_title=entry.task_title,
        centre=entry.centre,
        date=entry.date,
        hours=entry.hours,
    )
    return f"/wolontariat/moje/godziny/{copy.pk}/usun/"


ROWS = [
    Row("wolontariat/moje/godziny/", "/wolontariat/moje/godziny/", OWN_PAGE),
    Row("wolontariat/moje/godziny/<int:pk>/usun/", fresh_entry_url, TAKE_BACK, method="post"),
    Row("admin/godziny/", None, DECIDERS),
    Row("admin/godziny/results/", None, DECIDERS),
    Row("admin/godziny/podsumowanie/", None, DECIDERS),
]
