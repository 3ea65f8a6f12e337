"""The head of the centre's decision on a call's grants and its results as published.

The committee only gives its opinion; the decision is the head's (the supervisor of the centre),
recorded with the reference of the order that made it. Publishing it freezes, per offer, the
committee's points and the amount granted (0: not granted, with the reason), so the call page,
the notice-board PDF and the open data read the same figures for ever after.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ngo_grants.models.calls import MONEY


class Decision(models.Model):
    call = models.OneToOneField("ngo_grants.CallPage", on_delete=models.PROTECT, related_name="decision")
    centre = models.ForeignKey("core.Centre", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(
        _("decision"),
        max_length=300,
        help_text=_("The order that decides, e.g. “Zarządzenie nr 12/2026 Dyrektora MOPS w Jaśle”."),
    )
    decided_on = models.DateField(_("decided on"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(_("published"), default=timezone.now)

    class Meta:
        verbose_name = _("decision on the grants")
        verbose_name_plural = _("decisions on the grants")

    def __str__(self):
        return self.reference


class Grant(models.Model):
    """The decision on one offer; an amount of 0 means the grant was not awarded."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="grants")
    offer = models.OneToOneField("ngo_grants.Offer", on_delete=models.PROTECT, related_name="grant")
    points = models.DecimalField(_("points"), max_digits=8, decimal_places=2, null=True, blank=True)
    amount = models.DecimalField(_("grant awarded (zł)"), **MONEY, validators=[MinValueValidator(0)])
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        ordering = ["offer__number"]

    def __str__(self):
        return f"{self.offer}: {self.amount}"

    @property
    def awarded(self):
        return self.amount > 0


class ReasonsRequest(models.Model):
    """An organisation's request for the reasons of the choice or the rejection of its offer,
    made within 30 days of the results, and the centre's answer: the register of the call."""

    offer = models.ForeignKey("ngo_grants.Offer", on_delete=models.PROTECT, related_name="reasons_requests")
    centre = models.ForeignKey("core.Centre", on_delete=models.PROTECT, related_name="+")
    question = models.TextField(_("request"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("request for reasons")
        verbose_name_plural = _("requests for reasons")
        ordering = ["requested_at", "pk"]

    def __str__(self):
        return f"{self.offer} – {self.requested_at:%Y-%m-%d}"

    @property
    def answered(self):
        return self.answered_at is not None
