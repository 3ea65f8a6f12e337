"""Rows for the grants staff's admin screens: offers (/admin/oferty/…) and organisations
(/admin/organizacje/…).

Staff never see drafts, and the world's "offer_a" is one, so the rows point at a second offer
of the same organisation to centre A's call, submitted through the real service the first
time a row asks for it (`submitted_offer_a`); its title carries centre A's marker, so a listing
or file that leaks it to centre B's staff fails the matrix. Offers answer the grants officers
and supervisors of their centre; centre B's get "not found".

Organisations belong to no centre: every centre's grants staff may open one (to verify it
before it writes to their calls), but see only their own centre's decision. The row points at
"organisation_other", which centre A verified with a note carrying A's marker, so centre B's
staff opening it prove they do not see A's decision.
"""

from tests.security.access import DENIED, LOGIN, OK, Row, expectations
from tests.security.world import marker

ADMIN_USERS = {"visitor": LOGIN, "unverified": LOGIN}
# Grants officers and supervisors of either centre: each sees their own centre's rows.
GRANTS_STAFF = expectations(DENIED, **ADMIN_USERS, grants_officer=OK, supervisor=OK, superuser=OK)
# Centre A's submitted offer and its files.
OFFER_A = expectations(DENIED, **ADMIN_USERS, grants_officer_at_A=OK, supervisor_at_A=OK, superuser=OK)


def submitted_offer_a(world):
    if "submitted_offer_a" not in world.objects:
        from tests.ngo_grants.staff_helpers import submitted_offer

        world.objects["submitted_offer_a"] = submitted_offer(
            world.call_a, world.organisation_a, title=f"Oferta złożona {marker('a')}"
        )
    return world.objects["submitted_offer_a"]


def verified_elsewhere(world):
    """The other organisation, with centre A's decision on it (a note with A's marker)."""
    from ngo_grants.models import Verification

    organisation = world.organisation_other
    Verification.objects.get_or_create(
        organisation=organisation,
        centre=world.centre_a,
        defaults={"note": f"Sprawdzono {marker('a')}", "decided_by": world.users["grants_officer@A"]},
    )
    return organisation


def with_offer(url):
    """A listing's URL, with centre A's submitted offer in place first so that a leak would show."""

    def build(world):
        submitted_offer_a(world)
        return url

    return build


def offer_url(suffix=""):
    return lambda w: f"/admin/oferty/{submitted_offer_a(w).pk}/{suffix}"


def attachment_url(world):
    offer = submitted_offer_a(world)
    return f"/admin/oferty/{offer.pk}/zalaczniki/{offer.attachments.get().pk}/"


ROWS = [
    # --- Offers ------------------------------------------------------------------------------
    Row("admin/oferty/", with_offer("/admin/oferty/"), GRANTS_STAFF),
    Row("admin/oferty/wyniki/", with_offer("/admin/oferty/wyniki/"), GRANTS_STAFF),
    Row(
        "admin/oferty/konkursy/",
        with_offer("/admin/oferty/konkursy/"),
        GRANTS_STAFF,
        note="each centre's own calls; B's staff do not see A's call",
    ),
    Row("admin/oferty/<int:pk>/", offer_url(), OFFER_A),
    Row("admin/oferty/<int:pk>/tresc.json", offer_url("tresc.json"), OFFER_A),
    Row(
        "admin/oferty/<int:pk>/ocena-formalna/",
        offer_url("ocena-formalna/"),
        OFFER_A,
        note="the supervisor reads it; deciding is the grants officers' (matrix_actions)",
    ),
    Row("admin/oferty/<int:pk>/wersje/", offer_url("wersje/"), OFFER_A),
    Row(
        "admin/oferty/konkursy/<int:call_id>/uniewaznienie/",
        lambda w: f"/admin/oferty/konkursy/{w.call_a.pk}/uniewaznienie/",
        OFFER_A,
        note="a call of centre A: not found for centre B; annulling is the grants officers' (matrix_actions)",
    ),
    Row("admin/oferty/<int:pk>/zalaczniki/<int:attachment_pk>/", attachment_url, OFFER_A),
    Row(
        "admin/oferty/eksport/<int:call_id>/<slug:what>/<slug:fmt>/",
        lambda w: f"/admin/oferty/eksport/{submitted_offer_a(w).call_id}/oferty/csv/",
        OFFER_A,
        note="a call of centre A: not found for centre B",
    ),
    # --- Organisations ---------------------------------------------------------------------
    Row("admin/organizacje/", with_offer("/admin/organizacje/"), GRANTS_STAFF),
    Row("admin/organizacje/wyniki/", with_offer("/admin/organizacje/wyniki/"), GRANTS_STAFF),
    Row(
        "admin/organizacje/<int:pk>/",
        lambda w: f"/admin/organizacje/{verified_elsewhere(w).pk}/",
        GRANTS_STAFF,
        note="any centre's grants staff may verify it; each sees only their own centre's decision",
    ),
]
