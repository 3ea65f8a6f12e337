"""What the coordinators' hours listing shows and how it is narrowed: the entries a person may
decide on, the filters (only their own centres' tasks and volunteers) and the search. The
listing and the bulk actions share these, so "select all in listing" acts on exactly what the
listing showed.
"""

import re

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from core.filters import ModelChoiceFilter
from core.text import search_words
from volunteers.models import Beneficiary, HoursEntry, HoursStatus, TaskPage
from volunteers.permissions import profiles_visible_to
from volunteers.services.hours_flags import ANY_FLAG, HoursFlag, flagged, with_flags

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def volunteer_name(entry):
    """The volunteer's name, e-mail when no name was given, or a note that they erased their data."""
    if entry.volunteer is None:
        return _("(erased volunteer)")
    user = entry.volunteer.user
    return user.get_full_name() or user.email


def decided_entries(user):
    """The hours a person may see and decide on, with what the listing shows (the flags too)."""
    entries = HoursEntry.objects.visible_to(user).select_related("volunteer__user", "match__need__beneficiary")
    return with_flags(entries)


def beneficiary_name(entry):
    """Whom the hours helped, for hours of a match; empty for a task's hours. Staff only."""
    if entry.match_id is None:
        return ""
    return entry.match.need.beneficiary.name


def centre_tasks(request):
    """The tasks the person's centres have hours on (a task page has no centre column: its
    centre is the site it lives in, so the hours' own `centre` does the scoping)."""
    logged = HoursEntry.objects.visible_to(request.user).values("task")
    return TaskPage.objects.filter(pk__in=logged).order_by("title")


def centre_beneficiaries(request):
    """The beneficiaries of the person's centres that have hours logged on their matches."""
    helped = HoursEntry.objects.visible_to(request.user).filter(match__isnull=False).values("match__need__beneficiary")
    return Beneficiary.objects.visible_to(request.user).filter(pk__in=helped).order_by("name", "pk")


def centre_volunteers(request):
    return (
        profiles_visible_to(request.user)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


class MonthField(forms.CharField):
    """A month typed as "2026-05" (what `<input type="month">` sends)."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2026-05"})

    def clean(self, value):
        value = super().clean(value)
        match = MONTH.match(value or "")
        if value and not (match and 1 <= int(match[2]) <= 12 and int(match[1]) >= 1):
            raise forms.ValidationError(forms.DateField.default_error_messages["invalid"], code="invalid")
        return value


class MonthFilter(django_filters.Filter):
    field_class = MonthField

    def filter(self, queryset, value):
        if not value:
            return queryset
        year, month = (int(part) for part in value.split("-"))
        # Not a range up to the next month's first day: after December 9999 there is none.
        return queryset.filter(date__year=year, date__month=month)


class HoursFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=HoursStatus.choices, widget=forms.RadioSelect, empty_label=_("All")
    )
    task = ModelChoiceFilter(label=_("Task"), queryset=centre_tasks)
    volunteer = ModelChoiceFilter(label=_("Volunteer"), queryset=centre_volunteers)
    beneficiary = ModelChoiceFilter(
        label=_("Beneficiary"), queryset=centre_beneficiaries, field_name="match__need__beneficiary"
    )
    month = MonthFilter(label=_("Month"))
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    flag = django_filters.ChoiceFilter(
        label=_("Unusual entries"),
        choices=[(ANY_FLAG, _("any reason")), *HoursFlag.choices],
        empty_label=_("All"),
        method="filter_flag",
    )

    class Meta:
        model = HoursEntry
        fields = ["status", "task", "volunteer", "beneficiary", "month", "date", "flag"]

    def filter_flag(self, queryset, name, value):
        return flagged(queryset, value) if value else queryset


def filtered_entries(request):
    """The listing's entries for the request's filters and search, as the index shows them;
    "select all in listing" acts on exactly these."""
    entries = decided_entries(request.user)
    filters = HoursFilterSet(data=request.GET, queryset=entries, request=request)
    if filters.is_valid():
        entries = filters.qs
    return search_entries(entries, request.GET.get("q", ""))


def search_entries(entries, query):
    """Every word must match the volunteer's first name, last name or e-mail, the task (hours
    of a match are titled "Stała pomoc: …") or the beneficiary helped."""
    for word in search_words(query):
        entries = entries.filter(
            Q(volunteer__user__first_name__icontains=word)
            | Q(volunteer__user__last_name__icontains=word)
            | Q(volunteer__user__email__icontains=word)
            | Q(task_title__icontains=word)
            | Q(match__need__beneficiary__name__icontains=word)
        )
    return entries
