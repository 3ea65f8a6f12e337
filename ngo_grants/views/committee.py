"""The committee member's pages on the site (members are staff, NGO nominees and experts, so
not all of them reach the admin): their seats, a call's offers with their declarations, and an
offer, opened only after declaring no conflict of interest for it.

Anyone without a seat on the call's committee gets 404, as for a page that does not exist; a
member who declared a conflict for an offer gets 403 on it (they know it exists).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from core.downloads import private_download
from core.pdf import PDF_CONTENT_TYPE, pdf_view
from ngo_grants.committee_forms import CONFLICT, DeclarationForm
from ngo_grants.models import CallPage, CommitteeMember, Declaration, Offer
from ngo_grants.protocol import protocol_name, protocol_pdf
from ngo_grants.scoring_forms import AdoptForm, RecommendationForm, ScoreForm
from ngo_grants.services import committee as service
from ngo_grants.services import scoring
from ngo_grants.workflow import OfferStatus


def _seat_or_404(user, call):
    member = service.seat(user, call)
    if member is None:
        raise Http404
    return member


@login_required
def seats(request):
    members = (
        CommitteeMember.objects.of_user(request.user)
        .select_related("committee__call")
        .order_by("-committee__call__year", "pk")
    )
    return render(request, "ngo_grants/committee/seats.html", {"members": members})


@login_required
def committee_call(request, call_id):
    call = get_object_or_404(CallPage.objects.live(), pk=call_id)
    member = _seat_or_404(request.user, call)
    offers = list(service.offers_for(member))
    scores = {score.offer_id: score for score in member.scores.all()}
    assigned = set(member.assignments.values_list("offer_id", flat=True))
    for offer in offers:
        offer.declaration = service.declaration_of(member, offer)
        offer.own_score = scores.get(offer.pk)
        offer.assigned = offer.pk in assigned
    context = {"call": call, "member": member, "offers": offers}
    if member.chair:
        context["declarations"] = Declaration.objects.filter(member__committee=member.committee).select_related(
            "member__user", "offer__organisation"
        )
    return render(request, "ngo_grants/committee/call.html", context)


@login_required
def committee_offer(request, offer_id):
    """GET: the declaration first, then the offer; POST: the declaration."""
    offer, member, declaration = _opened_offer(request, offer_id)
    form = DeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            service.declare(
                member, offer, conflict=data["decision"] == CONFLICT, ground=data["ground"], reason=data["reason"]
            )
        except service.CommitteeRefused as refused:
            form.add_error(refused.field or None, refused.message)
        else:
            if data["decision"] == CONFLICT:
                messages.info(request, _("Your conflict was recorded; you do not take part in assessing this offer."))
                return redirect(reverse("ngo_grants:committee_call", args=[offer.call_id]))
            return redirect(reverse("ngo_grants:committee_offer", args=[offer.pk]))
    context = {"offer": offer, "member": member, "declaration": declaration, "form": form}
    if declaration is not None:
        context.update(
            version=offer.latest_version(),
            record=scoring.earlier_record(offer),
            own_score=scoring.score_of(member, offer),
            scoring_problem=scoring.scoring_problem(member, offer),
        )
        if scoring.others_visible(member, offer):
            context["scores"] = scoring.counted_scores(offer, member.committee)
    return render(request, "ngo_grants/committee/offer.html", context)


def _opened_offer(request, offer_id):
    """The offer and the member's seat, for a member who declared no conflict on it."""
    offer = get_object_or_404(Offer.objects.select_related("call", "organisation", "task"), pk=offer_id)
    member = _seat_or_404(request.user, offer.call)
    if offer.status not in service.COMMITTEE_READS:
        raise Http404
    declaration = service.declaration_of(member, offer)
    if declaration is not None and declaration.conflict:
        raise PermissionDenied
    return offer, member, declaration


@login_required
def committee_score(request, offer_id):
    """The member's score of an offer: points per criterion, a proposed amount; kept as a draft
    or submitted, after which it never changes."""
    offer, member, declaration = _opened_offer(request, offer_id)
    back = redirect(reverse("ngo_grants:committee_offer", args=[offer.pk]))
    if declaration is None:
        return back
    problem = scoring.scoring_problem(member, offer)
    score = scoring.score_of(member, offer)
    if problem or (score is not None and score.submitted):
        messages.info(request, problem or _("You have submitted your score of this offer."))
        return back
    form = ScoreForm(request.POST or None, offer=offer, initial=_score_initial(score, offer))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        submit = request.POST.get("action") == "submit"
        try:
            scoring.save_score(
                member,
                offer,
                points=form.points(),
                proposed_amount=data["proposed_amount"],
                cut_reason=data["cut_reason"],
                remarks=data["remarks"],
                submit=submit,
            )
        except scoring.ScoringRefused as refused:
            form.add_error(refused.field or None, refused.message)
        else:
            if submit:
                messages.success(request, _("Your score was submitted; you can now read the other members' scores."))
                return back
            messages.success(request, _("Your score was saved as a draft; submit it when it is complete."))
            return redirect(reverse("ngo_grants:committee_score", args=[offer.pk]))
    return render(request, "ngo_grants/committee/score.html", {"offer": offer, "member": member, "form": form})


def _score_initial(score, offer):
    if score is None:
        return {"proposed_amount": offer.grant_requested}
    initial = {"proposed_amount": score.proposed_amount, "cut_reason": score.cut_reason, "remarks": score.remarks}
    for item in score.points.all():
        initial[f"points_{item.criterion_id}"] = item.points
        initial[f"justification_{item.criterion_id}"] = item.justification
    return initial


def _chair_or_403(request, call_id):
    call = get_object_or_404(CallPage.objects.live(), pk=call_id)
    member = _seat_or_404(request.user, call)
    if not member.chair:
        raise PermissionDenied
    return member.committee, member


@login_required
def committee_ranking(request, call_id):
    """The chair's view: averages, results and the ranking per task against its funds; the
    recommended amounts; the adoption of the committee's opinion."""
    committee, chair = _chair_or_403(request, call_id)
    conflicted = scoring.conflicts(committee)
    offers = [
        offer
        for offer in scoring.scored_offers(committee).filter(status=OfferStatus.FORMALLY_ACCEPTED)
        if (chair.pk, offer.pk) not in conflicted
    ]
    members = list(committee.members.select_related("user"))
    initial = {}
    for offer in offers:
        recommendation = getattr(offer, "recommendation", None)
        if recommendation is not None:
            initial.update({f"amount_{offer.pk}": recommendation.amount, f"note_{offer.pk}": recommendation.note})
    action = request.POST.get("action")
    recommend_form = RecommendationForm(
        request.POST if action == "recommend" else None, offers=offers, initial=initial, prefix="recommend"
    )
    adopt_form = AdoptForm(
        request.POST if action == "adopt" else None,
        members=members,
        initial={"present": [str(member.pk) for member in members]},
        prefix="adopt",
    )
    if action == "recommend" and recommend_form.is_valid():
        try:
            scoring.record_recommendations(committee, user=request.user, amounts=recommend_form.amounts())
        except scoring.ScoringRefused as refused:
            recommend_form.add_error(refused.field or None, refused.message)
        else:
            messages.success(request, _("The recommended amounts were saved."))
            return redirect(reverse("ngo_grants:committee_ranking", args=[call_id]))
    if action == "adopt" and adopt_form.is_valid():
        try:
            scoring.adopt_opinion(
                committee,
                user=request.user,
                present=adopt_form.present_members(),
                meeting_on=adopt_form.cleaned_data["meeting_on"],
            )
        except scoring.ScoringRefused as refused:
            adopt_form.add_error(None, refused.message)
        else:
            messages.success(request, _("The committee's opinion was adopted; the protocol is ready."))
            return redirect(reverse("ngo_grants:committee_ranking", args=[call_id]))
    context = {
        "call": committee.call,
        "committee": committee,
        "rankings": scoring.ranking(committee, viewer=chair),
        "criteria": list(committee.call.criteria.all()),
        "recommend_form": recommend_form,
        "adopt_form": adopt_form,
        "problems": [] if committee.opinion_adopted_at else scoring.adoption_problems(committee),
    }
    return render(request, "ngo_grants/committee/ranking.html", context)


@login_required
@pdf_view
def committee_protocol(request, call_id):
    committee, _chair = _chair_or_403(request, call_id)
    return private_download(protocol_pdf(committee), protocol_name(committee), PDF_CONTENT_TYPE)


urlpatterns = [
    path("komisja/", seats, name="committee_seats"),
    path("komisja/konkursy/<int:call_id>/", committee_call, name="committee_call"),
    path("komisja/konkursy/<int:call_id>/ranking/", committee_ranking, name="committee_ranking"),
    path("komisja/konkursy/<int:call_id>/protokol.pdf", committee_protocol, name="committee_protocol"),
    path("komisja/oferty/<int:offer_id>/", committee_offer, name="committee_offer"),
    path("komisja/oferty/<int:offer_id>/ocena/", committee_score, name="committee_score"),
]
