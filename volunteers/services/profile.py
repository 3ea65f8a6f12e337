"""Operations on volunteers' data that touch several rows or need a timestamp recorded.

Views call these; they never write consents, guardian consent or clearances themselves.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from core.models import Centre
from volunteers.consents import CONSENT_VERSION, STANDARDS_VERSION
from volunteers.models import (
    Availability,
    Clearance,
    ClearanceKind,
    ClearanceResult,
    ConsentKind,
    VolunteerProfile,
)

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


def own_profile(user):
    """The signed-in person's volunteer profile, or None before they create one."""
    if not user.is_authenticated:
        return None
    return VolunteerProfile.objects.filter(user=user).first()


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

    Step 1 also stores the first and last name on the account. For a minor, the guardian's
    consent is recorded when first given and again whenever the guardian changes; an adult's
    profile keeps no guardian's contact details.
    """
    profile = form.save(commit=False)
    profile.user = user
    if "first_name" in form.fields:
        # The names live on the account, where the rest of the site reads them.
        user.first_name = form.cleaned_data["first_name"]
        user.last_name = form.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
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
    clearances = Clearance.objects.filter(profile=profile, centre=centre)
    return _statuses(clearances, day or timezone.localdate())


def _statuses(clearances, day):
    latest = {}
    for clearance in sorted(clearances, key=lambda clearance: (clearance.checked_on, clearance.pk), reverse=True):
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


def cleared_pairs(pairs, day=None):
    """Which of the (profile id, centre id) `pairs` have every check valid, in one query, so
    a listing of applications does not ask once per row."""
    pairs = set(pairs)
    if not pairs:
        return set()
    found = {}
    clearances = Clearance.objects.filter(
        profile_id__in={profile for profile, _centre in pairs}, centre_id__in={centre for _profile, centre in pairs}
    )
    for clearance in clearances:
        found.setdefault((clearance.profile_id, clearance.centre_id), []).append(clearance)
    day = day or timezone.localdate()
    return {pair for pair in pairs if all(status.state == VALID for status in _statuses(found.get(pair, []), day))}


def clearances_by_centre(profile, day=None):
    """[(centre, statuses)] for every centre that has checked the volunteer."""
    centre_ids = Clearance.objects.filter(profile=profile).values("centre")
    return [(centre, clearance_state(profile, centre, day)) for centre in Centre.objects.filter(pk__in=centre_ids)]
