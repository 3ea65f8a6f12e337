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

from ngo_grants.committee_forms import CONFLICT, DeclarationForm
from ngo_grants.models import CallPage, CommitteeMember, Declaration, Offer
from ngo_grants.services import committee as service


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
    for offer in offers:
        offer.declaration = service.declaration_of(member, offer)
    context = {"call": call, "member": member, "offers": offers}
    if member.chair:
        context["declarations"] = Declaration.objects.filter(member__committee=member.committee).select_related(
            "member__user", "offer__organisation"
        )
    return render(request, "ngo_grants/committee/call.html", context)


@login_required
def committee_offer(request, offer_id):
    """GET: the declaration first, then the offer; POST: the declaration."""
    offer = get_object_or_404(Offer.objects.select_related("call", "organisation", "task"), pk=offer_id)
    member = _seat_or_404(request.user, offer.call)
    if offer.status not in service.BEFORE_COMMITTEE:
        raise Http404
    declaration = service.declaration_of(member, offer)
    if declaration is not None and declaration.conflict:
        raise PermissionDenied
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
        context["version"] = offer.latest_version()
    return render(request, "ngo_grants/committee/offer.html", context)


urlpatterns = [
    path("komisja/", seats, name="committee_seats"),
    path("komisja/konkursy/<int:call_id>/", committee_call, name="committee_call"),
    path("komisja/oferty/<int:offer_id>/", committee_offer, name="committee_offer"),
]
