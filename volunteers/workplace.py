"""The coordinator's workplace: what waits for them in their centres, on the admin's home page.

Six counts, each a link to the listing that shows the same rows: applications waiting for a
decision, hours to approve, checks that expire within 30 days, agreements prepared but not
yet signed, match proposals waiting for the volunteer's answer and needs without a
volunteer. Each count is one query over the person's own centres (`visible_to`), so the
dashboard costs the same for ten rows or ten thousand.
"""

import datetime

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from accounts.permissions import centres_for
from volunteers.models import (
    Agreement,
    Application,
    ApplicationStatus,
    Clearance,
    ClearanceResult,
    HoursEntry,
    HoursStatus,
    Match,
    MatchStatus,
    Need,
    NeedStatus,
)
from volunteers.roles import VOLUNTEERING_STAFF

EXPIRY_WARNING_DAYS = 30

# The volunteers listing's `attention` filter: the same rows the dashboard counts.
CHECKS_EXPIRING, AGREEMENT_UNSIGNED = "checks_expiring", "agreement_unsigned"
ATTENTION_CHOICES = [
    (CHECKS_EXPIRING, _("child-protection checks expiring within 30 days")),
    (AGREEMENT_UNSIGNED, _("agreement prepared, not signed yet")),
]


def applications_waiting(user):
    return Application.objects.visible_to(user).filter(status=ApplicationStatus.SUBMITTED)


def hours_to_approve(user):
    return HoursEntry.objects.visible_to(user).filter(status=HoursStatus.SUBMITTED)


def checks_expiring(user, today=None):
    """Valid checks of the person's centres that end within 30 days and have not been renewed
    (a newer check of the same kind supersedes them)."""
    today = today or timezone.localdate()
    newer = Clearance.objects.filter(
        profile=OuterRef("profile"), centre=OuterRef("centre"), kind=OuterRef("kind")
    ).filter(Q(checked_on__gt=OuterRef("checked_on")) | Q(checked_on=OuterRef("checked_on"), pk__gt=OuterRef("pk")))
    return (
        Clearance.objects.filter(centre__in=centres_for(user, *VOLUNTEERING_STAFF))
        .filter(result__in=[ClearanceResult.CLEAR, ClearanceResult.NOT_APPLICABLE])
        .filter(expires_on__gte=today, expires_on__lte=today + datetime.timedelta(days=EXPIRY_WARNING_DAYS))
        .filter(~Exists(newer))
    )


def proposals_waiting(user):
    """Matches proposed to volunteers who have not answered yet."""
    return Match.objects.visible_to(user).filter(status=MatchStatus.PROPOSED)


def open_needs(user):
    return Need.objects.visible_to(user).filter(status=NeedStatus.OPEN)


def agreements_to_sign(user):
    return Agreement.objects.visible_to(user).filter(signed_on__isnull=True)


def needing_attention(user, reason, profiles):
    """`profiles` narrowed to the volunteers behind one of the dashboard's counts."""
    rows = checks_expiring(user) if reason == CHECKS_EXPIRING else agreements_to_sign(user)
    column = "profile" if reason == CHECKS_EXPIRING else "volunteer"
    return profiles.filter(pk__in=rows.values(column))


class CoordinatorWorkPanel(Component):
    """Shown to coordinators and supervisors (and superusers) only."""

    name = "coordinator_work"
    template_name = "volunteers/admin/workplace_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        user = self.user
        people = reverse("volunteer_people:index")
        items = [
            (_("Applications waiting for a decision"), applications_waiting(user).count(),
             reverse("volunteer_applications:index") + f"?status={ApplicationStatus.SUBMITTED}"),
            (_("Hours to approve"), hours_to_approve(user).count(),
             reverse("volunteer_hours:index") + f"?status={HoursStatus.SUBMITTED}"),
            (_("Child-protection checks expiring within 30 days"), checks_expiring(user).count(),
             f"{people}?attention={CHECKS_EXPIRING}"),
            (_("Agreements to sign"), agreements_to_sign(user).count(), f"{people}?attention={AGREEMENT_UNSIGNED}"),
            (_("Proposals waiting for the volunteer's answer"), proposals_waiting(user).count(),
             reverse("matches:index") + f"?status={MatchStatus.PROPOSED}"),
            (_("Needs without a volunteer"), open_needs(user).count(), reverse("matches:open_needs")),
        ]  # fmt: skip
        return {"items": [{"label": label, "count": count, "url": url} for label, count, url in items]}


def homepage_panels(request, panels):
    if centres_for(request.user, *VOLUNTEERING_STAFF).exists():
        panels.insert(0, CoordinatorWorkPanel(request.user))
