"""Forms of hours: the volunteer logs a session; the coordinator gives a reason for rejecting.

Field errors use Django's own translated messages wherever they fit, plus the services'
refusals, each shown right at the field that must change.
"""

import re
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from volunteers import services
from volunteers.models import Match
from volunteers.services.hours import QUARTER, format_hours

# What people type for hours: "2", "1,5", "1.5", "0,25". Nothing else (no exponents, no
# thousands separators, no other scripts' digits) is read as a number.
HOURS_TYPED = re.compile(r"^\d{1,2}(?:[.,]\d{1,2})?$")


class HoursField(forms.DecimalField):
    """Hours as people type them: "1,5" (the Polish decimal comma) as well as "1.5".

    A text input, not `type=number`: Chromium's number input drops a comma it does not
    expect in the page's locale, so "1,5" arrived as "15". `inputmode=decimal` still brings
    up the digit keyboard on a phone. A stored value is shown back with the comma.
    """

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": "6"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value).strip()
        if not HOURS_TYPED.match(value):
            raise forms.ValidationError(_("Enter the hours as a number, e.g. 2 or 1,5."), code="invalid")
        return Decimal(value.replace(",", "."))

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_hours(value)
        return value

    def widget_attrs(self, widget):
        # DecimalField would add min/max/step, which mean nothing on a text input.
        return {}


# A match is offered as "stala-<pk>" next to the tasks' plain ids, so a form posted before
# matches existed (or by an old page) still names its task the same way.
MATCH_PREFIX = "stala-"


class LogHoursForm(forms.Form):
    """One session of work, on a task the volunteer was accepted for or on one of their active
    matches ("Stała pomoc"); only those are offered. The service checks the rest (the day,
    the task's dates, the agreement for long work, the day's 24 hours)."""

    task = forms.ChoiceField(label=_("Task"))
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The day you worked."),
    )
    hours = HoursField(
        label=_("Hours"),
        help_text=_("In quarters of an hour, e.g. 2,5 for two and a half hours."),
    )
    note = forms.CharField(
        label=_("Your note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you did, if you wish; the coordinator reads it."),
    )

    def __init__(self, *args, tasks, matches=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Every choice and what it stands for, so a posted value never reaches the database.
        self.work = {str(task.pk): task for task in tasks}
        self.work.update({f"{MATCH_PREFIX}{match.pk}": match for match in matches})
        task_choices = [(str(task.pk), task.title) for task in tasks]
        match_choices = [(f"{MATCH_PREFIX}{match.pk}", services.hours.match_title(match)) for match in matches]
        if match_choices:
            field = self.fields["task"]
            field.label = _("Task or regular help")
            field.choices = [
                ("", _("Choose a task or regular help")),
                *([(_("Tasks"), task_choices)] if task_choices else []),
                (_("Regular help"), match_choices),
            ]
        else:
            self.fields["task"].choices = [("", _("Choose a task")), *task_choices]
        self.fields["date"].initial = timezone.localdate()
        self.fields["date"].widget.attrs["max"] = timezone.localdate().isoformat()

    def clean_task(self):
        return self.work[self.cleaned_data["task"]]

    def clean_hours(self):
        # The bounds in words with a decimal comma (Django's own message would say "0.25").
        hours = self.cleaned_data["hours"]
        if not services.hours.MIN_HOURS <= hours <= services.hours.MAX_HOURS:
            raise forms.ValidationError(_("Enter between 0.25 and 24 hours."))
        if hours % QUARTER:
            raise forms.ValidationError(_("Enter the hours in quarters of an hour, e.g. 1,25, 1,5 or 2."))
        return hours

    def save(self, volunteer):
        """Log the session through the service; a refusal becomes an error at its field and
        None is returned, with everything typed still in the form."""
        data = self.cleaned_data
        log = services.hours.log_match_hours if isinstance(data["task"], Match) else services.hours.log_hours
        try:
            return log(volunteer, data["task"], data["date"], data["hours"], data["note"])
        except services.applications.ApplicationRefused as refusal:
            field = getattr(refusal, "field", "")
            self.add_error(field if field in self.fields else None, refusal.message)
            return None


class RejectHoursForm(forms.Form):
    """The coordinator's reason for rejecting hours; the volunteer reads it."""

    reason = forms.CharField(
        label=_("Reason for rejecting"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The volunteer sees it next to the entry and in the e-mail."),
    )
