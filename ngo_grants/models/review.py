"""The formal review of offers after the deadline: the call's checklist, the officer's answers,
correction requests and the formal decision.

Each record names the frozen `OfferVersion` it was made on, so what the officer judged can be
shown later even when a correction brought a newer version. Answers copy the requirement's
wording: editing the checklist of a call does not rewrite what was answered.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from core.scoping import CentreScopedQuerySet
from ngo_grants.roles import GRANTS_STAFF


class ReviewQuerySet(CentreScopedQuerySet):
    """Records of an offer, visible to the grants staff of the offer's centre."""

    visible_to_roles = GRANTS_STAFF
    centre_field = "offer__centre"


class FormalCheck(Orderable):
    """One requirement of a call's formal review, answered for every offer."""

    call = ParentalKey("ngo_grants.CallPage", on_delete=models.CASCADE, related_name="formal_checks")
    question = models.CharField(_("requirement"), max_length=300)
    description = models.TextField(_("how it is checked"), blank=True)

    panels = [FieldPanel("question"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("formal requirement")
        verbose_name_plural = _("formal requirements")

    def __str__(self):
        return self.question


class FormalAnswer(models.Model):
    offer = models.ForeignKey("ngo_grants.Offer", on_delete=models.CASCADE, related_name="formal_answers")
    requirement = models.ForeignKey(FormalCheck, null=True, on_delete=models.SET_NULL, related_name="answers")
    question = models.CharField(_("requirement"), max_length=300)
    met = models.BooleanField(_("met"), null=True)
    note = models.TextField(_("note"), blank=True)
    version = models.ForeignKey("ngo_grants.OfferVersion", on_delete=models.PROTECT, related_name="+")
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField(default=timezone.now)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer of the formal review")
        verbose_name_plural = _("answers of the formal review")
        ordering = ["requirement__sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["offer", "requirement"], name="ngo_grants_formalanswer_unique")]

    def __str__(self):
        return self.question


class CorrectionRequest(models.Model):
    """The officer's request to correct named sections by a deadline; answered by the version
    the organisation resubmits, or expired."""

    offer = models.ForeignKey("ngo_grants.Offer", on_delete=models.CASCADE, related_name="corrections")
    version = models.ForeignKey(
        "ngo_grants.OfferVersion", verbose_name=_("version reviewed"), on_delete=models.PROTECT, related_name="+"
    )
    sections = models.JSONField(_("sections reopened"))
    reason = models.TextField(_("what to correct and why"))
    due_at = models.DateTimeField(_("to be corrected by"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    corrected_version = models.ForeignKey(
        "ngo_grants.OfferVersion",
        verbose_name=_("corrected version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    expired_at = models.DateTimeField(_("not corrected in time"), null=True, blank=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")
        ordering = ["requested_at", "pk"]

    def __str__(self):
        return f"{self.offer}: {self.reason[:60]}"

    @property
    def open(self):
        return self.corrected_version_id is None and self.expired_at is None


class FormalOutcome(models.TextChoices):
    ACCEPTED = "accepted", _("formally accepted")
    REJECTED = "rejected", _("formally rejected")


class FormalDecision(models.Model):
    """The end of the formal review of an offer; the reason is what the organisation reads."""

    offer = models.OneToOneField("ngo_grants.Offer", on_delete=models.CASCADE, related_name="formal_decision")
    version = models.ForeignKey("ngo_grants.OfferVersion", on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(_("decision"), max_length=10, choices=FormalOutcome.choices)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("formal decision")
        verbose_name_plural = _("formal decisions")

    def __str__(self):
        return f"{self.offer}: {self.get_outcome_display()}"


class AnnulmentGround(models.TextChoices):
    """Art. 18a ust. 1 of the Act: the only two reasons a call is annulled."""

    NO_OFFERS = "no_offers", _("no offer was submitted (art. 18a ust. 1 pkt 1)")
    NONE_VALID = "none_valid", _("no offer met the requirements of the announcement (art. 18a ust. 1 pkt 2)")


class Annulment(models.Model):
    """The annulment of a call, published on the call's page like results (art. 18a ust. 2)."""

    call = models.OneToOneField("ngo_grants.CallPage", on_delete=models.CASCADE, related_name="annulment")
    ground = models.CharField(_("ground"), max_length=12, choices=AnnulmentGround.choices)
    statement = models.TextField(_("statement of reasons"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("annulled"), default=timezone.now)

    class Meta:
        verbose_name = _("annulment of a call")
        verbose_name_plural = _("annulments of calls")

    def __str__(self):
        return f"{self.call}: {self.get_ground_display()}"
