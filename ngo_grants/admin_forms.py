"""The call page's form in the Wagtail editor: the dates that must follow one another, and
art. 13 checked when the call would go live.

The moment that counts is the announcement: for a call already live, its first publication
(correcting a typo in a live call must stay possible); otherwise the moment chosen in the
"go live" setting when it is in the future, or now. Messages sit at the field the editor
changes. Paths without this form (moderation, scheduled publishing) are guarded in
`CallPage.publish` and `CallPage.save`.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from ngo_grants.deadlines import deadline_problem, polish_date

# The editor's buttons that lead to the call going live: publishing (or scheduling it) now,
# and submitting it to the moderators, who publish it as it is.
PUBLISHING_ACTIONS = ("action-publish", "action-submit")


class CallPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        opens_at, closes_at = cleaned_data.get("opens_at"), cleaned_data.get("closes_at")
        results_on = cleaned_data.get("results_on")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("The deadline must be later than the moment offers are first accepted."))
        if closes_at and results_on and results_on <= polish_date(closes_at):
            self.add_error("results_on", _("Results are announced after the deadline for offers, on a later day."))
        if closes_at and "closes_at" not in self.errors and self.publishing():
            problem = deadline_problem(self.announced_at(), closes_at)
            if problem:
                self.add_error("closes_at", problem)
        return cleaned_data

    def publishing(self):
        return any(self.data.get(action) for action in PUBLISHING_ACTIONS)

    def announced_at(self):
        now = timezone.now()
        go_live_at = self.cleaned_data.get("go_live_at")
        publishing_at = go_live_at if go_live_at and go_live_at > now else now
        return self.instance.live_since() or publishing_at
