"""The volunteer's side of one-to-one help ("Stała pomoc"): their matches on the dashboard, a
page per match, accepting, declining with a reason and leaving an active match.

What the page shows follows the match's state, never more: while a proposal waits for the
answer, an anonymous description of the help (what, where in town, when, how much, what it
requires) and why the volunteer was asked; once they accepted, `Match.permitted_contact`
(a first name, where to come, a phone) and nothing else of the beneficiary's record. Only
the signed-in volunteer's own matches are ever reached (`volunteer__user=request.user`);
another person's match answers 404 like one that does not exist. Transitions go through
`volunteers.services.matches`, whose refusals are shown, never a server error.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from volunteers import services
from volunteers.match_forms import DeclineMatchForm, LeaveMatchForm
from volunteers.models import Match, MatchStatus
from volunteers.reasons import describe, describe_slots, from_stored
from volunteers.services.matches import MatchRefused

MATCH_RELATED = ("need__beneficiary__district", "need__language", "need__disability", "centre__site")


def own_match(request, pk):
    """The signed-in volunteer's match `pk`, or 404 (also for anyone else's)."""
    return get_object_or_404(Match.objects.select_related(*MATCH_RELATED), pk=pk, volunteer__user=request.user)


def requirements(need):
    """The need's requirements in words; the preferred gender stays with the staff."""
    texts = []
    if need.child_involved:
        texts.append(_("A child is involved: all your child-protection checks must be valid."))
    if need.language_id:
        texts.append(_("Language: %(language)s") % {"language": need.language.name})
    if need.disability_id:
        texts.append(_("Experience with: %(disability)s") % {"disability": need.disability.name})
    if need.needs_licence:
        texts.append(_("A driving licence"))
    if need.needs_car:
        texts.append(_("Your own car"))
    return texts


def anonymous_description(match):
    """What the help is, with nothing that names or locates the person helped."""
    need = match.need
    return {
        "category": need.get_category_display(),
        "district": need.beneficiary.district.name,
        "times": describe_slots(need.slots),
        "hours_per_week": need.hours_per_week,
        "start_date": need.start_date,
        "requirements": requirements(need),
    }


def why_asked(match):
    """The engine's reasons kept with the match, worded with the centre's own names."""
    if not match.reasons:
        return []
    labels = services.matching.load_labels(match.centre)
    return [describe(reason, labels) for reason in from_stored(match.reasons)]


def render_match(request, match, decline_form=None):
    context = {
        "match": match,
        "help": anonymous_description(match),
        "reasons": why_asked(match) if match.status == MatchStatus.PROPOSED else [],
        # Computed by the model from the state: None until the volunteer accepted.
        "contact": match.permitted_contact,
        "decline_form": decline_form or DeclineMatchForm(),
        "is_proposed": match.status == MatchStatus.PROPOSED,
        "is_active": match.status == MatchStatus.ACTIVE,
    }
    return render(request, "volunteers/matches/detail.html", context)


@login_required
@require_http_methods(["GET", "HEAD"])
def match_page(request, pk):
    return render_match(request, own_match(request, pk))


@login_required
@require_POST
def accept_match(request, pk):
    match = own_match(request, pk)
    try:
        services.matches.accept(match, match.volunteer)
    except MatchRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Thank you! The coordinator has been told. Below is how to reach the person."))
    return redirect("volunteers:match", pk=match.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def decline_match(request, pk):
    """GET shows the match page with the form; POST declines, or shows the form again with
    the reason typed and the error at the field."""
    match = own_match(request, pk)
    if request.method != "POST":
        return render_match(request, match)
    form = DeclineMatchForm(request.POST)
    if form.is_valid():
        try:
            services.matches.decline(match, match.volunteer, form.cleaned_data["reason"])
        except MatchRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("You have declined the proposal. The coordinator has been told."))
            return redirect("volunteers:dashboard")
    match.refresh_from_db()
    return render_match(request, match, decline_form=form)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def leave_match(request, pk):
    """Ending active help asks "are you sure, and why?" on a page of its own."""
    match = own_match(request, pk)
    if match.status != MatchStatus.ACTIVE:
        messages.info(request, _("This match is no longer active."))
        return redirect("volunteers:match", pk=match.pk)
    form = LeaveMatchForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.matches.leave(match, match.volunteer, form.cleaned_data["reason"])
        except MatchRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(
                request, _("You have ended the help. Thank you for your time; the coordinator has been told.")
            )
            return redirect("volunteers:dashboard")
    context = {"match": match, "help": anonymous_description(match), "form": form}
    return render(request, "volunteers/matches/leave.html", context)


urlpatterns = [
    path("moje/stala-pomoc/<int:pk>/", match_page, name="match"),
    path("moje/stala-pomoc/<int:pk>/przyjmij/", accept_match, name="match_accept"),
    path("moje/stala-pomoc/<int:pk>/odmow/", decline_match, name="match_decline"),
    path("moje/stala-pomoc/<int:pk>/zakoncz/", leave_match, name="match_leave"),
]


def dashboard_context(profile):
    """The volunteer's matches for "Mój wolontariat", newest first, in one query."""
    if profile is None:
        return {}
    matches = Match.objects.filter(volunteer=profile).select_related("need__beneficiary__district")
    return {
        "matches": [
            {
                "match": match,
                "category": match.need.get_category_display(),
                "district": match.need.beneficiary.district.name,
            }
            for match in matches
        ]
    }
