"""The grants officer's committee screen for a call: members appointed and removed, the art. 15
ust. 2da exception, what the composition still lacks, and every member's declarations.

The call is found among the person's centres' calls (another centre's is not found); the
supervisor reads the screen, only the grants officers change it, and the services check again.
"""

import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from core.downloads import private_download
from core.numbers import plausible_id
from core.pdf import PDF_CONTENT_TYPE, pdf_view
from ngo_grants.committee_forms import AppointForm, ExceptionForm
from ngo_grants.models import Assignment, Declaration, ReasonsRequest
from ngo_grants.protocol import protocol_name, protocol_pdf
from ngo_grants.results_forms import DecisionForm, ReasonsAnswerForm
from ngo_grants.scoring_forms import AssignForm
from ngo_grants.services import committee as service
from ngo_grants.services import results, scoring
from ngo_grants.viewsets.common import OFFERS, StaffScreen, centre_calls


class CommitteeScreen(StaffScreen, TemplateView):
    """A screen about the committee of a call of the person's centres."""

    index_label = gettext_lazy("Offers")

    @cached_property
    def committee(self):
        call = get_object_or_404(centre_calls(self.request.user), pk=self.kwargs["call_id"])
        return service.committee_of(call)

    def get_page_subtitle(self):
        return self.committee.call.title

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())


class CommitteeView(CommitteeScreen):
    template_name = "ngo_grants/admin/committee.html"
    page_title = gettext_lazy("Committee")

    @cached_property
    def may_appoint(self):
        return service.may_appoint(self.request.user, self.committee)

    def post(self, request, *args, **kwargs):
        if not self.may_appoint:
            raise PermissionDenied
        committee = self.committee
        if request.POST.get("form") == "exception":
            form = ExceptionForm(request.POST, prefix="exception")
            if form.is_valid():
                service.record_exception(
                    committee,
                    user=request.user,
                    exception=form.cleaned_data["no_ngo_exception"],
                    note=form.cleaned_data["exception_note"],
                )
                messages.success(request, _("The exception was recorded."))
                return redirect(f"{OFFERS}:committee", call_id=committee.call_id)
            return self.render_to_response(self.get_context_data(exception_form=form))
        form = AppointForm(request.POST, prefix="appoint")
        if form.is_valid():
            data = form.cleaned_data
            try:
                member = service.appoint(
                    committee,
                    user=request.user,
                    person=form.person,
                    kind=data["kind"],
                    organisation=data["organisation"],
                    chair=data["chair"],
                )
            except service.CommitteeRefused as refused:
                form.add_error(refused.field or None, refused.message)
            else:
                messages.success(request, _("%(person)s was appointed.") % {"person": member})
                return redirect(f"{OFFERS}:committee", call_id=committee.call_id)
        return self.render_to_response(self.get_context_data(appoint_form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        committee = self.committee
        members = committee.members.select_related("user", "organisation")
        initial = {"no_ngo_exception": committee.no_ngo_exception, "exception_note": committee.exception_note}
        context.update(
            committee=committee,
            call=committee.call,
            members=members,
            may_appoint=self.may_appoint,
            # Staff who sit on the committee declare on the site, like every member.
            seat=service.seat(self.request.user, committee.call),
            problems=service.composition_problems(committee),
            declarations=Declaration.objects.filter(member__committee=committee).select_related(
                "member__user", "offer__organisation"
            ),
        )
        if self.may_appoint:
            context.setdefault("appoint_form", kwargs.get("appoint_form") or AppointForm(prefix="appoint"))
            context.setdefault(
                "exception_form", kwargs.get("exception_form") or ExceptionForm(prefix="exception", initial=initial)
            )
        return context


@require_POST
def remove_member(request, call_id, member_id):
    call = get_object_or_404(centre_calls(request.user), pk=call_id)
    committee = service.committee_of(call)
    member = get_object_or_404(committee.members.select_related("user"), pk=member_id)
    try:
        service.remove(member, user=request.user)
    except service.CommitteeRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("%(person)s no longer sits on the committee.") % {"person": member})
    return redirect(f"{OFFERS}:committee", call_id=call.pk)


class AssignmentView(CommitteeScreen):
    """Who scores which offer. Every visit draws a new plan with a fresh seed and shows it; the
    officer confirms exactly what was shown (the service recomputes it from the seed and refuses
    when anything changed in between). Members already assigned stay."""

    template_name = "ngo_grants/admin/assignment.html"
    page_title = gettext_lazy("Assignment of offers")

    def post(self, request, *args, **kwargs):
        if not service.may_appoint(request.user, self.committee):
            raise PermissionDenied
        form = AssignForm(request.POST)
        if form.is_valid():
            try:
                made = scoring.assign(
                    self.committee,
                    user=request.user,
                    seed=form.cleaned_data["seed"],
                    expected=form.cleaned_data["expected"],
                )
            except scoring.ScoringRefused as refused:
                messages.error(request, refused.message)
            else:
                messages.success(request, _("Assignments made: %(count)s.") % {"count": made})
                return redirect(f"{OFFERS}:assignment", call_id=self.committee.call_id)
        else:
            messages.error(request, _("The preview could not be confirmed; check the new preview."))
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        committee = self.committee
        seed = secrets.randbits(62)
        planned = scoring.plan(committee, seed)
        assignments = {}
        for assignment in Assignment.objects.filter(member__committee=committee).select_related("member__user"):
            assignments.setdefault(assignment.offer_id, []).append(assignment.member)
        for entry in planned:
            entry.current = assignments.get(entry.offer.pk, [])
        context.update(
            committee=committee,
            call=committee.call,
            planned=planned,
            adding=any(entry.added for entry in planned),
            short=[entry for entry in planned if entry.short],
            may_assign=service.may_appoint(self.request.user, committee) and not committee.opinion_adopted_at,
            form=AssignForm(initial={"seed": seed, "expected": scoring.fingerprint(planned)}),
        )
        return context


@pdf_view
def protocol(request, call_id):
    """The committee's protocol for the grants staff of the call's centre (a draft until the
    chair adopts the opinion)."""
    if not request.user.has_perm("ngo_grants.view_offer"):
        raise PermissionDenied
    call = get_object_or_404(centre_calls(request.user), pk=call_id)
    committee = service.committee_of(call)
    return private_download(protocol_pdf(committee), protocol_name(committee), PDF_CONTENT_TYPE)


class DecisionView(CommitteeScreen):
    """The head of the centre's decision after the committee's opinion: the committee's
    ranking and recommendations beside a form prefilled with them; recording it publishes the
    results. Grants officers read the screen; only the head decides."""

    template_name = "ngo_grants/admin/decision.html"
    page_title = gettext_lazy("Decision on the grants")

    @cached_property
    def may_decide(self):
        return results.may_decide(self.request.user, self.committee.call)

    def form(self, data=None):
        call = self.committee.call
        offers = results.to_decide(call).order_by("number")
        initial = {}
        for offer in offers:
            recommendation = getattr(offer, "recommendation", None)
            if recommendation is not None:
                initial[f"amount_{offer.pk}"] = recommendation.amount
                initial[f"reason_{offer.pk}"] = recommendation.note
        return DecisionForm(data, offers=offers, initial=initial)

    def post(self, request, *args, **kwargs):
        if not self.may_decide:
            raise PermissionDenied
        form = self.form(request.POST)
        if form.is_valid():
            try:
                results.decide(
                    self.committee.call,
                    user=request.user,
                    reference=form.cleaned_data["reference"],
                    decided_on=form.cleaned_data["decided_on"],
                    amounts=form.amounts(),
                )
            except results.DecisionRefused as refused:
                form.add_error(refused.field or None, refused.message)
            else:
                messages.success(request, _("The decision was recorded and the results are published."))
                return redirect(f"{OFFERS}:decision", call_id=self.committee.call_id)
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        call = self.committee.call
        problem = results.decision_problem(call)
        context.update(
            call=call,
            committee=self.committee,
            problem=problem,
            decision=getattr(call, "decision", None) if call.progress == "results" else None,
            results=results.results(call),
            rankings=scoring.ranking(self.committee),
        )
        if problem is None and self.may_decide:
            context.setdefault("form", self.form())
        return context


class ReasonsRegisterView(CommitteeScreen):
    """The call's register of requests for the reasons of the choice (30 days after the
    results) and the answers; the grants officers answer, the supervisor reads."""

    template_name = "ngo_grants/admin/reasons.html"
    page_title = gettext_lazy("Requests for reasons")

    def requests(self):
        return ReasonsRequest.objects.filter(offer__call=self.committee.call).select_related(
            "offer__organisation", "requested_by", "answered_by"
        )

    def post(self, request, *args, **kwargs):
        if not service.may_appoint(request.user, self.committee):
            raise PermissionDenied
        pk = request.POST.get("request")
        # A tampered id ("", letters, 400 digits) finds nothing rather than reaching the database.
        item = get_object_or_404(self.requests(), pk=pk if plausible_id(pk) else None)
        form = ReasonsAnswerForm(request.POST, prefix=f"answer-{item.pk}")
        if form.is_valid():
            try:
                results.answer_reasons(item, user=request.user, answer=form.cleaned_data["answer"])
            except results.DecisionRefused as refused:
                form.add_error(refused.field or None, refused.message)
            else:
                messages.success(request, _("The answer was saved and is being sent to the organisation."))
                return redirect(f"{OFFERS}:reasons", call_id=self.committee.call_id)
        return self.render_to_response(self.get_context_data(bound=(item.pk, form)))

    def get_context_data(self, bound=None, **kwargs):
        context = super().get_context_data(**kwargs)
        may_answer = service.may_appoint(self.request.user, self.committee)
        items = list(self.requests())
        for item in items:
            if bound and bound[0] == item.pk:
                item.form = bound[1]
            elif may_answer and not item.answered:
                item.form = ReasonsAnswerForm(prefix=f"answer-{item.pk}")
        context.update(call=self.committee.call, items=items)
        if bound:
            context["form"] = bound[1]
        return context
