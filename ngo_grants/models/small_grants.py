"""Small grants (art. 19a): an organisation's offer outside any call, published for 7 days for
anyone's comments, then the centre's decision and the agreement.

The limits are dated rule sets (ngo_grants.small_grant_rules); the one in force on the day the
offer was filed applies. The year's planned grant funds, against which the 30% (formerly 20%)
share is counted, are a figure each centre's grants officer sets per year (`GrantPlan`).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.scoping import CentreScopedQuerySet
from ngo_grants.models.calls import MONEY
from ngo_grants.roles import GRANTS_STAFF


class GrantPlan(models.Model):
    """The grant funds a centre's local government planned for organisations in a year."""

    centre = models.ForeignKey("core.Centre", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField(_("year"))
    planned_funds = models.DecimalField(_("grant funds planned for organisations (zł)"), **MONEY)

    class Meta:
        verbose_name = _("grant plan of a year")
        verbose_name_plural = _("grant plans of years")
        constraints = [models.UniqueConstraint(fields=["centre", "year"], name="ngo_grants_grantplan_once")]

    def __str__(self):
        return f"{self.centre} {self.year}"


class SmallGrantStatus(models.TextChoices):
    FILED = "filed", _("filed, waiting for publication")
    PUBLISHED = "published", _("published for comments")
    GRANTED = "granted", _("grant awarded")
    REFUSED = "refused", _("grant refused")
    AGREEMENT = "agreement", _("agreement concluded")


class SmallGrantQuerySet(CentreScopedQuerySet):
    visible_to_roles = GRANTS_STAFF

    def of_member(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__memberships__user=user)

    def public(self):
        """Offers anyone may read: published for comments, and what became of them."""
        return self.exclude(status=SmallGrantStatus.FILED)


class SmallGrant(models.Model):
    centre = models.ForeignKey("core.Centre", verbose_name=_("centre"), on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "ngo_grants.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="small_grants"
    )
    number = models.CharField(_("number"), max_length=40)
    status = models.CharField(_("status"), max_length=20, choices=SmallGrantStatus.choices, default="filed")
    title = models.CharField(_("title of the task"), max_length=300)
    public_task = models.CharField(_("area of public tasks"), max_length=300)
    description = models.TextField(_("description of the task"))
    results = models.TextField(_("expected results"))
    starts_on = models.DateField(_("task starts on"))
    ends_on = models.DateField(_("task ends on"))
    # [{"name": …, "total": "…", "from_grant": "…", "from_other": "…"}, …] to the grosz.
    lines = models.JSONField(_("cost lines"))
    amount_requested = models.DecimalField(_("grant requested (zł)"), **MONEY)
    own_contribution = models.DecimalField(_("own contribution (zł)"), **MONEY)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    filed_at = models.DateTimeField(_("filed"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    comments_until = models.DateTimeField(_("comments until"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    amount_granted = models.DecimalField(_("grant awarded (zł)"), null=True, blank=True, **MONEY)
    reason = models.TextField(_("reason of the decision"), blank=True)
    agreement_number = models.CharField(_("number of the agreement"), max_length=60, blank=True)
    agreement_at = models.DateTimeField(_("agreement prepared"), null=True, blank=True)

    objects = SmallGrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("small grant")
        verbose_name_plural = _("small grants")
        ordering = ["-filed_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["centre", "number"], name="ngo_grants_smallgrant_number")]

    def __str__(self):
        return f"{self.number}: {self.title}"


class SmallGrantComment(models.Model):
    """A comment anyone sent during the 7 days (art. 19a ust. 5). The name is published with
    it; the address only reaches the centre, to answer."""

    small_grant = models.ForeignKey(SmallGrant, on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail address"), blank=True)
    text = models.TextField(_("comment"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("comment on a small grant")
        verbose_name_plural = _("comments on small grants")
        ordering = ["sent_at", "pk"]

    def __str__(self):
        return f"{self.small_grant_id}: {self.name}"
