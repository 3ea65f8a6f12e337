from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class CentreKind(models.TextChoices):
    MOPS = "mops", _("Municipal social welfare centre (MOPS)")
    MOPR = "mopr", _("Municipal family support centre (MOPR)")
    GOPS = "gops", _("Commune social welfare centre (GOPS)")


postal_code_validator = RegexValidator(r"^\d{2}-\d{3}$", _("Enter a postal code in the form 00-000."))


@register_setting(icon="home", name="centre")
class Centre(BaseSiteSetting):
    """One social-welfare centre: a Wagtail Site plus the details every page shows.

    Everything a centre owns (tasks, calls, beneficiaries, staff roles) points at this model,
    so "which centre" is always one foreign key away; it lives in core so that every app can
    point at it without importing the public website (home) that sits above them.
    """

    name = models.CharField(
        _("full name"),
        max_length=200,
        default="",
        help_text=_("As on official letters, e.g. Miejski Ośrodek Pomocy Społecznej w Jaśle."),
    )
    short_name = models.CharField(
        _("short name"), max_length=60, default="", help_text=_("Shown in the header, e.g. MOPS Jasło.")
    )
    kind = models.CharField(_("kind of centre"), max_length=8, choices=CentreKind.choices, default=CentreKind.MOPS)
    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True, validators=[postal_code_validator])
    city = models.CharField(_("town"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = models.TextField(
        _("opening hours"), blank=True, help_text=_("One line per day or group of days, e.g. Mon–Fri 7:30–15:30.")
    )
    bip_url = models.URLField(
        _("BIP address"), blank=True, help_text=_("Link to the centre's Public Information Bulletin.")
    )
    min_volunteer_age = models.PositiveSmallIntegerField(
        _("minimum age of volunteers"),
        default=13,
        validators=[MinValueValidator(13), MaxValueValidator(99)],
        help_text=_("Younger residents cannot become volunteers; under 18 a guardian's consent is needed."),
    )
    clearance_valid_months = models.PositiveSmallIntegerField(
        _("child-protection checks valid for (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("After this time the register and criminal-record checks must be repeated."),
    )
    min_matching_age = models.PositiveSmallIntegerField(
        _("minimum age for one-to-one help"),
        default=18,
        validators=[MinValueValidator(13), MaxValueValidator(99)],
        help_text=_("Only volunteers of at least this age are proposed to families and clients."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("kind"), FieldPanel("logo")], _("Centre")
        ),
        MultiFieldPanel(
            [FieldPanel("street_address"), FieldPanel("postal_code"), FieldPanel("city")],
            _("Address"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("opening_hours"), FieldPanel("bip_url")],
            _("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("min_volunteer_age"), FieldPanel("min_matching_age"), FieldPanel("clearance_valid_months")],
            _("Volunteering"),
        ),
    ]

    class Meta:
        # The table keeps the name it had when the model lived in `home`: moving the model to
        # core changed no row, and every foreign key still points at the same table.
        db_table = "home_centre"
        verbose_name = _("centre details")
        verbose_name_plural = _("centre details")

    def __str__(self):
        return self.short_name or self.name or str(self.site)

    @property
    def display_name(self):
        return self.short_name or self.name or self.site.site_name

    @property
    def opening_hours_lines(self):
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]
