"""What follows a grant: the organisation's updated budget when less was granted than
requested, and the agreement on the framework template of 2018 (Rozporządzenie Przewodniczącego
Komitetu do spraw Pożytku Publicznego z 24 października 2018 r., załącznik nr 3).

An updated budget keeps the cost lines of the offer as submitted (names and categories); only
the amounts change, and the grant they take must be exactly the amount awarded. Once the grants
officer accepts it, it is the agreement's annex. The agreement carries the parties, the period,
the amount in instalments, the own contribution, the overrun allowed on each cost line, the
reporting dates and the return of unused funds.

Under the agreement the organisation reports (art. 18): a partial report when the centre calls
for one on at least 30 days' notice, and the final report within 30 days of the task's end. The
accepted final report settles the grant, and the settlement is part of the organisation's record
that later committees read.
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


class SentToTheCentre(models.Model):
    """What an organisation sends and the grants officer accepts or returns with remarks: a
    returned one stays as sent, and the organisation sends another."""

    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    accepted = models.BooleanField(_("accepted"), null=True, blank=True)
    remarks = models.TextField(_("remarks of the centre"), blank=True)

    class Meta:
        abstract = True


class BudgetUpdate(SentToTheCentre):
    offer = models.ForeignKey("ngo_grants.Offer", on_delete=models.CASCADE, related_name="budget_updates")
    # One row per cost line of the submitted offer, in its order: name, category, and the
    # amounts (total, from_grant, from_other) as strings to the grosz.
    lines = models.JSONField(_("cost lines"))
    schedule = models.TextField(_("updated schedule of actions"))

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
    # When the officer called for the partial report (art. 18 ust. 2: at least 30 days' notice).
    partial_report_called_at = models.DateTimeField(_("partial report called for"), null=True, blank=True)
    # The settlement: the final report accepted, and what the organisation had to return.
    settled_at = models.DateTimeField(_("settled"), null=True, blank=True)
    settled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    returned = models.DecimalField(_("grant returned (zł)"), null=True, blank=True, **MONEY)

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

    @property
    def settled(self):
        return self.settled_at is not None


class ReportKind(models.TextChoices):
    PARTIAL = "partial", _("partial report")
    FINAL = "final", _("final report")


class Report(SentToTheCentre):
    """One report as the organisation sent it (art. 18 of the Act, the framework template's
    annex 5). A report the officer returns stays as it was; the organisation sends another, so
    the file keeps every version and the remarks that led to the next one."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    actions = models.TextField(_("actions carried out"))
    results = models.TextField(_("results achieved against those planned"))
    # One row per cost line of the agreement's budget, in its order: name and category, the
    # agreed amounts ("agreed": total, from_grant, from_other), the actual ones ("actual"), as
    # strings to the grosz, and the explanation of a line over the allowed overrun.
    lines = models.JSONField(_("costs"))
    # Frozen when sent, so a later change of the rules never rewrites a report already judged.
    grant_used = models.DecimalField(_("grant used as agreed (zł)"), **MONEY)
    to_return = models.DecimalField(_("grant to return (zł)"), **MONEY)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["submitted_at", "pk"]

    def __str__(self):
        return f"{self.agreement} – {self.get_kind_display()} ({self.submitted_at:%Y-%m-%d})"


class ReportReminder(models.Model):
    """A reminder that has been queued: the unique constraint makes the daily
    `send_report_reminders` safe to run twice (a cron retry, a second server)."""

    class Stage(models.TextChoices):
        BEFORE = "before", _("before the due date")
        AFTER = "after", _("after the due date")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    due_on = models.DateField(_("due"))
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices)
    queued_at = models.DateTimeField(_("queued at"), auto_now_add=True)

    class Meta:
        verbose_name = _("report reminder")
        verbose_name_plural = _("report reminders")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "kind", "due_on", "stage"], name="ngo_grants_reminder_once")
        ]

    def __str__(self):
        return f"{self.agreement} – {self.kind} {self.stage} {self.due_on}"
