"""The head of the centre's decision and the published results (Step 7, points 3–4): only the
head decides, after the committee's opinion, within each request and each task's funds, with a
reason for less; publishing fills the call page, the notice PDF, CSV and JSON, the news feed and
the organisations' mailboxes."""

import csv
import io
import json
from decimal import Decimal

import pypdf
import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.exceptions import PermissionDenied

from accounts.models import AuditEntry, AuditKind, Role
from home.models import NewsPage
from ngo_grants.models import CallPage, CallProgress, Grant
from ngo_grants.services import results as service
from ngo_grants.services import review
from ngo_grants.workflow import OfferStatus
from tests.accounts.helpers import make_staff
from tests.factories import make_news_index
from tests.ngo_grants import in_days, make_organisation
from tests.ngo_grants.scoring_helpers import adopted, panel
from tests.ngo_grants.staff_helpers import submitted_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def head(jaslo):
    return make_staff("dyrektor@example.org", jaslo, Role.SUPERVISOR)


@pytest.fixture
def board(call, officer, centre):
    return panel(call, officer, centre)


def decide(call, head, amounts, reasons=None, reference="Zarządzenie nr 12/2026 Dyrektora MOPS w Jaśle"):
    reasons = reasons or {}
    return service.decide(
        call,
        user=head,
        reference=reference,
        decided_on=in_days(0).date(),
        amounts={offer.pk: (amount, reasons.get(offer, "")) for offer, amount in amounts.items()},
    )


def test_the_head_decides_only_after_the_committees_opinion(board, call, officer, head, pulawy):
    first, second = board.offers
    with pytest.raises(service.DecisionRefused, match="Komisja nie przyjęła"):
        decide(call, head, {first: Decimal("9000"), second: Decimal("0")}, {second: "Za mało punktów."})

    adopted(board, officer)
    for user in (officer, board.members[0].user, make_staff("dyrektor@pulawy.example.org", pulawy, Role.SUPERVISOR)):
        with pytest.raises(PermissionDenied):
            decide(call, user, {first: Decimal("9000"), second: Decimal("0")}, {second: "Za mało punktów."})
    assert not Grant.objects.exists()


def test_amounts_stay_within_the_request_and_the_funds_and_less_is_explained(board, call, officer, head):
    task = call.tasks.get()
    task.funds = Decimal("15000")
    task.save()
    adopted(board, officer, {board.offers[0]: Decimal("9000"), board.offers[1]: Decimal("6000")})
    first, second = board.offers

    with pytest.raises(service.DecisionRefused, match="wnioskowała") as refused:
        decide(call, head, {first: Decimal("9000.01"), second: Decimal("0")}, {second: "Brak środków."})
    assert refused.value.field == f"amount_{first.pk}"
    with pytest.raises(service.DecisionRefused, match="środki"):
        decide(call, head, {first: Decimal("9000"), second: Decimal("6000.01")}, {second: "Cięcie."})
    with pytest.raises(service.DecisionRefused, match="dlaczego") as refused:
        decide(call, head, {first: Decimal("9000"), second: Decimal("6000")})
    assert refused.value.field == f"reason_{second.pk}"
    with pytest.raises(service.DecisionRefused, match="zmieniły"):
        decide(call, head, {first: Decimal("9000")})
    assert not Grant.objects.exists()


def test_publishing_moves_every_offer_on_and_freezes_the_points(board, call, officer, head):
    adopted(board, officer)
    first, second = board.offers

    decision = decide(call, head, {first: Decimal("9000"), second: Decimal("0")}, {second: "Najniższa ocena."})

    call.refresh_from_db()
    assert call.progress == CallProgress.RESULTS
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, second.status) == (OfferStatus.GRANTED, OfferStatus.NOT_GRANTED)
    assert [grant.points for grant in decision.grants.all()] == [Decimal("15.00"), Decimal("15.00")]
    assert AuditEntry.objects.get(kind=AuditKind.RESULTS_PUBLISHED).actor == head
    with pytest.raises(service.DecisionRefused, match="opublikowana"):
        decide(call, head, {first: Decimal("1"), second: Decimal("0")}, {first: "x", second: "x"})


def test_the_results_reach_the_call_page_the_pdf_the_open_data_news_and_mail(
    client, board, call, officer, head, centre, jaslo, django_capture_on_commit_callbacks
):
    news = make_news_index(jaslo)
    rejected_offer = submitted_offer(call, make_organisation(name="Fundacja Spóźniona", number=5, centres=[centre]),
                                     title="Oferta odrzucona", now=in_days(-5))  # fmt: skip
    review.decide_formally(rejected_offer, user=officer, accepted=False, reason="Brak podpisu.")
    adopted(board, officer)
    first, second = board.offers
    with django_capture_on_commit_callbacks(execute=True):
        reasons = {first: "Obniżono koszty.", second: "Za mało punktów."}
        decide(call, head, {first: Decimal("8000"), second: Decimal("0")}, reasons)

    page = BeautifulSoup(client.get(call.url).content.decode(), "html.parser")
    results = page.select_one(".call-results")
    assert "Zarządzenie nr 12/2026" in results.get_text()
    granted = results.select(".results-granted tbody tr")
    assert (
        len(granted) == 1 and "Fundacja Oferentka 1" in granted[0].get_text() and "8\xa0000,00" in granted[0].get_text()
    )
    assert "Za mało punktów." in results.select_one(".results-not-granted").get_text()
    assert "Brak podpisu." in results.select_one(".results-rejected").get_text()

    pdf = client.get(f"/konkursy-wyniki/{call.pk}/ogloszenie.pdf")
    text = "".join(item.extract_text() for item in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Fundacja Oferentka 1" in text and "Fundacja Spóźniona" in text
    table = client.get(f"/konkursy-wyniki/{call.pk}/wyniki.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(table), delimiter=";"))
    assert [(row["offer_number"], row["granted"], row["outcome"]) for row in rows] == [
        (first.number, "8000.00", "przyznana"),
        (second.number, "0.00", "nieprzyznana"),
        (rejected_offer.number, "0", "odrzucona formalnie"),
    ]
    data = json.loads(client.get(f"/konkursy-wyniki/{call.pk}/wyniki.json").content)
    assert data["decision"].startswith("Zarządzenie") and len(data["results"]) == 3

    item = NewsPage.objects.child_of(news).live().get()
    assert item.title == f"Wyniki konkursu: {call.title}" and "9 000,00" not in item.lead
    assert item.related_links.get().related_page.pk == call.pk
    assert {message.to[0] for message in mail.outbox if "Wyniki konkursu" in message.subject} >= {
        first.organisation.email,
        second.organisation.email,
    }


def test_results_are_not_published_before_the_decision(client, board, call):
    assert client.get(f"/konkursy-wyniki/{call.pk}/ogloszenie.pdf").status_code == 404
    assert client.get(f"/konkursy-wyniki/{call.pk}/wyniki.csv").status_code == 404
    assert client.get(f"/konkursy-wyniki/{call.pk}/wyniki.xml").status_code == 404
    assert client.get(f"/konkursy-wyniki/{10**30}/wyniki.json").status_code == 404
    assert CallPage.objects.get(pk=call.pk).progress != CallProgress.RESULTS


def test_the_head_decides_on_the_admin_screen_with_the_recommendations_prefilled(client, board, call, officer, head):
    adopted(board, officer, {board.offers[0]: Decimal("9000"), board.offers[1]: Decimal("0")})
    first, second = board.offers
    url = f"/admin/oferty/konkursy/{call.pk}/decyzja/"
    client.force_login(officer)
    assert BeautifulSoup(client.get(url).content.decode(), "html.parser").select_one(".decision-form") is None

    client.force_login(head)
    soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    assert soup.select_one(f"#id_amount_{first.pk}")["value"] == "9000.00"
    data = {"reference": "Zarządzenie nr 3/2026", "decided_on": "2026-12-04", f"amount_{first.pk}": "9000",
            f"reason_{first.pk}": "", f"amount_{second.pk}": "0", f"reason_{second.pk}": ""}  # fmt: skip
    refused = BeautifulSoup(client.post(url, data).content.decode(), "html.parser")
    assert refused.select_one(f"#id_reason_{second.pk}_error")
    assert refused.select_one("#id_reference")["value"] == "Zarządzenie nr 3/2026"
    response = client.post(url, {**data, f"reason_{second.pk}": "Najniższa ocena komisji."})
    assert response.status_code == 302
    assert BeautifulSoup(client.get(url).content.decode(), "html.parser").select_one(".results-granted")
