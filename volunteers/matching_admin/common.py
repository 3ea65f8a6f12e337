"""What every matching screen shares: who may open them, which centre, how people and needs are
named, and how the engine's proposals become rows a person reads."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.permissions import centres_for
from core.numbers import parse_id
from volunteers.models import Gender
from volunteers.reasons import describe, describe_slots
from volunteers.roles import VOLUNTEERING_STAFF

NAMESPACE = "matches"


def staff_centres(user):
    return centres_for(user, *VOLUNTEERING_STAFF).order_by("short_name", "pk")


def may_match(user):
    return user.is_authenticated and user.is_active and staff_centres(user).exists()


class MatchingAccessMixin:
    """Only the centres' volunteering staff (and superusers); everyone else is turned away
    before anything is read. Rows are then scoped by the querysets each view uses."""

    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not may_match(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


def chosen_centre(request):
    """(the centre the person works on, all their centres): `?centre=<pk>` picks one of their
    own; anything else named there is not found, never another centre's plan."""
    centres = list(staff_centres(request.user))
    raw = request.GET.get("centre", "")
    if not raw:
        return centres[0], centres
    pk = parse_id(raw)
    for centre in centres:
        if centre.pk == pk:
            return centre, centres
    raise Http404


def person_name(profile):
    if profile is None:
        return _("(volunteer account deleted)")
    return profile.user.get_full_name() or profile.user.email


def need_title(need):
    return f"{need.beneficiary.name} – {need.get_category_display()}"


def need_summary(need, labels=None):
    """[(label, value)] of what the need asks for: the anonymous description volunteers are
    shown, which staff read too (the beneficiary's name is shown by the page itself)."""
    rows = [
        (_("Category"), need.get_category_display()),
        (_("District"), need.beneficiary.district.name),
        (_("Preferred times"), describe_slots(need.slots) or "—"),
        (_("Hours per week"), str(need.hours_per_week)),
        (_("Start date"), date_format(need.start_date, "SHORT_DATE_FORMAT")),
    ]
    skills = [skill.name for skill in need.skills.all()]
    if skills:
        rows.append((_("Skills needed"), ", ".join(sorted(skills))))
    rows.append((_("Requirements"), "; ".join(requirements(need)) or _("none")))
    rows.append((_("Status"), need.get_status_display()))
    return rows


def requirements(need):
    found = []
    if need.child_involved:
        found.append(_("a child is involved: every child-protection check valid"))
    if need.preferred_gender:
        found.append(_("volunteer's gender: %(gender)s") % {"gender": Gender(need.preferred_gender).label})
    if need.language_id:
        found.append(_("language: %(language)s") % {"language": need.language.name})
    if need.disability_id:
        found.append(_("experience with: %(disability)s") % {"disability": need.disability.name})
    if need.needs_licence:
        found.append(_("driving licence"))
    if need.needs_car:
        found.append(_("own car"))
    return found


def worded(reasons, labels):
    return [describe(reason, labels) for reason in reasons]


def candidate_rows(ranked, excluded, pool):
    """The ranked candidates and the excluded volunteers of one need, as rows to show."""
    candidates = [
        {
            "profile": pool.profiles[proposal.volunteer_id],
            "name": person_name(pool.profiles[proposal.volunteer_id]),
            "score": proposal.score,
            "reasons": worded(proposal.reasons, pool.labels),
        }
        for proposal in ranked
    ]
    nearby, elsewhere = [], []
    for volunteer_id, reasons in excluded:
        row = {"name": person_name(pool.profiles[volunteer_id]), "reasons": worded(reasons, pool.labels)}
        (elsewhere if any(reason.code == "district" for reason in reasons) else nearby).append(row)
    for rows in (nearby, elsewhere):
        rows.sort(key=lambda row: row["name"].lower())
    return candidates, nearby, elsewhere


def centre_query(centre, centres):
    """The `?centre=` part of links, only when the person works in more than one centre."""
    return f"?centre={centre.pk}" if len(centres) > 1 else ""


def detail_url(match):
    return reverse(f"{NAMESPACE}:detail", args=[match.pk])
