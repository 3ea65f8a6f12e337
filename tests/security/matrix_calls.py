"""Rows for starting an offer from a public task of an open call (/oferty/nowa/…).

The page shows what the call page shows, plus the signed-in person's own organisations (or
where to register one), so everyone signed in gets it; visitors sign in first. The call
pages themselves are Wagtail's (the catch-all row).
"""

from tests.security.access import LOGIN, OK, Row, expectations

ROWS = [
    Row(
        "oferty/nowa/<int:task_id>/",
        lambda w: f"/oferty/nowa/{w.public_task_a.pk}/",
        expectations(OK, visitor=LOGIN, unverified=LOGIN),
    ),
]
