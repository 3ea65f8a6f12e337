"""Beneficiaries and their needs: who a centre helps through one-to-one volunteering.

Sensitive data of vulnerable people (RODO art. 9 may apply to a disability): registered by
staff only, never public, reached only through the centre-scoped querysets, and every
opening of a record by staff is written to `BeneficiaryAccess`, which nobody can change.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from core.scoping import CentreScopedQuerySet
from volunteers.models.profile import DayPart, Gender, Weekday, phone_validator
from volunteers.models.tasks import TaskCategory
from volunteers.roles import VOLUNTEERING_STAFF


class BeneficiaryKind(models.TextChoices):
    FAMILY = "family", _("family")
    DISABLED = "disabled", _("person with a disability")
    SENIOR = "senior", _("senior")


class BeneficiaryQuerySet(CentreScopedQuerySet):
    visible_to_roles = VOLUNTEERING_STAFF


class Beneficiary(models.Model):
    """A family, a person with a disability or a senior the centre supports.

    After a volunteer accepts a match they see `first_name`, `meeting_place` (or the address
    when it is empty) and `phone`, and nothing else of this record (see
    `Match.permitted_contact`).
    """

    centre = models.ForeignKey("core.Centre", verbose_name=_("centre"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=BeneficiaryKind.choices)
    name = models.CharField(
        _("name"), max_length=120, help_text=_("Full name of the person, or the family's name, e.g. Nowakowie.")
    )
    first_name = models.CharField(
        _("first name for the volunteer"),
        max_length=60,
        help_text=_("The first name the volunteer will use (the person or the family's contact)."),
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("address"), max_length=200, help_text=_("Street, number, postal code and town."))
    meeting_place = models.CharField(
        _("meeting place"),
        max_length=200,
        blank=True,
        help_text=_("Where the volunteer should come, when it is not the address above (e.g. a day-care centre)."),
    )
    district = models.ForeignKey(
        "volunteers.District", verbose_name=_("district"), on_delete=models.PROTECT, related_name="+"
    )
    household_note = models.TextField(
        _("household notes"),
        blank=True,
        max_length=4000,
        help_text=_("Who lives in the household and what matters about it. Staff only."),
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = BeneficiaryQuerySet.as_manager()

    class Meta:
        verbose_name = _("beneficiary")
        verbose_name_plural = _("beneficiaries")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.district_id and self.centre_id and self.district.centre_id != self.centre_id:
            raise ValidationError({"district": _("Choose a district of this centre.")})


class NeedStatus(models.TextChoices):
    OPEN = "open", _("open")
    MATCHED = "matched", _("matched")
    PAUSED = "paused", _("paused")
    CLOSED = "closed", _("closed")


class NeedQuerySet(CentreScopedQuerySet):
    centre_field = "beneficiary__centre"
    visible_to_roles = VOLUNTEERING_STAFF

    def open(self):
        return self.filter(status=NeedStatus.OPEN)


def time_value(weekday, part):
    """One cell of the week grid, stored the way the volunteer's grid posts it: "0-morning"."""
    return f"{weekday}-{part}"


def time_choices():
    return [
        (time_value(day, part), f"{str(day_label).lower()}, {part_label}")
        for day, day_label in Weekday.choices
        for part, part_label in DayPart.choices
    ]


TIME_VALUES = frozenset(time_value(day, part) for day in Weekday.values for part in DayPart.values)


def validate_times(value):
    if not isinstance(value, list) or not value or any(v not in TIME_VALUES for v in value):
        raise ValidationError(_("Tick at least one time of the week."))


class Need(models.Model):
    """One kind of help a beneficiary needs, with its times and requirements.

    `times` are cells of the same day × part-of-day grid volunteers fill in. Requirements are
    hard: a volunteer who does not meet one is never proposed, and staff see why.
    """

    beneficiary = models.ForeignKey(
        Beneficiary, verbose_name=_("beneficiary"), on_delete=models.CASCADE, related_name="needs"
    )
    category = models.CharField(_("category"), max_length=20, choices=TaskCategory.choices)
    skills = models.ManyToManyField("volunteers.Skill", verbose_name=_("skills needed"), blank=True, related_name="+")
    times = models.JSONField(_("preferred times"), default=list, validators=[validate_times])
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours per week"), default=2, validators=[MinValueValidator(1), MaxValueValidator(40)]
    )
    child_involved = models.BooleanField(
        _("a child is involved"),
        default=False,
        help_text=_("The volunteer must then have every child-protection check valid on the start date."),
    )
    preferred_gender = models.CharField(
        _("volunteer's gender"),
        max_length=12,
        blank=True,
        choices=[(Gender.WOMAN, Gender.WOMAN.label), (Gender.MAN, Gender.MAN.label)],
        help_text=_("Only when the person asked for it."),
    )
    language = models.ForeignKey(
        "volunteers.Language",
        verbose_name=_("language required"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    disability = models.ForeignKey(
        "volunteers.DisabilityKind",
        verbose_name=_("experience required with"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    needs_licence = models.BooleanField(_("driving licence required"), default=False)
    needs_car = models.BooleanField(_("own car required"), default=False)
    start_date = models.DateField(_("start date"))
    status = models.CharField(_("status"), max_length=10, choices=NeedStatus.choices, default=NeedStatus.OPEN)
    staff_note = models.TextField(
        _("staff note"), blank=True, max_length=4000, help_text=_("Never shown to volunteers.")
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = NeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["beneficiary", "pk"]
        indexes = [models.Index(fields=["status"], name="volunteers_need_status_idx")]

    def __str__(self):
        return f"{self.beneficiary}: {self.get_category_display()}"

    @property
    def centre(self):
        return self.beneficiary.centre

    @property
    def slots(self):
        """The times as (weekday, part) pairs, the engine's form."""
        pairs = []
        for value in self.times or ():
            day, _sep, part = value.partition("-")
            pairs.append((int(day), part))
        return pairs


class AccessAction(models.TextChoices):
    VIEWED = "viewed", _("opened")
    CHANGED = "changed", _("changed")
    CREATED = "created", _("registered")
    DELETED = "deleted", _("deleted")
    EXPORTED = "exported", _("exported")


class AccessQuerySet(CentreScopedQuerySet):
    # Only the supervisor reads who opened which record.
    visible_to_roles = (Role.SUPERVISOR,)

    # Bulk changes bypass the model's guards; an access log allows neither.
    def update(self, **kwargs):
        raise ImmutableRecord("access log entries cannot be changed")

    def delete(self):
        raise ImmutableRecord("access log entries cannot be deleted")


class ImmutableRecord(Exception):
    """Raised on any attempt to change or delete an access log entry."""


class BeneficiaryAccess(models.Model):
    """One opening of a beneficiary's record by staff: who, when, what. Append-only.

    The ids are kept without a database constraint and the labels keep the entry readable,
    so deleting a beneficiary or an account changes nothing here;
    `save` refuses to change a stored entry and `delete` refuses always, so neither the admin
    nor a bug can rewrite the history.
    """

    centre = models.ForeignKey("core.Centre", verbose_name=_("centre"), on_delete=models.PROTECT, related_name="+")
    beneficiary = models.ForeignKey(
        Beneficiary,
        verbose_name=_("beneficiary"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_constraint=False,
    )
    beneficiary_label = models.CharField(_("beneficiary"), max_length=120)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_constraint=False,
    )
    user_label = models.CharField(_("who"), max_length=254)
    action = models.CharField(_("what"), max_length=10, choices=AccessAction.choices)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = _("access to a beneficiary's record")
        verbose_name_plural = _("access log")
        ordering = ["-at", "-pk"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.user_label} · {self.get_action_display()} · {self.beneficiary_label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableRecord("access log entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecord("access log entries cannot be deleted")
