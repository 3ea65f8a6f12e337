from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.scoping import CentreScopedQuerySet
from volunteers.roles import VOLUNTEERING_STAFF


class AgreementQuerySet(CentreScopedQuerySet):
    visible_to_roles = VOLUNTEERING_STAFF


class Agreement(models.Model):
    """The written agreement ("porozumienie", art. 44 of the Act on public benefit and
    volunteer work) between a centre and a volunteer for one task.

    The PDF is rendered from these fields and the centre's details whenever it is downloaded;
    only the fact and date of signing are stored, never a scan. For work over 30 days the
    volunteer may not start (log hours) until `signed_on` is recorded.
    """

    volunteer = models.ForeignKey(
        "volunteers.VolunteerProfile",
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="agreements",
    )
    task = models.ForeignKey(
        "volunteers.TaskPage", verbose_name=_("task"), null=True, on_delete=models.SET_NULL, related_name="agreements"
    )
    centre = models.ForeignKey("core.Centre", verbose_name=_("centre"), on_delete=models.CASCADE, related_name="+")
    scope = models.TextField(_("scope of work"), max_length=2000)
    manner = models.TextField(_("manner of work"), max_length=2000, blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    costs_waived = models.BooleanField(
        _("the volunteer waives reimbursement of costs in writing"),
        default=False,
        help_text=_("Otherwise the centre reimburses travel and other costs of the work (art. 45 (1) of the Act)."),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer agreement")
        verbose_name_plural = _("volunteer agreements")
        ordering = ["-starts_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["volunteer", "task"], name="volunteers_agreement_once_per_task")]

    def __str__(self):
        return f"{self.volunteer} – {self.scope[:60]}"

    @property
    def is_signed(self):
        return self.signed_on is not None
