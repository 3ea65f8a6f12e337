"""The coordinators' applications screen: every application to the centre's tasks, one by one
or many at once.

Rows come from `Application.objects.visible_to(user)`, so a coordinator of another centre
finds nothing (404) and the task filter offers only the centre's own tasks. Accepting and
declining go through `services.applications.accept` / `services.applications.decline` for each application in turn:
places are checked under the task's lock, and whatever one application's answer is (e.g.
"All places are taken"), the others are still tried and each outcome is reported.
Only POST changes anything; the decline page asked for with GET only shows the form.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator, capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from core.filters import ModelChoiceFilter
from core.numbers import parse_id
from core.text import search_words
from volunteers import services
from volunteers.admin_forms import DeclineForm
from volunteers.models import Application, ApplicationStatus, TaskPage

NAMESPACE = "volunteer_applications"


def volunteer_name(profile):
    return profile.user.get_full_name() or profile.user.email


def _centre_tasks(request):
    """The filter offers only tasks of the person's own centres that have applications."""
    visible = Application.objects.visible_to(request.user).values("task")
    return TaskPage.objects.filter(pk__in=visible).order_by("title", "pk")


class ApplicationFilterSet(WagtailFilterSet):
    task = ModelChoiceFilter(label=gettext_lazy("Task"), queryset=_centre_tasks)
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=ApplicationStatus.choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )
    created_at = django_filters.DateFromToRangeFilter(label=gettext_lazy("Submitted on"), widget=DateRangePickerWidget)

    class Meta:
        model = Application
        fields = ["task", "status", "created_at"]


class SelectColumn(Column):
    """A labelled checkbox per row; the table sits inside the bulk-action form (no JavaScript)."""

    cell_template_name = "volunteers/admin/includes/select_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["description"] = f"{volunteer_name(instance.volunteer)} – {instance.task.title}"
        return context


class DetailsColumn(TitleColumn):
    """An "Open" link per row whose accessible name says which application it opens."""

    def get_link_attrs(self, instance, parent_context):
        who = f"{volunteer_name(instance.volunteer)} – {instance.task.title}"
        return {**super().get_link_attrs(instance, parent_context), "aria-label": f"{_('Open')}: {who}"}


def safe_next(request, fallback):
    """Where to go back after an action: a page of this admin, never another site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if allowed and target.startswith(reverse("wagtailadmin_home")) else fallback


class ApplicationIndexView(IndexView):
    page_title = gettext_lazy("Applications")
    results_template_name = "volunteers/admin/application_results.html"
    default_ordering = "-created_at"

    def get_base_queryset(self):
        return Application.objects.visible_to(self.request.user).select_related("volunteer__user", "task")

    def search_queryset(self, queryset):
        """Every word must match the volunteer's name, e-mail or the task's title, so
        "Anna Kowalska" finds Anna Kowalska although first and last name are two fields."""
        if not self.is_searching:
            return queryset
        for word in search_words(self.search_query):
            queryset = queryset.filter(
                Q(volunteer__user__first_name__icontains=word)
                | Q(volunteer__user__last_name__icontains=word)
                | Q(volunteer__user__email__icontains=word)
                | Q(task__title__icontains=word)
            )
        return queryset

    @cached_property
    def columns(self):
        index_url = reverse(f"{NAMESPACE}:index")
        select = [SelectColumn("select", label=_("Select"))] if self.user_has_permission("change") else []
        return [
            *select,
            TitleColumn(
                "volunteer",
                label=capfirst(Application._meta.get_field("volunteer").verbose_name),
                accessor=lambda application: volunteer_name(application.volunteer),
                get_url=lambda application: reverse("volunteer_people:detail", args=[application.volunteer_id]),
            ),
            TitleColumn(
                "task",
                label=_("Task"),
                accessor="task.title",
                get_url=lambda application: f"{index_url}?task={application.task_id}",
                sort_key="task__title",
            ),
            Column("status", label=_("Status"), accessor="status_label", sort_key="status"),
            Column(
                "created_at",
                label=_("Submitted on"),
                accessor=lambda application: date_format(localtime(application.created_at), "SHORT_DATETIME_FORMAT"),
                sort_key="created_at",
            ),
            Column("message", label=_("Message"), accessor=lambda a: Truncator(a.message).chars(80)),
            DetailsColumn(
                "details",
                label=_("Details"),
                accessor=lambda application: _("Open"),
                get_url=lambda application: reverse(f"{NAMESPACE}:detail", args=[application.pk]),
            ),
        ]

    def paginate_queryset(self, queryset, page_size):
        # Whether each row awaits verification is read for the whole page in one query.
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = services.applications.mark_verification(list(object_list))
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.urlencode()
        context["back_url"] = reverse(f"{NAMESPACE}:index") + (f"?{query}" if query else "")
        context["can_decide"] = self.user_has_permission("change")
        return context


class ApplicationAccessMixin(PermissionCheckedMixin):
    model = Application
    header_icon = "form"

    def visible(self):
        return Application.objects.visible_to(self.request.user).select_related("volunteer__user", "task")

    def selected(self, data):
        """The applications named in `data`; 404 when any of them is not the person's to see
        (another centre's, or made up), so a tampered list reveals nothing."""
        ids = set()
        for value in data.getlist("application"):
            pk = parse_id(value)
            if pk is None:
                raise Http404
            ids.add(pk)
        applications = list(self.visible().filter(pk__in=ids).order_by("created_at", "pk"))
        if len(applications) != len(ids):
            raise Http404
        return applications

    def index_url(self):
        return reverse(f"{NAMESPACE}:index")

    def get_breadcrumbs_items(self):
        index = {"url": self.index_url(), "label": ApplicationIndexView.page_title}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.get_page_title()}]


class ApplicationDetailView(ApplicationAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = "view"
    template_name = "volunteers/admin/application_detail.html"
    page_title = gettext_lazy("Application")

    def get_context_data(self, **kwargs):
        application = get_object_or_404(self.visible().select_related("decided_by"), pk=self.kwargs["pk"])
        context = super().get_context_data(**kwargs)
        context.update(
            application=application,
            volunteer_name=volunteer_name(application.volunteer),
            can_decide=self.user_has_permission("change"),
            can_accept=application.status in services.applications.OPEN_STATES
            and not application.awaiting_verification,
            can_decline=application.status in services.applications.ACTIVE_STATES,
            here=reverse(f"{NAMESPACE}:detail", args=[application.pk]),
        )
        return context

    def get_page_subtitle(self):
        return ""


def _report(request, application, error=None):
    who = f"{volunteer_name(application.volunteer)} – {application.task.title}"
    if error is None:
        messages.success(request, _("%(who)s: %(status)s.") % {"who": who, "status": application.status_label})
    else:
        messages.error(request, _("%(who)s: %(reason)s") % {"who": who, "reason": error.message})


class AcceptView(ApplicationAccessMixin, View):
    """Accept the selected applications one by one (POST only). Each is its own transaction:
    the first ones fill the places, later ones are refused with the reason."""

    permission_required = "change"
    http_method_names = ["post"]

    def post(self, request):
        back = safe_next(request, self.index_url())
        applications = self.selected(request.POST)
        if not applications:
            messages.warning(request, _("Select at least one application."))
            return redirect(back)
        for application in applications:
            try:
                application = services.applications.accept(application, request.user)
            except services.applications.ApplicationRefused as refusal:
                _report(request, application, refusal)
            else:
                _report(request, application)
        return redirect(back)


class DeclineView(ApplicationAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """Decline the selected applications with one reason, which each volunteer is sent.

    The listing's "Decline" button and the detail page lead here to a confirmation step;
    only its POST with `step=confirm` declines anything.
    """

    permission_required = "change"
    template_name = "volunteers/admin/decline.html"
    page_title = gettext_lazy("Decline applications")

    def get(self, request):
        return self.confirmation(request.GET, DeclineForm())

    def post(self, request):
        if request.POST.get("step") != "confirm":
            return self.confirmation(request.POST, DeclineForm())
        form = DeclineForm(request.POST)
        applications = self.selected(request.POST)
        if not form.is_valid() or not applications:
            return self.confirmation(request.POST, form)
        for application in applications:
            try:
                application = services.applications.decline(application, request.user, form.cleaned_data["reason"])
            except services.applications.ApplicationRefused as refusal:
                _report(request, application, refusal)
            else:
                _report(request, application)
        return redirect(safe_next(request, self.index_url()))

    def confirmation(self, data, form):
        applications = self.selected(data)
        back = safe_next(self.request, self.index_url())
        if not applications:
            messages.warning(self.request, _("Select at least one application."))
            return redirect(back)
        context = self.get_context_data(form=form, applications=applications, next=back, volunteer_name=volunteer_name)
        context["rows"] = [(application, volunteer_name(application.volunteer)) for application in applications]
        return self.render_to_response(context)


class ApplicationURLFinder(ModelAdminURLFinder):
    """Links to an application elsewhere in the admin (e.g. logs) lead to its detail page."""

    def construct_edit_url(self, instance):
        return reverse(f"{NAMESPACE}:detail", args=[instance.pk])


class ApplicationViewSet(ModelViewSet):
    model = Application
    name = NAMESPACE
    url_prefix = "zgloszenia"
    icon = "form"
    menu_label = gettext_lazy("Applications")
    menu_order = 100
    index_view_class = ApplicationIndexView
    list_per_page = 50
    filterset_class = ApplicationFilterSet
    # Searching is done by ApplicationIndexView.search_queryset; this only switches the box on.
    search_fields = ["volunteer__user__last_name"]
    url_finder_class = ApplicationURLFinder
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_urlpatterns(self):
        # Listing, details and the two decisions only: applications are made by volunteers,
        # never added, edited or deleted here.
        return [
            path("", self.index_view, name="index"),
            path("wyniki/", self.index_results_view, name="index_results"),
            path("<int:pk>/", ApplicationDetailView.as_view(), name="detail"),
            path("przyjmij/", AcceptView.as_view(), name="accept"),
            path("odrzuc/", DeclineView.as_view(), name="decline"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add_url_name", "edit_url_name", "delete_url_name", "history_url_name", "usage_url_name"):
            view_kwargs[name] = None
        return view_kwargs

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="volunteers", codename__in=["view_application", "change_application"]
        )
