"""The volunteer's documents and data: agreement and certificate PDFs, the export of
everything stored about them, and erasing the volunteer profile.

Every object is looked up among the signed-in person's own, so another volunteer's
agreement or certificate answers 404, exactly like one that does not exist.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.pdf import pdf_view
from volunteers import services
from volunteers.documents import pdfs
from volunteers.models import Agreement


class EraseProfileForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I understand that my volunteer profile will be deleted: my availability, consents, "
            "applications and agreements cannot be restored."
        ),
        error_messages={"required": _("Tick the box to confirm that you want to delete your volunteer profile.")},
    )


def _own_profile_or_404(request):
    profile = services.profile.own_profile(request.user)
    if profile is None:
        raise Http404("no volunteer profile")
    return profile


@login_required
@pdf_view
def agreement_pdf(request, pk):
    agreement = get_object_or_404(
        Agreement.objects.select_related("volunteer__user", "centre__site", "task"), pk=pk, volunteer__user=request.user
    )
    return pdfs.attachment(pdfs.agreement_pdf(agreement), pdfs.agreement_filename(agreement))


@login_required
@pdf_view
def certificate_pdf(request, centre_id):
    """The certificate of one centre: only where the centre has approved some of their hours."""
    profile = _own_profile_or_404(request)
    centre = pdfs.certificate_centres(profile).select_related("site").filter(pk=centre_id).first()
    if centre is None:
        # Nothing approved there (or no such centre): a word on what to do, never an empty
        # certificate. Still a 404, so the answer says nothing about other people's centres.
        return render(request, "volunteers/documents/no_certificate.html", {"profile": profile}, status=404)
    return pdfs.attachment(pdfs.certificate_pdf(profile, centre), pdfs.certificate_filename(profile, centre))


@login_required
def own_data(request):
    """What the export holds and the link to download it."""
    profile = services.profile.own_profile(request.user)
    if profile is None:
        messages.info(request, _("You do not have a volunteer profile, so there is no volunteer data about you."))
        return redirect("volunteers:dashboard")
    return render(request, "volunteers/documents/own_data.html", {"profile": profile})


@login_required
def own_data_download(request):
    profile = _own_profile_or_404(request)
    return pdfs.attachment(
        services.own_data.export_own_data(profile), services.own_data.EXPORT_FILENAME, "application/zip"
    )


@login_required
def erase_profile(request):
    """Deleting the volunteer profile, after the person ticks that they understand."""
    profile = services.profile.own_profile(request.user)
    if profile is None:
        messages.info(request, _("You do not have a volunteer profile."))
        return redirect("volunteers:dashboard")
    form = EraseProfileForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.own_data.erase_volunteer(profile)
        messages.success(
            request,
            _(
                "Your volunteer profile has been deleted. Hours the centres approved stay in their statistics "
                "without your name. Your account stays: you can delete it on your account page."
            ),
        )
        return redirect("volunteers:dashboard")
    context = {
        "form": form,
        "profile": profile,
        "approved_hours": pdfs.format_hours(services.hours.approved_total(profile.hours.all())),
    }
    return render(request, "volunteers/documents/erase.html", context)


urlpatterns = [
    path("moje/porozumienia/<int:pk>/", agreement_pdf, name="agreement_pdf"),
    path("moje/zaswiadczenie/<int:centre_id>/", certificate_pdf, name="certificate_pdf"),
    path("moje/dane/", own_data, name="own_data"),
    path("moje/dane/pobierz/", own_data_download, name="own_data_download"),
    path("profil/usun/", erase_profile, name="profile_erase"),
]


def dashboard_context(profile):
    """What the dashboard shows about documents and own data: the volunteer's agreements and
    a certificate link for each centre that approved some of their hours (two queries)."""
    if profile is None:
        return {}
    return {
        "agreements": list(profile.agreements.select_related("task", "centre__site").order_by("-starts_on", "-pk")),
        "certificate_centres": list(pdfs.certificate_centres(profile).select_related("site")),
    }
