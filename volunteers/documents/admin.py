"""PDF downloads for coordinators: a volunteer's agreement and certificate.

Not in the menu: the volunteer's profile and the agreements screen link here. Each download
is looked up among what the person may see (their centre's agreements, volunteers who
applied to or were imported by their centre), so another centre's document answers 404.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from wagtail.admin.viewsets.base import ViewSet

from accounts.permissions import centres_for
from core.numbers import parse_id, plausible_id
from core.pdf import pdf_view
from volunteers.documents import pdfs
from volunteers.models import Agreement, HoursEntry, HoursStatus
from volunteers.permissions import profiles_of_centre
from volunteers.roles import VOLUNTEERING_STAFF


@pdf_view
def agreement_pdf(request, pk):
    agreement = get_object_or_404(
        Agreement.objects.visible_to(request.user).select_related("volunteer__user", "centre__site", "task"), pk=pk
    )
    return pdfs.attachment(pdfs.agreement_pdf(agreement), pdfs.agreement_filename(agreement))


def staff_centre(request, profile_id):
    """The centre the certificate is issued by: `?centre=<id>` among the person's own
    coordinating centres; else the first of them that approved the volunteer's hours, else
    simply the first."""
    centres = centres_for(request.user, *VOLUNTEERING_STAFF).select_related("site").order_by("pk")
    chosen = request.GET.get("centre", "")
    if chosen:
        return get_object_or_404(centres, pk=parse_id(chosen) or 0)
    approved = HoursEntry.objects.filter(volunteer_id=profile_id, status=HoursStatus.APPROVED).values("centre")
    centre = centres.filter(pk__in=approved).first() or centres.first()
    if centre is None:
        raise Http404("no centre")
    return centre


@pdf_view
def certificate_pdf(request, profile_id):
    """The certificate of the hours the coordinator's centre approved for one of its volunteers."""
    if not plausible_id(profile_id):
        raise Http404("no such volunteer")
    centre = staff_centre(request, profile_id)
    profile = get_object_or_404(profiles_of_centre(request.user, centre).select_related("user"), pk=profile_id)
    if not pdfs.approved_hours(profile, centre).exists():
        # The link is not offered then; an old bookmark gets a word, not an empty certificate.
        messages.info(
            request, _("The centre has not approved any hours of this volunteer yet: there is nothing to certify.")
        )
        return redirect("volunteer_people:detail", profile.pk)
    return pdfs.attachment(pdfs.certificate_pdf(profile, centre), pdfs.certificate_filename(profile, centre))


class VolunteerDocumentsViewSet(ViewSet):
    """URL names: `volunteer_documents:agreement` (pk) and `volunteer_documents:certificate`
    (profile_id, optional ?centre=)."""

    name = "volunteer_documents"
    url_prefix = "wolontariat-dokumenty"

    def get_urlpatterns(self):
        return [
            path("porozumienie/<int:pk>/", agreement_pdf, name="agreement"),
            path("zaswiadczenie/<int:profile_id>/", certificate_pdf, name="certificate"),
        ]
