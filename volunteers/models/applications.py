from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.scoping import CentreScopedQuerySet


class ApplicationStatus(models.TextChoices):
    """Every state an application can be in; transitions live in volunteers.services."""

    SUBMITTED = "submitted", _("submitted")
    WAITING = "waiting", _("on the waiting list")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    WITHDRAWN = "withdrawn", _("withdrawn")


class ApplicationQuerySet(CentreScopedQuerySet):
    visible_to_roles = ("coordinator", "supervisor")


class Application(models.Model):
    """A volunteer's application to one task; it belongs to the task's centre."""

    task = models.ForeignKey(
        "volunteers.TaskPage", verbose_name=_("task"), on_delete=models.CASCADE, related_name="applications"
    )
    volunteer = models.ForeignKey(
        "volunteers.VolunteerProfile",
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    centre = models.ForeignKey("core.Centre", verbose_name=_("centre"), on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        _("status"), max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    message = models.TextField(_("message to the coordinator"), blank=True, max_length=2000)
    decline_reason = models.TextField(_("reason for declining"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["task", "volunteer"], name="volunteers_application_once_per_task")
        ]

    def __str__(self):
        return f"{self.volunteer} → {self.task}"
