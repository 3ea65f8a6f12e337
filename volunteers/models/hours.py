from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import formats
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.scoping import CentreScopedQuerySet
from volunteers.roles import VOLUNTEERING_STAFF


def format_hours(value):
    """Hours as Polish text writes them: "1,5", "24", "0,25" (the locale's decimal separator,
    no trailing zeros); used by the pages, the e-mails and the PDFs alike."""
    return formats.number_format(Decimal(value or 0).quantize(Decimal("0.01")).normalize())


class HoursStatus(models.TextChoices):
    """Every state of a logged session; transitions live in volunteers.services."""

    SUBMITTED = "submitted", _("waiting for approval")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class HoursQuerySet(CentreScopedQuerySet):
    visible_to_roles = VOLUNTEERING_STAFF


class HoursEntry(models.Model):
    """One session of work a volunteer logged on a task or a match; its centre approves it.

    `volunteer` becomes empty when the volunteer erases their data: approved hours stay in the
    centre's statistics (RODO art. 17 (3) (b) does not reach anonymous figures), with no
    person attached. `task_title` keeps the scope readable if the task page is deleted.
    """

    volunteer = models.ForeignKey(
        "volunteers.VolunteerProfile",
        verbose_name=_("volunteer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hours",
    )
    task = models.ForeignKey(
        "volunteers.TaskPage",
        verbose_name=_("task"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hours",
    )
    # Hours of one-to-one help are logged against the match instead of a task page; the
    # title then names the help without naming the person helped.
    match = models.ForeignKey(
        "volunteers.Match",
        verbose_name=_("match"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hours",
    )
    task_title = models.CharField(_("task"), max_length=255)
    centre = models.ForeignKey("core.Centre", verbose_name=_("centre"), on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("24"))],
    )
    note = models.TextField(_("note"), blank=True, max_length=1000)
    status = models.CharField(_("status"), max_length=10, choices=HoursStatus.choices, default=HoursStatus.SUBMITTED)
    reject_reason = models.TextField(_("reason for rejecting"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("logged at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = HoursQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer hours")
        verbose_name_plural = _("volunteer hours")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["centre", "status", "date"], name="volunteers_hours_centre_idx")]

    def __str__(self):
        # Shown by the admin's delete and history screens: Polish numbers and dates.
        return gettext("%(task)s, %(date)s: %(hours)s h") % {
            "task": self.task_title,
            "date": date_format(self.date, "SHORT_DATE_FORMAT"),
            "hours": format_hours(self.hours),
        }

    @property
    def is_submitted(self):
        return self.status == HoursStatus.SUBMITTED
