from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.scoping import CentreScopedQuerySet
from volunteers.roles import VOLUNTEERING_STAFF


class MatchStatus(models.TextChoices):
    """Every state of a match; transitions live in `volunteers.services.matches`."""

    PROPOSED = "proposed", _("proposed to the volunteer")
    ACTIVE = "active", _("active")
    DECLINED = "declined", _("declined by the volunteer")
    ENDED = "ended", _("ended")
    CANCELLED = "cancelled", _("cancelled")


# A proposed or active match holds one of the volunteer's places and the need itself.
LIVE_STATES = (MatchStatus.PROPOSED, MatchStatus.ACTIVE)


class MatchOutcome(models.TextChoices):
    GOOD = "good", _("good, the help did its job")
    NOT_CONTINUED = "not_continued", _("not continued")


class MatchQuerySet(CentreScopedQuerySet):
    visible_to_roles = VOLUNTEERING_STAFF

    def live(self):
        return self.filter(status__in=LIVE_STATES)


class Match(models.Model):
    """A volunteer helping one need of a beneficiary, from the proposal staff confirmed on.

    `score` and `reasons` are the engine's, as they were when staff confirmed the proposal
    (reasons as [code, params] pairs, worded when shown). `replaces` links a replacement to
    the match it continues, so staff and reports read one story per household.
    """

    need = models.ForeignKey(
        "volunteers.Need", verbose_name=_("need"), on_delete=models.PROTECT, related_name="matches"
    )
    volunteer = models.ForeignKey(
        "volunteers.VolunteerProfile",
        verbose_name=_("volunteer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="matches",
    )
    centre = models.ForeignKey("core.Centre", verbose_name=_("centre"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=MatchStatus.choices, default=MatchStatus.PROPOSED)
    score = models.PositiveIntegerField(_("score"), default=0)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replacements",
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True, max_length=1000)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ended by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=MatchOutcome.choices, blank=True)
    outcome_note = models.TextField(_("outcome note"), blank=True, max_length=1000)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True, max_length=1000)

    objects = MatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            # The database's own guard behind the services' row locks: one live match per need.
            models.UniqueConstraint(
                fields=["need"], condition=Q(status__in=LIVE_STATES), name="volunteers_match_one_live_per_need"
            )
        ]
        indexes = [models.Index(fields=["volunteer", "status"], name="volunteers_match_volunteer_idx")]

    def __str__(self):
        return f"{self.volunteer} → {self.need}"

    @property
    def is_live(self):
        return self.status in LIVE_STATES

    @property
    def permitted_contact(self):
        """What the volunteer may know of the beneficiary once they accepted, and only then:
        a first name, where to come and a phone for the work. Never the staff note, the
        household notes or the other needs."""
        if self.status != MatchStatus.ACTIVE:
            return None
        beneficiary = self.need.beneficiary
        return {
            "first_name": beneficiary.first_name,
            "place": beneficiary.meeting_place or beneficiary.address,
            "phone": beneficiary.phone,
        }
