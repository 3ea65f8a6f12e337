"""The matching engine's reasons in the site's language.

The engine (`volunteers.matching`) cannot call gettext, so it returns `Reason` values (a code
and its parameters). This module words each code through gettext, with Django's date and
number formats; `volunteers.matching.reasons.render_pl` is the reference wording the
Polish catalogue follows, and a test keeps every code of the engine covered here.

`labels` maps vocabulary codes ("district:3", "skill:5" …) to the names staff gave them.
"""

from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from volunteers.matching import Reason
from volunteers.matching.data import PARTS_OF_DAY
from volunteers.models import DayPart, Gender


def _weekday_short(day):
    return (_("Mon."), _("Tue."), _("Wed."), _("Thu."), _("Fri."), _("Sat."), _("Sun."))[day]


def _part_plural(part):
    return {
        DayPart.MORNING: _("mornings"),
        DayPart.AFTERNOON: _("afternoons"),
        DayPart.EVENING: _("evenings"),
    }[part]


def describe_slots(slots):
    """(weekday, part) pairs as "Mon. and Wed. afternoons; Sat. mornings"."""
    groups = []
    for part in PARTS_OF_DAY:
        days = sorted(day for day, p in slots if p == part)
        if days:
            groups.append(
                _("%(days)s %(part)s")
                % {"days": get_text_list([_weekday_short(d) for d in days], _("and")), "part": _part_plural(part)}
            )
    return "; ".join(groups)


def _label(code, labels):
    return (labels or {}).get(code, code)


def _names(codes, labels):
    return ", ".join(sorted(_label(code, labels) for code in codes))


def _gender(value):
    # The engine's reference wording knows "female"/"male"; the models store woman/man.
    return {"female": Gender.WOMAN.label, "male": Gender.MAN.label}.get(value) or dict(Gender.choices).get(value, value)


def _texts():
    return {
        # Hard constraints.
        "district": lambda p, labels: (
            _("district %(district)s is not among the volunteer's districts") % {"district": _label(p[0], labels)}
        ),
        "no_overlap": lambda p, labels: _("no common times"),
        "capacity": lambda p, labels: _("no free place: the limit of matches is reached"),
        "clearance": lambda p, labels: (
            _("no valid child-protection checks on %(date)s") % {"date": date_format(p[0], "d.m.Y")}
        ),
        "age": lambda p, labels: _("younger than %(age)s") % {"age": p[0]},
        "gender": lambda p, labels: _("gender asked for: %(gender)s") % {"gender": _gender(p[0])},
        "language": lambda p, labels: (
            _("does not speak the language required: %(language)s") % {"language": _label(p[0], labels)}
        ),
        "disability": lambda p, labels: _("no experience with: %(disability)s") % {"disability": _label(p[0], labels)},
        # Own contexts: the profile's answers use the same English words with another wording.
        "licence": lambda p, labels: pgettext("matching reason", "no driving licence"),
        "car": lambda p, labels: pgettext("matching reason", "no car"),
        # Score contributions.
        "same_district": lambda p, labels: _("the same district"),
        "hours": lambda p, labels: (
            _("availability overlaps: %(slots)s, about %(hours)s h a week")
            % {"slots": describe_slots(p[0]), "hours": p[1]}
        ),
        "skills": lambda p, labels: _("skills: %(skills)s") % {"skills": _names(p[0], labels)},
        "experience": lambda p, labels: _("experience: %(disability)s") % {"disability": _label(p[0], labels)},
        "shared_language": lambda p, labels: _("shared language: %(language)s") % {"language": _label(p[0], labels)},
        "good_history": lambda p, labels: (
            ngettext("%(count)s earlier match ended well", "%(count)s earlier matches ended well", p[0])
            % {"count": p[0]}
        ),
        "continuity": lambda p, labels: _("has already helped this household"),
        # Why a need is left without a volunteer.
        "nobody_in_district": lambda p, labels: (
            _("no volunteer helps in district %(district)s") % {"district": _label(p[0], labels)}
        ),
        "nobody_free": lambda p, labels: _("nobody in the district is available at these times"),
        "requirements_unmet": lambda p, labels: (
            _("nobody available meets the requirements: %(reasons)s")
            % {"reasons": "; ".join(describe(reason, labels) for reason in p[0])}
        ),
        "everyone_at_capacity": lambda p, labels: _(
            "every suitable volunteer already has all the matches they can take"
        ),
        "candidates_taken": lambda p, labels: _("every suitable volunteer fits another need better"),
    }


def describe(reason: Reason, labels=None) -> str:
    return _texts()[reason.code](reason.params, labels)


def to_stored(reasons):
    """`Reason`s as JSON keeps them: [code, params] with lists for tuples."""

    def freeze(value):
        if isinstance(value, (tuple, list, frozenset, set)):
            return [freeze(v) for v in value]
        return value

    return [[reason.code, freeze(reason.params)] for reason in reasons]


def from_stored(pairs):
    """`Reason`s back from a match's stored [code, params] pairs (JSON has no tuples)."""

    def thaw(value):
        if isinstance(value, list):
            return tuple(thaw(v) for v in value)
        return value

    return [Reason(code, thaw(params)) for code, params in pairs]
