"""What follows a grant: the organisation's updated budget when less was granted than
requested, and the agreement on the framework template of 2018 (Rozporządzenie Przewodniczącego
Komitetu do spraw Pożytku Publicznego z 24 października 2018 r., załącznik nr 3).

An updated budget keeps the cost lines of the offer as submitted (names and categories); only
the amounts change, and the grant they take must be exactly the amount awarded. Once the grants
officer accepts it, it is the agreement's annex. The agreement carries the parties, the period,
the amount in instalments, the own contribution, the overrun allowed on each cost line, the
reporting dates and the return of unused funds.
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ngo_grants.models.calls import MONEY

# The framework agreement (§ 9): unused funds go back within 15 days of the task's end.
RETURN_DAYS = 15
# Art. 18 ust. 1 of the Act: the final report within 30 days of the task's end.
FINAL_REPORT_DAYS = 30


class BudgetUpdate(models.Model):
    offer = models.ForeignKey("ngo_grants.Offer", on_delete=models.CASCADE, related_name="budget_updates")
    # One row per cost line of the submitted offer, in its order: name, category, and the
    # amounts (total, from_grant, from_other) as strings to the grosz.
    lines = models.JSONField(_("cost lines"))
    schedule = models.TextField(_("updated schedule of actions"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    accepted = models.BooleanField(_("accepted"), null=True, blank=True)
    remarks = models.TextField(_("remarks of the centre"), blank=True)

    class Meta:
        verbose_name = _("updated budget")
        verbose_name_plural = _("updated budgets")
        ordering = ["submitted_at", "pk"]

    def __str__(self):
        return f"{self.offer} – {self.submitted_at:%Y-%m-%d}"


class Agreement(models.Model):
    offer = models.OneToOneField("ngo_grants.Offer", on_delete=models.PROTECT, related_name="agreement")
    centre = models.ForeignKey("core.Centre", on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("number"), max_length=60)
    starts_on = models.DateField(_("task starts on"))
    ends_on = models.DateField(_("task ends on"))
    amount = models.DecimalField(_("grant (zł)"), **MONEY)
    own_contribution = models.DecimalField(_("own contribution (zł)"), **MONEY)
    overrun_percent = models.DecimalField(
        _("allowed overrun per cost line (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    # [{"due": "YYYY-MM-DD", "amount": "1234.00"}, …] in order; they add up to `amount`.
    instalments = models.JSONField(_("instalments"))
    partial_report_on = models.DateField(_("partial report due"), null=True, blank=True)
    budget_update = models.ForeignKey(
        BudgetUpdate, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("annex")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("prepared"), default=timezone.now)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self):
        return self.number

    @property
    def final_report_on(self):
        return self.ends_on + datetime.timedelta(days=FINAL_REPORT_DAYS)

    @property
    def return_by(self):
        return self.ends_on + datetime.timedelta(days=RETURN_DAYS)
