import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import ContentStreamBlock
from volunteers.models.profile import Weekday

TASKS_PER_PAGE = 10

# How a weekly schedule names its days; whole phrases because Polish picks the preposition
# by the day ("we wtorki", "w czwartki").
SCHEDULE_DAYS = [
    _("on Mondays"),
    _("on Tuesdays"),
    _("on Wednesdays"),
    _("on Thursdays"),
    _("on Fridays"),
    _("on Saturdays"),
    _("on Sundays"),
]
WORKING_DAYS = [0, 1, 2, 3, 4]


class TaskCategory(models.TextChoices):
    SENIORS = "seniors", _("Seniors")
    CHILDREN = "children", _("Children and young people")
    DISABILITY = "disability", _("People with disabilities")
    FAMILIES = "families", _("Families")
    SHOPPING_MEALS = "shopping_meals", _("Shopping and meals")
    TUTORING = "tutoring", _("Tutoring")
    EVENTS = "events", _("Events and collections")
    OTHER = "other", _("Other")


class TaskKind(models.TextChoices):
    ONE_OFF = "one_off", _("one-off")
    RECURRING = "recurring", _("recurring")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("open for applications")
    CLOSED = "closed", _("closed")
    CANCELLED = "cancelled", _("cancelled")


class TaskIndexPage(Page):
    """The centre's list of open tasks for volunteers."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = ["volunteers.TaskPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("volunteer task index")
        verbose_name_plural = _("volunteer task indexes")

    def tasks(self):
        return TaskPage.listing().child_of(self)

    def get_context(self, request, *args, **kwargs):
        from core.models import Centre

        context = super().get_context(request, *args, **kwargs)
        centre = Centre.for_request(request)
        districts = list(centre.districts.all()) if centre else []
        filters = TaskFilters.from_query(request.GET, districts)
        paginator = Paginator(filters.apply(self.tasks()), TASKS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            page_obj=page_obj,
            tasks=page_obj.object_list,
            filters=filters,
            categories=TaskCategory.choices,
            kinds=TaskKind.choices,
            districts=districts,
            filter_query=filters.query_string(),
        )
        return context


class TaskFilters:
    """The index's filters read from the query string.

    Unknown or malformed values are ignored rather than answered with an error page: links to
    the index get shared and edited by hand.
    """

    def __init__(self, *, category="", district=None, date_from=None, date_to=None, kind="", minors=False, past=False):
        self.category = category
        self.district = district
        self.date_from = date_from
        self.date_to = date_to
        self.kind = kind
        self.minors = minors
        self.past = past

    @classmethod
    def from_query(cls, query, districts):
        category = query.get("category", "")
        kind = query.get("kind", "")
        district_id = query.get("district", "")
        by_id = {str(district.pk): district for district in districts}
        return cls(
            category=category if category in TaskCategory.values else "",
            district=by_id.get(district_id),
            date_from=_parse_date(query.get("from", "")),
            date_to=_parse_date(query.get("to", "")),
            kind=kind if kind in TaskKind.values else "",
            minors=query.get("minors") == "1",
            past=query.get("past") == "1",
        )

    @property
    def active(self):
        return any([self.category, self.district, self.date_from, self.date_to, self.kind, self.minors, self.past])

    def apply(self, tasks):
        if self.category:
            tasks = tasks.filter(category=self.category)
        if self.district:
            tasks = tasks.filter(district=self.district)
        if self.kind:
            tasks = tasks.filter(kind=self.kind)
        if self.minors:
            tasks = tasks.filter(Q(min_age__isnull=True) | Q(min_age__lt=18))
        if not self.past:
            tasks = tasks.filter(last_day__gte=timezone.localdate())
        # A task matches a date range when its period overlaps it.
        if self.date_from:
            tasks = tasks.filter(last_day__gte=self.date_from)
        if self.date_to:
            tasks = tasks.filter(start_date__lte=self.date_to)
        return tasks

    def query_string(self):
        """The active filters, so pagination links keep them."""
        params = {
            "category": self.category,
            "district": self.district.pk if self.district else "",
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "kind": self.kind,
            "minors": "1" if self.minors else "",
            "past": "1" if self.past else "",
        }
        return urlencode({key: value for key, value in params.items() if value})


def _parse_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


class TaskPage(RoutablePageMixin, Page):
    """One task volunteers can apply to: a single date or a weekly schedule in a period."""

    summary = models.TextField(_("summary"), help_text=_("Two or three sentences shown in the list of tasks."))
    description = StreamField(ContentStreamBlock(), verbose_name=_("description"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=TaskCategory.choices)
    skills = ParentalManyToManyField("volunteers.Skill", verbose_name=_("skills needed"), blank=True)
    district = models.ForeignKey(
        "volunteers.District", verbose_name=_("district"), null=True, blank=True, on_delete=models.SET_NULL
    )
    place = models.CharField(_("place"), max_length=200, help_text=_("Address or name of the place."))
    kind = models.CharField(_("kind"), max_length=10, choices=TaskKind.choices, default=TaskKind.ONE_OFF)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("For recurring tasks."))
    weekdays = models.JSONField(
        _("days of the week"), default=list, blank=True, help_text=_("For recurring tasks: 0 = Monday … 6 = Sunday.")
    )
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("until"))
    places = models.PositiveSmallIntegerField(
        _("number of volunteers needed"), default=1, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    status = models.CharField(_("status"), max_length=10, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    requires_clearance = models.BooleanField(_("work with minors (child-protection checks required)"), default=False)
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MinValueValidator(13), MaxValueValidator(99)]
    )
    requires_first_aid = models.BooleanField(_("first-aid course required"), default=False)
    other_requirements = models.TextField(_("other requirements"), blank=True)
    coordinator_name = models.CharField(_("coordinator"), max_length=120)
    coordinator_email = models.EmailField(_("coordinator's e-mail"))
    coordinator_phone = models.CharField(_("coordinator's phone"), max_length=20, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("category"), FieldPanel("skills"), FieldPanel("status")], _("Task")),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("weekdays"),
                FieldPanel("district"),
                FieldPanel("place"),
                FieldPanel("places"),
            ],
            _("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("requires_clearance"),
                FieldPanel("min_age"),
                FieldPanel("requires_first_aid"),
                FieldPanel("other_requirements"),
            ],
            _("Requirements"),
        ),
        MultiFieldPanel(
            [FieldPanel("coordinator_name"), FieldPanel("coordinator_email"), FieldPanel("coordinator_phone")],
            _("Contact"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("description")]
    parent_page_types = ["volunteers.TaskIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("volunteer task")
        verbose_name_plural = _("volunteer tasks")

    @property
    def lead(self):
        return self.summary

    @classmethod
    def listing(cls):
        """Live public tasks ready for a list: places taken counted in the same query.

        A correlated subquery rather than Count over a join: with a join the database groups
        every task before it can apply the page's LIMIT (140 ms against 3 ms at 1,000 tasks
        and 16,000 applications, bench/volunteers.py)."""
        from volunteers.models.applications import Application, ApplicationStatus

        accepted = Coalesce(
            Subquery(
                Application.objects.filter(task=OuterRef("pk"), status=ApplicationStatus.ACCEPTED)
                .order_by()
                .values("task")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            0,
        )
        return (
            cls.objects.live()
            .public()
            .select_related("district")
            .annotate(accepted_places=accepted, last_day=Coalesce("end_date", "start_date"))
            .order_by("start_date", "start_time", "pk")
        )

    @classmethod
    def open_for_applications(cls):
        """Tasks still taking volunteers: open, not over and not full."""
        return (
            cls.listing()
            .filter(status=TaskStatus.OPEN, last_day__gte=timezone.localdate())
            .filter(accepted_places__lt=models.F("places"))
        )

    # Wagtail's page URLs allow no dot, so the route has none; the file is still named *.ics.
    @path("kalendarz/", name="ics")
    def calendar_file(self, request):
        from volunteers.ics import task_calendar_response

        return task_calendar_response(self, request)

    @path("zglos/", name="apply")
    def apply_route(self, request):
        from volunteers.views import apply_to_task

        return apply_to_task(request, self)

    @path("wycofaj/", name="withdraw")
    def withdraw_route(self, request):
        from volunteers.views import withdraw_from_task

        return withdraw_from_task(request, self)

    def get_context(self, request, *args, **kwargs):
        from volunteers.views import application_context

        return {**super().get_context(request, *args, **kwargs), **application_context(request, self)}

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == TaskKind.RECURRING:
            if not self.end_date:
                errors["end_date"] = _("A recurring task needs an end date.")
            if not self.weekdays or not all(day in Weekday.values for day in self.weekdays):
                errors["weekdays"] = _("Choose the days of the week (0 = Monday … 6 = Sunday).")
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The end time must be after the start time.")
        if errors:
            raise ValidationError(errors)

    @cached_property
    def centre(self):
        from core.models import Centre

        site = self.get_site()
        return Centre.for_site(site) if site else None

    @property
    def last_date(self):
        return self.end_date or self.start_date

    @property
    def is_recurring(self):
        return self.kind == TaskKind.RECURRING

    @property
    def is_open(self):
        """Whether the task takes applications, as far as its status goes (see also is_past)."""
        return self.status == TaskStatus.OPEN

    @property
    def is_past(self):
        return self.last_date < timezone.localdate()

    def accepted_count(self):
        from volunteers.models.applications import ApplicationStatus

        # Lists annotate the count (see listing()) so they need no query per task.
        annotated = getattr(self, "accepted_places", None)
        if annotated is not None:
            return annotated
        return self.applications.filter(status=ApplicationStatus.ACCEPTED).count()

    def places_left(self):
        return max(self.places - self.accepted_count(), 0)

    @cached_property
    def closed_reason(self):
        """Why applications are not accepted, in words for the visitor; empty while they are."""
        if self.status == TaskStatus.CANCELLED:
            return _("This task has been cancelled.")
        if self.status == TaskStatus.CLOSED:
            return _("Applications for this task are closed.")
        if self.is_past:
            return _("This task has already taken place.")
        if self.places_left() == 0:
            return _("All places are taken.")
        return ""

    @property
    def accepts_applications(self):
        return not self.closed_reason

    @property
    def is_multi_day(self):
        return bool(self.end_date and self.end_date > self.start_date)

    def weekday_names(self):
        """The schedule's days in words: "we wtorki i w czwartki"."""
        if sorted(set(self.weekdays)) == WORKING_DAYS:
            return str(_("on weekdays"))
        days = [str(SCHEDULE_DAYS[day]) for day in sorted(set(self.weekdays)) if day in Weekday.values]
        return str(get_text_list(days, _("and")))

    @property
    def suitable_for_minors(self):
        return self.min_age is None or self.min_age < 18
