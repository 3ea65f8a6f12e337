"""Reasons as small values, and their Polish wording.

A `Reason` is a code with positional parameters. The Django layer renders the same codes
through gettext; `render_pl` is the reference wording (see the package docstring).
"""

from dataclasses import dataclass

from volunteers.matching.data import PARTS_OF_DAY

WEEKDAYS_PL = ("pon.", "wt.", "śr.", "czw.", "pt.", "sob.", "niedz.")
PARTS_PL = {"morning": "rano", "afternoon": "popołudnia", "evening": "wieczory"}
GENDERS_PL = {"female": "kobieta", "male": "mężczyzna"}


@dataclass(frozen=True)
class Reason:
    code: str
    params: tuple = ()


def _label(value, labels):
    return (labels or {}).get(value, value)


def _join(words):
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " i " + words[-1]


def _slots_pl(slots):
    parts = []
    for part in PARTS_OF_DAY:
        days = sorted(weekday for weekday, p in slots if p == part)
        if days:
            parts.append(f"{_join(WEEKDAYS_PL[d] for d in days)} {PARTS_PL[part]}")
    return "; ".join(parts)


def _list(values, labels):
    return ", ".join(sorted(_label(v, labels) for v in values))


# Each code's Polish text; `labels` maps vocabulary codes (skills, languages, disabilities)
# to the names staff gave them.
_TEXTS = {
    # Hard constraints.
    "district": lambda p, labels: f"dzielnica {_label(p[0], labels)} poza dzielnicami wolontariusza",
    "no_overlap": lambda p, labels: "brak wspólnych terminów",
    "capacity": lambda p, labels: "brak wolnych miejsc: osiągnięty limit wsparć",
    "clearance": lambda p, labels: f"brak ważnych zaświadczeń do pracy z dziećmi na dzień {p[0]:%d.%m.%Y}",
    "age": lambda p, labels: f"wiek poniżej {p[0]} lat",
    "gender": lambda p, labels: f"oczekiwana płeć: {GENDERS_PL.get(p[0], p[0])}",
    "language": lambda p, labels: f"brak wymaganego języka: {_label(p[0], labels)}",
    "disability": lambda p, labels: f"brak doświadczenia: {_label(p[0], labels)}",
    "licence": lambda p, labels: "brak prawa jazdy",
    "car": lambda p, labels: "brak samochodu",
    # Score contributions.
    "same_district": lambda p, labels: "ta sama dzielnica",
    "hours": lambda p, labels: f"dostępność pokrywa się: {_slots_pl(p[0])}, ok. {p[1]} h/tydz.",
    "skills": lambda p, labels: f"umiejętności: {_list(p[0], labels)}",
    "experience": lambda p, labels: f"doświadczenie: {_label(p[0], labels)}",
    "shared_language": lambda p, labels: f"wspólny język: {_label(p[0], labels)}",
    "good_history": lambda p, labels: f"udane wcześniejsze wsparcia: {p[0]}",
    "continuity": lambda p, labels: "już pomagał(a) tej rodzinie",
    # Why a need is left without a volunteer.
    "nobody_in_district": lambda p, labels: f"nikt nie pomaga w dzielnicy {_label(p[0], labels)}",
    "nobody_free": lambda p, labels: "nikt z dzielnicy nie jest dostępny w tych terminach",
    "requirements_unmet": lambda p, labels: (
        "nikt dostępny nie spełnia wymagań: " + "; ".join(render_pl(r, labels) for r in p[0])
    ),
    "everyone_at_capacity": lambda p, labels: "wszyscy pasujący wolontariusze mają komplet wsparć",
    "candidates_taken": lambda p, labels: "wszyscy pasujący wolontariusze są lepiej dopasowani do innych potrzeb",
}


def render_pl(reason: Reason, labels=None) -> str:
    return _TEXTS[reason.code](reason.params, labels)
