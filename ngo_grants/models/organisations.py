"""Organisations (NGOs), their members and the centres that verified them.

An organisation belongs to no centre: one NGO applies to the calls of several. Its members are
users with a role in it; a centre's grants staff verify it (against the KRS and the documents
it sent) before its offers to that centre's calls can be submitted.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.scoping import CentreScopedQuerySet
from ngo_grants.roles import GRANTS_STAFF


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", _("association")
    FOUNDATION = "foundation", _("foundation")
    SOCIAL_COOPERATIVE = "social_cooperative", _("social cooperative")
    CHURCH = "church", _("church legal person")
    OTHER = "other", _("other")


# Church legal persons are registered by the minister, not in the KRS.
KRS_OPTIONAL = (LegalForm.CHURCH, LegalForm.OTHER)


class MemberRole(models.TextChoices):
    """Administrators manage the organisation's details and members; editors write offers."""

    ADMIN = "admin", _("administrator")
    EDITOR = "editor", _("editor")


class OrganisationQuerySet(models.QuerySet):
    def of_member(self, user, roles=None):
        """Organisations `user` belongs to (with one of `roles`, when given)."""
        if not user.is_authenticated:
            return self.none()
        memberships = Membership.objects.filter(user=user)
        if roles:
            memberships = memberships.filter(role__in=roles)
        return self.filter(pk__in=memberships.values("organisation"))


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=300)
    legal_form = models.CharField(_("legal form"), max_length=20, choices=LegalForm.choices)
    krs = models.CharField(_("KRS number"), max_length=10, blank=True)
    nip = models.CharField(_("NIP"), max_length=10, unique=True)
    regon = models.CharField(_("REGON"), max_length=14)
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=6)
    city = models.CharField(_("town"), max_length=100)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=20)
    iban = models.CharField(_("bank account (IBAN)"), max_length=34)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["krs"], condition=~Q(krs=""), name="ngo_grants_organisation_unique_krs"),
        ]

    def __str__(self):
        return self.name

    @property
    def address(self):
        return f"{self.street}, {self.postcode} {self.city}"

    def role_of(self, user):
        """The member role of `user` here, or None."""
        if not user.is_authenticated:
            return None
        return self.memberships.filter(user=user).values_list("role", flat=True).first()

    def is_verified_by(self, centre):
        return self.verifications.filter(centre=centre, verified=True).exists()


class Representative(models.Model):
    """A person authorised to represent the organisation (KRS section 2), who signs its offers."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="representatives")
    name = models.CharField(_("first name and surname"), max_length=200)
    function = models.CharField(_("function"), max_length=100, help_text=_("e.g. president of the board"))
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("authorised representative")
        verbose_name_plural = _("authorised representatives")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.name} ({self.function})"


class Membership(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ngo_memberships")
    role = models.CharField(_("role"), max_length=10, choices=MemberRole.choices, default=MemberRole.EDITOR)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        verbose_name = _("member of an organisation")
        verbose_name_plural = _("members of organisations")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="ngo_grants_membership_unique_user"),
        ]

    def __str__(self):
        return f"{self.user} · {self.organisation}"


def new_token():
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """An e-mail invitation to join an organisation; the link carries `token`."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=10, choices=MemberRole.choices, default=MemberRole.EDITOR)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return self.email


class VerificationQuerySet(CentreScopedQuerySet):
    visible_to_roles = GRANTS_STAFF


class Verification(models.Model):
    """A centre's check of an organisation; offers to that centre's calls need `verified`."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="verifications")
    centre = models.ForeignKey("core.Centre", verbose_name=_("centre"), on_delete=models.CASCADE, related_name="+")
    verified = models.BooleanField(_("verified"), default=True)
    note = models.TextField(_("note"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    objects = VerificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("verification of an organisation")
        verbose_name_plural = _("verifications of organisations")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "centre"], name="ngo_grants_verification_unique_centre"),
        ]

    def __str__(self):
        return f"{self.organisation} · {self.centre}"
