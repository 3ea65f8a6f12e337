from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.scoping import CentreScopedQuerySet
from volunteers.roles import VOLUNTEERING_STAFF


class ApplicationStatus(models.TextChoices):
    """Every state an application can be in; transitions live in volunteers.services."""

    SUBMITTED = "submitted", _("submitted")
    WAITING = "waiting", _("on the waiting list")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    WITHDRAWN = "withdrawn", _("withdrawn")


class ApplicationNotice(models.TextChoices):
    """The e-mails an application causes: its new status (to the volunteer), a place freed
    from the waiting list (to the volunteer) or a new application (to the task's coordinator)."""

    SUBMITTED = ApplicationStatus.SUBMITTED.value, ApplicationStatus.SUBMITTED.label
    WAITING = ApplicationStatus.WAITING.value, ApplicationStatus.WAITING.label
    ACCEPTED = ApplicationStatus.ACCEPTED.value, ApplicationStatus.ACCEPTED.label
    DECLINED = ApplicationStatus.DECLINED.value, ApplicationStatus.DECLINED.label
    WITHDRAWN = ApplicationStatus.WITHDRAWN.value, ApplicationStatus.WITHDRAWN.label
    PROMOTED = "promoted", _("moved off the waiting list")
    NEW = "new", _("new application")


# Not a status of its own: whether the checks are valid changes when staff record them or
# when they expire, so it is derived from the checks each time (see `awaiting_verification`).
AWAITING_VERIFICATION = _("awaiting verification")


class ApplicationQuerySet(CentreScopedQuerySet):
    visible_to_roles = VOLUNTEERING_STAFF


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

    @cached_property
    def awaiting_verification(self):
        """Open, for a task with children, and the centre has not yet recorded every one of the
        volunteer's checks as valid: the coordinator cannot accept it until it has. Listings
        set this for a whole page at once with `services.applications.mark_verification`."""
        from volunteers.services.applications import mark_verification

        mark_verification([self])
        return self.__dict__["awaiting_verification"]

    @property
    def is_waiting(self):
        return self.status == ApplicationStatus.WAITING

    @property
    def status_label(self):
        """The status in words as volunteers and coordinators read it."""
        if not self.awaiting_verification:
            return self.get_status_display()
        if self.status == ApplicationStatus.WAITING:
            return _("%(status)s, %(awaiting)s") % {
                "status": self.get_status_display(),
                "awaiting": AWAITING_VERIFICATION,
            }
        return AWAITING_VERIFICATION
