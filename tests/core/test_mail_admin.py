"""The "Outgoing e-mails" admin screen: staff see what the mail server did not take, with the
error, and send it again; each centre's supervisor sees only their centre's mail."""

import uuid

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from accounts.models import Role
from core import mail as outbox
from core.models import MailStatus, OutgoingMail
from tests.accounts.helpers import make_person, make_staff

pytestmark = pytest.mark.django_db

INDEX = "/admin/poczta/"


def rows(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [row.get_text(" ", strip=True) for row in soup.select("table.listing tbody tr")]


def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def failed_at_jaslo(jaslo, smtp_down, settings):
    settings.MAIL_MAX_ATTEMPTS = 1
    return outbox.send(to="anna@example.org", subject="Zgłoszenie przyjęte", text="T", site_id=jaslo.pk)


@pytest.fixture
def waiting_at_pulawy(pulawy, smtp_down):
    return outbox.send(to="jan@example.org", subject="Przypomnienie", text="T", site_id=pulawy.pk)


def test_a_failed_mail_shows_with_its_error_and_attempts(client, failed_at_jaslo):
    superuser = make_person("admin@example.org", is_superuser=True, is_staff=True)

    response = signed_in(client, superuser).get(INDEX)

    assert response.status_code == 200
    [row] = rows(response)
    assert "anna@example.org" in row
    assert "Zgłoszenie przyjęte" in row
    assert "ConnectionRefusedError" in row
    assert "niewysłana – koniec prób" in row


def test_each_supervisor_sees_only_their_own_centres_mail(client, jaslo, failed_at_jaslo, waiting_at_pulawy):
    supervisor = make_staff("kierownik@example.org", jaslo, Role.SUPERVISOR)

    [row] = rows(signed_in(client, supervisor).get(INDEX))

    assert "anna@example.org" in row
    assert "jan@example.org" not in row
    response = client.post(f"{INDEX}{waiting_at_pulawy.pk}/wyslij-ponownie/")
    assert response.status_code == 404


def test_staff_other_than_supervisors_cannot_open_the_screen(client, jaslo, failed_at_jaslo):
    coordinator = make_staff("koordynator@example.org", jaslo, Role.COORDINATOR)

    response = signed_in(client, coordinator).get(INDEX)

    assert response.status_code in {302, 403}
    assert "anna@example.org" not in response.content.decode()


def test_sending_again_from_the_screen_delivers_once_the_server_is_back(client, jaslo, failed_at_jaslo, smtp_down):
    supervisor = make_staff("kierownik@example.org", jaslo, Role.SUPERVISOR)
    smtp_down.restore()

    response = signed_in(client, supervisor).post(f"{INDEX}{failed_at_jaslo.pk}/wyslij-ponownie/", follow=True)

    assert [message.to for message in mail.outbox] == [["anna@example.org"]]
    assert OutgoingMail.objects.get(pk=failed_at_jaslo.pk).status == MailStatus.SENT
    assert rows(response) == []


def test_sending_all_failed_again_covers_only_the_supervisors_centre(
    client, jaslo, failed_at_jaslo, waiting_at_pulawy, smtp_down
):
    OutgoingMail.objects.filter(pk=waiting_at_pulawy.pk).update(status=MailStatus.FAILED)
    supervisor = make_staff("kierownik@example.org", jaslo, Role.SUPERVISOR)
    smtp_down.restore()

    signed_in(client, supervisor).post(f"{INDEX}wyslij-ponownie-nieudane/")

    assert [message.to for message in mail.outbox] == [["anna@example.org"]]
    assert OutgoingMail.objects.get(pk=waiting_at_pulawy.pk).status == MailStatus.FAILED


def failed_job(task_path, *args):
    return DBTaskResult.objects.create(
        id=uuid.uuid4(),
        status="FAILED",
        args_kwargs={"args": list(args), "kwargs": {}},
        task_path=task_path,
        backend_name="default",
        run_after=get_date_max(),
        finished_at=timezone.now(),
        exception_class_path="smtplib.SMTPServerDisconnected",
        traceback="Traceback …",
    )


def test_superusers_see_failed_background_jobs_and_run_them_again(client, jaslo, smtp_down):
    smtp_down.restore()
    queued = OutgoingMail.objects.create(sender="x@example.org", to="anna@example.org", subject="S", text="T")
    job = failed_job("core.mail.deliver_mail", queued.pk)
    superuser = make_person("admin@example.org", is_superuser=True, is_staff=True)

    html = signed_in(client, superuser).get(INDEX).content.decode()
    assert "core.mail.deliver_mail" in html
    assert "smtplib.SMTPServerDisconnected" in html

    client.post(f"{INDEX}zadania/{job.pk}/uruchom-ponownie/")

    assert [message.to for message in mail.outbox] == [["anna@example.org"]]
    assert not DBTaskResult.objects.filter(pk=job.pk).exists()


def test_supervisors_do_not_see_or_rerun_background_jobs(client, jaslo):
    job = failed_job("core.mail.deliver_mail", 1)
    supervisor = make_staff("kierownik@example.org", jaslo, Role.SUPERVISOR)

    html = signed_in(client, supervisor).get(INDEX).content.decode()
    response = client.post(f"{INDEX}zadania/{job.pk}/uruchom-ponownie/")

    assert "core.mail.deliver_mail" not in html
    assert response.status_code in {302, 403}
    assert DBTaskResult.objects.filter(pk=job.pk).exists()
