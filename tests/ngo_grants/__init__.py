"""Helpers that build organisations, calls and offers for the tests of NGO open calls.

The identifiers below are valid (their check digits hold); tests of invalid ones change a digit.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from ngo_grants.models import (
    CallIndexPage,
    CallPage,
    Criterion,
    FormalCheck,
    MemberRole,
    Membership,
    Organisation,
    PublicTask,
    Representative,
    RequiredAttachment,
    Verification,
)
from ngo_grants.sections import DECLARATIONS
from tests.factories import UserFactory, add_child

NIPS = ["1933589525", "7412472019", "2520642792", "3035741629", "5296985722", "6189736775"]
REGONS = ["600467400", "550299214", "223760126", "659083441", "015996404", "631752102"]
REGON_14 = "56153517517507"
IBANS = ["PL61109010140000071219812874", "PL67102028920000123456789012"]

# The organisation form as a careful person fills it in: a foundation not yet registered.
ORGANISATION_FORM = {
    "name": "Fundacja Dobry Start",
    "legal_form": "foundation",
    "krs": "0000500002",
    "nip": NIPS[2],
    "regon": REGONS[2],
    "street": "ul. Mickiewicza 3",
    "postcode": "24-100",
    "city": "Puławy",
    "email": "biuro@dobrystart.example.org",
    "phone": "81 886 10 10",
    "iban": "PL61 1090 1014 0000 0712 1981 2874",
    "representatives-TOTAL_FORMS": "1",
    "representatives-0-name": "Maria Nowak",
    "representatives-0-function": "prezes zarządu",
}


def in_days(days, hour=12):
    """An aware moment `days` from now at `hour`:00 Polish time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def make_call_index(site, title="Otwarte konkursy ofert", slug="konkursy"):
    return add_child(site.root_page, CallIndexPage(title=title, slug=slug, show_in_menus=True))


FORMAL_CHECKS = (
    "Oferta podpisana przez osoby upoważnione do reprezentacji",
    "Działalność statutowa zgodna z zadaniem",
)


def make_call(index, title="Otwarty konkurs ofert 2027", *, tasks=None, opens_at=None, closes_at=None, **fields):
    """A live call open for offers now (opened yesterday, closes in 30 days) with one task
    (50 000 zł, 10% own contribution, all of next year), two criteria, one mandatory
    attachment and two formal requirements, unless the arguments say otherwise."""
    year = timezone.localdate().year + 1
    defaults = {
        "year": year,
        "legal_basis": "art. 11 ust. 2 i art. 13 ustawy o działalności pożytku publicznego i o wolontariacie",
        "intro": "<p>Zaprasza organizacje pozarządowe do składania ofert.</p>",
        "opens_at": opens_at or in_days(-1),
        "closes_at": closes_at or in_days(30),
        "results_on": timezone.localdate() + datetime.timedelta(days=60),
    }
    call = CallPage(title=title, **{**defaults, **fields})
    for number, task in enumerate(tasks or [{}]):
        call.tasks.add(
            PublicTask(
                sort_order=number,
                **{
                    "title": f"Zadanie {number + 1}: wsparcie seniorów",
                    "description": "Usługi opiekuńcze dla osób starszych.",
                    "funds": Decimal("50000.00"),
                    "min_own_contribution": Decimal("10"),
                    "starts_on": datetime.date(year, 1, 1),
                    "ends_on": datetime.date(year, 12, 31),
                    **task,
                },
            )
        )
    call.criteria.add(Criterion(name="Możliwość realizacji zadania", max_points=10, sort_order=0))
    call.criteria.add(Criterion(name="Kalkulacja kosztów", max_points=10, sort_order=1))
    call.required_attachments.add(RequiredAttachment(name="Statut organizacji", mandatory=True, sort_order=0))
    for number, question in enumerate(FORMAL_CHECKS):
        call.formal_checks.add(FormalCheck(question=question, sort_order=number))
    return add_child(index, call)


def make_organisation(admin=None, *, name="Stowarzyszenie Pomocna Dłoń", number=0, centres=(), **fields):
    """An organisation with `admin` (a new user unless given) as its administrator, verified
    by each of `centres`."""
    admin = admin or UserFactory()
    organisation = Organisation.objects.create(
        name=name,
        legal_form="association",
        krs=f"{number + 123456:010d}",
        nip=NIPS[number],
        regon=REGONS[number],
        street="ul. Kościuszki 26",
        postcode="38-200",
        city="Jasło",
        email="biuro@pomocna.example.org",
        phone="13 446 22 10",
        iban=IBANS[number % 2],
        created_by=admin,
        **fields,
    )
    Representative.objects.create(organisation=organisation, name="Maria Nowak", function="prezes zarządu")
    Membership.objects.create(organisation=organisation, user=admin, role=MemberRole.ADMIN)
    for centre in centres:
        Verification.objects.create(organisation=organisation, centre=centre)
    return organisation


def add_member(organisation, user=None, role=MemberRole.EDITOR):
    user = user or UserFactory()
    Membership.objects.create(organisation=organisation, user=user, role=role)
    return user


def complete_draft(task):
    """A draft that passes every rule for `task` as made by make_call: 10 000 zł of costs, of
    which 9 000 zł from the grant and 1 000 zł (10%) own funds. Rows as the draft keeps them:
    strings, as typed."""
    year = task.starts_on.year
    return {
        "basic": {"title": "Razem raźniej – wsparcie seniorów"},
        "offeror": {
            "contact_name": "Maria Nowak",
            "contact_phone": "600 100 200",
            "contact_email": "maria@pomocna.example.org",
            "partners": [],
        },
        "task": {
            "starts_on": f"{year}-02-01",
            "ends_on": f"{year}-11-30",
            "synopsis": "Odwiedziny i pomoc w codziennych sprawach dla 40 seniorów.",
            "results_description": "Seniorzy mniej samotni, 1 200 godzin wsparcia.",
            "actions": [
                {
                    "name": "Odwiedziny domowe",
                    "description": "Cotygodniowe wizyty wolontariuszy.",
                    "target_group": "seniorzy 75+",
                    "period": "luty–listopad",
                    "subcontracted": "",
                }
            ],
            "results": [{"name": "Liczba seniorów", "target": "40 osób", "measure": "listy obecności"}],
        },
        "resources": {"experience": "Działamy od 2010 roku.", "resources": "Lokal przy ul. Kościuszki."},
        "costs": {
            "lines": [
                {
                    "category": "action",
                    "name": "Wynagrodzenie opiekunki",
                    "quantity": "200",
                    "unit": "godzina",
                    "unit_cost": "45,00",
                    "total": "9 000,00",
                    "from_grant": "9000",
                    "from_other": "0",
                },
                {
                    "category": "admin",
                    "name": "Księgowość",
                    "quantity": "10",
                    "unit": "miesiąc",
                    "unit_cost": "100",
                    "total": "1000",
                    "from_grant": "0",
                    "from_other": "1000",
                },
            ]
        },
        "financing": {
            "own_funds": "1000",
            "recipients_payments": "0",
            "other_public": "0",
            "other_funds": "0",
            "personal": "0",
            "in_kind": "0",
        },
        "other": {"other_information": ""},
        "declarations": dict.fromkeys(DECLARATIONS, "on"),
    }
