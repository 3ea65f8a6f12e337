"""The committee's assessment forms survive hostile input (see tests/security/hostile.py): the
member's score, the chair's recommended amounts and the adoption of the opinion, and the
officer's confirmation of an assignment; what they store stays within the rules."""

from decimal import Decimal

import pytest

from accounts.models import Role
from core.models import Centre
from ngo_grants.models import (
    Agreement,
    Assignment,
    BudgetUpdate,
    CallPage,
    Committee,
    Decision,
    Grant,
    Offer,
    ReasonsRequest,
    Recommendation,
    Score,
)
from ngo_grants.services import agreements, results, scoring
from ngo_grants.workflow import OfferStatus
from tests.accounts.helpers import make_staff
from tests.ngo_grants import make_call, make_call_index
from tests.ngo_grants.scoring_helpers import adopted, panel, score
from tests.security.hostile import assert_form_survives_hostile_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(jaslo):
    return make_staff("dotacje@example.org", jaslo, Role.GRANTS_OFFICER)


@pytest.fixture
def board(jaslo, officer):
    return panel(make_call(make_call_index(jaslo)), officer, Centre.for_site(jaslo), offers=1, members=1)


def test_score_form_survives_hostile_input(client, board):
    offer = board.offers[0]
    first, second = offer.call.criteria.all()
    client.force_login(board.members[0].user)

    report = assert_form_survives_hostile_input(
        client,
        f"/komisja/oferty/{offer.pk}/ocena/",
        # Every criterion's pair of fields is the same code: one is swept, the other sent as is.
        fields={
            f"points_{first.pk}": "3",
            f"justification_{first.pk}": "Koszty księgowości zawyżone.",
            "proposed_amount": "8500,00",
            "cut_reason": "Koszty administracyjne do obniżenia.",
            "remarks": "Doświadczona organizacja.",
        },
        fixed_data={"action": "save", f"points_{second.pk}": "8", f"justification_{second.pk}": ""},
        prepare=lambda: Score.objects.all().delete(),
        max_examples=5,
    )

    assert report["redirected"] > 0 and report["refused"] > 0
    for stored in Score.objects.prefetch_related("points"):
        assert Decimal(0) <= stored.proposed_amount <= offer.grant_requested
        assert all(0 <= item.points <= item.max_points for item in stored.points.all())
        assert stored.proposed_amount == offer.grant_requested or stored.cut_reason.strip()


def test_chair_forms_survive_hostile_input(client, board, officer):
    offer = board.offers[0]
    for member in [board.chair, *board.members]:
        score(member, offer)
    client.force_login(officer)
    url = f"/komisja/konkursy/{offer.call_id}/ranking/"

    recommended = assert_form_survives_hostile_input(
        client,
        url,
        fields={f"recommend-amount_{offer.pk}": "9000", f"recommend-note_{offer.pk}": "Pełna kwota."},
        fixed_data={"action": "recommend"},
        form_context_name="recommend_form",
        max_examples=5,
    )
    assert recommended["redirected"] > 0 and recommended["refused"] > 0
    stored = Recommendation.objects.get(offer=offer)
    assert Decimal(0) <= stored.amount <= offer.grant_requested

    def not_adopted_yet():
        Committee.objects.filter(pk=board.committee.pk).update(opinion_adopted_at=None)
        Offer.objects.filter(pk=offer.pk).update(status=OfferStatus.FORMALLY_ACCEPTED)

    adopted = assert_form_survives_hostile_input(
        client,
        url,
        fields={"adopt-meeting_on": "2026-12-01", "adopt-present": str(board.chair.pk)},
        fixed_data={"action": "adopt"},
        form_context_name="adopt_form",
        prepare=not_adopted_yet,
        max_examples=5,
    )
    assert adopted["redirected"] > 0 and adopted["refused"] > 0


def test_assignment_confirmation_survives_hostile_input(client, jaslo, officer):
    board = panel(make_call(make_call_index(jaslo)), officer, Centre.for_site(jaslo), offers=1, assign=False)
    client.force_login(officer)
    report = assert_form_survives_hostile_input(
        client,
        f"/admin/oferty/konkursy/{board.call.pk}/przydzial/",
        fields={"seed": "5", "expected": scoring.fingerprint(scoring.plan(board.committee, 5))},
        prepare=lambda: Assignment.objects.all().delete(),
        max_examples=5,
    )

    assert report["redirected"] > 0
    assert Assignment.objects.count() in (0, 3)


def test_decision_form_survives_hostile_input(client, board, officer, jaslo):
    adopted(board, officer)
    offer = board.offers[0]
    call = offer.call
    progress = CallPage.objects.get(pk=call.pk).progress
    head = make_staff("dyrektor@example.org", jaslo, Role.SUPERVISOR)
    client.force_login(head)

    def not_decided_yet():
        Grant.objects.all().delete()
        Decision.objects.all().delete()
        Offer.objects.filter(pk=offer.pk).update(status=OfferStatus.SCORED)
        CallPage.objects.filter(pk=call.pk).update(progress=progress)

    report = assert_form_survives_hostile_input(
        client,
        f"/admin/oferty/konkursy/{call.pk}/decyzja/",
        fields={
            "reference": "Zarządzenie nr 12/2026",
            "decided_on": "2026-12-04",
            f"amount_{offer.pk}": "8000,00",
            f"reason_{offer.pk}": "Obniżono koszty administracyjne.",
        },
        prepare=not_decided_yet,
        max_examples=5,
    )

    assert report["redirected"] > 0 and report["refused"] > 0
    for grant in Grant.objects.all():
        assert Decimal(0) <= grant.amount <= offer.grant_requested
        assert grant.amount == offer.grant_requested or grant.reason.strip()


def test_reasons_forms_survive_hostile_input(client, board, officer, jaslo):
    adopted(board, officer)
    offer = board.offers[0]
    head = make_staff("dyrektor@example.org", jaslo, Role.SUPERVISOR)
    results.decide(offer.call, user=head, reference="Zarządzenie nr 1/2026", decided_on=offer.call.results_on,
                   amounts={offer.pk: (offer.grant_requested, "")})  # fmt: skip
    client.force_login(offer.organisation.memberships.first().user)
    asked = assert_form_survives_hostile_input(
        client,
        f"/oferty/{offer.pk}/uzasadnienie/",
        fields={"question": "Prosimy o uzasadnienie oceny."},
        prepare=lambda: ReasonsRequest.objects.all().delete(),
        max_examples=5,
    )
    assert asked["redirected"] > 0 and asked["refused"] > 0

    # The sweep's last input may have been a valid request: the answer form needs exactly one.
    ReasonsRequest.objects.all().delete()
    request = results.request_reasons(offer, user=offer.organisation.memberships.first().user, question="Dlaczego?")
    client.force_login(officer)
    answered = assert_form_survives_hostile_input(
        client,
        f"/admin/oferty/konkursy/{offer.call_id}/uzasadnienia/",
        fields={f"answer-{request.pk}-answer": "Oferta spełniła kryteria."},
        fixed_data={"request": str(request.pk)},
        prepare=lambda: ReasonsRequest.objects.filter(pk=request.pk).update(answer="", answered_at=None),
        max_examples=5,
    )
    assert answered["redirected"] > 0 and answered["refused"] > 0
    for item in ReasonsRequest.objects.all():
        assert "\x00" not in item.answer and len(item.answer) <= 8000


@pytest.fixture
def granted_less(board, officer, jaslo):
    """`board`'s offer granted 8 000 of the 9 000 zł it asked for."""
    adopted(board, officer)
    offer = board.offers[0]
    head = make_staff("dyrektor@example.org", jaslo, Role.SUPERVISOR)
    results.decide(offer.call, user=head, reference="Zarządzenie nr 1/2026", decided_on=offer.call.results_on,
                   amounts={offer.pk: (Decimal("8000"), "Cięcie.")})  # fmt: skip
    offer.refresh_from_db()
    return offer


def test_budget_update_form_survives_hostile_input(client, granted_less):
    offer = granted_less
    client.force_login(offer.organisation.memberships.first().user)
    # Every cost line is the same three fields: the first is swept, the second sent as is.
    fields = {"schedule": "Wizyty od marca."}
    fields.update(
        {f"line_0_{key}": value for key, value in zip(agreements.AMOUNTS, ("8000", "8000", "0"), strict=True)}
    )
    second_line = {f"line_1_{key}": value for key, value in zip(agreements.AMOUNTS, ("1000", "0", "1000"), strict=True)}

    report = assert_form_survives_hostile_input(
        client,
        f"/oferty/{offer.pk}/aktualizacja-budzetu/",
        fields=fields,
        fixed_data=second_line,
        prepare=lambda: BudgetUpdate.objects.all().delete(),
        max_examples=5,
    )

    assert report["redirected"] > 0 and report["refused"] > 0
    for update in BudgetUpdate.objects.all():
        assert sum(Decimal(line["from_grant"]) for line in update.lines) == Decimal("8000")


def test_agreement_screen_forms_survive_hostile_input(client, granted_less, officer):
    offer = granted_less
    writer = offer.organisation.memberships.first().user
    fits = [(Decimal("8000"), Decimal("8000"), Decimal("0")), (Decimal("1000"), Decimal("0"), Decimal("1000"))]
    update = agreements.submit_update(offer, user=writer, amounts=fits, schedule="Plan.")
    client.force_login(officer)
    url = f"/admin/oferty/{offer.pk}/umowa/"

    decided = assert_form_survives_hostile_input(
        client,
        url,
        fields={"update-decision": "return", "update-remarks": "Prosimy o harmonogram miesięczny."},
        fixed_data={"form": "update"},
        form_context_name="update_form",
        prepare=lambda: BudgetUpdate.objects.filter(pk=update.pk).update(accepted=None, decided_at=None, remarks=""),
        max_examples=5,
    )
    assert decided["redirected"] > 0 and decided["refused"] > 0

    BudgetUpdate.objects.filter(pk=update.pk).update(accepted=True)
    start, _end = agreements.period_of(offer)
    prepared = assert_form_survives_hostile_input(
        client,
        url,
        fields={
            "agreement-number": "ZSS.526.1.2027",
            "agreement-overrun_percent": "10",
            "agreement-partial_report_on": "",
            "agreement-due_1": start.isoformat(),
            "agreement-amount_1": "8000",
            "agreement-due_2": "",
            "agreement-amount_2": "",
        },  # fmt: skip
        fixed_data={"form": "agreement", "agreement-due_3": "", "agreement-amount_3": ""},
        form_context_name="agreement_form",
        prepare=lambda: (
            Agreement.objects.all().delete(),
            Offer.objects.filter(pk=offer.pk).update(status=OfferStatus.GRANTED),
        ),  # fmt: skip
        max_examples=5,
    )
    assert prepared["redirected"] > 0 and prepared["refused"] > 0
    for agreement in Agreement.objects.all():
        assert sum(Decimal(item["amount"]) for item in agreement.instalments) == agreement.amount
