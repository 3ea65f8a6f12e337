"""The formal review and the committee of last year's call in Jasło, done through the services
the admin uses.

The demo grants officer answers the call's checklist for every offer a few days after the
deadline. One offer has a correction round: the officer reopens section IV, the organisation
adds its experience and resubmits, so the admin has two versions to compare; then every offer is
accepted formally. What is already decided is left as it is, so loading the demo twice changes
nothing.
"""

import datetime

from django.contrib.auth import get_user_model

from accounts.demo.staff import staff_email
from accounts.models import Role
from ngo_grants.demo import call_texts
from ngo_grants.demo.calls import LAST_YEAR, find_call
from ngo_grants.demo.offers import JUSTYNA
from ngo_grants.models import ConflictGround, FormalAnswer, MemberKind, NoNgoException, Offer
from ngo_grants.sections import SECTIONS_BY_KEY
from ngo_grants.services import committee as committee_service
from ngo_grants.services import review
from ngo_grants.services.offers import save_section
from ngo_grants.services.submission import submit_offer
from ngo_grants.workflow import OfferStatus

ANSWERED_AFTER = datetime.timedelta(days=2, hours=2)
CORRECTED_AFTER = datetime.timedelta(days=5, hours=4)
DECIDED_AFTER = datetime.timedelta(days=8, hours=1)
CORRECTION = (
    "Część IV opisuje doświadczenie tylko jednym zdaniem. Prosimy dopisać, jakie zadania podobnego rodzaju "
    "organizacja prowadziła w ostatnich trzech latach, dla ilu dzieci i z jakich środków."
)
EXCEPTION = (
    "Zaproszenie do wskazania członków komisji opublikowano razem z ogłoszeniem konkursu; organizacje, "
    "które się zgłosiły, złożyły oferty w tym konkursie."
)
CONFLICT = "Do niedawna byłam członkinią zarządu spółdzielni, która złożyła tę ofertę."
CORRECTED_EXPERIENCE = (
    "Stowarzyszenie prowadzi świetlicę od 2009 r., od 2013 r. z dotacji miasta, rozliczanych bez uwag. "
    "W ostatnich trzech latach świetlica przyjmowała co roku 28–32 dzieci z rodzin objętych wsparciem "
    "ośrodka; w wakacje prowadziliśmy półkolonie dla 40 dzieci ze środków gminnego programu "
    "profilaktyki i rozwiązywania problemów alkoholowych."
)


def build(builder):
    if not builder.with_users:
        return
    call = find_call(builder, LAST_YEAR)
    users = get_user_model().objects
    officer = users.filter(email=staff_email("jaslo", Role.GRANTS_OFFICER)).first()
    if call is None or officer is None:
        return
    deadline = call.closes_at
    offers = Offer.objects.filter(call=call, status=OfferStatus.SUBMITTED).order_by("number")
    for offer in offers:
        if FormalAnswer.objects.filter(offer=offer).exists():
            continue
        answers = dict.fromkeys(call.formal_checks.all(), (True, ""))
        experience = call.formal_checks.filter(question__startswith="Działalność statutowa").first()
        corrected = offer.task.title == call_texts.SWIETLICA
        if corrected and experience is not None:
            answers[experience] = (None, "Doświadczenie opisane zbyt ogólnie; wezwanie do uzupełnienia części IV.")
        review.record_answers(offer, answers, user=officer, now=deadline + ANSWERED_AFTER)
        if corrected:
            _correction_round(builder, offer, officer, deadline, answers)
        review.decide_formally(offer, user=officer, accepted=True, now=deadline + DECIDED_AFTER)
        builder.created["offer accepted formally"] += 1
    _committee(builder, call, officer, deadline)


def _committee(builder, call, officer, deadline):
    """The officer chairs, the coordinator sits for the centre; every organisation of the town
    that could nominate had an offer in the call, so the art. 15 ust. 2da exception is recorded.
    Both members declare before opening; the coordinator knows one organisation too well."""
    committee = committee_service.committee_of(call)
    if committee.members.exists():
        return
    coordinator = get_user_model().objects.filter(email=staff_email("jaslo", Role.COORDINATOR)).first()
    chair = committee_service.appoint(committee, user=officer, person=officer, kind=MemberKind.STAFF, chair=True)
    members = [chair]
    if coordinator is not None:
        members.append(committee_service.appoint(committee, user=officer, person=coordinator, kind=MemberKind.STAFF))
    committee_service.record_exception(committee, user=officer, exception=NoNgoException.NONE_NOMINATED, note=EXCEPTION)
    declared = deadline + DECIDED_AFTER + datetime.timedelta(days=1)
    for offer in committee_service.offers_for(chair):
        for member in members:
            conflict = member is not chair and offer.task.title == call_texts.POSILKI
            committee_service.declare(
                member,
                offer,
                conflict=conflict,
                ground=ConflictGround.DOUBT if conflict else "",
                reason=CONFLICT if conflict else "",
                now=declared,
            )
    builder.created["committee member"] += len(members)


def _correction_round(builder, offer, officer, deadline, answers):
    writer = get_user_model().objects.filter(email=JUSTYNA).first()
    review.request_correction(
        offer, user=officer, sections=["resources"], reason=CORRECTION, now=deadline + ANSWERED_AFTER
    )
    offer.refresh_from_db()
    resources = {**offer.draft.get("resources", {}), "experience": CORRECTED_EXPERIENCE}
    save_section(offer, SECTIONS_BY_KEY["resources"], resources, user=writer)
    submit_offer(offer, user=writer, now=deadline + CORRECTED_AFTER)
    met = {requirement: (True, "Uzupełniono po wezwaniu.") for requirement, (value, _note) in answers.items()}
    review.record_answers(offer, met, user=officer, now=deadline + DECIDED_AFTER)
    builder.created["correction round"] += 1
