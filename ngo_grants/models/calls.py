"""Open calls for offers ("otwarty konkurs ofert") as pages of a centre's tree.

A call page carries everything the announcement must say (art. 13 of the Act): its public
tasks with their funds, the submission window, criteria, required attachments and documents.
What state the call is in is derived from the dates and from `progress`, which the review
steps after the deadline (Step 7) move on.
"""

import logging
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.log_actions import log
from wagtail.models import Orderable, Page, Revision
from wagtail.search import index

from ngo_grants.admin_forms import CallPageForm
from ngo_grants.deadlines import deadline_problem, time_left

logger = logging.getLogger(__name__)
MONEY = {"max_digits": 12, "decimal_places": 2}
# A call still matters to the organisations until its results are out (or it is annulled).
CURRENT_PROGRESS = ("submissions", "evaluation")
PUBLICATION_REFUSED = "ngo_grants.publish_refused"


def archive_year(value):
    """The year asked for in `?rok=`, or None: anything but a plausible year is ignored, so a
    tampered or 400-digit value shows the current calls instead of an error."""
    text = str(value or "")
    if len(text) == 4 and text.isascii() and text.isdigit() and 2000 <= int(text) <= 2100:
        return int(text)
    return None


class TaskForm(models.TextChoices):
    """Art. 5 ust. 4 pkt 2 and art. 16: the centre supports a task or entrusts it."""

    SUPPORT = "support", _("support (wspieranie)")
    ENTRUSTMENT = "entrustment", _("entrustment (powierzenie)")


class AssignmentMode(models.TextChoices):
    ALL = "all", _("every member scores every offer")
    RANDOM = "random", _("a number of members per offer, drawn at random")


class Aggregation(models.TextChoices):
    SUM = "sum", _("sum of the members' points")
    MEAN = "mean", _("mean of the members' points")


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


class CallIndexPage(Page):
    """The centre's open calls: the current ones, and an archive by year (`?rok=2026`)."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("A few sentences above the list: who may apply and where to ask questions."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["ngo_grants.CallPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("open call index")
        verbose_name_plural = _("open call indexes")

    def calls(self):
        return CallPage.objects.child_of(self).live().public().specific().order_by("-year", "-closes_at")

    def current_calls(self):
        """Announced, open, or closed with the results still to come; the nearest deadline first."""
        return self.calls().filter(progress__in=CURRENT_PROGRESS).order_by("closes_at")

    def archive_years(self):
        return list(self.calls().order_by("-year").values_list("year", flat=True).distinct())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        years = self.archive_years()
        year = archive_year(request.GET.get("rok"))
        context.update(years=years, year=year, now=timezone.now())
        if year is None:
            context["calls"] = self.current_calls()
        else:
            from ngo_grants.statistics import year_statistics

            context["calls"] = self.calls().filter(year=year)
            context["figures"], context["totals"] = year_statistics(context["calls"])
        return context


class CallPage(Page):
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("The year in which the tasks are carried out; the archive of calls is sorted by it."),
    )
    legal_basis = models.TextField(
        _("legal basis"),
        help_text=_("e.g. art. 11 and 13 of the Act of 24 April 2003 on public benefit activity and volunteering"),
    )
    intro = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Who announces the call and whom it invites; shown at the top of the page."),
    )
    opens_at = models.DateTimeField(
        _("offers accepted from"),
        help_text=_("Polish time. Until then the call is shown as announced and offers cannot be written."),
    )
    closes_at = models.DateTimeField(
        _("deadline for offers"),
        help_text=_(
            "Polish time, to the minute: offers are accepted until this moment. At least 21 days after "
            "publication (art. 13 of the Act); publishing is refused otherwise."
        ),
    )
    results_on = models.DateField(
        _("results announced by"), help_text=_("A day after the deadline; shown on the call page.")
    )
    conditions = RichTextField(
        _("terms of awarding grants and of carrying out the tasks"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
    )
    evaluation_rules = RichTextField(
        _("procedure and deadline for choosing offers"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    correction_days = models.PositiveSmallIntegerField(
        _("days to correct an offer"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "How many days an organisation has to correct its offer after a correction request; the "
            "offer is rejected formally when it is not corrected by the end of the last day."
        ),
    )
    assignment = models.CharField(
        _("who scores which offer"),
        max_length=8,
        choices=AssignmentMode.choices,
        default=AssignmentMode.ALL,
    )
    reviewers_per_offer = models.PositiveSmallIntegerField(
        _("members per offer"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("When members are drawn at random: how many score each offer."),
    )
    aggregation = models.CharField(
        _("an offer's result"),
        max_length=4,
        choices=Aggregation.choices,
        default=Aggregation.MEAN,
    )
    justify_below = models.PositiveSmallIntegerField(
        _("justification required below (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "A member who gives a criterion fewer points than this share of its maximum must say why; "
            "0: never required."
        ),
    )
    disagreement = models.PositiveSmallIntegerField(
        _("disagreement threshold (points)"),
        default=20,
        validators=[MaxValueValidator(1000)],
        help_text=_(
            "When the members' totals for an offer differ by more than this, the offer is flagged for the chair."
        ),
    )
    progress = models.CharField(
        _("progress"), max_length=12, choices=CallProgress.choices, default=CallProgress.SUBMISSIONS, editable=False
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("year"), FieldPanel("results_on")]),
        FieldPanel("legal_basis"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                HelpPanel(
                    _(
                        "The call is published with the Publish button or on the date set in the page's "
                        "settings; either way the deadline must be at least 21 days later."
                    )
                ),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            _("Submission window"),
        ),
        InlinePanel("tasks", label=_("Public tasks"), min_num=1, heading=_("Public tasks")),
        InlinePanel("criteria", label=_("Evaluation criteria"), min_num=1, heading=_("Evaluation criteria")),
        InlinePanel("required_attachments", label=_("Required attachments"), heading=_("Required attachments")),
        InlinePanel("documents", label=_("Documents"), heading=_("Documents")),
        FieldPanel("conditions"),
        FieldPanel("evaluation_rules"),
        MultiFieldPanel(
            [
                HelpPanel(
                    _(
                        "What the grants officer checks in every offer after the deadline, e.g. “Signed by "
                        "the persons authorised to represent the organisation”."
                    )
                ),
                InlinePanel("formal_checks", label=_("Formal requirement")),
                FieldPanel("correction_days"),
            ],
            _("Formal review"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("assignment"), FieldPanel("reviewers_per_offer")]),
                FieldRowPanel([FieldPanel("aggregation"), FieldPanel("justify_below"), FieldPanel("disagreement")]),
            ],
            _("Committee's scoring"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.FilterField("year")]
    parent_page_types = ["ngo_grants.CallIndexPage"]
    subpage_types = []
    base_form_class = CallPageForm

    class Meta:
        verbose_name = _("open call")
        verbose_name_plural = _("open calls")

    @classmethod
    def accepting_or_announced(cls, now=None):
        """Live calls whose deadline is still ahead, the nearest first."""
        now = now or timezone.now()
        return (
            cls.objects.live()
            .public()
            .filter(progress=CallProgress.SUBMISSIONS, closes_at__gt=now)
            .order_by("closes_at")
        )

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

    def time_left(self, now=None):
        """ "5 days 3 hours" until the deadline while offers are accepted, else ""."""
        now = now or timezone.now()
        return time_left(now, self.closes_at) if self.is_open(now) else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.progress == CallProgress.RESULTS:
            from ngo_grants.services.results import results

            context["results"] = results(self)
        return context

    def centre(self):
        """The centre whose site the call is published on."""
        from core.models import Centre

        return Centre.for_site(self.get_site())

    @property
    def total_funds(self):
        return sum((task.funds for task in self.tasks.all()), Decimal("0"))

    # --- Publishing: art. 13 on every path that makes a call live --------------------------

    def live_since(self):
        """When the call now live was first published (its announcement), or None when it is not
        live; the database decides, not a revision's copy of the page."""
        if not self.pk:
            return None
        return CallPage.objects.filter(pk=self.pk, live=True).values_list("first_published_at", flat=True).first()

    def announced_at(self, publishing_at):
        """When the call counts as announced: when it went live, or the announcement date it
        already carries (a call moved in from another system, the demo's past calls), else
        the moment it is being published."""
        return self.live_since() or self.first_published_at or publishing_at

    def publication_problem(self, publishing_at):
        return deadline_problem(self.announced_at(publishing_at), self.closes_at)

    def publish(self, revision, user=None, **kwargs):
        """Moderation, scheduled and bulk publishing come through here: a call that breaks
        art. 13 stays unpublished, its schedule is dropped (the command would retry every run)
        and the page's history says why."""
        call = revision.as_object()
        now = timezone.now()
        publishing_at = call.go_live_at if call.go_live_at and call.go_live_at > now else now
        problem = deadline_problem(self.announced_at(publishing_at), call.closes_at)
        if problem is None:
            return super().publish(revision, user=user, **kwargs)
        Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
        log(instance=self, action=PUBLICATION_REFUSED, user=user, revision=revision, data={"reason": str(problem)})
        logger.warning("Publication of call %s refused: %s", self.pk, problem)
        return None

    def save(self, *args, **kwargs):
        """The last guard: whatever made the page live (the editor's publish action, the admin
        API), the save that sets a new live revision is refused when art. 13 is broken."""
        if self.live and self.live_revision_id and self.pk:
            was_live_revision = CallPage.objects.filter(pk=self.pk).values_list("live_revision_id", flat=True).first()
            if was_live_revision != self.live_revision_id:
                problem = self.publication_problem(self.last_published_at or timezone.now())
                if problem:
                    raise ValidationError({"closes_at": problem})
        return super().save(*args, **kwargs)


class PublicTask(Orderable):
    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("title"), max_length=300, help_text=_("As in the programme of cooperation."))
    description = models.TextField(_("description"), help_text=_("What is to be done, for whom, and where."))
    funds = models.DecimalField(
        _("funds available (zł)"),
        **MONEY,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("The total for this task in złoty, e.g. 50000."),
    )
    form = models.CharField(
        _("form"),
        max_length=12,
        choices=TaskForm.choices,
        default=TaskForm.SUPPORT,
        help_text=_("Support: the organisation adds its own contribution. Entrustment: the grant covers the task."),
    )
    min_own_contribution = models.DecimalField(
        _("minimum own contribution (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text=_("Share of the task's total cost the organisation covers itself."),
    )
    starts_on = models.DateField(_("task may start on"), help_text=_("The first day of the implementation period."))
    ends_on = models.DateField(_("task must end by"), help_text=_("The last day; offers plan their actions inside."))
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

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The task cannot end before it starts.")})


class Criterion(Orderable):
    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=300)
    description = models.TextField(_("what is assessed"), blank=True)
    max_points = models.PositiveSmallIntegerField(
        _("maximum points"),
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The most a committee member can give for this criterion (1 to 100)."),
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
    mandatory = models.BooleanField(
        _("required"), default=True, help_text=_("Unticked: the organisation attaches it only when it applies.")
    )

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
