"""The committee's work on the offers it reads: which member scores which offer, the members'
scores per criterion with a proposed amount, and the chair's recommendation.

A score keeps the criterion's name and maximum as they were when the member scored, so the
protocol stays true even if an editor later renames a criterion. Scores of a member who
declared a conflict on the offer, and of advisory experts, are kept on record but never counted
(`ngo_grants.services.scoring.counted_scores`).
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ngo_grants.models.calls import MONEY


class Assignment(models.Model):
    member = models.ForeignKey("ngo_grants.CommitteeMember", on_delete=models.CASCADE, related_name="assignments")
    offer = models.ForeignKey("ngo_grants.Offer", on_delete=models.CASCADE, related_name="assignments")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)

    class Meta:
        verbose_name = _("assignment of an offer")
        verbose_name_plural = _("assignments of offers")
        ordering = ["offer__number", "pk"]
        constraints = [models.UniqueConstraint(fields=["member", "offer"], name="ngo_grants_assignment_unique")]

    def __str__(self):
        return f"{self.member} – {self.offer}"


class Score(models.Model):
    """One member's assessment of one offer: a draft until submitted, then never changed."""

    member = models.ForeignKey("ngo_grants.CommitteeMember", on_delete=models.PROTECT, related_name="scores")
    offer = models.ForeignKey("ngo_grants.Offer", on_delete=models.PROTECT, related_name="scores")
    proposed_amount = models.DecimalField(_("proposed grant (zł)"), **MONEY, null=True, blank=True)
    cut_reason = models.TextField(_("why less than requested"), blank=True)
    remarks = models.TextField(_("opinion on the offer"), blank=True)
    updated_at = models.DateTimeField(_("last saved"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["offer__number", "member__pk"]
        constraints = [models.UniqueConstraint(fields=["member", "offer"], name="ngo_grants_score_unique")]

    def __str__(self):
        return f"{self.member} – {self.offer}"

    @property
    def submitted(self):
        return self.submitted_at is not None

    @property
    def total(self):
        return sum(item.points for item in self.points.all())


class CriterionScore(models.Model):
    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="points")
    criterion = models.ForeignKey(
        "ngo_grants.Criterion", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("criterion")
    )
    criterion_name = models.CharField(_("criterion"), max_length=300)
    max_points = models.PositiveSmallIntegerField(_("maximum points"))
    points = models.PositiveSmallIntegerField(_("points"))
    justification = models.TextField(_("justification"), blank=True)

    class Meta:
        verbose_name = _("points for a criterion")
        verbose_name_plural = _("points for criteria")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["score", "criterion"], name="ngo_grants_criterionscore_unique")]

    def __str__(self):
        return f"{self.criterion_name}: {self.points}/{self.max_points}"


class Recommendation(models.Model):
    """The amount the committee recommends for an offer (0: not recommended), recorded by its
    chair. The committee only gives an opinion; the head of the centre decides."""

    offer = models.OneToOneField("ngo_grants.Offer", on_delete=models.CASCADE, related_name="recommendation")
    amount = models.DecimalField(_("recommended grant (zł)"), **MONEY, validators=[MinValueValidator(0)])
    note = models.TextField(_("remarks"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("committee's recommendation")
        verbose_name_plural = _("committee's recommendations")

    def __str__(self):
        return f"{self.offer}: {self.amount}"
