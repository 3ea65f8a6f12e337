"""Starting an offer for one public task of an open call.

The member picks the organisation that writes it (by default the one they act for, see
ACTING_ORGANISATION); a draft the organisation already began for the task is continued rather
than doubled, also when the button is pressed twice. An organisation this centre has not yet
verified may write; submitting waits for the verification.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from core.forms import ModelChoiceField
from core.numbers import parse_id
from ngo_grants.models import Offer, Organisation, PublicTask
from ngo_grants.permissions import WRITERS
from ngo_grants.services.offers import start_offer
from ngo_grants.workflow import OfferStatus

# Set by the organisation switcher; the organisation the member last chose to act for.
ACTING_ORGANISATION = "ngo_acting_organisation"
NEW_ORGANISATION_PATH = "/organizacje/nowa/"


class StartOfferForm(forms.Form):
    organisation = ModelChoiceField(
        label=_("Organisation writing the offer"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Choose the organisation that writes the offer."),
            "invalid_choice": _("Choose one of your organisations from the list."),
        },
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


def task_of_this_site(request, task_id):
    """The public task of a live call of this site's centre, or 404."""
    if parse_id(task_id) is None:
        raise Http404
    site = Site.find_for_request(request)
    tasks = PublicTask.objects.select_related("call").filter(call__live=True)
    if site is not None:
        tasks = tasks.filter(call__path__startswith=site.root_page.path)
    return get_object_or_404(tasks, pk=task_id)


def drafts_of(organisations, task):
    return Offer.objects.filter(task=task, organisation__in=organisations, status=OfferStatus.DRAFT)


def start_or_continue(user, organisation, task):
    """The organisation's draft for `task`: the one it began, or a new one. The organisation's
    row is locked, so two presses of the button leave one draft."""
    with transaction.atomic():
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        existing = drafts_of([organisation], task).order_by("created_at").first()
        return existing or start_offer(user=user, organisation=organisation, task=task), existing is not None


@login_required
def offer_start(request, task_id):
    task = task_of_this_site(request, task_id)
    call = task.call
    organisations = Organisation.objects.of_member(request.user, WRITERS)
    acting = parse_id(request.session.get(ACTING_ORGANISATION, ""))
    initial = {"organisation": acting} if acting and organisations.filter(pk=acting).exists() else {}
    # An empty POST is a refused form too (the choice is required), not the page as for a GET.
    data = request.POST if request.method == "POST" else None
    form = StartOfferForm(data, organisations=organisations, initial=initial)
    if form.is_bound and form.is_valid():
        if not call.is_open():
            form.add_error(None, _("Offers to this call are not accepted now."))
        else:
            organisation = form.cleaned_data["organisation"]
            offer, continued = start_or_continue(request.user, organisation, task)
            request.session[ACTING_ORGANISATION] = organisation.pk
            if continued:
                messages.info(request, _("Your organisation had already begun an offer for this task: continue it."))
            return redirect("ngo_grants:offer", pk=offer.pk)
    centre = call.centre()
    own = list(organisations)
    return render(
        request,
        "ngo_grants/offer_start.html",
        {
            "task": task,
            "call": call,
            "open_now": call.is_open(),
            "form": form,
            "organisations": own,
            "drafts": drafts_of(organisations, task).select_related("organisation"),
            "unverified": [org for org in own if not org.is_verified_by(centre)],
            "centre": centre,
            "new_organisation_url": NEW_ORGANISATION_PATH,
        },
    )


urlpatterns = [
    path("oferty/nowa/<int:task_id>/", offer_start, name="offer_start"),
]
