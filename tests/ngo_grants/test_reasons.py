"""The register of requests for the reasons of the choice (Step 7, point 4): an organisation
asks within 30 days of the results, once per offer; the grants officer answers and the answer
reaches the organisation by mail; the register stays with the call."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.exceptions import PermissionDenied

from accounts.models import Role
from ngo_grants.models import MemberRole, ReasonsRequest
from ngo_grants.services import results as service
from tests.accounts.helpers import make_staff
from tests.ngo_grants import add_member, in_days
from tests.ngo_grants.scoring_helpers import adopted, panel
from tests.security.world import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(call, officer, centre, jaslo):
    board = adopted(panel(call, officer, centre), officer)
    first, second = board.offers
    head = make_staff("dyrektor@example.org", jaslo, Role.SUPERVISOR)
    decision = service.decide(
        call,
        user=head,
        reference="Zarządzenie nr 12/2026",
        decided_on=in_days(0).date(),
        amounts={first.pk: (Decimal("9000"), ""), second.pk: (Decimal("0"), "Wyczerpane środki.")},
    )
    second.refresh_from_db()
    return decision, second


def writer(offer):
    return offer.organisation.memberships.get(role=MemberRole.ADMIN).user


def test_an_organisation_asks_once_within_30_days(published):
    decision, offer = published
    due = service.reasons_due(decision)
    assert due.date() - decision.published_at.date() == datetime.timedelta(days=30)

    with pytest.raises(service.DecisionRefused, match="30 dni"):
        late = due + datetime.timedelta(seconds=1)
        service.request_reasons(offer, user=writer(offer), question="Dlaczego?", now=late)
    request = service.request_reasons(offer, user=writer(offer), question="Dlaczego bez dotacji?", now=due)
    assert request.centre_id == offer.centre_id
    with pytest.raises(service.DecisionRefused, match="już"):
        service.request_reasons(offer, user=writer(offer), question="Jeszcze raz?")


def test_only_the_organisations_writers_ask(published, officer):
    _decision, offer = published
    for user in (make_user("obcy@example.org"), officer):
        with pytest.raises(PermissionDenied):
            service.request_reasons(offer, user=user, question="Dlaczego?")
    editor = add_member(offer.organisation, make_user("redaktorka@example.org"), MemberRole.EDITOR)
    assert service.request_reasons(offer, user=editor, question="Dlaczego?").requested_by == editor


def test_nobody_asks_before_the_results(call, officer, centre):
    board = adopted(panel(call, officer, centre, offers=1), officer)
    offer = board.offers[0]

    with pytest.raises(service.DecisionRefused, match="nie zostały jeszcze opublikowane"):
        service.request_reasons(offer, user=writer(offer), question="Dlaczego?")


def test_the_officer_answers_and_the_organisation_reads_it_by_mail(published, officer, jaslo, pulawy):
    _decision, offer = published
    request = service.request_reasons(offer, user=writer(offer), question="Dlaczego bez dotacji?")
    for user in (make_staff("dyrektor2@example.org", jaslo, Role.SUPERVISOR),
                 make_staff("dotacje@pulawy.example.org", pulawy, Role.GRANTS_OFFICER)):  # fmt: skip
        with pytest.raises(PermissionDenied):
            service.answer_reasons(request, user=user, answer="Bo tak.")
    with pytest.raises(service.DecisionRefused, match="odpowiedź") as refused:
        service.answer_reasons(request, user=officer, answer="   ")
    assert refused.value.field == "answer"

    service.answer_reasons(request, user=officer, answer="Oferta zajęła drugie miejsce, a środki wystarczyły na jedną.")

    request.refresh_from_db()
    assert request.answered and request.answered_by == officer
    sent = [item for item in mail.outbox if "Uzasadnienie wyboru" in item.subject]
    assert all("drugie miejsce" in message.body for message in sent)
    assert {address for message in sent for address in message.to} == {offer.organisation.email, writer(offer).email}
    with pytest.raises(service.DecisionRefused):
        service.answer_reasons(request, user=officer, answer="Druga odpowiedź.")


def test_the_pages_of_the_register(client, published, officer):
    decision, offer = published
    client.force_login(writer(offer))
    url = f"/oferty/{offer.pk}/uzasadnienie/"
    hub = BeautifulSoup(client.get(f"/oferty/{offer.pk}/").content.decode(), "html.parser")
    assert "Wyczerpane środki." in hub.select_one(".offer-grant").get_text() and hub.find("a", href=url)

    refused = BeautifulSoup(client.post(url, {"question": ""}).content.decode(), "html.parser")
    assert refused.select_one("#id_question_error")
    assert client.post(url, {"question": "Prosimy o uzasadnienie oceny kalkulacji kosztów."}).status_code == 302
    assert BeautifulSoup(client.get(url).content.decode(), "html.parser").select_one(".reasons-form") is None

    client.force_login(officer)
    register = f"/admin/oferty/konkursy/{offer.call_id}/uzasadnienia/"
    item = ReasonsRequest.objects.get()
    empty = client.post(register, {"request": str(item.pk), f"answer-{item.pk}-answer": ""})
    soup = BeautifulSoup(empty.content.decode(), "html.parser")
    assert soup.select_one(f"#id_answer-{item.pk}-answer_error")
    assert client.post(register, {"request": "9" * 40, f"answer-{item.pk}-answer": "x"}).status_code == 404
    answer = {"request": str(item.pk), f"answer-{item.pk}-answer": "Kalkulacja bez wyceny sal."}
    response = client.post(register, answer)
    assert response.status_code == 302
    client.force_login(writer(offer))
    assert "Kalkulacja bez wyceny sal." in client.get(url).content.decode()
