"""The formal review after the deadline: the officer's checklist, correction requests that
reopen only the sections they name, resubmission as a new version, the diff between versions,
formal acceptance and rejection, and offers not corrected in time rejected by the clock."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from accounts.models import AuditEntry, AuditKind, Role
from core.models import Centre
from ngo_grants.display import version_diff
from ngo_grants.models import CorrectionRequest, FormalAnswer, FormalDecision
from ngo_grants.sections import SECTIONS_BY_KEY
from ngo_grants.services import review
from ngo_grants.services.attachments import SubmittedFileKept, remove_attachment
from ngo_grants.services.offers import OfferLocked, save_section
from ngo_grants.services.submission import SubmissionRefused, submit_offer
from ngo_grants.workflow import OfferStatus
from tests.accounts.helpers import make_staff
from tests.ngo_grants import make_call, make_call_index, make_organisation
from tests.ngo_grants.review_helpers import all_met, close_call, correction_requested, offer_after_deadline, review_data
from tests.ngo_grants.staff_helpers import submitted_offer
from tests.ngo_grants.submitting import attach_statute, writer_of

pytestmark = pytest.mark.django_db
WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture
def centre(jaslo):
    return Centre.for_site(jaslo)


@pytest.fixture
def call(jaslo):
    return make_call(make_call_index(jaslo), correction_days=7)


@pytest.fixture
def organisation(centre):
    return make_organisation(centres=[centre])


@pytest.fixture
def offer(call, organisation):
    return offer_after_deadline(call, organisation)


@pytest.fixture
def officer(jaslo):
    return make_staff("dotacje@example.org", jaslo, Role.GRANTS_OFFICER)


@pytest.fixture
def supervisor(jaslo):
    return make_staff("dyrektor@example.org", jaslo, Role.SUPERVISOR)


def page(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def url(offer):
    return f"/admin/oferty/{offer.pk}/ocena-formalna/"


# --- The services --------------------------------------------------------------------------


def test_the_review_waits_for_the_deadline(call, organisation, officer):
    offer = submitted_offer(call, organisation)

    with pytest.raises(review.ReviewRefused, match="po upływie terminu"):
        review.decide_formally(offer, user=officer, accepted=True)
    with pytest.raises(review.ReviewRefused):
        correction_requested(offer, officer)


def test_an_offer_is_accepted_only_when_every_requirement_is_met(offer, officer):
    first, second = offer.call.formal_checks.all()
    review.record_answers(offer, {first: (True, ""), second: (None, "")}, user=officer)

    with pytest.raises(review.ReviewRefused, match="każdy wymóg"):
        review.decide_formally(offer, user=officer, accepted=True)

    review.record_answers(offer, all_met(offer), user=officer)
    decision = review.decide_formally(offer, user=officer, accepted=True)

    offer.refresh_from_db()
    assert offer.status == OfferStatus.FORMALLY_ACCEPTED
    assert decision.version == offer.latest_version()
    assert AuditEntry.objects.filter(kind=AuditKind.OFFER_ACCEPTED, actor=officer).exists()
    assert "spełnia wymogi formalne" in mail.outbox[-1].body


def test_a_rejection_needs_its_reason_and_tells_the_organisation(offer, officer):
    with pytest.raises(review.ReviewRefused, match="powód"):
        review.decide_formally(offer, user=officer, accepted=False, reason="  ")

    review.decide_formally(offer, user=officer, accepted=False, reason="Oferta złożona przez podmiot nieuprawniony.")

    offer.refresh_from_db()
    assert offer.status == OfferStatus.FORMALLY_REJECTED
    assert {message.to[0] for message in mail.outbox[-2:]} >= {offer.organisation.email}
    assert "Oferta złożona przez podmiot nieuprawniony." in mail.outbox[-1].body
    with pytest.raises(review.ReviewRefused, match="zakończyła się"):
        review.decide_formally(offer, user=officer, accepted=True)


def test_only_the_centres_grants_officers_review(offer, supervisor, pulawy):
    other = make_staff("dotacje@pulawy.example.org", pulawy, Role.GRANTS_OFFICER)
    writer = writer_of(offer)

    for user in (supervisor, other, writer):
        with pytest.raises(PermissionDenied):
            review.decide_formally(offer, user=user, accepted=False, reason="Nie.")
        with pytest.raises(PermissionDenied):
            correction_requested(offer, user)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUBMITTED


def test_a_correction_reopens_only_the_sections_it_names_until_the_end_of_its_last_day(offer, officer):
    moment = datetime.datetime(2027, 3, 10, 9, 30, tzinfo=WARSAW)
    correction = review.request_correction(
        offer, user=officer, sections=["costs", "nonsense"], reason="Koszty bez kalkulacji.", now=moment
    )

    offer.refresh_from_db()
    assert offer.status == OfferStatus.CORRECTION
    assert offer.reopened == ["costs", "financing"]  # the sources of financing follow the costs
    assert correction.due_at == datetime.datetime(2027, 3, 17, 23, 59, 59, tzinfo=WARSAW)
    assert "Koszty bez kalkulacji." in mail.outbox[-1].body and "V.B." in mail.outbox[-1].body
    writer = writer_of(offer)
    with pytest.raises(OfferLocked):
        save_section(offer, SECTIONS_BY_KEY["basic"], {"title": "Inny tytuł"}, user=writer)
    save_section(offer, SECTIONS_BY_KEY["costs"], offer.draft["costs"], user=writer)


def test_a_correction_needs_a_section_and_a_reason(offer, officer):
    with pytest.raises(review.ReviewRefused, match="co najmniej jedną"):
        correction_requested(offer, officer, sections=["nonsense"])
    with pytest.raises(review.ReviewRefused, match="co i dlaczego"):
        correction_requested(offer, officer, reason=" ")


def test_the_corrected_offer_is_the_next_version_with_only_the_reopened_section_changed(offer, officer):
    correction_requested(offer, officer, sections=["basic"])
    writer = writer_of(offer)
    first = offer.latest_version()
    basic = {**offer.draft["basic"], "title": "Razem raźniej – poprawiona"}
    save_section(offer, SECTIONS_BY_KEY["basic"], basic, user=writer)
    # Even a draft changed behind the forms' back keeps the parts that were not reopened.
    offer.refresh_from_db()
    offer.draft["resources"]["experience"] = "Dopisane poza korektą."
    offer.save(update_fields=["draft"])

    offer = submit_offer(offer, user=writer)

    second = offer.latest_version()
    assert (offer.status, second.number, offer.number) == (OfferStatus.SUBMITTED, 2, first.content["number"])
    assert second.checksum != first.checksum
    assert second.content["sections"]["resources"] == first.content["sections"]["resources"]
    assert offer.submitted_at == first.created_at  # the deadline judged the first submission
    assert offer.reopened == []
    assert CorrectionRequest.objects.get(offer=offer).corrected_version == second
    changes = version_diff(first.content, second.content)
    assert [(change.section, change.before, change.after) for change in changes] == [
        ("I. Podstawowe informacje", "Razem raźniej", "Razem raźniej – poprawiona")
    ]


def test_a_correction_after_its_deadline_is_refused_and_the_clock_rejects_the_offer(offer, officer):
    close_call(offer.call, days_ago=20)
    moment = timezone.now() - datetime.timedelta(days=10)
    review.request_correction(offer, user=officer, sections=["basic"], reason="Brak podpisu.", now=moment)
    writer = writer_of(offer)

    with pytest.raises(SubmissionRefused, match="Czas na poprawienie"):
        submit_offer(offer, user=writer)

    output = io.StringIO()
    call_command("close_corrections", stdout=output)
    call_command("close_corrections", stdout=output)  # a second run rejects nothing twice

    offer.refresh_from_db()
    decision = FormalDecision.objects.get(offer=offer)
    assert offer.status == OfferStatus.FORMALLY_REJECTED
    assert decision.decided_by is None and "Brak podpisu." in decision.reason
    assert CorrectionRequest.objects.get(offer=offer).expired_at is not None
    assert AuditEntry.objects.filter(kind=AuditKind.OFFER_REJECTED).count() == 1
    assert output.getvalue().splitlines() == [
        "Rejected 1 offer not corrected in time.",
        "Rejected 0 offers not corrected in time.",
    ]


def test_files_sent_with_the_offer_stay_during_a_correction_of_the_attachments(offer, officer):
    correction_requested(offer, officer, sections=["attachments"])
    offer.refresh_from_db()
    writer = writer_of(offer)
    sent = offer.attachments.get()

    with pytest.raises(SubmittedFileKept):
        remove_attachment(sent, user=writer)
    added = attach_statute(offer, name="Statut – poprawiony.pdf")
    remove_attachment(added, user=writer)

    assert list(offer.attachments.all()) == [sent]


# --- The officer's screen ------------------------------------------------------------------


def test_the_officer_answers_and_accepts_on_the_review_screen(client, offer, officer):
    client.force_login(officer)

    soup = page(client.get(url(offer)))
    assert [legend.get_text(strip=True) for legend in soup.select(".formal-requirement legend")] == [
        "Oferta podpisana przez osoby upoważnione do reprezentacji",
        "Działalność statutowa zgodna z zadaniem",
    ]

    response = client.post(url(offer), review_data(offer, action="accept"))

    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.FORMALLY_ACCEPTED
    assert FormalAnswer.objects.filter(offer=offer, met=True).count() == 2


def test_a_refused_action_keeps_what_the_officer_typed(client, offer, officer):
    client.force_login(officer)
    first = offer.call.formal_checks.first()
    data = review_data(offer, action="accept", met="no")
    data[f"note_{first.pk}"] = "Brak podpisu skarbnika."

    soup = page(client.post(url(offer), data))

    assert "każdy wymóg" in soup.select_one(".help-critical").get_text()
    assert soup.select_one(f"#id_note_{first.pk}").get_text().strip() == "Brak podpisu skarbnika."
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUBMITTED
    # The answers themselves were kept: the refusal concerns the decision only.
    assert FormalAnswer.objects.get(offer=offer, requirement=first).note == "Brak podpisu skarbnika."


def test_a_correction_without_sections_or_reason_is_refused_at_the_fields(client, offer, officer):
    client.force_login(officer)

    soup = page(client.post(url(offer), review_data(offer, action="correct")))

    assert soup.select_one("#id_reason").find_parent(class_="w-field__wrapper") is not None
    errors = soup.select_one(".help-critical").get_text(" ", strip=True)
    assert "Wybierz co najmniej jedną część" in errors and "Wpisz powód" in errors
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUBMITTED


def test_the_officer_requests_a_correction_and_compares_the_versions(client, offer, officer):
    client.force_login(officer)
    data = review_data(offer, action="correct", reason="Popraw tytuł.", sections=["basic"])

    client.post(url(offer), data)

    offer.refresh_from_db()
    assert offer.status == OfferStatus.CORRECTION
    writer = writer_of(offer)
    save_section(offer, SECTIONS_BY_KEY["basic"], {**offer.draft["basic"], "title": "Nowy tytuł"}, user=writer)
    submit_offer(offer, user=writer)
    soup = page(client.get(f"/admin/oferty/{offer.pk}/wersje/"))
    cells = [[cell.get_text(strip=True) for cell in row.select("td")] for row in soup.select(".version-diff tbody tr")]
    assert cells == [["I. Podstawowe informacje", "Tytuł zadania publicznego", "Razem raźniej", "Nowy tytuł"]]
    history = page(client.get(url(offer))).select_one("#corrections-title").find_next("table").get_text(" ")
    assert "poprawiona: wersja 2" in history


def test_the_versions_screen_takes_any_query_string(client, offer, officer):
    client.force_login(officer)

    for query in ("?od=99999999999999999999&do=x", "?od=-1&do=1", "?do=%00"):
        response = client.get(f"/admin/oferty/{offer.pk}/wersje/{query}")
        assert response.status_code == 200
        assert "ma tylko jedną wersję" in response.content.decode()


def test_the_supervisor_reads_the_review_but_cannot_decide(client, offer, supervisor):
    client.force_login(supervisor)

    soup = page(client.get(url(offer)))
    assert soup.select_one(".formal-review-form button") is None
    assert all(field.has_attr("disabled") for field in soup.select(".formal-review-form select"))

    response = client.post(url(offer), review_data(offer, action="accept"))
    assert response.status_code in (302, 403)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUBMITTED


def test_the_organisation_reads_the_correction_and_edits_only_the_reopened_section(client, offer, officer):
    correction_requested(offer, officer, sections=["basic"], reason="Brak podpisu skarbnika.")
    client.force_login(writer_of(offer))

    hub = page(client.get(f"/oferty/{offer.pk}/"))
    assert "Brak podpisu skarbnika." in hub.select_one(".correction-request").get_text()
    states = [item.get_text(" ", strip=True) for item in hub.select(".offer-section-item")]
    assert "pozostaje jak w złożonej ofercie" in states[1] and "pozostaje" not in states[0]

    kept = page(client.get(f"/oferty/{offer.pk}/resources/"))
    assert "nie otworzyło tej części" in kept.select_one(".notice").get_text()
    assert all(field.has_attr("disabled") for field in kept.select("textarea"))
    response = client.post(f"/oferty/{offer.pk}/resources/", {"resources-experience": "Zmiana"})
    offer.refresh_from_db()
    assert "Zmiana" not in str(offer.draft["resources"])
    assert response.status_code in (200, 302, 403)


def test_only_the_organisations_writers_submit_the_correction(offer, officer, pulawy):
    correction_requested(offer, officer, sections=["basic"])
    outsider = make_organisation(name="Fundacja Obca", number=3).memberships.get().user

    for user in (outsider, officer):
        with pytest.raises(PermissionDenied):
            submit_offer(offer, user=user)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.CORRECTION and offer.versions.count() == 1


def test_the_attachments_page_offers_to_remove_only_files_added_during_the_correction(client, offer, officer):
    correction_requested(offer, officer, sections=["attachments"])
    offer.refresh_from_db()
    added = attach_statute(offer, name="Statut – poprawiony.pdf")
    client.force_login(writer_of(offer))

    soup = page(client.get(f"/oferty/{offer.pk}/zalaczniki/"))

    forms = [form["action"] for form in soup.select("form.inline-form")]
    assert forms == [f"/oferty/{offer.pk}/zalaczniki/{added.pk}/usun/"]
    response = client.post(f"/oferty/{offer.pk}/zalaczniki/{offer.attachments.first().pk}/usun/", follow=True)
    assert "zostaje w dokumentacji" in response.content.decode()
    assert offer.attachments.count() == 2
