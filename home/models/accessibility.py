from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class ComplianceStatus(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AssessmentMethod(models.TextChoices):
    SELF = "self", _("self-assessment carried out by the centre")
    EXTERNAL = "external", _("assessment carried out by an external body")


class AccessibilityStatementPage(Page):
    """The accessibility statement that Polish public bodies must publish.

    Its fields follow the structure the Act of 4 April 2019 on digital accessibility and the
    ministry's template require, so editors fill in facts and the page assembles the text.
    """

    site_published_on = models.DateField(_("website published on"))
    site_updated_on = models.DateField(_("last major update of the website"))
    compliance_status = models.CharField(
        _("compliance with the Act"), max_length=10, choices=ComplianceStatus.choices, default=ComplianceStatus.PARTIAL
    )
    inaccessible_content = RichTextField(
        _("content that is not accessible"),
        blank=True,
        help_text=_("List what is not accessible and why (e.g. scanned documents published before 2018)."),
    )
    prepared_on = models.DateField(_("statement prepared on"))
    reviewed_on = models.DateField(_("statement last reviewed on"), null=True, blank=True)
    assessment_method = models.CharField(
        _("how compliance was assessed"), max_length=10, choices=AssessmentMethod.choices, default=AssessmentMethod.SELF
    )
    contact_person = models.CharField(_("contact person"), max_length=120)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40)
    keyboard_shortcuts = RichTextField(_("keyboard shortcuts and aids"), blank=True)
    architectural_accessibility = RichTextField(
        _("accessibility of the building"),
        blank=True,
        help_text=_("Entrances, ramps, lifts, toilets, parking, assistance dogs, sign-language interpreter."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("site_published_on"),
                FieldPanel("site_updated_on"),
                FieldPanel("compliance_status"),
                FieldPanel("inaccessible_content"),
            ],
            _("Compliance"),
        ),
        MultiFieldPanel(
            [FieldPanel("prepared_on"), FieldPanel("reviewed_on"), FieldPanel("assessment_method")],
            _("Preparation of the statement"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_person"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            _("Feedback and contact"),
        ),
        FieldPanel("keyboard_shortcuts"),
        FieldPanel("architectural_accessibility"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("inaccessible_content"),
        index.SearchField("architectural_accessibility"),
    ]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")
