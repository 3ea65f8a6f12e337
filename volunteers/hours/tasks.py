"""Background job (django-tasks) telling a volunteer that their hours were approved or rejected.

Queued by `services.hours` after the decision commits; it takes only the entry's id, so a
failing mail server leaves the decision saved and the job can simply be run again.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from volunteers.models import HoursEntry, HoursStatus
from volunteers.tasks import send_email


@task()
def send_hours_email(entry_id):
    entry = HoursEntry.objects.select_related("volunteer__user", "centre__site").filter(pk=entry_id).first()
    if entry is None or entry.volunteer is None or entry.status == HoursStatus.SUBMITTED:
        # Taken back, erased or not decided after all: there is nothing to tell anyone.
        return
    with translation.override(settings.LANGUAGE_CODE):
        if entry.status == HoursStatus.APPROVED:
            subject = _("Your hours have been approved: %(task)s") % {"task": entry.task_title}
        else:
            subject = _("Your hours have been rejected: %(task)s") % {"task": entry.task_title}
        context = {
            "entry": entry,
            "approved": entry.status == HoursStatus.APPROVED,
            "centre": entry.centre,
            "hours_url": entry.centre.site.root_url + reverse("volunteers:hours"),
        }
        send_email(entry.volunteer.user.email, subject, "hours_decided", context)
