"""Submitting through the site: the check page lists what to correct, a double click gives one
submission, a refusal says why, withdrawal asks first, and a new draft starts from an old offer."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from accounts.models import Role
from core.models import MailStatus, OutgoingMail
from ngo_grants.models import Offer, OfferVersion
from ngo_grants.services.submission import submit_offer
from ngo_grants.workflow import OfferStatus
from tests.accounts.helpers import make_staff
from tests.ngo_grants import add_member, in_days
from tests.ngo_grants.submitting import ready_offer, writer_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(jaslo):
    return ready_offer(jaslo)


@pytest.fixture
def writer(client, offer):
    client.force_login(writer_of(offer))
    return client


def page(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_the_check_page_links_every_problem_to_where_it_is_corrected(writer, offer):
    offer.attachments.all().delete()
    offer.draft["task"]["synopsis"] = ""
    offer.save()

    soup = page(writer.get(f"/oferty/{offer.pk}/zloz/"))

    links = {a.get_text(strip=True): a["href"] for a in soup.select(".submit-problems a")}
    assert links == {
        "III. Zadanie publiczne – Syntetyczny opis zadania: To pole jest wymagane.": f"/oferty/{offer.pk}/task/",
        "Brakuje załącznika wymaganego w konkursie: Statut organizacji.": f"/oferty/{offer.pk}/zalaczniki/",
    }
    assert soup.select_one(".submit-form") is None


def test_the_check_page_shows_the_deadline_and_the_time_left(writer, offer):
    soup = page(writer.get(f"/oferty/{offer.pk}/zloz/"))

    deadline = soup.select_one(".deadline").get_text(" ", strip=True)
    assert "Termin składania ofert:" in deadline and "Zostało: 4\u00a0tygodnie" in deadline
    assert soup.select_one(".submit-form button")


def test_a_double_click_gives_one_submission_and_no_error(writer, offer):
    first = writer.post(f"/oferty/{offer.pk}/zloz/")
    second = writer.post(f"/oferty/{offer.pk}/zloz/", follow=True)

    assert first.status_code == 302 and first["Location"] == f"/oferty/{offer.pk}/"
    assert OfferVersion.objects.filter(offer=offer).count() == 1
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUBMITTED and offer.number
    messages = [message.get_text(strip=True) for message in page(second).select(".message")]
    assert messages[-1] == f"Ta oferta została już złożona pod numerem {offer.number}."
    assert not page(second).select(".message-error")


def test_after_the_deadline_the_check_page_says_so_and_nothing_is_written(writer, offer):
    call = offer.call
    call.opens_at, call.closes_at = in_days(-30), in_days(-1)
    call.save()

    response = writer.post(f"/oferty/{offer.pk}/zloz/")

    assert response.status_code == 200
    assert "Termin składania ofert minął" in page(response).select_one(".message-error").get_text()
    offer.refresh_from_db()
    assert (offer.status, offer.number) == (OfferStatus.DRAFT, "")
    assert not OfferVersion.objects.exists()


def test_an_unverified_organisation_is_told_before_and_on_submitting(writer, offer):
    offer.organisation.verifications.all().delete()

    assert (
        "nie zweryfikował jeszcze" in page(writer.get(f"/oferty/{offer.pk}/zloz/")).select_one(".submit-blockers").text
    )
    response = writer.post(f"/oferty/{offer.pk}/zloz/")
    assert "nie zweryfikował jeszcze" in page(response).select_one(".message-error").get_text()
    assert not OfferVersion.objects.exists()


def test_submission_succeeds_while_the_mail_server_is_down_and_the_mail_waits(writer, offer, smtp_down):
    response = writer.post(f"/oferty/{offer.pk}/zloz/")

    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUBMITTED
    waiting = OutgoingMail.objects.filter(status=MailStatus.PENDING)
    assert {item.to for item in waiting} == {offer.organisation.email, writer_of(offer).email}
    assert mail.outbox == []

    smtp_down.restore()
    smtp_down.run_retries()

    assert len(mail.outbox) == 2
    body = mail.outbox[0].body
    assert f"http://localhost/oferty/{offer.pk}/potwierdzenie.pdf" in body
    assert offer.latest_version().checksum in body


def test_withdrawal_asks_first_then_a_new_draft_starts_from_the_offer(writer, offer):
    submit_offer(offer, user=writer_of(offer))

    confirm = page(writer.get(f"/oferty/{offer.pk}/wycofaj/"))
    assert confirm.select_one(".withdraw-form button")
    writer.post(f"/oferty/{offer.pk}/wycofaj/")
    offer.refresh_from_db()
    assert offer.status == OfferStatus.WITHDRAWN

    response = writer.post(f"/oferty/{offer.pk}/nowa-z-tej/")

    copy = Offer.objects.exclude(pk=offer.pk).get()
    assert response["Location"] == f"/oferty/{copy.pk}/"
    assert copy.status == OfferStatus.DRAFT and copy.draft == offer.draft
    [original], [copied] = offer.attachments.all(), copy.attachments.all()
    assert copied.sha256 == original.sha256 and copied.file.name != original.file.name
    assert copied.file.read() == original.file.read()
    assert writer.post(f"/oferty/{copy.pk}/zloz/").status_code == 302
    copy.refresh_from_db()
    assert copy.status == OfferStatus.SUBMITTED and copy.number != offer.number


def test_withdrawal_after_the_deadline_is_refused_with_a_message(writer, offer):
    submit_offer(offer, user=writer_of(offer))
    call = offer.call
    call.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    call.save()

    response = writer.post(f"/oferty/{offer.pk}/wycofaj/", follow=True)

    assert "Po upływie terminu" in page(response).select_one(".message-error").get_text()
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUBMITTED


def test_only_the_organisations_writers_reach_submission(client, jaslo, pulawy, offer):
    stranger = add_member(ready_offer(jaslo, number=1, attach=False).organisation)
    staff = make_staff("urzednik@example.org", jaslo, Role.GRANTS_OFFICER)
    for user in (stranger, staff):
        client.force_login(user)
        for path in ("zloz/", "wycofaj/", "nowa-z-tej/"):
            assert client.post(f"/oferty/{offer.pk}/{path}").status_code == 404
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT and Offer.objects.count() == 2
