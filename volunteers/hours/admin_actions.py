"""Approving and rejecting hours in bulk from the coordinators' listing (Wagtail bulk actions:
tick entries, choose the action, confirm; rejecting asks for the reason first).

Only entries the person may see are reached (another centre's ids answer 404); entries already
decided are listed apart and left alone. Each entry goes through the service on its own, so
one refusal (say, a colleague decided it a moment earlier) is reported and the rest go on.
"""

from django.contrib import messages
from django.http import Http404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy
from wagtail import hooks
from wagtail.admin.views.bulk_action import BulkAction

from core.numbers import plausible_id
from volunteers import services
from volunteers.hours.admin_filters import decided_entries, filtered_entries, volunteer_name
from volunteers.hours.forms import RejectHoursForm
from volunteers.models import HoursEntry, HoursStatus
from volunteers.viewsets.applications import safe_next

BULK_TYPE = "hours"


class HoursBulkAction(BulkAction):
    models = [HoursEntry]

    def __init__(self, request, model):
        super().__init__(request, model)
        # Without the listing's "next", "go back" and success lead to the listing. A "next"
        # that is not an admin path is ignored too: Django's redirect() would take a bare word
        # such as "foo" for a view name and fail with a server error.
        self.next_url = safe_next(request, reverse("volunteer_hours:index"))

    def get_actionable_objects(self):
        ids = self.request.GET.getlist("id")
        if "all" in ids:
            entries = filtered_entries(self.request)
        else:
            entries = decided_entries(self.request.user).filter(pk__in=[pk for pk in ids if plausible_id(pk)])
        entries = list(entries.order_by("date", "pk"))
        if not entries:
            raise Http404
        waiting = [entry for entry in entries if entry.status == HoursStatus.SUBMITTED]
        decided = [entry for entry in entries if entry.status != HoursStatus.SUBMITTED]
        return waiting, {"items_with_no_access": decided}

    def object_context(self, entry):
        return {"item": entry, "volunteer": volunteer_name(entry)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["items_with_no_access"] = [self.object_context(entry) for entry in context["items_with_no_access"]]
        context["header_icon"] = "time"
        return context

    def get_execution_context(self):
        return {"action": self}

    @classmethod
    def execute_action(cls, entries, action=None, **kwargs):
        done = 0
        for entry in entries:
            try:
                action.decide(entry)
            except services.applications.ApplicationRefused as refusal:
                messages.error(
                    action.request,
                    _("%(volunteer)s, %(date)s: %(reason)s")
                    % {
                        "volunteer": volunteer_name(entry),
                        "date": date_format(entry.date, "DATE_FORMAT"),
                        "reason": refusal.message,
                    },
                )
            else:
                done += 1
        return done, 0


class ApproveHoursBulkAction(HoursBulkAction):
    display_name = pgettext_lazy("hours", "Approve")
    action_type = "approve"
    aria_label = gettext_lazy("Approve the selected hours")
    template_name = "volunteers/admin/hours/confirm_approve.html"
    action_priority = 10

    def decide(self, entry):
        services.hours.approve_hours(entry, self.request.user)

    def get_success_message(self, num_parent_objects, num_child_objects):
        if num_parent_objects:
            return ngettext(
                "%(count)d entry has been approved.", "%(count)d entries have been approved.", num_parent_objects
            ) % {"count": num_parent_objects}
        return None


class RejectHoursBulkAction(HoursBulkAction):
    display_name = gettext_lazy("Reject")
    action_type = "reject"
    aria_label = gettext_lazy("Reject the selected hours, with a reason")
    template_name = "volunteers/admin/hours/confirm_reject.html"
    action_priority = 20
    form_class = RejectHoursForm

    def decide(self, entry):
        services.hours.reject_hours(entry, self.request.user, self.cleaned_form.cleaned_data["reason"])

    def get_success_message(self, num_parent_objects, num_child_objects):
        if num_parent_objects:
            return ngettext(
                "%(count)d entry has been rejected.", "%(count)d entries have been rejected.", num_parent_objects
            ) % {"count": num_parent_objects}
        return None


hooks.register("register_bulk_action", ApproveHoursBulkAction)
hooks.register("register_bulk_action", RejectHoursBulkAction)
