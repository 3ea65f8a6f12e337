"""Demo offers, written and submitted through the same services the site's forms use.

An organisation's offers are written when it is created: offers submitted to last year's call in
Jasło (at a moment inside that call's past window) and to this year's calls, complete drafts not
submitted yet, and a draft written halfway with a slip the validation will point out.
What the site would refuse (a call closed meanwhile, an organisation not verified) stays a draft
and is reported as a note.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model

from ngo_grants.budget import GROSZ
from ngo_grants.demo import call_texts
from ngo_grants.demo import offer_texts as texts
from ngo_grants.demo.calls import CURRENT, LAST_YEAR, PULAWY, find_call
from ngo_grants.demo.documents import amount, attach
from ngo_grants.models import Offer, OfferVersion
from ngo_grants.sections import DECLARATIONS, SECTIONS_BY_KEY
from ngo_grants.services.offers import save_section, start_offer
from ngo_grants.services.submission import SubmissionRefused, submit_offer

PRZYSTAN, ZLOTA_JESIEN, WSPOLNY_STOL, RAZEM = "przystan", "zlota-jesien", "wspolny-stol", "razem"
SUBMITTED, COMPLETE, STARTED = "submitted", "complete", "started"

JUSTYNA = "ngo.redaktor@jaslo.demo.pomost.local"
KRZYSZTOF = "ngo@jaslo.demo.pomost.local"
DOROTA = "ngo.spoldzielnia@jaslo.demo.pomost.local"
ROBERT = "ngo@pulawy.demo.pomost.local"


@dataclass(frozen=True)
class OfferSpec:
    call: str
    task: str  # the public task's title
    author: str  # the member who writes (and submits) it
    stage: str
    text: texts.OfferText


OFFERS = {
    PRZYSTAN: [
        OfferSpec(LAST_YEAR, call_texts.SWIETLICA, JUSTYNA, SUBMITTED, texts.SWIETLICA),
        OfferSpec(CURRENT, call_texts.SWIETLICA, JUSTYNA, SUBMITTED, texts.SWIETLICA),
        OfferSpec(CURRENT, call_texts.RODZINA, JUSTYNA, STARTED, texts.RODZINA),
    ],
    ZLOTA_JESIEN: [
        OfferSpec(LAST_YEAR, call_texts.OPIEKA, KRZYSZTOF, SUBMITTED, texts.OPIEKA),
        OfferSpec(CURRENT, call_texts.OPIEKA, KRZYSZTOF, SUBMITTED, texts.OPIEKA),
        OfferSpec(PULAWY, call_texts.SASIEDZI, KRZYSZTOF, SUBMITTED, texts.SASIEDZI),
    ],
    WSPOLNY_STOL: [
        OfferSpec(LAST_YEAR, call_texts.POSILKI, DOROTA, SUBMITTED, texts.POSILKI),
        OfferSpec(CURRENT, call_texts.POSILKI, DOROTA, COMPLETE, texts.POSILKI),
    ],
    # Not verified by MOPS Puławy yet: its complete offer cannot be submitted.
    RAZEM: [OfferSpec(PULAWY, call_texts.KIS, ROBERT, COMPLETE, texts.KIS)],
}

# Last year's offers came in over the window, the first a week after it opened, then one a day.
FIRST_SUBMISSION_AFTER = datetime.timedelta(days=7, hours=3)
WRITING_TIME = datetime.timedelta(days=5)


def write(builder, key, organisation, documents):
    """The offers of the organisation `key`; `documents` are its PDFs by attachment name."""
    # Organisations in turn, so last year's offers came in on different days.
    first = sum(len(specs) for specs in list(OFFERS.values())[: list(OFFERS).index(key)])
    for number, spec in enumerate(OFFERS[key], start=first):
        call = find_call(builder, spec.call)
        task = call.tasks.filter(title=spec.task).first() if call else None
        author = get_user_model().objects.filter(email=spec.author).first()
        if task is None or author is None:
            builder.notes.append(
                f"Demo offer of {organisation} to {spec.task!r} skipped: its call, task or author is gone."
            )
            continue
        # Last year's offers were written and submitted back then; this year's now (None: the clock).
        submitted_at = _moment(call, number) if spec.call == LAST_YEAR else None
        started_at = submitted_at - WRITING_TIME if submitted_at else None
        offer = start_offer(user=author, organisation=organisation, task=task)
        for section, raw in raw_sections(spec.text, task).items():
            save_section(offer, SECTIONS_BY_KEY[section], raw, user=author)
        if spec.stage != STARTED:
            _attach(offer, documents, author, started_at)
        builder.created["offer"] += 1
        if spec.stage == SUBMITTED:
            _submit(builder, offer, author, submitted_at)
        if submitted_at:
            Offer.objects.filter(pk=offer.pk).update(created_at=started_at, updated_at=submitted_at)
            OfferVersion.objects.filter(offer=offer).update(created_at=submitted_at)


def _moment(call, number):
    moment = call.opens_at + FIRST_SUBMISSION_AFTER + datetime.timedelta(days=number)
    return min(moment, call.closes_at - datetime.timedelta(hours=1))


def _attach(offer, documents, user, moment):
    for required in offer.call.required_attachments.filter(mandatory=True):
        if required.name in documents:
            filename, data = documents[required.name]
            attach(offer, required=required, filename=filename, data=data, user=user, at=moment)


def _submit(builder, offer, user, now):
    try:
        submit_offer(offer, user=user, now=now)
    except SubmissionRefused as refused:
        problems = "; ".join(str(problem.message) for problem in refused.problems)
        builder.notes.append(f"Demo offer of {offer.organisation} left as a draft: {refused} {problems}".strip())
        return
    builder.created["submitted offer"] += 1


def raw_sections(text, task):
    """The sections of `text` as the draft keeps them: strings as a person types them."""
    lines = [_line(line, text.typed_totals.get(index)) for index, line in enumerate(text.lines)]
    other = sum((_parts(line)[2] for line in text.lines), Decimal("0"))
    own_funds = other - Decimal(text.personal) - Decimal(text.in_kind)
    name, phone, email = text.contact
    raw = {
        "basic": {"title": text.title},
        "offeror": {"contact_name": name, "contact_phone": phone, "contact_email": email, "partners": []},
        "task": {
            "starts_on": task.starts_on.isoformat(),
            "ends_on": task.ends_on.isoformat(),
            "synopsis": text.synopsis,
            "results_description": text.results_description,
            "actions": [
                {"name": a, "description": b, "target_group": c, "period": d, "subcontracted": ""}
                for a, b, c, d in text.actions
            ],
            "results": [{"name": a, "target": b, "measure": c} for a, b, c in text.results],
        },
        "resources": {"experience": text.experience, "resources": text.resources},
        "costs": {"lines": lines},
        "financing": {
            "own_funds": amount(own_funds),
            "recipients_payments": "0",
            "other_public": "0",
            "other_funds": "0",
            "personal": amount(Decimal(text.personal)),
            "in_kind": amount(Decimal(text.in_kind)),
        },
        "other": {"other_information": ""},
        "declarations": dict.fromkeys(DECLARATIONS, "on"),
    }
    return {key: raw[key] for key in text.sections}


def _parts(line):
    """(total, from the grant, from other sources) of a cost line, as Decimals."""
    _category, _name, quantity, _unit, unit_cost, grant = line
    total = (Decimal(quantity) * Decimal(unit_cost)).quantize(GROSZ)
    return total, Decimal(grant), total - Decimal(grant)


def _line(line, typed_total):
    category, name, quantity, unit, unit_cost, _grant = line
    total, grant, other = _parts(line)
    return {
        "category": category,
        "name": name,
        "quantity": quantity,
        "unit": unit,
        "unit_cost": amount(Decimal(unit_cost)),
        "total": amount(Decimal(typed_total)) if typed_total else amount(total),
        "from_grant": amount(grant),
        "from_other": amount(other),
    }
