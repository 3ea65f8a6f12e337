import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from accounts.permissions import centres_for, staff_of
from core.scoping import CentreScopedQuerySet

from .roles import Role


class AuditKind(models.TextChoices):
    LOGIN = "login", _("Sign-in")
    LOGIN_FAILED = "login_failed", _("Failed sign-in")
    MFA_ADDED = "mfa_added", _("Two-factor method added")
    MFA_REMOVED = "mfa_removed", _("Two-factor method removed")
    MFA_RESET = "mfa_reset", _("Recovery codes regenerated")
    ROLE_GRANTED = "role_granted", _("Role granted")
    ROLE_REMOVED = "role_removed", _("Role removed")
    HOURS_APPROVED = "hours_approved", _("Volunteer hours approved")
    HOURS_REJECTED = "hours_rejected", _("Volunteer hours rejected")
    # Staff decisions on volunteering; `details["summary"]` says what was decided, in words.
    APPLICATION_ACCEPTED = "application_accepted", _("Application accepted")
    APPLICATION_DECLINED = "application_declined", _("Application declined")
    CLEARANCE_RECORDED = "clearance_recorded", _("Child-protection check recorded")
    AGREEMENT_SIGNED = "agreement_signed", _("Agreement recorded as signed")
    VOLUNTEERS_IMPORTED = "volunteers_imported", _("Volunteers imported")
    # A centre's decision on an organisation that wants to make offers to its open calls.
    NGO_VERIFIED = "ngo_verified", _("Organisation verified")
    NGO_REFUSED = "ngo_refused", _("Organisation's verification refused")
    # The formal review of an offer after the deadline.
    OFFER_CORRECTION = "offer_correction", _("Correction of an offer requested")
    OFFER_ACCEPTED = "offer_accepted", _("Offer formally accepted")
    OFFER_REJECTED = "offer_rejected", _("Offer formally rejected")
    CALL_ANNULLED = "call_annulled", _("Call annulled")
    OFFERS_ASSIGNED = "offers_assigned", _("Offers assigned to committee members")
    OPINION_ADOPTED = "opinion_adopted", _("Committee's opinion adopted")
    RESULTS_PUBLISHED = "results_published", _("Results of a call published")
    GRANT_SETTLED = "grant_settled", _("Grant settled")


# Written by the volunteers and ngo_grants apps, which word the decision themselves: accounts
# knows no tasks or organisations.
DECISIONS = {
    AuditKind.APPLICATION_ACCEPTED,
    AuditKind.APPLICATION_DECLINED,
    AuditKind.CLEARANCE_RECORDED,
    AuditKind.AGREEMENT_SIGNED,
    AuditKind.VOLUNTEERS_IMPORTED,
    AuditKind.NGO_VERIFIED,
    AuditKind.NGO_REFUSED,
    AuditKind.OFFER_CORRECTION,
    AuditKind.OFFER_ACCEPTED,
    AuditKind.OFFER_REJECTED,
    AuditKind.CALL_ANNULLED,
    AuditKind.OFFERS_ASSIGNED,
    AuditKind.OPINION_ADOPTED,
    AuditKind.RESULTS_PUBLISHED,
}

FAILED_STEPS = {"password": _("wrong password"), "two-factor": _("wrong two-factor code")}
MFA_METHODS = {
    "totp": _("authenticator app"),
    "recovery_codes": _("recovery codes"),
    "webauthn": _("security key or passkey"),
}


class AuditEntryQuerySet(CentreScopedQuerySet):
    visible_to_roles = (Role.SUPERVISOR,)

    def visible_to(self, user, roles=None):
        """A supervisor sees what happened in their centre (role changes) and what their
        staff did that belongs to no centre (sign-ins, two-factor changes); superusers see all."""
        if user.is_active and user.is_superuser:
            return self.all()
        centres = centres_for(user, *(roles or self.visible_to_roles))
        return self.filter(Q(centre__in=centres) | Q(centre__isnull=True, subject_user__in=staff_of(centres)))


class AuditEntry(models.Model):
    """One security-relevant event: append-only, written by `accounts.audit.record` alone.

    `actor` did it, `subject_user` is whom it concerns (the same person for sign-ins).
    Both become empty when the account is deleted; the entry itself stays.
    """

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("event"), max_length=20, choices=AuditKind.choices, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("concerns"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    centre = models.ForeignKey(
        "core.Centre", verbose_name=_("centre"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=200, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log entries")
        ordering = ["-at", "-pk"]

    def __str__(self):
        who = self.subject_user or self.actor
        return f"{self.get_kind_display()}: {who}" if who else str(self.get_kind_display())

    @property
    def description(self):
        """The details in words, for the admin's listing."""
        details = self.details or {}
        if self.kind in (AuditKind.ROLE_GRANTED, AuditKind.ROLE_REMOVED):
            role = Role(details["role"]).label if details.get("role") in Role.values else details.get("role", "")
            # Set when the account or the centre was deleted, so the entry cannot point at it.
            gone = [details[key] for key in ("person", "centre") if details.get(key)]
            return f"{role} ({', '.join(gone)})" if gone else str(role)
        if self.kind in (AuditKind.HOURS_APPROVED, AuditKind.HOURS_REJECTED):
            # Stored as written when decided, so the entry reads the same after the task is gone.
            parts = [details.get("task", "")]
            if details.get("date"):
                parts.append(date_format(datetime.date.fromisoformat(details["date"]), "DATE_FORMAT"))
            if details.get("hours"):
                parts.append(_("%(hours)s h") % {"hours": number_format(Decimal(details["hours"]).normalize())})
            return ", ".join(str(part) for part in parts if part)
        if self.kind in DECISIONS:
            return details.get("summary", "")
        if self.kind == AuditKind.LOGIN_FAILED:
            return str(FAILED_STEPS.get(details.get("step"), ""))
        return str(MFA_METHODS.get(details.get("method"), details.get("method", "")))

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit entries are never changed.")
        super().save(*args, **kwargs)
