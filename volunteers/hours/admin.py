"""Coordinators' hours screen in the Wagtail admin: the volunteers' logged sessions of their
centre, filtered and searched, approved or rejected in bulk (see hours_actions), and the
totals of approved hours per volunteer, task and month.

Everything starts from `HoursEntry.objects.visible_to(user)`, so another centre's hours are
simply not there; the filters offer only the person's own centres' tasks and volunteers.
"""

from decimal import Decimal

from django import forms
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from volunteers import services

# hours_actions registers the approve and reject bulk actions when imported.
from volunteers.hours.admin_actions import BULK_TYPE
from volunteers.hours.admin_filters import (
    HoursFilterSet,
    beneficiary_name,
    decided_entries,
    search_entries,
    volunteer_name,
)
from volunteers.models import HoursEntry, HoursStatus
from volunteers.services.hours import format_hours
from volunteers.services.hours_flags import flag_reasons


def hours_display(entry):
    return format_hours(entry.hours)


class StatusColumn(Column):
    """The status in words, with the reason when the hours were rejected."""

    def get_value(self, instance):
        if instance.reject_reason:
            return f"{instance.get_status_display()}: {instance.reject_reason}"
        return instance.get_status_display()


class FlagsColumn(Column):
    """Why an entry is unusual (see services.hours_flags), empty for the usual ones."""

    cell_template_name = "volunteers/admin/hours/flags_cell.html"

    def get_value(self, instance):
        return flag_reasons(instance)


class HoursIndexView(IndexView):
    page_title = _("Volunteer hours")
    search_fields = ["task_title"]  # enables the search box; search_queryset does the matching
    default_ordering = "-date"
    template_name = "volunteers/admin/hours/index.html"

    def get_base_queryset(self):
        return decided_entries(self.request.user)

    def search_queryset(self, queryset):
        return search_entries(queryset, self.search_query) if self.is_searching else queryset

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type=BULK_TYPE),
            TitleColumn(
                "date",
                label=_("Date"),
                sort_key="date",
                accessor=lambda entry: date_format(entry.date, "DATE_FORMAT"),
                get_title_id=lambda entry: f"{BULK_TYPE}_{entry.pk}_title",
            ),
            Column("volunteer", label=_("Volunteer"), accessor=volunteer_name),
            Column("task_title", label=_("Task"), sort_key="task_title"),
            Column("beneficiary", label=_("Beneficiary"), accessor=beneficiary_name),
            Column("hours", label=_("Hours"), sort_key="hours", accessor=hours_display),
            StatusColumn("status", label=_("Status"), sort_key="status"),
            FlagsColumn("flags", label=_("Unusual")),
            Column("note", label=_("Volunteer's note")),
        ]

    @cached_property
    def header_buttons(self):
        return [HeaderButton(_("Totals"), url=reverse("volunteer_hours:totals"), icon_name="table")]


class TotalsForm(forms.Form):
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the period cannot be before its start."))
        return cleaned


class TotalsView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Approved hours per volunteer, per task, per beneficiary (hours of matches) and per
    month: four grouped queries, however many entries there are."""

    model = HoursEntry
    permission_required = "view"
    template_name = "volunteers/admin/hours/totals.html"
    page_title = _("Hours totals")
    header_icon = "time"

    def get_breadcrumbs_items(self):
        index = {"url": reverse("volunteer_hours:index"), "label": HoursIndexView.page_title}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = TotalsForm(self.request.GET or None)
        entries = HoursEntry.objects.visible_to(self.request.user)
        # The same period, in the listing's filter names, for the links to the entries.
        period = {}
        if form.is_bound and form.is_valid():
            if form.cleaned_data["date_from"]:
                entries = entries.filter(date__gte=form.cleaned_data["date_from"])
                period["date_from"] = form.cleaned_data["date_from"].isoformat()
            if form.cleaned_data["date_to"]:
                entries = entries.filter(date__lte=form.cleaned_data["date_to"])
                period["date_to"] = form.cleaned_data["date_to"].isoformat()
        by_volunteer = services.hours.totals(entries, by="volunteer")
        by_task = services.hours.totals(entries, by="task")
        by_beneficiary = services.hours.totals(entries, by="beneficiary")
        by_month = services.hours.totals(entries, by="month")
        for grouping, rows in (("volunteer", by_volunteer), ("task", by_task), ("beneficiary", by_beneficiary)):
            for row in rows:
                if row["key"]:
                    row["url"] = _listing_url({grouping: row["key"], **period})
        for row in by_month:
            row["label"] = date_format(row["key"], "YEAR_MONTH_FORMAT")
            row["url"] = _listing_url({"month": row["key"].strftime("%Y-%m")})
        context.update(
            form=form,
            by_volunteer=by_volunteer,
            by_task=by_task,
            by_beneficiary=by_beneficiary,
            by_month=by_month,
            total=sum((row["hours"] for row in by_month), Decimal("0")),
        )
        return context


def _listing_url(query):
    """The listing of the approved entries behind a total."""
    return reverse("volunteer_hours:index") + "?" + urlencode({**query, "status": HoursStatus.APPROVED})


class HoursViewSet(ModelViewSet):
    model = HoursEntry
    name = "volunteer_hours"
    url_prefix = "godziny"
    icon = "time"
    menu_label = _("Hours")
    menu_order = 300
    index_view_class = HoursIndexView
    filterset_class = HoursFilterSet
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_urlpatterns(self):
        # Listing and totals only: hours are logged by volunteers and decided through the
        # bulk actions; nobody adds, edits or deletes them here.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(
                "podsumowanie/",
                TotalsView.as_view(permission_policy=self.permission_policy),
                name="totals",
            ),
        ]

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add_url_name", "edit_url_name", "delete_url_name", "history_url_name", "usage_url_name"):
            view_kwargs[name] = None
        return view_kwargs

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename__in=["view_hoursentry", "change_hoursentry"])
