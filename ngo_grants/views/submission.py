"""Submitting, withdrawing and copying an offer, and its confirmation PDF.

Only the organisation's writers reach the submit, withdraw and copy screens (anyone else gets
404, as for an offer that does not exist); the confirmation is read like the offer itself.
Every decision is the service's: these views only say what it decided.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.downloads import private_download
from core.pdf import PDF_CONTENT_TYPE, pdf_view, render_pdf
from ngo_grants.models import Offer
from ngo_grants.permissions import WRITERS
from ngo_grants.sections import SECTIONS_BY_KEY, serialise, validate_draft
from ngo_grants.services.submission import (
    AlreadySubmitted,
    SubmissionRefused,
    copy_offer,
    submit_offer,
    window_problem,
    withdraw_offer,
)
from ngo_grants.views.attachments import attachments_url, readable_offer
from ngo_grants.workflow import OfferStatus


def writable_offer(request, pk):
    """The offer if `request.user` writes its organisation's offers; else 404."""
    offers = Offer.objects.of_member(request.user, WRITERS).select_related("call", "task", "organisation", "centre")
    return get_object_or_404(offers, pk=pk)


def offer_url(offer):
    return reverse("ngo_grants:offer", args=[offer.pk])


def problem_links(offer, problems):
    """(message, where to correct it) for each problem: its section's page or the attachments."""
    # The section pages (/oferty/<pk>/<section>/) belong to the offer editor.
    return [
        (
            str(problem.message),
            f"/oferty/{offer.pk}/{problem.section}/" if problem.section in SECTIONS_BY_KEY else attachments_url(offer),
        )
        for problem in problems
    ]


def check_context(offer, refusal=None):
    """What the check page shows: every problem, the window and the deadline with time left."""
    now = timezone.now()
    _content, problems = validate_draft(offer, attachments=list(offer.attachments.select_related("required")))
    if refusal is not None and refusal.problems:
        problems = refusal.problems
    correction = None
    if offer.status == OfferStatus.CORRECTION:
        # A correction has its own deadline; the call's window and the verification were met.
        correction = offer.open_correction()
        due = correction.due_at if correction else now
        blockers = [_("The time to correct this offer has ended.") if now > due else None]
        closes_at, is_open = due, now <= due
    else:
        blockers = [window_problem(offer.call, now)]
        if not offer.organisation.is_verified_by(offer.centre):
            blockers.append(_("%(centre)s has not verified your organisation yet.") % {"centre": offer.centre})
        closes_at, is_open = offer.call.closes_at, offer.call.is_open(now)
    return {
        "correction": correction,
        "offer": offer,
        "problems": problem_links(offer, problems),
        "blockers": [blocker for blocker in blockers if blocker],
        "refusal": refusal.message if refusal is not None else "",
        "closes_at": closes_at,
        "open": is_open,
    }


@login_required
def offer_submit(request, pk):
    """GET: the check before submitting; POST: submit. A second POST (a double click, another
    tab) is no error: the offer was submitted, and the page says so."""
    offer = writable_offer(request, pk)
    if request.method == "POST":
        try:
            offer = submit_offer(offer, user=request.user)
        except AlreadySubmitted as refusal:
            messages.info(request, refusal.message)
            return redirect(offer_url(offer))
        except SubmissionRefused as refusal:
            return render(request, "ngo_grants/submit.html", check_context(offer, refusal))
        messages.success(
            request,
            _("The offer was submitted as no. %(number)s. The confirmation is on its way by e-mail.")
            % {"number": offer.number},
        )
        return redirect(offer_url(offer))
    if offer.status == OfferStatus.SUBMITTED:
        messages.info(request, _("This offer was already submitted as no. %(number)s.") % {"number": offer.number})
        return redirect(offer_url(offer))
    if not offer.editable:
        messages.info(request, _("This offer is no longer a draft."))
        return redirect(offer_url(offer))
    return render(request, "ngo_grants/submit.html", check_context(offer))


@login_required
def offer_withdraw(request, pk):
    """GET asks "are you sure?" on a page of its own; POST withdraws, before the deadline."""
    offer = writable_offer(request, pk)
    if request.method == "GET":
        if offer.status != OfferStatus.SUBMITTED:
            messages.info(request, _("Only a submitted offer can be withdrawn."))
            return redirect(offer_url(offer))
        return render(request, "ngo_grants/withdraw.html", {"offer": offer})
    try:
        withdraw_offer(offer, user=request.user)
    except SubmissionRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request, _("The offer was withdrawn. Before the deadline you can start a new one from it and submit that.")
        )
    return redirect(offer_url(offer))


@login_required
@require_POST
def offer_copy(request, pk):
    offer = writable_offer(request, pk)
    try:
        copy = copy_offer(offer, user=request.user)
    except SubmissionRefused as refusal:
        messages.error(request, refusal.message)
        return redirect(offer_url(offer))
    messages.success(request, _("A new draft was started from the offer, with copies of its attachments."))
    return redirect(offer_url(copy))


@login_required
@pdf_view
def offer_confirmation(request, pk):
    """The confirmation of the submitted version: every section, the budget, the attachments
    with their SHA-256, the number, the time and the checksum of the content."""
    offer = readable_offer(request, pk)
    version = offer.versions.order_by("-number").first()
    if version is None:
        raise Http404
    context = {
        "offer": offer,
        "version": version,
        "content": version.content,
        "centre": offer.centre,
        "byte_count": len(serialise(version.content)),
    }
    with translation.override(settings.LANGUAGE_CODE):
        pdf = render_pdf("ngo_grants/pdf/confirmation.html", context)
    name = "potwierdzenie-oferty-" + offer.number.replace("/", "-") + ".pdf"
    return private_download(pdf, name, PDF_CONTENT_TYPE)


urlpatterns = [
    path("oferty/<int:pk>/zloz/", offer_submit, name="offer_submit"),
    path("oferty/<int:pk>/wycofaj/", offer_withdraw, name="offer_withdraw"),
    path("oferty/<int:pk>/nowa-z-tej/", offer_copy, name="offer_copy"),
    path("oferty/<int:pk>/potwierdzenie.pdf", offer_confirmation, name="offer_confirmation"),
]
