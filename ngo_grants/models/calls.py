"""Open calls for offers ("otwarty konkurs ofert") as pages of a centre's tree.

A call page carries everything the announcement must say (art. 13 of the Act): its public
tasks with their funds, the submission window, criteria, required attachments and documents.
What state the call is in is derived from the dates and from `progress`, which the review
steps after the deadline (Step 7) move on.
"""

import datetime
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

MONEY = {"max_digits": 12, "decimal_places": 2}
# Art. 13 ust. 1: the deadline is at least 21 days after the announcement.
MIN_DAYS_TO_DEADLINE = 21


class TaskForm(models.TextChoices):
    """Art. 5 ust. 4 pkt 2 and art. 16: the centre supports a task or entrusts it."""

    SUPPORT = "support", _("support (wspieranie)")
    ENTRUSTMENT = "entrustment", _("entrustment (powierzenie)")


class CallProgress(models.TextChoices):
    """How far the centre has got after the deadline; set by the review steps, not by editors."""

    SUBMISSIONS = "submissions", _("announced")
    EVALUATION = "evaluation", _("under evaluation")
    RESULTS = "results", _("results published")
    ANNULLED = "annulled", _("annulled")


class CallState(models.TextChoices):
    """What a visitor reads on the call page."""

    ANNOUNCED = "announced", _("announced, offers not yet accepted")
    OPEN = "open", _("accepting offers")
    CLOSED = "closed", _("closed for offers")
    EVALUATION = "evaluation", _("under evaluation")
    RESULTS = "results", _("results published")
    ANNULLED = "annulled", _("annulled")


def deadline_problem(published_at, closes_at):
    """Why a call published at `published_at` may not close at `closes_at` (art. 13), or None.

    Days are counted as the law counts them, in calendar days in Poland: the day of
    publication does not count, so a call published on 1 March may close on 22 March at the
    earliest, at any hour. Counting dates, not hours, keeps the rule the same across the
    daylight-saving changes and around midnight.
    """
    first_day = timezone.localtime(published_at).date() + datetime.timedelta(days=MIN_DAYS_TO_DEADLINE)
    if timezone.localtime(closes_at).date() < first_day:
        return _(
            "The deadline for offers must be at least %(days)s days after publication: "
            "for a call published on %(published)s, on %(first)s or later."
        ) % {
            "days": MIN_DAYS_TO_DEADLINE,
            "published": timezone.localtime(published_at).date().strftime("%d.%m.%Y"),
            "first": first_day.strftime("%d.%m.%Y"),
        }
    return None


class CallIndexPage(Page):
    """The centre's open calls: the current ones, and an archive by year."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["ngo_grants.CallPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("open call index")
        verbose_name_plural = _("open call indexes")

    def calls(self):
        return CallPage.objects.child_of(self).live().specific().order_by("-year", "-closes_at")


class CallPage(Page):
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)], help_text=_("The year of the tasks.")
    )
    legal_basis = models.TextField(
        _("legal basis"),
        help_text=_("e.g. art. 11 and 13 of the Act of 24 April 2003 on public benefit activity and volunteering"),
    )
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link", "ol", "ul"])
    opens_at = models.DateTimeField(_("offers accepted from"), help_text=_("Polish time."))
    closes_at = models.DateTimeField(
        _("deadline for offers"), help_text=_("Polish time; at least 21 days after publication.")
    )
    results_on = models.DateField(_("results announced by"))
    conditions = RichTextField(
        _("terms of awarding grants and of carrying out the tasks"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
    )
    evaluation_rules = RichTextField(
        _("procedure and deadline for choosing offers"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    progress = models.CharField(
        _("progress"), max_length=12, choices=CallProgress.choices, default=CallProgress.SUBMISSIONS, editable=False
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("year"), FieldPanel("results_on")]),
        FieldPanel("legal_basis"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])], _("Submission window")),
        InlinePanel("tasks", label=_("Public tasks"), min_num=1),
        InlinePanel("criteria", label=_("Evaluation criteria"), min_num=1),
        InlinePanel("required_attachments", label=_("Required attachments")),
        InlinePanel("documents", label=_("Documents")),
        FieldPanel("conditions"),
        FieldPanel("evaluation_rules"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.FilterField("year")]
    parent_page_types = ["ngo_grants.CallIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("open call")
        verbose_name_plural = _("open calls")

    def is_open(self, now=None):
        """Whether offers are accepted at `now`; the server's clock decides, never the form."""
        now = now or timezone.now()
        return self.progress == CallProgress.SUBMISSIONS and self.opens_at <= now < self.closes_at

    def state(self, now=None):
        now = now or timezone.now()
        if self.progress != CallProgress.SUBMISSIONS:
            return CallState(self.progress)
        if now < self.opens_at:
            return CallState.ANNOUNCED
        if now < self.closes_at:
            return CallState.OPEN
        return CallState.CLOSED

    @property
    def total_funds(self):
        return sum((task.funds for task in self.tasks.all()), Decimal("0"))


class PublicTask(Orderable):
    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"))
    funds = models.DecimalField(_("funds available (zł)"), **MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    form = models.CharField(_("form"), max_length=12, choices=TaskForm.choices, default=TaskForm.SUPPORT)
    min_own_contribution = models.DecimalField(
        _("minimum own contribution (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text=_("Share of the task's total cost the organisation covers itself."),
    )
    starts_on = models.DateField(_("task may start on"))
    ends_on = models.DateField(_("task must end by"))
    last_year_spending = models.DecimalField(
        _("spent on this task last year (zł)"),
        **MONEY,
        null=True,
        blank=True,
        help_text=_("Grants the centre gave for the same task in the previous year (art. 13 ust. 2 pkt 8)."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("funds"), FieldPanel("form"), FieldPanel("min_own_contribution")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("last_year_spending"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("public task")
        verbose_name_plural = _("public tasks")

    def __str__(self):
        return self.title


class Criterion(Orderable):
    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=300)
    description = models.TextField(_("what is assessed"), blank=True)
    max_points = models.PositiveSmallIntegerField(
        _("maximum points"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("max_points")]

    class Meta(Orderable.Meta):
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")

    def __str__(self):
        return self.name


class RequiredAttachment(Orderable):
    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="required_attachments")
    name = models.CharField(_("attachment"), max_length=300)
    description = models.TextField(_("explanation"), blank=True)
    mandatory = models.BooleanField(_("required"), default=True)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("mandatory")]

    class Meta(Orderable.Meta):
        verbose_name = _("required attachment")
        verbose_name_plural = _("required attachments")

    def __str__(self):
        return self.name


class CallDocument(Orderable):
    """The call's regulations, templates and other files, from the centre's documents."""

    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("Empty: the document's own title."))

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document of the call")
        verbose_name_plural = _("documents of the call")

    @property
    def label(self):
        return self.title or self.document.title
