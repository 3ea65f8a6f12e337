"""Writing one section of an offer: the draft keeps exactly what was typed, on every save.

A save never needs JavaScript: "Save", "Save and go to next section", "Add a row" and the
rows' "remove" boxes are plain form controls, and every POST is saved, valid or not, then
redirected (post/redirect/get). With JavaScript (static/ngo_grants/offer.js) the same URL
takes autosaves (header `X-Autosave: 1`, answered with JSON). A POST that arrives after the
session ended is kept through the login (core.posted) and put back into the draft after it;
one with more fields than Django parses keeps what fits.

Only the organisation's writers edit (during a correction, only the sections it reopened); its
other members read; the centre's grants staff read
offers in the hub and the admin, never here, so they get 404 like anyone outside.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.posted import keep_post_through_login, take_kept_post, tolerate_many_fields
from ngo_grants.budget import running_totals
from ngo_grants.models import Offer
from ngo_grants.money import format_zloty
from ngo_grants.permissions import can_edit_section
from ngo_grants.sections import (
    MAX_ROWS,
    ROW_TITLES,
    SECTIONS,
    SECTIONS_BY_KEY,
    bind,
    lines_other,
    next_section,
    raw_from_post,
    rows_dropped,
)
from ngo_grants.services.offers import OfferLocked, save_section

# Every row set at its maximum, each row with its fields and a "remove" box, with room for
# the management forms, the buttons and the token: more fields than this are not an offer.
MAX_FIELDS = 2_500


class SectionConverter:
    """Only the keys of SECTIONS: other words after /oferty/<pk>/ belong to other views."""

    regex = "|".join(section.key for section in SECTIONS)

    def to_python(self, value):
        return SECTIONS_BY_KEY[value]

    def to_url(self, value):
        return value.key if hasattr(value, "key") else str(value)


def section_url(offer, section):
    return f"/oferty/{offer.pk}/{section.key}/"


def problem_url(offer, problem):
    """Where a problem of validate_draft is corrected: its section (at its field) or the
    attachments."""
    if problem.section == "attachments":
        return f"/oferty/{offer.pk}/zalaczniki/"
    anchor = f"#{problem.anchor}" if problem.anchor else ""
    return f"/oferty/{offer.pk}/{problem.section}/{anchor}"


@tolerate_many_fields(MAX_FIELDS)
@keep_post_through_login
def offer_section(request, pk, section):
    offer = get_object_or_404(
        Offer.objects.of_member(request.user).select_related("call", "task", "organisation"), pk=pk
    )
    may_edit = can_edit_section(request.user, offer, section.key)
    if request.method == "POST":
        return _post(request, offer, section, may_edit)
    if request.method != "GET":
        raise Http404
    _restore_kept(request, offer, section, may_edit)
    offer.refresh_from_db(fields=["draft", "updated_at", "status"])
    return _page(request, offer, section, may_edit=can_edit_section(request.user, offer, section.key))


def _post(request, offer, section, may_edit):
    autosave = bool(request.headers.get("X-Autosave"))
    if request.fields_dropped and not request.POST:
        # Nothing could be read (a multipart body over Django's limits): saving it would empty
        # the section.
        message = _("The form sent more than an offer can have and could not be read; nothing was changed.")
        if autosave:
            return JsonResponse({"saved": False, "message": message}, status=400)
        messages.error(request, message)
        return redirect(section_url(offer, section))
    raw = raw_from_post(section, request.POST)
    try:
        offer = save_section(offer, section, raw, user=request.user)
    except OfferLocked:
        message = _(
            "This offer was submitted or withdrawn meanwhile, so these changes were not saved. "
            "What you typed is shown below: copy what you need."
        )
        if autosave:
            return JsonResponse({"saved": False, "message": message}, status=409)
        messages.error(request, message)
        return _page(request, offer, section, may_edit=False, typed=raw)
    except PermissionDenied:
        if autosave:
            return JsonResponse({"saved": False, "message": _("You may only read this offer.")}, status=403)
        raise
    at = timezone.localtime(offer.updated_at).strftime("%H:%M")
    if autosave:
        return JsonResponse({"saved": True, "at": at, "message": _("Saved at %(time)s") % {"time": at}})
    messages.success(request, _("Saved at %(time)s.") % {"time": at})
    _tell_what_was_dropped(request, raw)
    added = request.POST.get("add_row")
    if added in {name for name, _form, _minimum in section.rows}:
        return redirect(f"{section_url(offer, section)}?add={added}#{section.key}-{added}-rows")
    following = next_section(section)
    if request.POST.get("action") == "next":
        return redirect(section_url(offer, following) if following else f"/oferty/{offer.pk}/")
    return redirect(section_url(offer, section))


def _tell_what_was_dropped(request, raw):
    if request.fields_dropped:
        messages.warning(
            request,
            _("The form sent more fields than an offer has; what came first was kept and saved, the rest was not."),
        )
    for name, sent in rows_dropped(raw).items():
        messages.warning(
            request,
            _("%(rows)s: %(sent)s rows were sent, at most %(max)s can be kept; the first %(max)s were saved.")
            % {"rows": ROW_TITLES[name], "sent": sent, "max": MAX_ROWS[name]},
        )


def _restore_kept(request, offer, section, may_edit):
    kept = take_kept_post(request)
    if kept is None:
        return
    if not may_edit:
        messages.warning(
            request, _("What was typed before signing in was not put back: this account may not edit this offer.")
        )
        return
    try:
        save_section(offer, section, raw_from_post(section, kept), user=request.user)
    except OfferLocked:
        messages.error(request, _("What was typed before signing in was not saved: the offer is no longer a draft."))
        return
    messages.success(request, _("What you typed before you were signed out was put back into the form and saved."))


def _page(request, offer, section, *, may_edit, typed=None):
    """The section's page. A section saved before is bound to the draft, errors and all; a
    new one shows its initial values; a read-only one its values in disabled fields; `typed`
    (a refused save) is shown as typed."""
    raw = typed if typed is not None else offer.draft.get(section.key)
    saved = typed is not None or section.key in offer.draft
    read_only = not may_edit and typed is None
    added = request.GET.get("add", "")
    bound = bind(
        section,
        raw if saved else _initial(section, offer, request.user),
        offer,
        bound=saved and not read_only,
        extra_rows=(added,) if may_edit else (),
    )
    errors = bound.errors() if saved and not read_only else []
    if read_only:
        _disable(bound)
    context = {
        "offer": offer,
        "section": section,
        "bound": bound,
        "form": bound.form,
        "rowsets": [
            (name, ROW_TITLES[name], rowset, _rows_shown(rowset, read_only), MAX_ROWS[name])
            for name, rowset in bound.rowsets.items()
        ],
        "errors": errors,
        "may_edit": may_edit,
        "locked": typed is not None,
        "read_only": read_only,
        "sections": [(item, section_url(offer, item)) for item in SECTIONS],
        "next_section": next_section(section),
        "hub_url": f"/oferty/{offer.pk}/",
    }
    if section.key == "costs":
        totals = running_totals((raw or {}).get("lines", []) if saved else [])
        context["totals"] = {key: format_zloty(getattr(totals, key)) for key in ("total", "grant", "other")}
    if section.key == "financing":
        other = lines_other(offer)
        context["lines_other"] = format_zloty(other) if other is not None else ""
    if section.key == "offeror":
        context["organisation"] = offer.organisation
    return render(request, "ngo_grants/offer_section.html", context)


def _rows_shown(rowset, read_only):
    """The rows to show: a row set without rows still shows one empty row to type into (without
    errors of its own; the row set's "add at least one" says what is missing)."""
    if rowset.forms or read_only:
        return rowset.forms
    return [rowset.form(prefix=rowset.add_prefix(0), empty_permitted=True, use_required_attribute=False)]


def _initial(section, offer, user):
    """What a section never saved starts with: the contact person is the one writing."""
    if section.key == "offeror":
        return {"contact_name": user.get_full_name(), "contact_email": user.email}
    return {}


def _disable(bound):
    for form in [bound.form, *[row for rowset in bound.rowsets.values() for row in rowset.forms]]:
        for field in form.fields.values():
            field.disabled = True
