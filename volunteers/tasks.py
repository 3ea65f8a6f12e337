"""Background jobs of volunteering (django-tasks): e-mails about applications.

They run after the transaction commits and take only ids, so a failing mail server leaves the
application saved and the job can simply be run again.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from volunteers.models import Application


def _subjects():
    return {
        "submitted": _("Your application has been submitted: %(task)s"),
        "waiting": _("You are on the waiting list: %(task)s"),
        "accepted": _("Your application has been accepted: %(task)s"),
        "declined": _("Your application has been declined: %(task)s"),
        "withdrawn": _("You have withdrawn your application: %(task)s"),
        "promoted": _("A place has become free: %(task)s"),
        "new": _("New volunteer application: %(task)s"),
    }


def send_email(to, subject, template, context):
    """The one way volunteering mails go out: plain text with an HTML alternative."""
    text = render_to_string(f"volunteers/email/{template}.txt", context)
    html = render_to_string(f"volunteers/email/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(html, "text/html")
    message.send()


@task()
def send_application_email(application_id, kind):
    """`kind` is the new status, "promoted" (moved off the waiting list) or "new" (to the
    task's coordinator)."""
    application = Application.objects.select_related("task", "volunteer__user", "centre").get(pk=application_id)
    task_page = application.task
    with translation.override(settings.LANGUAGE_CODE):
        subject = _subjects()[kind] % {"task": task_page.title}
        context = {
            "application": application,
            "task": task_page,
            "kind": kind,
            "task_url": task_page.get_full_url(),
            "centre": application.centre,
        }
        if kind == "new":
            send_email(task_page.coordinator_email, subject, "new_application", context)
        else:
            send_email(application.volunteer.user.email, subject, "status_changed", context)
