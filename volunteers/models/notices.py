from django.db import models
from django.utils.translation import gettext_lazy as _

from core.scoping import CentreScopedQuerySet
from volunteers.roles import VOLUNTEERING_STAFF


class Reminder(models.Model):
    """A day-before reminder that has been queued: the unique constraint makes the daily
    `send_reminders` run safe to repeat (cron retries, two servers) without double mails."""

    application = models.ForeignKey(
        "volunteers.Application", verbose_name=_("application"), on_delete=models.CASCADE, related_name="reminders"
    )
    date = models.DateField(_("date of the work"))
    queued_at = models.DateTimeField(_("queued at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [models.UniqueConstraint(fields=["application", "date"], name="volunteers_reminder_once")]

    def __str__(self):
        return f"{self.application} ({self.date})"


class CentreVolunteerQuerySet(CentreScopedQuerySet):
    visible_to_roles = VOLUNTEERING_STAFF


class CentreVolunteer(models.Model):
    """A volunteer a centre brought in itself (imported from its paper or spreadsheet
    records), so its coordinators see the profile before any application exists."""

    centre = models.ForeignKey("core.Centre", verbose_name=_("centre"), on_delete=models.CASCADE, related_name="+")
    volunteer = models.ForeignKey(
        "volunteers.VolunteerProfile", verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="centres"
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    objects = CentreVolunteerQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer of a centre")
        verbose_name_plural = _("volunteers of a centre")
        constraints = [models.UniqueConstraint(fields=["centre", "volunteer"], name="volunteers_centrevolunteer_once")]

    def __str__(self):
        return f"{self.volunteer} ({self.centre})"


class TaskSchedule(models.Model):
    """What volunteers were last told about a task's date, time, place and status.

    Kept beside the page, not on it: a page field would travel inside revisions, and
    publishing an older draft would bring back an outdated copy and re-send old news.
    """

    task = models.OneToOneField(
        "volunteers.TaskPage", verbose_name=_("task"), on_delete=models.CASCADE, related_name="announced_schedule"
    )
    fields = models.JSONField(_("announced schedule"), default=dict)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("announced schedule")
        verbose_name_plural = _("announced schedules")

    def __str__(self):
        return str(self.task_id)
