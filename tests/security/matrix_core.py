"""Rows for core's admin screen "Outgoing e-mails" (/admin/poczta/).

Each centre's supervisor sees and sends again their own centre's mail (centre B's supervisor
gets 404 for a mail of centre A); failed background jobs carry no centre, so only superusers
run them again. Each POST gets a fresh failed mail or job, so one actor's success does not
change what the next one meets.
"""

from tests.security.access import DENIED, LOGIN, OK, REDIRECT, Row, expectations

ADMIN_USERS = {"visitor": LOGIN, "unverified": LOGIN}
SUPERVISORS = expectations(DENIED, **ADMIN_USERS, supervisor=OK, superuser=OK)
SEND_A_AGAIN = expectations(DENIED, **ADMIN_USERS, supervisor_at_A=REDIRECT, superuser=REDIRECT)
SEND_OWN_AGAIN = expectations(DENIED, **ADMIN_USERS, supervisor=REDIRECT, superuser=REDIRECT)
SUPERUSER_ONLY = expectations(DENIED, **ADMIN_USERS, superuser=REDIRECT)


def failed_mail_url(world):
    from core.models import MailStatus, OutgoingMail

    failed = OutgoingMail.objects.create(
        site=world.site_a,
        sender="MOPS Jasło <no-reply@localhost>",
        to="anna@example.org",
        subject="Zgłoszenie przyjęte",
        text="Treść",
        status=MailStatus.FAILED,
        attempts=8,
        last_error="ConnectionRefusedError: [Errno 111] Connection refused",
    )
    return f"/admin/poczta/{failed.pk}/wyslij-ponownie/"


def failed_job_url(world):
    import uuid

    from django_tasks_db.models import DBTaskResult, get_date_max

    job = DBTaskResult.objects.create(
        id=uuid.uuid4(),
        status="FAILED",
        args_kwargs={"args": [999999], "kwargs": {}},
        task_path="core.mail.deliver_mail",
        backend_name="default",
        run_after=get_date_max(),
        exception_class_path="smtplib.SMTPServerDisconnected",
        traceback="",
    )
    return f"/admin/poczta/zadania/{job.pk}/uruchom-ponownie/"


ROWS = [
    Row("admin/poczta/", None, SUPERVISORS),
    Row("admin/poczta/<int:pk>/wyslij-ponownie/", failed_mail_url, SEND_A_AGAIN, method="post"),
    Row(
        "admin/poczta/wyslij-ponownie-nieudane/",
        "/admin/poczta/wyslij-ponownie-nieudane/",
        SEND_OWN_AGAIN,
        method="post",
    ),
    Row("admin/poczta/zadania/<uuid:result_id>/uruchom-ponownie/", failed_job_url, SUPERUSER_ONLY, method="post"),
]
