import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

phone_validator = RegexValidator(
    r"^\+?[0-9 ()-]{9,20}$", _("Enter a phone number, e.g. 600 100 200 or +48 600 100 200.")
)


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class DayPart(models.TextChoices):
    MORNING = "morning", _("morning")
    AFTERNOON = "afternoon", _("afternoon")
    EVENING = "evening", _("evening")


class Gender(models.TextChoices):
    """Self-declared and optional: asked only because some families ask for a woman or a man."""

    WOMAN = "woman", _("woman")
    MAN = "man", _("man")
    UNDISCLOSED = "undisclosed", _("prefer not to say")


class VolunteerProfile(models.Model):
    """What a resident tells about themselves to volunteer. Not owned by a centre: each
    centre sees it only through its own tasks and matches (see permissions)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="volunteer_profile"
    )
    birth_date = models.DateField(_("date of birth"))
    phone = models.CharField(_("phone"), max_length=20, validators=[phone_validator])
    # The written agreement names both parties with their addresses (art. 44 of the Act).
    address = models.CharField(
        _("address"), max_length=200, blank=True, help_text=_("Street, number, postal code and town.")
    )
    skills = models.ManyToManyField("volunteers.Skill", verbose_name=_("skills and interests"), blank=True)
    districts = models.ManyToManyField("volunteers.District", verbose_name=_("districts"), blank=True)
    languages = models.ManyToManyField(
        "volunteers.Language",
        verbose_name=_("languages"),
        blank=True,
        help_text=_("Besides Polish."),
    )
    driving_licence = models.BooleanField(_("driving licence"), default=False)
    has_car = models.BooleanField(_("own car"), default=False)
    disability_experience = models.ManyToManyField(
        "volunteers.DisabilityKind", verbose_name=_("experience with disabilities"), blank=True
    )
    # What the volunteer once wrote in free text about languages and disabilities, kept
    # word for word when those became lists (nothing they entered is lost).
    matching_note = models.TextField(
        _("other languages and experience"),
        blank=True,
        help_text=_("Anything the lists above do not cover, e.g. a dialect or experience as a carer."),
    )
    gender = models.CharField(_("gender"), max_length=12, choices=Gender.choices, blank=True)
    regular_help = models.BooleanField(
        _("I want to help one person or family regularly"),
        default=False,
        help_text=_(
            "The centres whose districts you chose may then propose to you a person or a family to help every week."
        ),
    )
    max_concurrent = models.PositiveSmallIntegerField(
        _("how many people you can help at once"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    guardian_name = models.CharField(_("legal guardian's name"), max_length=120, blank=True)
    guardian_email = models.EmailField(_("legal guardian's e-mail"), blank=True)
    guardian_consent_at = models.DateTimeField(_("guardian's consent recorded at"), null=True, blank=True)
    standards_acknowledged_at = models.DateTimeField(
        _("child-protection standards acknowledged at"), null=True, blank=True
    )
    standards_version = models.CharField(_("version of the standards"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")

    def __str__(self):
        return str(self.user)

    def age_on(self, day):
        years = day.year - self.birth_date.year
        return years - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))

    @property
    def age(self):
        return self.age_on(timezone.localdate())

    @property
    def is_minor(self):
        # Computed from the birthday every time, so the limits lift by themselves at 18.
        return self.age < 18

    @property
    def adult_on(self):
        birthday = self.birth_date
        try:
            return birthday.replace(year=birthday.year + 18)
        except ValueError:  # born on 29 February
            return birthday.replace(year=birthday.year + 18, day=28) + datetime.timedelta(days=1)


class Availability(models.Model):
    """One weekly slot (day × part of day) when the volunteer can help."""

    profile = models.ForeignKey(VolunteerProfile, on_delete=models.CASCADE, related_name="availability")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    part = models.CharField(_("part of day"), max_length=10, choices=DayPart.choices)

    class Meta:
        verbose_name = _("availability")
        verbose_name_plural = _("availability")
        ordering = ["weekday", "part"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "weekday", "part"], name="volunteers_availability_unique")
        ]

    def __str__(self):
        return f"{self.get_weekday_display()}, {self.get_part_display()}"


class ConsentKind(models.TextChoices):
    DATA_PROCESSING = "data_processing", _("processing of personal data for volunteering")
    CONTACT_EMAIL = "contact_email", _("contact by e-mail")
    CONTACT_SMS = "contact_sms", _("contact by text message")


class Consent(models.Model):
    """A consent as given: when, and to which version of the text (RODO art. 7 (1))."""

    profile = models.ForeignKey(VolunteerProfile, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(_("consent"), max_length=20, choices=ConsentKind.choices)
    text_version = models.CharField(_("version of the text"), max_length=20)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["kind", "-given_at"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.text_version})"


class ClearanceKind(models.TextChoices):
    """The checks art. 21 of the Act of 13 May 2016 (Dz.U. 2024 poz. 560) requires before
    work with minors."""

    SEX_OFFENDERS_REGISTER = "sex_offenders", _("Register of Sexual Offenders")
    STATE_COMMISSION_REGISTER = "state_commission", _("State Commission register")
    CRIMINAL_RECORD = "criminal_record", _("criminal-record information")
    RESIDENCE_STATEMENT = "residence_statement", _("statement on residence abroad")


class ClearanceResult(models.TextChoices):
    CLEAR = "clear", _("no entry")
    ENTRY_FOUND = "entry_found", _("entry found")
    NOT_APPLICABLE = "not_applicable", _("not applicable")


class Clearance(models.Model):
    """A check made by a centre's staff: only the date, the result and who checked — never a
    copy of the document (RODO art. 10). It expires after the centre's validity period."""

    profile = models.ForeignKey(VolunteerProfile, on_delete=models.CASCADE, related_name="clearances")
    centre = models.ForeignKey("core.Centre", verbose_name=_("centre"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("check"), max_length=24, choices=ClearanceKind.choices)
    checked_on = models.DateField(_("checked on"))
    result = models.CharField(_("result"), max_length=16, choices=ClearanceResult.choices)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("checked by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_on = models.DateField(_("valid until"))

    class Meta:
        verbose_name = _("child-protection check")
        verbose_name_plural = _("child-protection checks")
        ordering = ["kind", "-checked_on"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.get_result_display()} ({self.checked_on})"

    def is_valid_on(self, day):
        return self.result in (ClearanceResult.CLEAR, ClearanceResult.NOT_APPLICABLE) and day <= self.expires_on
