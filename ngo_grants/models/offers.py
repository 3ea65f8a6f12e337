"""Offers of organisations to a call's public task, their frozen versions and attachments.

While an offer is a draft, what the organisation typed is kept as it was typed (`draft`, raw
strings per section and row), so nothing is ever lost, not even a value that does not
validate yet. Submitting validates every section and freezes the cleaned content as an
`OfferVersion` with its SHA-256 checksum; the draft is never what staff read.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.scoping import CentreScopedQuerySet, centres_for
from ngo_grants.models.calls import MONEY
from ngo_grants.roles import GRANTS_STAFF
from ngo_grants.workflow import EDITABLE, RECEIVED, OfferStatus


def private_storage():
    """Attachments never sit behind a public media URL; see settings.STORAGES["private"]."""
    from django.core.files.storage import storages

    return storages["private"]


class OfferQuerySet(CentreScopedQuerySet):
    visible_to_roles = GRANTS_STAFF

    def of_member(self, user, roles=None):
        """Offers of the organisations `user` belongs to (with one of `roles`, when given)."""
        from ngo_grants.models.organisations import Organisation

        return self.filter(organisation__in=Organisation.objects.of_member(user, roles))

    def for_user(self, user):
        """Offers `user` may read: their organisations' and, for grants staff, their centres'."""
        if not user.is_authenticated:
            return self.none()
        from ngo_grants.models.organisations import Membership

        return self.filter(
            Q(organisation__in=Membership.objects.filter(user=user).values("organisation"))
            | Q(centre__in=centres_for(user, *GRANTS_STAFF))
        )

    def submitted(self):
        return self.exclude(status__in=[OfferStatus.DRAFT, OfferStatus.WITHDRAWN])

    def received(self):
        return self.filter(status__in=RECEIVED)


class Offer(models.Model):
    call = models.ForeignKey(
        "ngo_grants.CallPage", verbose_name=_("call"), on_delete=models.PROTECT, related_name="offers"
    )
    task = models.ForeignKey(
        "ngo_grants.PublicTask", verbose_name=_("public task"), on_delete=models.PROTECT, related_name="offers"
    )
    organisation = models.ForeignKey(
        "ngo_grants.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="offers"
    )
    centre = models.ForeignKey("core.Centre", verbose_name=_("centre"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=OfferStatus.choices, default=OfferStatus.DRAFT)
    title = models.CharField(_("title"), max_length=300, blank=True)
    draft = models.JSONField(_("draft"), default=dict, blank=True)
    number = models.CharField(_("number"), max_length=40, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    updated_at = models.DateTimeField(_("last saved"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    # While a correction is requested: the keys of the sections (and "attachments") the
    # organisation may change; every other part stays as submitted.
    reopened = models.JSONField(_("sections reopened for correction"), default=list, blank=True)
    # Copied from the submitted version, so lists and exports need not read the JSON.
    total_cost = models.DecimalField(_("total cost (zł)"), **MONEY, null=True, blank=True)
    grant_requested = models.DecimalField(_("grant requested (zł)"), **MONEY, null=True, blank=True)
    own_contribution = models.DecimalField(_("own contribution (zł)"), **MONEY, null=True, blank=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "number"], condition=~Q(number=""), name="ngo_grants_offer_unique_number"
            ),
        ]

    def __str__(self):
        return self.number or self.title or str(_("offer draft"))

    @property
    def editable(self):
        return self.status in EDITABLE

    def section_editable(self, key):
        """Whether the organisation may change section `key` (or "attachments") now."""
        if self.status == OfferStatus.DRAFT:
            return True
        return self.status == OfferStatus.CORRECTION and key in self.reopened

    def latest_version(self):
        return self.versions.order_by("-number").first()

    def open_correction(self):
        """The correction request the organisation is answering now, or None."""
        if self.status != OfferStatus.CORRECTION:
            return None
        return self.corrections.filter(corrected_version__isnull=True, expired_at__isnull=True).last()


class OfferVersion(models.Model):
    """The content of an offer as submitted, frozen; never changed once written.

    `content` is canonical JSON (sections → cleaned values, money as strings to the grosz),
    `checksum` the SHA-256 of its canonical serialisation (`ngo_grants.sections.checksum`),
    which anyone holding the confirmation can recompute.
    """

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    content = models.JSONField(_("content"))
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64)
    created_at = models.DateTimeField(_("submitted"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("version of an offer")
        verbose_name_plural = _("versions of offers")
        constraints = [models.UniqueConstraint(fields=["offer", "number"], name="ngo_grants_offerversion_unique")]

    def __str__(self):
        return f"{self.offer} v{self.number}"


class OfferCounter(models.Model):
    """The last offer number given in a call; locked while a submission takes the next."""

    call = models.OneToOneField("ngo_grants.CallPage", on_delete=models.CASCADE, related_name="+")
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.call_id}: {self.last}"


class Attachment(models.Model):
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="attachments")
    required = models.ForeignKey(
        "ngo_grants.RequiredAttachment",
        verbose_name=_("attachment of the call"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: an additional attachment."),
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    file = models.FileField(_("file"), storage=private_storage, upload_to="offers/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    kind = models.CharField(_("kind"), max_length=10)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name
