"""The grants officer's formal review of an offer, the comparison of its versions and the
annulment of a call left without a valid offer.

Both read offers through `staff_offers(user)`, so another centre's offer is not found (404).
The supervisor reads the review; only the centre's grants officers answer and decide, and the
services check that again.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from ngo_grants.display import version_diff
from ngo_grants.models import Annulment, CorrectionRequest, FormalAnswer, FormalDecision, Offer
from ngo_grants.roles import is_grants_officer
from ngo_grants.services import review
from ngo_grants.viewsets.common import OFFERS, StaffScreen, centre_calls, moment, staff_offers
from ngo_grants.viewsets.review_forms import ACCEPT, CORRECT, MET, REJECT, AnnulmentForm, FormalReviewForm
from ngo_grants.workflow import OfferStatus

MET_VALUE = {value: key for key, value in MET.items()}


class OfferScreen(StaffScreen, TemplateView):
    index_label = gettext_lazy("Offers")

    @cached_property
    def offer(self):
        offers = staff_offers(self.request.user).select_related("organisation", "call", "task", "centre")
        return get_object_or_404(offers, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return self.offer.number

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        detail = {"url": reverse(f"{OFFERS}:detail", args=[self.offer.pk]), "label": self.offer.number}
        return [*items[:-1], detail, items[-1]]


class FormalReviewView(OfferScreen):
    template_name = "ngo_grants/admin/formal_review.html"
    page_title = gettext_lazy("Formal review")

    @cached_property
    def may_review(self):
        return review.may_review(self.request.user, self.offer)

    def make_form(self, data=None):
        answers = {answer.requirement_id: answer for answer in FormalAnswer.objects.filter(offer=self.offer)}
        initial = {}
        for requirement_id, answer in answers.items():
            initial[f"met_{requirement_id}"] = MET_VALUE[answer.met]
            initial[f"note_{requirement_id}"] = answer.note
        form = FormalReviewForm(
            data, requirements=self.offer.call.formal_checks.all(), sections=review.reopenable(), initial=initial
        )
        if not self.may_review or review.review_problem(self.offer):
            for field in form.fields.values():
                field.disabled = True
        return form

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.make_form()))

    def post(self, request, *args, **kwargs):
        if not self.may_review:
            raise PermissionDenied
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                message = self.act(form)
            except review.ReviewRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, message)
                return redirect(f"{OFFERS}:formal_review", pk=self.offer.pk)
        return self.render_to_response(self.get_context_data(form=form))

    def act(self, form):
        """Keep the answers, then carry out the chosen action; returns what to tell the officer."""
        user, offer = self.request.user, self.offer
        action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
        review.record_answers(offer, form.answers(), user=user)
        if action == ACCEPT:
            review.decide_formally(offer, user=user, accepted=True)
            return _("Offer no. %(number)s was accepted formally.") % {"number": offer.number}
        if action == REJECT:
            review.decide_formally(offer, user=user, accepted=False, reason=reason)
            return _("Offer no. %(number)s was rejected formally.") % {"number": offer.number}
        if action == CORRECT:
            correction = review.request_correction(
                offer, user=user, sections=form.cleaned_data["sections"], reason=reason
            )
            return _("A correction was requested; the organisation has until %(due)s.") % {
                "due": moment(correction.due_at)
            }
        return _("The answers were saved.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        offer = self.offer
        labels = dict(review.reopenable())
        corrections = CorrectionRequest.objects.filter(offer=offer).select_related("version", "corrected_version")
        context.update(
            offer=offer,
            may_review=self.may_review,
            problem=review.review_problem(offer),
            decision=FormalDecision.objects.filter(offer=offer).select_related("decided_by").first(),
            corrections=[
                {"correction": item, "sections": [labels.get(key, key) for key in item.sections]}
                for item in corrections
            ],
            versions=offer.versions.order_by("number"),
            detail_url=reverse(f"{OFFERS}:detail", args=[offer.pk]),
            diff_url=reverse(f"{OFFERS}:versions", args=[offer.pk]),
            unmet=review.unmet_requirements(offer),
        )
        return context


class VersionDiffView(OfferScreen):
    """Two versions side by side (`?od=1&do=2`; by default the last two): only what changed."""

    template_name = "ngo_grants/admin/version_diff.html"
    page_title = gettext_lazy("Versions of the offer")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        versions = list(self.offer.versions.order_by("number"))
        numbers = [version.number for version in versions]
        newer = _version_number(self.request.GET.get("do"), numbers) or (numbers[-1] if numbers else None)
        older = _version_number(self.request.GET.get("od"), numbers)
        if older is None and newer is not None:
            older = max((number for number in numbers if number < newer), default=newer)
        by_number = {version.number: version for version in versions}
        old, new = by_number.get(older), by_number.get(newer)
        context.update(
            offer=self.offer,
            versions=versions,
            old=old,
            new=new,
            changes=version_diff(old.content, new.content) if old and new and old != new else [],
            detail_url=reverse(f"{OFFERS}:detail", args=[self.offer.pk]),
        )
        return context


def _version_number(value, numbers):
    """The version asked for in the query string, when the offer has it; anything else is None."""
    text = str(value or "")
    if text.isascii() and text.isdigit() and len(text) <= 4 and int(text) in numbers:
        return int(text)
    return None


class AnnulmentView(StaffScreen, TemplateView):
    """A call with no valid offer is annulled here (art. 18a); its page shows the annulment."""

    template_name = "ngo_grants/admin/annulment.html"
    page_title = gettext_lazy("Annulment of the call")
    index_label = gettext_lazy("Offers")

    @cached_property
    def call(self):
        return get_object_or_404(centre_calls(self.request.user), pk=self.kwargs["call_id"])

    def get_page_subtitle(self):
        return self.call.title

    @cached_property
    def may_annul(self):
        return is_grants_officer(self.request.user, self.call.centre().pk)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=AnnulmentForm()))

    def post(self, request, *args, **kwargs):
        if not self.may_annul:
            raise PermissionDenied
        form = AnnulmentForm(request.POST)
        if form.is_valid():
            try:
                review.annul_call(self.call, user=request.user, statement=form.cleaned_data["statement"])
            except review.ReviewRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, _("The call was annulled; its page shows the annulment."))
                return redirect(f"{OFFERS}:annulment", call_id=self.call.pk)
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        call = self.call
        counts = dict(
            Offer.objects.filter(call=call)
            .received()
            .values_list("status")
            .annotate(count=Count("pk"))
            .values_list("status", "count")
        )
        context.update(
            call=call,
            annulment=Annulment.objects.filter(call=call).select_related("decided_by").first(),
            ground=review.annulment_ground(call),
            may_annul=self.may_annul,
            counts=[(status.label, counts[status]) for status in OfferStatus if status in counts],
        )
        return context
