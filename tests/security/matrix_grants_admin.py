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

from tests.security.access import DENIED, LOGIN, NOT_ALLOWED, OK, Row, expectations
from tests.security.world import marker

ADMIN_USERS = {"visitor": LOGIN, "unverified": LOGIN}
# Grants officers and supervisors of either centre: each sees their own centre's rows.
GRANTS_STAFF = expectations(DENIED, **ADMIN_USERS, grants_officer=OK, supervisor=OK, superuser=OK)
# Centre A's submitted offer and its files.
OFFER_A = expectations(DENIED, **ADMIN_USERS, grants_officer_at_A=OK, supervisor_at_A=OK, superuser=OK)
# An agreement of centre A with the world's organisation: its members and A's grants staff.
AGREEMENT_READERS = expectations(
    DENIED, **ADMIN_USERS, ngo_admin=OK, ngo_editor=OK, grants_officer_at_A=OK, supervisor_at_A=OK, superuser=OK
)
# The committee of A's closed call: its members only (A's grants officer, "ngo_other").
COMMITTEE_A = expectations(DENIED, **ADMIN_USERS, grants_officer_at_A=OK, ngo_other=OK)
# Its chair only: A's grants officer (the other member gets 403).
CHAIR_A = expectations(DENIED, **ADMIN_USERS, grants_officer_at_A=OK)


def submitted_offer_a(world):
    if "submitted_offer_a" not in world.objects:
        from tests.ngo_grants.staff_helpers import submitted_offer

        world.objects["submitted_offer_a"] = submitted_offer(
            world.call_a, world.organisation_a, title=f"Oferta złożona {marker('a')}"
        )
    return world.objects["submitted_offer_a"]


def closed_call_a(world):
    """A call of centre A whose deadline has passed (built once)."""
    if "closed_call_a" not in world.objects:
        from tests.ngo_grants import make_call
        from tests.ngo_grants.review_helpers import close_call

        call = make_call(world.call_a.get_parent(), f"Konkurs zamknięty {marker('a')}", slug="konkurs-zamkniety")
        world.objects["closed_call_a"] = close_call(call)
    return world.objects["closed_call_a"]


def committee_a(world):
    """The committee of A's closed call, with an offer of the world's organisation accepted
    formally: A's grants officer chairs it, "ngo_other" sits as an organisation's nominee."""
    if "committee_offer_a" not in world.objects:
        from ngo_grants.models import MemberKind
        from ngo_grants.services import committee as service
        from tests.ngo_grants import in_days
        from tests.ngo_grants.review_helpers import accepted
        from tests.ngo_grants.staff_helpers import submitted_offer

        call = closed_call_a(world)
        officer = world.users["grants_officer@A"]
        offer = submitted_offer(call, world.organisation_a, title=f"Oferta komisji {marker('a')}", now=in_days(-5))
        world.objects["committee_offer_a"] = accepted(offer, officer)
        committee = service.committee_of(call)
        service.appoint(committee, user=officer, person=officer, kind=MemberKind.STAFF, chair=True)
        nominee = service.appoint(
            committee, user=officer, person=world.users["ngo_other"], kind=MemberKind.NGO,
            organisation=world.organisation_other,
        )  # fmt: skip
        world.objects["committee_member_a"] = nominee
    return world.objects["committee_offer_a"]


def scoring_a(world):
    """`committee_a`'s offer with both members declared free of conflict and assigned to score
    it, as the committee's work begins."""
    offer = committee_a(world)
    if "scoring_a" not in world.objects:
        from ngo_grants.services import committee as service
        from tests.ngo_grants.scoring_helpers import assign_all

        committee = service.committee_of(offer.call)
        for member in committee.members.all():
            if service.declaration_of(member, offer) is None:
                service.declare(member, offer, conflict=False)
        assign_all(committee, world.users["grants_officer@A"])
        world.objects["scoring_a"] = offer
    return offer


def published_call_a(world):
    """A call of centre A with its results published: one offer of the world's organisation,
    scored, recommended and granted by A's head (8 000 of the 9 000 zł it asked for)."""
    if "published_call_a" not in world.objects:
        from decimal import Decimal

        from ngo_grants.models import MemberKind
        from ngo_grants.services import committee as service
        from ngo_grants.services import results, scoring
        from tests.ngo_grants import in_days, make_call
        from tests.ngo_grants.review_helpers import accepted, close_call
        from tests.ngo_grants.scoring_helpers import Panel, adopted
        from tests.ngo_grants.staff_helpers import submitted_offer

        officer = world.users["grants_officer@A"]
        call = make_call(world.call_a.get_parent(), f"Konkurs z wynikami {marker('a')}", slug="konkurs-z-wynikami")
        close_call(call)
        offer = accepted(submitted_offer(call, world.organisation_a, now=in_days(-5)), officer)
        committee = service.committee_of(call)
        chair = service.appoint(committee, user=officer, person=officer, kind=MemberKind.STAFF, chair=True)
        service.declare(chair, offer, conflict=False)
        scoring.assign(committee, user=officer, seed=1, expected=scoring.fingerprint(scoring.plan(committee, 1)))
        adopted(Panel(call, committee, chair, [], None, [offer]), officer)
        results.decide(call, user=world.users["supervisor@A"], reference=f"Zarządzenie {marker('a')}",
                       decided_on=in_days(0).date(), amounts={offer.pk: (Decimal("8000"), "Cięcie.")})  # fmt: skip
        world.objects["published_call_a"] = call
    return world.objects["published_call_a"]


def agreement_a(world):
    """The granted offer of `published_call_a` with its updated budget accepted and the
    agreement prepared; returns the offer."""
    offer = published_call_a(world).offers.get()
    if "grant_agreement_a" not in world.objects:
        import datetime
        from decimal import Decimal

        from ngo_grants.services import agreements

        officer = world.users["grants_officer@A"]
        writer = world.users["ngo_admin"]
        fits = [(Decimal("8000"), Decimal("8000"), Decimal("0")), (Decimal("1000"), Decimal("0"), Decimal("1000"))]
        update = agreements.submit_update(offer, user=writer, amounts=fits, schedule=f"Harmonogram {marker('a')}")
        agreements.decide_update(update, user=officer, accepted=True)
        start, _end = agreements.period_of(offer)
        agreements.prepare_agreement(offer, user=officer, number=f"ZSS {marker('a')}", overrun_percent=Decimal(10),
                                     instalments=[(start + datetime.timedelta(days=1), Decimal("8000"))])  # fmt: skip
        world.objects["grant_agreement_a"] = offer
    return offer


def small_grant_a(world):
    """A small-grant offer of the world's organisation to centre A, published for comments and
    its title marked with A's marker; with `agreed`, another one awarded with its agreement."""
    if "small_grant_a" not in world.objects:
        import datetime
        from decimal import Decimal

        from django.utils import timezone

        from ngo_grants.models import GrantPlan
        from ngo_grants.services import small_grants

        officer = world.users["grants_officer@A"]
        starts_on = timezone.localdate() + datetime.timedelta(days=20)

        def filed(title, amount):
            grant = small_grants.file_offer(
                user=world.users["ngo_admin"], organisation=world.organisation_a, centre=world.centre_a,
                title=f"{title} {marker('a')}", public_task="pomoc społeczna", description="Opis.", results="Wyniki.",
                starts_on=starts_on, ends_on=starts_on + datetime.timedelta(days=10),
                lines=[("Koszt", amount, amount, Decimal("0"))],
            )  # fmt: skip
            return small_grants.publish(grant, user=officer)

        world.objects["small_grant_a"] = filed("Mały grant", Decimal("5000"))
        GrantPlan.objects.create(centre=world.centre_a, year=starts_on.year, planned_funds=Decimal("100000"))
        agreed = filed("Mały grant z umową", Decimal("4000"))
        later = agreed.comments_until + datetime.timedelta(seconds=1)
        small_grants.decide(agreed, user=officer, granted=True, amount=Decimal("4000"), now=later)
        world.objects["small_grant_agreed_a"] = small_grants.prepare_agreement(agreed, user=officer, number="MG 1")
    return world.objects["small_grant_a"]


def small_grant_agreed_a(world):
    small_grant_a(world)
    return world.objects["small_grant_agreed_a"]


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
    Row("admin/oferty/<int:pk>/teczka.zip", offer_url("teczka.zip"), OFFER_A),
    Row(
        "admin/oferty/<int:pk>/ocena-formalna/",
        offer_url("ocena-formalna/"),
        OFFER_A,
        note="the supervisor reads it; deciding is the grants officers' (matrix_actions)",
    ),
    Row("admin/oferty/<int:pk>/wersje/", offer_url("wersje/"), OFFER_A),
    Row(
        "admin/oferty/<int:pk>/umowa/",
        lambda w: f"/admin/oferty/{agreement_a(w).pk}/umowa/",
        OFFER_A,
        note="the supervisor reads; accepting the budget and preparing the agreement are the grants officers'",
    ),
    Row(
        "admin/oferty/male-granty/",
        lambda w: (small_grant_a(w), "/admin/oferty/male-granty/")[1],
        GRANTS_STAFF,
        note="each centre's own small grants; B's staff do not see A's",
    ),
    Row(
        "admin/oferty/male-granty/<int:pk>/",
        lambda w: f"/admin/oferty/male-granty/{small_grant_a(w).pk}/",
        OFFER_A,
        note="the supervisor reads; publishing and deciding are the grants officers' (matrix_actions)",
    ),
    Row(
        "admin/oferty/<int:pk>/sprawozdania/",
        lambda w: f"/admin/oferty/{agreement_a(w).pk}/sprawozdania/",
        OFFER_A,
        note="the supervisor reads; deciding on reports and calling for one are the grants officers' (matrix_actions)",
    ),
    Row(
        "admin/oferty/konkursy/<int:call_id>/komisja/",
        lambda w: f"/admin/oferty/konkursy/{committee_a(w).call_id}/komisja/",
        OFFER_A,
        note="the supervisor reads it; appointing is the grants officers'",
    ),
    Row(
        "admin/oferty/konkursy/<int:call_id>/komisja/<int:member_id>/usun/",
        lambda w: f"/admin/oferty/konkursy/{committee_a(w).call_id}/komisja/{w.committee_member_a.pk}/usun/",
        expectations(DENIED, **ADMIN_USERS, staff=NOT_ALLOWED, superuser=NOT_ALLOWED),
        note="POST only: tested in test_committee.py",
    ),
    Row(
        "admin/oferty/konkursy/<int:call_id>/przydzial/",
        lambda w: f"/admin/oferty/konkursy/{committee_a(w).call_id}/przydzial/",
        OFFER_A,
        note="the supervisor reads the preview; confirming is the grants officers' (matrix_actions)",
    ),
    Row(
        "admin/oferty/konkursy/<int:call_id>/protokol.pdf",
        lambda w: f"/admin/oferty/konkursy/{committee_a(w).call_id}/protokol.pdf",
        OFFER_A,
    ),
    Row(
        "admin/oferty/konkursy/<int:call_id>/decyzja/",
        lambda w: f"/admin/oferty/konkursy/{committee_a(w).call_id}/decyzja/",
        OFFER_A,
        note="grants officers read it; deciding is the head's, the supervisor (matrix_actions)",
    ),
    Row(
        "admin/oferty/konkursy/<int:call_id>/uzasadnienia/",
        lambda w: f"/admin/oferty/konkursy/{published_call_a(w).pk}/uzasadnienia/",
        OFFER_A,
        note="the supervisor reads the register; answering is the grants officers'",
    ),
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
    # --- The committee's own pages (members need not be staff) -------------------------------
    Row("komisja/", None, expectations(OK, visitor=LOGIN, unverified=LOGIN), note="each person's own seats"),
    Row(
        "komisja/konkursy/<int:call_id>/",
        lambda w: f"/komisja/konkursy/{committee_a(w).call_id}/",
        COMMITTEE_A,
    ),
    Row(
        "komisja/konkursy/<int:call_id>/ranking/",
        lambda w: f"/komisja/konkursy/{scoring_a(w).call_id}/ranking/",
        CHAIR_A,
    ),
    Row(
        "komisja/konkursy/<int:call_id>/protokol.pdf",
        lambda w: f"/komisja/konkursy/{scoring_a(w).call_id}/protokol.pdf",
        CHAIR_A,
    ),
    Row("komisja/oferty/<int:offer_id>/", lambda w: f"/komisja/oferty/{committee_a(w).pk}/", COMMITTEE_A),
    Row(
        "komisja/oferty/<int:offer_id>/ocena/",
        lambda w: f"/komisja/oferty/{scoring_a(w).pk}/ocena/",
        COMMITTEE_A,
        note="both members declared no conflict and are assigned; a conflicted one: test_scoring_pages.py",
    ),
    # --- Published results: public -----------------------------------------------------------
    Row(
        "konkursy-wyniki/<int:call_id>/ogloszenie.pdf",
        lambda w: f"/konkursy-wyniki/{published_call_a(w).pk}/ogloszenie.pdf",
        expectations(OK),
    ),
    Row(
        "konkursy-wyniki/<int:call_id>/wyniki.<slug:fmt>",
        lambda w: f"/konkursy-wyniki/{published_call_a(w).pk}/wyniki.json",
        expectations(OK),
    ),
    Row(
        "oferty/<int:pk>/uzasadnienie/",
        lambda w: f"/oferty/{published_call_a(w).offers.get().pk}/uzasadnienie/",
        expectations(DENIED, visitor=LOGIN, unverified=LOGIN, ngo_admin=OK, ngo_editor=OK),
        note="the writers of the offering organisation; the centre answers in the admin register",
    ),
    Row(
        "oferty/<int:pk>/aktualizacja-budzetu/",
        lambda w: f"/oferty/{agreement_a(w).pk}/aktualizacja-budzetu/",
        expectations(DENIED, visitor=LOGIN, unverified=LOGIN, ngo_admin=OK, ngo_editor=OK),
    ),
    Row(
        "oferty/<int:pk>/sprawozdanie-<slug:kind>/",
        lambda w: f"/oferty/{agreement_a(w).pk}/sprawozdanie-koncowe/",
        expectations(DENIED, visitor=LOGIN, unverified=LOGIN, ngo_admin=OK, ngo_editor=OK),
        note="the writers of the organisation; the centre reads reports in the admin",
    ),
    # --- Small grants on the centre's site ------------------------------------------------------
    Row("male-granty/", lambda w: (small_grant_a(w), "/male-granty/")[1], expectations(OK)),
    Row("male-granty/nowy/", None, expectations(OK, visitor=LOGIN, unverified=LOGIN)),
    Row(
        "male-granty/<int:pk>/",
        lambda w: f"/male-granty/{small_grant_a(w).pk}/",
        expectations(OK),
        note="published for comments: public",
    ),
    Row(
        "male-granty/<int:pk>/umowa.pdf",
        lambda w: f"/male-granty/{small_grant_agreed_a(w).pk}/umowa.pdf",
        AGREEMENT_READERS,
        note="the organisation's members and centre A's grants staff",
    ),
    Row(
        "oferty/<int:pk>/umowa.pdf",
        lambda w: f"/oferty/{agreement_a(w).pk}/umowa.pdf",
        AGREEMENT_READERS,
        note="the organisation's members and centre A's grants staff",
    ),
    Row(
        "konkursy-statystyki/<int:index_id>/<int:year>.csv",
        lambda w: f"/konkursy-statystyki/{w.call_a.get_parent().pk}/{w.call_a.year}.csv",
        expectations(OK),
        note="counts and sums only, as the archive page shows them",
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
