"""Proposing: the centre's whole plan, one need's candidates and the open needs.

GET pages only compute; a POST is a person confirming proposals, each through
`services.matches.propose` in its own transaction, so one refusal (the volunteer's last
place was just taken) never undoes the others and every outcome is reported.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.numbers import parse_id
from volunteers import services
from volunteers.matching_admin.common import (
    NAMESPACE,
    MatchingAccessMixin,
    candidate_rows,
    centre_query,
    chosen_centre,
    need_summary,
    need_title,
    person_name,
    worded,
)
from volunteers.models import Need, NeedStatus, VolunteerProfile
from volunteers.services.matches import MatchRefused


def parse_pair(value):
    """ "<need id>-<volunteer id>" as a pair of ids, or None."""
    need, _sep, volunteer = str(value).partition("-")
    need, volunteer = parse_id(need), parse_id(volunteer)
    return (need, volunteer) if need and volunteer else None


def propose_pairs(request, centre, pairs, replaces=None):
    """Propose each (need id, volunteer id) of `centre` in turn, scored again now; a message
    per pair says whether it was confirmed or why not. Returns the matches made."""
    needs = Need.objects.visible_to(request.user).for_centre(centre).select_related("beneficiary__centre")
    needs = needs.in_bulk({need_id for need_id, _v in pairs})
    profiles = VolunteerProfile.objects.select_related("user").in_bulk({v for _n, v in pairs})
    scores = services.matching.pair_scores(centre, pairs)
    made = []
    for need_id, volunteer_id in pairs:
        need, profile = needs.get(need_id), profiles.get(volunteer_id)
        if need is None or profile is None:
            messages.error(request, _("This proposal is no longer available; look at the plan again."))
            continue
        who = _("%(need)s: %(volunteer)s") % {"need": need_title(need), "volunteer": person_name(profile)}
        points, reasons = scores.get((need_id, volunteer_id), (0, ()))
        try:
            match = services.matches.propose(
                need, profile, request.user, score=points, reasons=reasons, replaces=replaces
            )
        except MatchRefused as refusal:
            messages.error(request, _("%(who)s – not proposed: %(reason)s") % {"who": who, "reason": refusal.message})
        else:
            made.append(match)
            messages.success(request, _("%(who)s – proposed; the volunteer has been asked by e-mail.") % {"who": who})
    return made


class PlanView(MatchingAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """The exact plan for all the centre's open needs, with its total and every need left
    open with why; staff tick the proposals to confirm, or confirm one with its own button."""

    template_name = "volunteers/admin/matching/plan.html"
    page_title = gettext_lazy("Matching plan")

    def get_context_data(self, **kwargs):
        centre, centres = chosen_centre(self.request)
        plan, pool = services.matching.centre_plan(centre)
        proposals = []
        for proposal in plan.proposals:
            need, profile = pool.need_rows[proposal.need_id], pool.profiles[proposal.volunteer_id]
            proposals.append(
                {
                    "key": f"{proposal.need_id}-{proposal.volunteer_id}",
                    "need": need,
                    "volunteer": person_name(profile),
                    "profile": profile,
                    "score": proposal.score,
                    "reasons": worded(proposal.reasons, pool.labels),
                }
            )
        unmatched = [
            {"need": pool.need_rows[need_id], "reason": worded([reason], pool.labels)[0]}
            for need_id, reason in plan.unmatched
        ]
        context = super().get_context_data(**kwargs)
        context.update(
            centre=centre,
            centres=centres if len(centres) > 1 else [],
            query=centre_query(centre, centres),
            plan=plan,
            proposals=proposals,
            unmatched=unmatched,
            pool_size=len(pool.volunteers),
        )
        return context

    def post(self, request):
        centre, centres = chosen_centre(request)
        values = [request.POST["only"]] if request.POST.get("only") else request.POST.getlist("proposal")
        pairs = list(dict.fromkeys(pair for pair in map(parse_pair, values) if pair))
        if not pairs:
            messages.warning(request, _("Tick at least one proposal to confirm."))
        else:
            propose_pairs(request, centre, pairs)
        return redirect(reverse(f"{NAMESPACE}:plan") + centre_query(centre, centres))


class NeedCandidatesView(MatchingAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """One need: its description, the ranked candidates with their reasons and the excluded
    volunteers each with every reason they were left out."""

    template_name = "volunteers/admin/matching/need.html"
    page_title = gettext_lazy("Candidates for a need")

    @cached_property
    def need(self):
        visible = Need.objects.visible_to(self.request.user).select_related(
            "beneficiary__district", "beneficiary__centre", "language", "disability"
        )
        return get_object_or_404(visible, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        need = self.need
        context = super().get_context_data(**kwargs)
        if need.status == NeedStatus.OPEN:
            ranked, excluded, pool = services.matching.candidates_for(need)
            candidates, nearby, elsewhere = candidate_rows(ranked, excluded, pool)
        else:
            candidates, nearby, elsewhere = [], [], []
        context.update(
            need=need,
            summary=need_summary(need),
            is_open=need.status == NeedStatus.OPEN,
            candidates=candidates,
            excluded=nearby,
            elsewhere=elsewhere,
            matches=need.matches.select_related("volunteer__user").order_by("-proposed_at", "-pk"),
            person_name=person_name,
        )
        return context

    def get_page_subtitle(self):
        return need_title(self.need)

    def post(self, request, pk):
        need = self.need
        volunteer = parse_id(request.POST.get("volunteer", ""))
        if volunteer is None:
            messages.error(request, _("Choose a volunteer from the list of candidates."))
        else:
            propose_pairs(request, need.beneficiary.centre, [(need.pk, volunteer)])
        return redirect(reverse(f"{NAMESPACE}:need", args=[need.pk]))


class OpenNeedsView(MatchingAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """The centre's needs that wait for a volunteer, oldest start first, each a link to its candidates."""

    template_name = "volunteers/admin/matching/open_needs.html"
    page_title = gettext_lazy("Needs without a volunteer")
    per_page = 50

    def get_context_data(self, **kwargs):
        needs = (
            Need.objects.visible_to(self.request.user)
            .filter(status=NeedStatus.OPEN)
            .select_related("beneficiary__district", "beneficiary__centre")
            .order_by("start_date", "pk")
        )
        page = Paginator(needs, self.per_page).get_page(self.request.GET.get("page"))
        context = super().get_context_data(**kwargs)
        context.update(page_obj=page, needs=page.object_list)
        return context
