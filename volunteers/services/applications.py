"""Applications: one function per transition of `ApplicationStatus`."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import centres_for
from volunteers.models import Application, ApplicationNotice, ApplicationStatus, TaskPage
from volunteers.models.tasks import TaskStatus
from volunteers.roles import VOLUNTEERING_STAFF
from volunteers.services import decisions
from volunteers.services.profile import (
    DEFAULT_MIN_AGE,
    cleared_pairs,
    guardian_consent_missing,
    has_valid_clearances,
    is_profile_complete,
)

# --- Applications ------------------------------------------------------------------------
#
# One function per transition of `ApplicationStatus`. Each locks the task row first, so two
# coordinators accepting at the same moment are served one after the other and the count of
# accepted applications is read after the lock: places are never exceeded. E-mails are queued
# only once the transaction commits, so a failing mail server never loses an application.

OPEN_STATES = (ApplicationStatus.SUBMITTED, ApplicationStatus.WAITING)
ACTIVE_STATES = (*OPEN_STATES, ApplicationStatus.ACCEPTED)


class ApplicationRefused(Exception):
    """A transition that is not allowed; `message` is shown to the person as it is."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def task_minimum_age(task):
    centre_age = task.centre.min_volunteer_age if task.centre else DEFAULT_MIN_AGE
    return max(task.min_age or 0, centre_age)


def missing_for_application(profile, task):
    """What keeps `profile` from applying to `task`, in words, with a link to fix it where
    the volunteer can; empty when nothing is missing. The form shows this up front."""
    if profile is None:
        return [(_("You do not have a volunteer profile yet."), reverse("volunteers:profile_about"))]
    missing = []
    if guardian_consent_missing(profile):
        missing.append(
            (_("We need your legal guardian's consent before you can apply."), reverse("volunteers:profile_about"))
        )
    elif not is_profile_complete(profile):
        missing.append((_("Your volunteer profile is not complete."), reverse("volunteers:profile")))
    min_age = task_minimum_age(task)
    if profile.age_on(task.start_date) < min_age:
        missing.append((_("This task is for volunteers aged at least %(age)s.") % {"age": min_age}, ""))
    return missing


def verification_pending(profile, task):
    """The volunteer may apply to a task with children before the centre has checked them
    (the checks are made after applying); the coordinator accepts only once they are valid."""
    return profile is not None and task.requires_clearance and not has_valid_clearances(profile, task.centre)


def mark_verification(applications, day=None):
    """Set `awaiting_verification` on each of `applications` with one query for all of them:
    an open application to a task with children whose volunteer's checks in the task's centre
    are not all valid."""
    concerned = [a for a in applications if a.status in OPEN_STATES and a.task.requires_clearance]
    cleared = cleared_pairs({(a.volunteer_id, a.centre_id) for a in concerned}, day)
    pending = {a.pk for a in concerned if (a.volunteer_id, a.centre_id) not in cleared}
    for application in applications:
        application.awaiting_verification = application.pk in pending
    return applications


def _locked_task(task):
    return TaskPage.objects.select_for_update().get(pk=task.pk)


def _accepted_count(task):
    return Application.objects.filter(task=task, status=ApplicationStatus.ACCEPTED).count()


def _notify(application, kind):
    from volunteers.tasks import send_application_email

    transaction.on_commit(lambda: send_application_email.enqueue(application.pk, kind))


def _check_decider(application, actor):
    if not centres_for(actor, *VOLUNTEERING_STAFF).filter(pk=application.centre_id).exists():
        raise ApplicationRefused(_("Only the coordinators of the task's centre can decide on this application."))


def _locked_application(application):
    return Application.objects.select_for_update().get(pk=application.pk)


def apply(volunteer, task, message=""):
    """A volunteer applies; when every place is taken the application joins the waiting list.

    A volunteer who withdrew may apply again: the same application is opened anew with
    today's date, so it joins the back of the waiting list like any new one. A declined
    application stays declined (the coordinator has given the reason).
    """
    with transaction.atomic():
        task = _locked_task(task)
        earlier = Application.objects.select_for_update().filter(task=task, volunteer=volunteer).first()
        if earlier is not None and earlier.status != ApplicationStatus.WITHDRAWN:
            raise ApplicationRefused(_("You have already applied to this task."))
        full = _accepted_count(task) >= task.places
        if task.status != TaskStatus.OPEN or task.is_past:
            raise ApplicationRefused(task.closed_reason)
        missing = missing_for_application(volunteer, task)
        if missing:
            raise ApplicationRefused(missing[0][0])
        status = ApplicationStatus.WAITING if full else ApplicationStatus.SUBMITTED
        if earlier is None:
            application = Application.objects.create(
                task=task, volunteer=volunteer, centre=task.centre, status=status, message=message
            )
        else:
            application = _reopen(earlier, status, message)
        _notify(application, status)
        _notify(application, ApplicationNotice.NEW)
    return application


def _reopen(application, status, message):
    application.status = status
    application.message = message
    application.created_at = timezone.now()
    application.decided_at = application.decided_by = None
    application.decline_reason = ""
    application.save(update_fields=["status", "message", "created_at", "decided_at", "decided_by", "decline_reason"])
    return application


def accept(application, actor):
    """Only with every place not yet taken and, for a task with children, every check valid."""
    _check_decider(application, actor)
    with transaction.atomic():
        task = _locked_task(application.task)
        application = _locked_application(application)
        if application.status not in OPEN_STATES:
            raise ApplicationRefused(_("Only a submitted or waiting application can be accepted."))
        if task.requires_clearance and not has_valid_clearances(application.volunteer, application.centre):
            raise ApplicationRefused(
                _(
                    "The task involves working with children and the volunteer's child-protection checks "
                    "are not all recorded as valid. Record them on the volunteer's profile first."
                )
            )
        if _accepted_count(task) >= task.places:
            raise ApplicationRefused(_("All places are taken."))
        _decide(application, ApplicationStatus.ACCEPTED, actor)
        decisions.application_accepted(application, actor)
    return application


def decline(application, actor, reason):
    """The reason is required: the volunteer is told why."""
    _check_decider(application, actor)
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationRefused(_("Give the reason for declining; the volunteer will see it."))
    with transaction.atomic():
        task = _locked_task(application.task)
        application = _locked_application(application)
        if application.status not in ACTIVE_STATES:
            raise ApplicationRefused(_("This application has already been closed."))
        freed = application.status == ApplicationStatus.ACCEPTED
        application.decline_reason = reason
        _decide(application, ApplicationStatus.DECLINED, actor)
        decisions.application_declined(application, actor)
        if freed:
            _promote_next(task)
    return application


def withdraw(application, volunteer):
    if application.volunteer_id != volunteer.pk:
        raise ApplicationRefused(_("You can withdraw only your own application."))
    with transaction.atomic():
        task = _locked_task(application.task)
        application = _locked_application(application)
        if application.status not in ACTIVE_STATES:
            raise ApplicationRefused(_("This application has already been closed."))
        freed = application.status == ApplicationStatus.ACCEPTED
        application.status = ApplicationStatus.WITHDRAWN
        application.save(update_fields=["status"])
        _notify(application, ApplicationStatus.WITHDRAWN)
        if freed:
            _promote_next(task)
    return application


def _decide(application, status, actor):
    application.status = status
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.save(update_fields=["status", "decided_at", "decided_by", "decline_reason"])
    _notify(application, status)


def _promote_next(task):
    """A freed place goes to the first volunteer on the waiting list. They become SUBMITTED,
    not ACCEPTED: the coordinator still decides, but the volunteer is told at once."""
    following = (
        Application.objects.select_for_update()
        .filter(task=task, status=ApplicationStatus.WAITING)
        .order_by("created_at", "pk")
        .first()
    )
    if following is not None:
        following.status = ApplicationStatus.SUBMITTED
        following.save(update_fields=["status"])
        _notify(following, ApplicationNotice.PROMOTED)
