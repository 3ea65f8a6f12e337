"""Background jobs of volunteering (django-tasks): e-mails about applications and tasks.

They run after the transaction commits and take only ids; each writes its mail into the
outbox (core.mail), which delivers it and retries while the mail server is down.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from core import mail
from volunteers.models import Application, ApplicationNotice, Match, MatchStatus, Reminder


def _subjects():
    return {
        ApplicationNotice.SUBMITTED: _("Your application has been submitted: %(task)s"),
        ApplicationNotice.WAITING: _("You are on the waiting list: %(task)s"),
        ApplicationNotice.ACCEPTED: _("Your application has been accepted: %(task)s"),
        ApplicationNotice.DECLINED: _("Your application has been declined: %(task)s"),
        ApplicationNotice.WITHDRAWN: _("You have withdrawn your application: %(task)s"),
        ApplicationNotice.PROMOTED: _("A place has become free: %(task)s"),
        ApplicationNotice.NEW: _("New volunteer application: %(task)s"),
    }


def _sentences():
    """What each notice tells the volunteer, in one sentence under the greeting."""
    return {
        ApplicationNotice.SUBMITTED: _(
            "We have received your application. The coordinator will let you know the decision."
        ),
        ApplicationNotice.WAITING: _(
            "All places are taken, so you are on the waiting list. We will write when a place becomes free."
        ),
        ApplicationNotice.ACCEPTED: _("Your application has been accepted. Thank you, see you there!"),
        ApplicationNotice.DECLINED: _("Unfortunately your application has been declined."),
        ApplicationNotice.WITHDRAWN: _("You have withdrawn your application."),
        ApplicationNotice.PROMOTED: _(
            "A place has become free and you were first on the waiting list. The coordinator will now decide on "
            "your application."
        ),
    }


def send_email(to, subject, template, context):
    """The one way volunteering mails are written: plain text with an HTML alternative, from
    the centre in `context["centre"]` (a Centre, or its name with `site_id` beside it when
    the task is gone), handed to the outbox."""
    text = render_to_string(f"volunteers/email/{template}.txt", context)
    html = render_to_string(f"volunteers/email/{template}.html", context)
    centre = context.get("centre")
    if hasattr(centre, "site_id"):
        sender_name, site_id = centre.display_name, centre.site_id
    else:
        sender_name, site_id = str(centre or ""), context.get("site_id")
    mail.send(to=to, subject=subject, text=text, html=html, sender_name=sender_name, site_id=site_id)


@task()
def send_application_email(application_id, kind):
    """`kind` is an `ApplicationNotice`: the new status, a freed place, or a new application
    (to the task's coordinator)."""
    application = Application.objects.select_related("task", "volunteer__user", "centre").get(pk=application_id)
    task_page = application.task
    with translation.override(settings.LANGUAGE_CODE):
        subject = _subjects()[kind] % {"task": task_page.title}
        context = {
            "application": application,
            "task": task_page,
            "kind": kind,
            "declined": kind == ApplicationNotice.DECLINED,
            "status_sentence": _sentences().get(kind, ""),
            "task_url": task_page.get_full_url(),
            "centre": application.centre,
        }
        if kind == ApplicationNotice.NEW:
            context["volunteer_name"] = application.volunteer.user.get_full_name() or application.volunteer.user.email
            context["application_url"] = application.centre.site.root_url + reverse(
                "volunteer_applications:detail", args=[application.pk]
            )
            send_email(task_page.coordinator_email, subject, "new_application", context)
        else:
            send_email(application.volunteer.user.email, subject, "status_changed", context)


@task()
def send_reminder(reminder_id):
    """The day-before reminder, unless the task moved, was cancelled or the volunteer left
    it since the reminder was queued."""
    from volunteers.notices import reminder_still_due

    reminder = (
        Reminder.objects.select_related("application__task", "application__volunteer__user", "application__centre")
        .filter(pk=reminder_id)
        .first()
    )
    if reminder is None or not reminder_still_due(reminder):
        return
    application = reminder.application
    task_page = application.task
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "task": task_page,
            "date": reminder.date,
            "task_url": task_page.get_full_url(),
            "centre": application.centre,
        }
        subject = _("Reminder: %(task)s tomorrow") % {"task": task_page.title}
        send_email(application.volunteer.user.email, subject, "reminder", context)


@task()
def send_task_changed(application_id, old, new):
    """Tell one volunteer what changed in their task; `old` and `new` are announced schedules
    (see volunteers.notices.announced)."""
    from volunteers.notices import describe_changes, describe_when

    application = (
        Application.objects.select_related("task", "volunteer__user", "centre").filter(pk=application_id).first()
    )
    if application is None:
        return
    task_page = application.task
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "task": task_page,
            "changes": describe_changes(old, new),
            "restored": bool(old.get("cancelled")) and not new.get("cancelled"),
            "when": describe_when(new),
            "task_url": task_page.get_full_url(),
            "centre": application.centre,
        }
        subject = _("Change in the task: %(task)s") % {"task": task_page.title}
        send_email(application.volunteer.user.email, subject, "task_changed", context)


@task()
def send_task_cancelled(to, details):
    """Plain data only: the task may have been deleted by the time this runs."""
    from volunteers.notices import describe_when

    with translation.override(settings.LANGUAGE_CODE):
        context = {**details, "when": describe_when(details["fields"])}
        subject = _("Task cancelled: %(task)s") % {"task": details["title"]}
        send_email(to, subject, "task_cancelled", context)


def _match_notices():
    """Each notice of a match: (to the volunteer?, subject, sentence)."""
    return {
        MatchStatus.PROPOSED: (
            True,
            _("A proposal of regular help: %(help)s"),
            _(
                "The centre proposes that you help someone regularly. Read what the help is about and accept or "
                "decline the proposal on your volunteer dashboard."
            ),
        ),
        MatchStatus.CANCELLED: (
            True,
            _("Match cancelled: %(help)s"),
            _("The centre has cancelled the match."),
        ),
        MatchStatus.ENDED: (
            True,
            _("Match ended: %(help)s"),
            _("The centre has ended the match. Thank you for your help!"),
        ),
        MatchStatus.ACTIVE: (
            False,
            _("The volunteer accepted the match: %(help)s"),
            _("The volunteer has accepted the proposal; the match is now active."),
        ),
        MatchStatus.DECLINED: (
            False,
            _("The volunteer declined the match: %(help)s"),
            _("The volunteer has declined the proposal. The need is open again: propose someone else."),
        ),
        "left": (
            False,
            _("The volunteer ended the match: %(help)s"),
            _("The volunteer has stopped helping. The need is open again: propose a replacement."),
        ),
    }


@task()
def send_match_email(match_id, kind):
    """`kind` is the match's new `MatchStatus`, or "left" when the volunteer stopped helping.

    The volunteer's mail never names the person helped: before accepting they are told only
    what the help is; the details wait behind the sign-in. Coordinators' mail goes to the
    person who confirmed the proposal.
    """
    match = (
        Match.objects.select_related("need__beneficiary__district", "volunteer__user", "centre__site", "proposed_by")
        .filter(pk=match_id)
        .first()
    )
    if match is None or match.volunteer is None:
        return
    to_volunteer, subject, sentence = _match_notices()[kind]
    need = match.need
    with translation.override(settings.LANGUAGE_CODE):
        help_words = _("%(category)s, %(district)s") % {
            "category": need.get_category_display(),
            "district": need.beneficiary.district.name,
        }
        context = {
            "match": match,
            "sentence": sentence,
            "help": help_words,
            "centre": match.centre,
            "reason": match.cancel_reason or match.decline_reason or match.outcome_note,
        }
        root = match.centre.site.root_url
        if to_volunteer:
            context["url"] = root + reverse("volunteers:match", args=[match.pk])
            recipient = match.volunteer.user.email
        else:
            if match.proposed_by is None or not match.proposed_by.email:
                return
            context["url"] = root + reverse("matches:detail", args=[match.pk])
            context["volunteer_name"] = match.volunteer.user.get_full_name() or match.volunteer.user.email
            recipient = match.proposed_by.email
        send_email(recipient, subject % {"help": help_words}, "match", context)
