"""Writing an offer, section by section."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import path

from ngo_grants.models import Offer
from ngo_grants.sections import SECTIONS


@login_required
def offer_detail(request, pk):
    """The offer's overview: its state, number and sections; members and the centre's grants
    staff only (anyone else gets 404, as for an offer that does not exist)."""
    offer = get_object_or_404(
        Offer.objects.for_user(request.user).select_related("call", "task", "organisation"), pk=pk
    )
    return render(
        request,
        "ngo_grants/offer.html",
        {"offer": offer, "sections": SECTIONS, "version": offer.latest_version()},
    )


urlpatterns = [
    path("oferty/<int:pk>/", offer_detail, name="offer"),
]
