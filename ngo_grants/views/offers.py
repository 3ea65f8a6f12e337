"""An offer's hub: what it answers, where it stands, and its sections to write (`sections`)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import path, register_converter
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ngo_grants.models import Agreement, FormalDecision, Grant, Offer
from ngo_grants.permissions import can_edit_offer, can_write_offers
from ngo_grants.sections import SECTIONS, section_state, validate_draft
from ngo_grants.services.agreements import needs_update
from ngo_grants.views import sections

STATES = {
    "new": _("not started"),
    "invalid": _("to correct"),
    "complete": _("complete"),
    "kept": _("stays as submitted"),
}


@login_required
def offer_detail(request, pk):
    """The offer's hub for members and the centre's grants staff (anyone else gets 404, as for
    an offer that does not exist). A draft lists its sections with their state and what still
    stands in the way of submitting; a submitted or withdrawn offer shows its frozen version;
    during a correction, what the centre asked for, by when, and the sections it reopened."""
    offer = get_object_or_404(
        Offer.objects.for_user(request.user).select_related("call", "task", "organisation"), pk=pk
    )
    member = offer.organisation.role_of(request.user) is not None
    context = {
        "offer": offer,
        "version": offer.latest_version(),
        "member": member,
        "may_edit": can_edit_offer(request.user, offer),
        "may_write": can_write_offers(request.user, offer.organisation),
        "closes_at": offer.call.closes_at,
        "deadline_passed": offer.call.closes_at <= timezone.now(),
        "attachments_url": f"/oferty/{offer.pk}/zalaczniki/",
        "submit_url": f"/oferty/{offer.pk}/zloz/",
        "correction": offer.open_correction(),
        "decision": FormalDecision.objects.filter(offer=offer).first(),
        "grant": Grant.objects.filter(offer=offer).select_related("decision").first(),
        "needs_update": needs_update(offer),
        "agreement": Agreement.objects.filter(offer=offer).first(),
    }
    if offer.editable:
        context["sections"] = [
            {
                "section": section,
                "state": state,
                "state_label": STATES[state],
                "url": sections.section_url(offer, section) if member else "",
            }
            for section in SECTIONS
            for state in [section_state(offer, section) if offer.section_editable(section.key) else "kept"]
        ]
        if member:
            _content, problems = validate_draft(offer)
            context["problems"] = [
                {"problem": problem, "url": sections.problem_url(offer, problem)} for problem in problems
            ]
    return render(request, "ngo_grants/offer.html", context)


register_converter(sections.SectionConverter, "offer_section")

urlpatterns = [
    path("oferty/<int:pk>/", offer_detail, name="offer"),
    path("oferty/<int:pk>/<offer_section:section>/", sections.offer_section, name="offer_section"),
]
