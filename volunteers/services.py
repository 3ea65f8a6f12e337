"""Operations on volunteers' data that touch several rows or need a timestamp recorded.

Views call these; they never write consents, guardian consent or clearances themselves.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.permissions import centres_for
from home.models import Centre
from volunteers.consents import CONSENT_VERSION, STANDARDS_VERSION
from volunteers.models import (
    Application,
    ApplicationStatus,
    Availability,
    Clearance,
    ClearanceKind,
    ClearanceResult,
    ConsentKind,
    TaskPage,
    VolunteerProfile,
)
from volunteers.models.tasks import TaskStatus

DEFAULT_MIN_AGE = 13

# --- Volunteer profile -------------------------------------------------------------------


def minimum_age(request):
    """The minimum age on the centre whose site the resident signs up on.

    A profile is not tied to one centre, so the centre the person came to is the one whose
    rule they meet first; a task of a stricter centre checks its own rule when they apply.
    """
    try:
        centre = Centre.for_request(request)
    except Centre.DoesNotExist:  # no site answers this host and there is no default site
        return DEFAULT_MIN_AGE, None
    return centre.min_volunteer_age, centre


def age_on(birth_date, day):
    return VolunteerProfile(birth_date=birth_date).age_on(day)


def birthday_at_age(birth_date, years):
    """The day a person born on `birth_date` turns `years` (29 February → 1 March)."""
    try:
        return birth_date.replace(year=birth_date.year + years)
    except ValueError:
        return date(birth_date.year + years, 3, 1)


@transaction.atomic
def save_profile(form, user):
    """Save a step of the profile form; the first step creates the profile.

    For a minor, the guardian's consent is recorded when first given and again whenever the
    guardian changes; an adult's profile keeps no guardian's contact details.
    """
    profile = form.save(commit=False)
    profile.user = user
    if profile.birth_date and "birth_date" in form.fields:
        if profile.is_minor:
            guardian_changed = {"guardian_name", "guardian_email"} & set(form.changed_data)
            if form.cleaned_data.get("guardian_consent") and (profile.guardian_consent_at is None or guardian_changed):
                profile.guardian_consent_at = timezone.now()
        else:
            profile.guardian_name = profile.guardian_email = ""
    profile.save()
    form.save_m2m()
    return profile


@transaction.atomic
def save_availability(profile, slots):
    """Replace the weekly slots with `slots`, an iterable of (weekday, part)."""
    profile.availability.all().delete()
    Availability.objects.bulk_create(
        [Availability(profile=profile, weekday=weekday, part=part) for weekday, part in sorted(set(slots))]
    )


def guardian_consent_missing(profile):
    """A minor without the guardian's consent may do nothing else (the profile stops at step 1)."""
    return profile.is_minor and profile.guardian_consent_at is None


def active_consent(profile, kind):
    """The consent of `kind` in force: given to the current text and not withdrawn."""
    return (
        profile.consents.filter(kind=kind, text_version=CONSENT_VERSION, withdrawn_at__isnull=True)
        .order_by("-given_at")
        .first()
    )


@transaction.atomic
def record_consents(profile, given):
    """`given` maps each `ConsentKind` to True (agreed) or False (not, or withdrawn).

    A consent already in force is left as it was (its date stays the day it was given); a
    withdrawal is dated, never deleted, so the history shows what was in force when.
    """
    now = timezone.now()
    for kind, agreed in given.items():
        in_force = profile.consents.filter(kind=kind, withdrawn_at__isnull=True)
        if agreed:
            if not in_force.filter(text_version=CONSENT_VERSION).exists():
                profile.consents.create(kind=kind, text_version=CONSENT_VERSION, given_at=now)
        else:
            in_force.update(withdrawn_at=now)


def acknowledge_standards(profile):
    if profile.standards_version != STANDARDS_VERSION or profile.standards_acknowledged_at is None:
        profile.standards_acknowledged_at = timezone.now()
        profile.standards_version = STANDARDS_VERSION
        profile.save(update_fields=["standards_acknowledged_at", "standards_version", "updated_at"])


def standards_acknowledged(profile):
    return profile.standards_acknowledged_at is not None and profile.standards_version == STANDARDS_VERSION


def is_profile_complete(profile):
    return (
        profile is not None
        and not guardian_consent_missing(profile)
        and active_consent(profile, ConsentKind.DATA_PROCESSING) is not None
        and standards_acknowledged(profile)
    )


# --- Child-protection clearances ---------------------------------------------------------

VALID, EXPIRED, MISSING, NEEDS_CLARIFYING = "valid", "expired", "missing", "needs_clarifying"


@dataclass(frozen=True)
class ClearanceStatus:
    kind: str
    label: str
    state: str
    clearance: Clearance | None = None

    @property
    def valid_until(self):
        return self.clearance.expires_on if self.clearance else None


def clearance_state(profile, centre, day=None):
    """The state of each of the four checks for `profile` in `centre`, from the latest check of
    each kind (an old "clear" does not hide a newer entry)."""
    day = day or timezone.localdate()
    latest = {}
    for clearance in Clearance.objects.filter(profile=profile, centre=centre).order_by("kind", "-checked_on", "-pk"):
        latest.setdefault(clearance.kind, clearance)
    statuses = []
    for kind in ClearanceKind:
        clearance = latest.get(kind.value)
        if clearance is None:
            state = MISSING
        elif clearance.result == ClearanceResult.ENTRY_FOUND:
            state = NEEDS_CLARIFYING
        elif clearance.is_valid_on(day):
            state = VALID
        else:
            state = EXPIRED
        statuses.append(ClearanceStatus(kind.value, kind.label, state, clearance))
    return statuses


def has_valid_clearances(profile, centre, day=None):
    """No work with minors in `centre` unless every check there is valid (art. 21 of the Act)."""
    return all(status.state == VALID for status in clearance_state(profile, centre, day))


def clearances_by_centre(profile, day=None):
    """[(centre, statuses)] for every centre that has checked the volunteer."""
    centre_ids = Clearance.objects.filter(profile=profile).values("centre")
    return [(centre, clearance_state(profile, centre, day)) for centre in Centre.objects.filter(pk__in=centre_ids)]


# --- Applications ------------------------------------------------------------------------
#
# One function per transition of `ApplicationStatus`. Each locks the task row first, so two
# coordinators accepting at the same moment are served one after the other and the count of
# accepted applications is read after the lock: places are never exceeded. E-mails are queued
# only once the transaction commits, so a failing mail server never loses an application.

OPEN_STATES = (ApplicationStatus.SUBMITTED, ApplicationStatus.WAITING)
ACTIVE_STATES = (*OPEN_STATES, ApplicationStatus.ACCEPTED)
DECIDING_ROLES = (Role.COORDINATOR, Role.SUPERVISOR)


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
    if task.requires_clearance and not has_valid_clearances(profile, task.centre):
        missing.append(
            (
                _(
                    "This task involves working with children: the centre must first record your valid "
                    "child-protection checks. Contact the coordinator."
                ),
                "",
            )
        )
    return missing


def _locked_task(task):
    return TaskPage.objects.select_for_update().get(pk=task.pk)


def _accepted_count(task):
    return Application.objects.filter(task=task, status=ApplicationStatus.ACCEPTED).count()


def _notify(application, kind):
    from volunteers.tasks import send_application_email

    transaction.on_commit(lambda: send_application_email.enqueue(application.pk, kind))


def _check_decider(application, actor):
    if not centres_for(actor, *DECIDING_ROLES).filter(pk=application.centre_id).exists():
        raise ApplicationRefused(_("Only the coordinators of the task's centre can decide on this application."))


def _locked_application(application):
    return Application.objects.select_for_update().get(pk=application.pk)


def apply(volunteer, task, message=""):
    """A volunteer applies; when every place is taken the application joins the waiting list."""
    with transaction.atomic():
        task = _locked_task(task)
        if Application.objects.filter(task=task, volunteer=volunteer).exists():
            raise ApplicationRefused(_("You have already applied to this task."))
        full = _accepted_count(task) >= task.places
        if task.status != TaskStatus.OPEN or task.is_past:
            raise ApplicationRefused(task.closed_reason)
        missing = missing_for_application(volunteer, task)
        if missing:
            raise ApplicationRefused(missing[0][0])
        status = ApplicationStatus.WAITING if full else ApplicationStatus.SUBMITTED
        application = Application.objects.create(
            task=task, volunteer=volunteer, centre=task.centre, status=status, message=message
        )
        _notify(application, status)
        _notify(application, "new")
    return application


def accept(application, actor):
    _check_decider(application, actor)
    with transaction.atomic():
        task = _locked_task(application.task)
        application = _locked_application(application)
        if application.status not in OPEN_STATES:
            raise ApplicationRefused(_("Only a submitted or waiting application can be accepted."))
        if _accepted_count(task) >= task.places:
            raise ApplicationRefused(_("All places are taken."))
        _decide(application, ApplicationStatus.ACCEPTED, actor)
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
        _notify(following, "promoted")
