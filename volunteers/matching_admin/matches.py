"""The matches of the person's centres and one match's story with what staff can do next.

`matches:detail` is a contract: the coordinators' match e-mails link to it. Its forms (end,
cancel, propose a replacement) post back to the page; a refused form is shown again with the
error at the field and what was typed, a refused transition as a message.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.numbers import parse_id
from volunteers import services
from volunteers.matching_admin.common import (
    MatchingAccessMixin,
    candidate_rows,
    detail_url,
    need_summary,
    need_title,
    person_name,
)
from volunteers.matching_admin.forms import CancelForm, EndForm, MatchFilterForm
from volunteers.matching_admin.plan import propose_pairs
from volunteers.models import LIVE_STATES, Match, MatchStatus, NeedStatus
from volunteers.reasons import describe, from_stored
from volunteers.services.matches import MatchRefused
from volunteers.services.matching import load_labels

# A match whose need is open again after it: staff may ask someone else to continue.
CLOSED_STATES = (MatchStatus.ENDED, MatchStatus.CANCELLED, MatchStatus.DECLINED)


class MatchIndexView(MatchingAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "volunteers/admin/matching/index.html"
    page_title = gettext_lazy("Matches")
    per_page = 50

    def get_context_data(self, **kwargs):
        visible = Match.objects.visible_to(self.request.user)
        form = MatchFilterForm(self.request.GET or None, matches=visible)
        matches = form.filter(visible).select_related("need__beneficiary", "volunteer__user", "centre")
        page = Paginator(matches.order_by("-proposed_at", "-pk"), self.per_page).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        context = super().get_context_data(**kwargs)
        context.update(
            form=form,
            page_obj=page,
            rows=[(match, need_title(match.need), person_name(match.volunteer)) for match in page.object_list],
            extra_query=query.urlencode(),
        )
        return context


class MatchDetailView(MatchingAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "volunteers/admin/matching/detail.html"
    page_title = gettext_lazy("Match")

    @cached_property
    def match(self):
        visible = Match.objects.visible_to(self.request.user).select_related(
            "need__beneficiary__district",
            "need__beneficiary__centre",
            "need__language",
            "need__disability",
            "volunteer__user",
            "proposed_by",
            "ended_by",
            "replaces",
            "centre",
        )
        return get_object_or_404(visible, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return need_title(self.match.need)

    def get_context_data(self, end_form=None, cancel_form=None, **kwargs):
        match = self.match
        labels = load_labels(match.centre)
        context = super().get_context_data(**kwargs)
        context.update(
            match=match,
            need=match.need,
            volunteer_name=person_name(match.volunteer),
            summary=need_summary(match.need),
            reasons=[describe(reason, labels) for reason in from_stored(match.reasons or [])],
            end_form=end_form or (EndForm() if match.status == MatchStatus.ACTIVE else None),
            cancel_form=cancel_form or (CancelForm() if match.status in LIVE_STATES else None),
            replacements=self.replacements(),
            replaced_by=list(match.replacements.select_related("volunteer__user")),
            person_name=person_name,
        )
        return context

    def replacements(self):
        """Ranked candidates to continue the need, once this match is over and the need open."""
        if not self.may_replace():
            return None
        ranked, excluded, pool = services.matches.replacement_candidates(self.match)
        candidates, _nearby, _elsewhere = candidate_rows(ranked, excluded, pool)
        return candidates

    def may_replace(self):
        return self.match.status in CLOSED_STATES and self.match.need.status == NeedStatus.OPEN

    def post(self, request, pk):
        match = self.match
        action = request.POST.get("action")
        if action == "end":
            form = EndForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(end_form=form))
            data = form.cleaned_data
            return self.apply(services.matches.end, match, request.user, data["outcome"], data["note"],
                              reopen=data["reopen"])  # fmt: skip
        if action == "cancel":
            form = CancelForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(cancel_form=form))
            return self.apply(services.matches.cancel, match, request.user, form.cleaned_data["reason"])
        if action == "propose":
            volunteer = parse_id(request.POST.get("volunteer", ""))
            if volunteer is None or not self.may_replace():
                messages.error(request, _("Choose a volunteer from the list of replacement candidates."))
                return redirect(detail_url(match))
            made = propose_pairs(request, match.centre, [(match.need_id, volunteer)], replaces=match)
            return redirect(detail_url(made[0] if made else match))
        messages.error(request, _("Choose what to do with the match."))
        return redirect(detail_url(match))

    def apply(self, transition, match, *args, **kwargs):
        try:
            transition(match, *args, **kwargs)
        except MatchRefused as refusal:
            messages.error(self.request, refusal.message)
        else:
            messages.success(self.request, _("The match is now: %(status)s.") % {"status": match_status(match)})
        return redirect(detail_url(match))


def match_status(match):
    match.refresh_from_db(fields=["status"])
    return match.get_status_display()
