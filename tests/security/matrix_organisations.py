"""Rows for organisations on the NGO side (/organizacje/…).

"organisation_a" is run by "ngo_admin" (administrator) and "ngo_editor" (editor); every
other signed-in person, staff and superusers included, gets 404 on its pages, as for an
organisation that does not exist (the centre's staff verify organisations in the Wagtail
admin, not here). Administrators alone change it and its members. Rows that change members
act on a member or an invitation made for the row, so no actor's later rows lose anything.
"""

from tests.security.access import DENIED, LOGIN, OK, REDIRECT, Row, expectations

SIGNED_IN = {"visitor": LOGIN, "unverified": LOGIN}
ANYONE_SIGNED_IN = expectations(OK, **SIGNED_IN)
MEMBERS_A = expectations(DENIED, **SIGNED_IN, ngo_admin=OK, ngo_editor=OK)
ADMIN_A = expectations(DENIED, **SIGNED_IN, ngo_admin=OK)
ADMIN_A_CHANGES = expectations(DENIED, **SIGNED_IN, ngo_admin=REDIRECT)


def organisation_url(suffix=""):
    return lambda w: f"/organizacje/{w.organisation_a.pk}/{suffix}"


def new_membership(world):
    from tests.ngo_grants import add_member

    user = add_member(world.organisation_a)
    return world.organisation_a.memberships.get(user=user).pk


def new_invitation(world, email="zaproszona@example.org"):
    from ngo_grants.models import Invitation

    return Invitation.objects.create(organisation=world.organisation_a, email=email)


ROWS = [
    Row("organizacje/", "/organizacje/", ANYONE_SIGNED_IN, note="everyone's own organisations, if any"),
    Row("organizacje/nowa/", "/organizacje/nowa/", ANYONE_SIGNED_IN),
    Row("organizacje/<int:pk>/", organisation_url(), MEMBERS_A),
    Row("organizacje/<int:pk>/edycja/", organisation_url("edycja/"), ADMIN_A),
    Row("organizacje/<int:pk>/czlonkowie/", organisation_url("czlonkowie/"), MEMBERS_A),
    Row(
        "organizacje/<int:pk>/czlonkowie/<int:member_pk>/rola/",
        lambda w: f"/organizacje/{w.organisation_a.pk}/czlonkowie/{new_membership(w)}/rola/",
        ADMIN_A_CHANGES,
        method="post",
        data={"role": "admin"},
    ),
    Row(
        "organizacje/<int:pk>/czlonkowie/<int:member_pk>/usun/",
        lambda w: f"/organizacje/{w.organisation_a.pk}/czlonkowie/{new_membership(w)}/usun/",
        ADMIN_A_CHANGES,
        method="post",
    ),
    Row(
        "organizacje/<int:pk>/zaproszenia/<int:invitation_pk>/anuluj/",
        lambda w: f"/organizacje/{w.organisation_a.pk}/zaproszenia/{new_invitation(w).pk}/anuluj/",
        ADMIN_A_CHANGES,
        method="post",
    ),
    Row(
        "organizacje/<int:pk>/wybierz/",
        organisation_url("wybierz/"),
        expectations(DENIED, **SIGNED_IN, ngo_admin=REDIRECT, ngo_editor=REDIRECT),
        method="post",
    ),
    Row(
        "organizacje/<int:pk>/opusc/",
        organisation_url("opusc/"),
        MEMBERS_A,
        note="GET asks to confirm; leaving is a POST",
    ),
    Row(
        "organizacje/zaproszenie/<str:token>/",
        lambda w: f"/organizacje/zaproszenie/{new_invitation(w).token}/",
        ANYONE_SIGNED_IN,
        note="the token is the secret; the page says when the account's address is not the invited one",
    ),
]
