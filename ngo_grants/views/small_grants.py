"""Small grants on the centre's site: the offers published for comments (anyone reads them and
comments for 7 days), the organisation's own offers and the form to file one, and the
agreement for the organisation once the grant is awarded."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.downloads import private_download
from core.models import Centre
from core.pdf import PDF_CONTENT_TYPE, pdf_view, render_pdf
from ngo_grants.models import Organisation, SmallGrant, SmallGrantStatus
from ngo_grants.permissions import WRITERS
from ngo_grants.services import small_grants as service
from ngo_grants.small_grant_forms import CommentForm, SmallGrantForm


def centre_of(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return Centre.for_site(site)


def readable(request, pk):
    """A small grant of this site's centre that `request.user` may read: a published one for
    anyone; one waiting for publication for its organisation's members and the centre's staff."""
    centre = centre_of(request)
    grants = SmallGrant.objects.filter(centre=centre).select_related("organisation")
    visible = Q(pk__in=grants.public().values("pk"))
    if request.user.is_authenticated:
        visible |= Q(pk__in=grants.of_member(request.user).values("pk"))
        visible |= Q(pk__in=grants.visible_to(request.user).values("pk"))
    return get_object_or_404(grants.filter(visible), pk=pk)


def small_grants(request):
    centre = centre_of(request)
    grants = SmallGrant.objects.filter(centre=centre).public().select_related("organisation")
    own = SmallGrant.objects.filter(centre=centre).of_member(request.user).distinct()
    context = {
        "centre": centre,
        "open": [grant for grant in grants if service.comments_open(grant)],
        "decided": [grant for grant in grants if not service.comments_open(grant)],
        "own": own,
        "may_file": request.user.is_authenticated and Organisation.objects.of_member(request.user, WRITERS).exists(),
    }
    return render(request, "ngo_grants/small_grants.html", context)


@login_required
def file_small_grant(request):
    centre = centre_of(request)
    organisations = Organisation.objects.of_member(request.user, WRITERS).filter(
        verifications__centre=centre, verifications__verified=True
    )
    form = SmallGrantForm(request.POST or None, centre=centre, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            grant = service.file_offer(
                user=request.user,
                organisation=data["organisation"],
                centre=centre,
                title=data["title"],
                public_task=data["public_task"],
                description=data["description"],
                results=data["results"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                lines=form.lines(),
            )
        except service.SmallGrantRefused as refused:
            form.add_error(refused.field or None, refused.message)
        else:
            messages.success(request, _("The offer was filed; the centre publishes it for 7 days of comments."))
            return redirect(reverse("ngo_grants:small_grant", args=[grant.pk]))
    context = {"form": form, "centre": centre, "has_organisation": organisations.exists()}
    return render(request, "ngo_grants/small_grant_file.html", context)


def small_grant(request, pk):
    grant = readable(request, pk)
    form = CommentForm(request.POST or None)
    if request.method == "POST":
        if not service.comments_open(grant):
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                service.comment(grant, name=data["name"], email=data["email"], text=data["text"])
            except service.SmallGrantRefused as refused:
                form.add_error(refused.field or None, refused.message)
            else:
                messages.success(request, _("Thank you: your comment was sent to the centre and is published below."))
                return redirect(reverse("ngo_grants:small_grant", args=[grant.pk]))
    member = grant.organisation.role_of(request.user) is not None
    context = {
        "grant": grant,
        "lines": grant.lines,
        "comments": grant.comments.all(),
        "form": form if service.comments_open(grant) else None,
        "member": member,
        "has_agreement": grant.status == SmallGrantStatus.AGREEMENT and (member or _staff(request, grant)),
    }
    return render(request, "ngo_grants/small_grant.html", context)


def _staff(request, grant):
    return SmallGrant.objects.visible_to(request.user).filter(pk=grant.pk).exists()


@login_required
@pdf_view
def small_grant_agreement(request, pk):
    grant = readable(request, pk)
    if grant.organisation.role_of(request.user) is None and not _staff(request, grant):
        raise Http404
    if grant.status != SmallGrantStatus.AGREEMENT:
        raise Http404
    pdf = render_pdf("ngo_grants/pdf/small_grant_agreement.html", small_agreement_context(grant))
    return private_download(pdf, f"umowa-{grant.agreement_number.replace('/', '-')}.pdf", PDF_CONTENT_TYPE)


def small_agreement_context(grant):
    from ngo_grants.services.agreements import amounts_of

    return {
        "grant": grant,
        "organisation": grant.organisation,
        "representatives": grant.organisation.representatives.all(),
        "centre": grant.centre,
        "lines": [{"name": line["name"], **amounts_of(line)} for line in grant.lines],
    }


urlpatterns = [
    path("male-granty/", small_grants, name="small_grants"),
    path("male-granty/nowy/", file_small_grant, name="small_grant_file"),
    path("male-granty/<int:pk>/", small_grant, name="small_grant"),
    path("male-granty/<int:pk>/umowa.pdf", small_grant_agreement, name="small_grant_agreement"),
]
