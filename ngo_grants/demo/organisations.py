"""Demo organisations: four NGOs of Jasło and Puławy with their representatives, members and
the centres that verified them, then their offers (ngo_grants.demo.offers).

The identifiers are valid numbers (check digits computed with python-stdnum and schwifty) that
belong to no real organisation as far as we know. Members sign in with the demo password like
the other demo accounts, and only where demo accounts are allowed. An organisation is created
whole, with its offers, or not at all: one whose NIP exists already is left as it is.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.demo.staff import _person, staff_email
from accounts.demo.users import PASSWORD
from accounts.models import Role
from core.models import Centre
from ngo_grants.demo import offers
from ngo_grants.demo.documents import render_document
from ngo_grants.models import LegalForm, MemberRole, Membership, Organisation, Representative, Verification

ADMIN, EDITOR = MemberRole.ADMIN, MemberRole.EDITOR

# e-mail → (first name, last name, what the demo shows with this login)
MEMBERS = {
    "ngo@jaslo.demo.pomost.local": ("Krzysztof", "Bielecki", "administrator of Przystań and Złota Jesień"),
    "ngo.redaktor@jaslo.demo.pomost.local": (
        "Justyna",
        "Malinowska",
        "editor of Przystań and Złota Jesień, writes Przystań's offers",
    ),
    "ngo.spoldzielnia@jaslo.demo.pomost.local": ("Dorota", "Kubiak", "administrator of Wspólny Stół"),
    "ngo@pulawy.demo.pomost.local": ("Robert", "Sadowski", "administrator of Razem, not yet verified"),
}


@dataclass(frozen=True)
class OrganisationSpec:
    name: str
    legal_form: str
    krs: str
    nip: str
    regon: str
    street: str
    postcode: str
    city: str
    email: str
    phone: str
    iban: str
    representatives: tuple  # (name, function)
    members: tuple  # (e-mail, role)
    verified_by: tuple  # centre keys
    aims: tuple  # statutory aims, for the statute attached to offers
    staff: tuple  # people who carry out the tasks, for the list of staff


# The fields of the spec that are the organisation's own record.
RECORD = ("name", "legal_form", "krs", "nip", "regon", "street", "postcode", "city", "email", "phone", "iban")

ORGANISATIONS = {
    offers.PRZYSTAN: OrganisationSpec(
        name="Stowarzyszenie Pomocy Dzieciom i Rodzinie „Przystań”",
        legal_form=LegalForm.ASSOCIATION,
        krs="0000281734",
        nip="7311999386",
        regon="722189694",
        street="ul. Floriańska 12",
        postcode="38-200",
        city="Jasło",
        email="biuro@przystan.demo.pomost.local",
        phone="13 445 31 20",
        iban="PL06109025901940906046373012",
        representatives=(("Krzysztof Bielecki", "prezes zarządu"), ("Halina Wrona", "skarbnik")),
        members=(("ngo@jaslo.demo.pomost.local", ADMIN), ("ngo.redaktor@jaslo.demo.pomost.local", EDITOR)),
        verified_by=("jaslo",),
        aims=(
            "wspieranie rodzin w wychowaniu dzieci i w trudnych sytuacjach życiowych",
            "prowadzenie placówek wsparcia dziennego dla dzieci i młodzieży",
            "przeciwdziałanie wykluczeniu społecznemu dzieci z rodzin ubogich",
        ),
        staff=(
            "Kierownik świetlicy – pedagog, 14 lat pracy z dziećmi, kurs kierowników placówek wsparcia dziennego.",
            "Dwoje wychowawców – pedagogika opiekuńczo-wychowawcza, po 6 i 9 lat pracy w świetlicy.",
            "Psycholog dziecięcy i logopeda – umowy zlecenia, po 4 godziny w tygodniu.",
        ),
    ),
    offers.ZLOTA_JESIEN: OrganisationSpec(
        name="Fundacja „Złota Jesień”",
        legal_form=LegalForm.FOUNDATION,
        krs="0000413925",
        nip="4751182593",
        regon="647906952",
        street="ul. Staszica 5",
        postcode="38-200",
        city="Jasło",
        email="kontakt@zlotajesien.demo.pomost.local",
        phone="13 446 58 02",
        iban="PL96124016041292634821957173",
        representatives=(("Krzysztof Bielecki", "prezes zarządu fundacji"),),
        members=(("ngo@jaslo.demo.pomost.local", ADMIN), ("ngo.redaktor@jaslo.demo.pomost.local", EDITOR)),
        verified_by=("jaslo", "pulawy"),
        aims=(
            "pomoc osobom starszym, samotnym i z niepełnosprawnościami w ich domach",
            "świadczenie usług opiekuńczych i specjalistycznych usług opiekuńczych",
            "rozwój wolontariatu na rzecz seniorów",
        ),
        staff=(
            "Koordynatorka usług – pielęgniarka, 20 lat pracy w opiece domowej.",
            "12 opiekunek – kwalifikacje opiekunki środowiskowej lub kurs opiekuna osoby starszej (min. 120 godzin).",
            "Wolontariusze – przeszkoleni z zasad pracy z osobami starszymi.",
        ),
    ),
    offers.WSPOLNY_STOL: OrganisationSpec(
        name="Spółdzielnia Socjalna „Wspólny Stół”",
        legal_form=LegalForm.SOCIAL_COOPERATIVE,
        krs="0000567120",
        nip="7956134174",
        regon="313178626",
        street="ul. Kołłątaja 3",
        postcode="38-200",
        city="Jasło",
        email="zamowienia@wspolnystol.demo.pomost.local",
        phone="13 448 10 77",
        iban="PL49861300028113578499716633",
        representatives=(("Dorota Kubiak", "prezes zarządu"), ("Zbigniew Kusy", "członek zarządu")),
        members=(("ngo.spoldzielnia@jaslo.demo.pomost.local", ADMIN),),
        verified_by=("jaslo",),
        aims=(
            "społeczna i zawodowa reintegracja członków spółdzielni",
            "prowadzenie jadłodajni i przygotowywanie posiłków dla osób potrzebujących",
        ),
        staff=(
            "Kucharz z 10-letnim stażem i dwie pomoce kuchenne – aktualne orzeczenia do celów sanitarno-"
            "epidemiologicznych.",
            "Kierowca z prawem jazdy kat. B – dowóz posiłków osobom, które nie wychodzą z domu.",
        ),
    ),
    offers.RAZEM: OrganisationSpec(
        name="Stowarzyszenie „Razem dla Puław”",
        legal_form=LegalForm.ASSOCIATION,
        krs="0000198452",
        nip="1469744939",
        regon="986216825",
        street="ul. Partyzantów 18",
        postcode="24-100",
        city="Puławy",
        email="razem@razemdlapulaw.demo.pomost.local",
        phone="81 887 22 40",
        iban="PL21912400063752248960179870",
        representatives=(("Robert Sadowski", "prezes zarządu"),),
        members=(("ngo@pulawy.demo.pomost.local", ADMIN),),
        # Registered recently: MOPS Puławy has not checked it yet, so its offers wait.
        verified_by=(),
        aims=(
            "aktywizacja społeczna i zawodowa osób bezrobotnych i zagrożonych wykluczeniem",
            "integracja społeczności lokalnej Puław",
        ),
        staff=(
            "Trenerka umiejętności społecznych – psycholożka, 8 lat prowadzenia warsztatów.",
            "Doradca zawodowy – studia podyplomowe z doradztwa zawodowego.",
        ),
    ),
}


def build(builder):
    if not builder.with_users:
        return
    officers = _grants_officers()
    for key, spec in ORGANISATIONS.items():
        if Organisation.objects.filter(nip=spec.nip).exists():
            continue
        organisation = _organisation(builder, spec, officers)
        documents = _documents(organisation, spec)
        offers.write(builder, key, organisation, documents)
    builder.logins.append(f"Demo members of organisations (password {PASSWORD}):")
    builder.logins.extend(
        f"  {email:<42} {first} {last}: {summary}" for email, (first, last, summary) in MEMBERS.items()
    )


def _grants_officers():
    """Each centre and the demo grants officer who verifies organisations there (None if gone)."""
    users = get_user_model().objects
    return {key: users.filter(email=staff_email(key, Role.GRANTS_OFFICER)).first() for key in ("jaslo", "pulawy")}


def _organisation(builder, spec, officers):
    # Registered long enough ago to have applied to last year's call.
    registered = timezone.now() - datetime.timedelta(days=420)
    members = [(_member(builder, email), role) for email, role in spec.members]
    organisation = Organisation.objects.create(
        **{name: getattr(spec, name) for name in RECORD}, created_at=registered, created_by=members[0][0]
    )
    for number, (name, function) in enumerate(spec.representatives):
        Representative.objects.create(organisation=organisation, name=name, function=function, sort_order=number)
    for user, role in members:
        Membership.objects.create(organisation=organisation, user=user, role=role, joined_at=registered)
    for key in spec.verified_by:
        Verification.objects.create(
            organisation=organisation,
            centre=Centre.for_site(builder.sites[key]),
            note="Dane zgodne z odpisem z KRS pobranym przez ośrodek.",
            decided_by=officers[key],
            decided_at=registered + datetime.timedelta(days=3),
        )
    builder.created["organisation"] += 1
    return organisation


def _member(builder, email):
    """The demo account `email`, created now or found (it may belong to several organisations)."""
    first_name, last_name, _summary = MEMBERS[email]
    return _person(builder, email, first_name, last_name) or get_user_model().objects.get(email=email)


def _documents(organisation, spec):
    """The organisation's own PDFs, by the name of the call's attachment they answer."""
    statute = render_document(
        issuer=organisation.name,
        title=f"Statut – {organisation.name}",
        subtitle=f"tekst jednolity, {organisation.city}",
        sections=[
            (
                "Rozdział I. Postanowienia ogólne",
                [
                    f"{organisation.name} ma siedzibę w mieście {organisation.city} i działa na terenie "
                    "Rzeczypospolitej Polskiej.",
                    f"Organizacja jest wpisana do Krajowego Rejestru Sądowego pod numerem {organisation.krs}.",
                ],
            ),
            ("Rozdział II. Cele i sposoby działania", [f"{number}. {aim}." for number, aim in enumerate(spec.aims, 1)]),
            (
                "Rozdział III. Reprezentacja",
                [f"{name} – {function}." for name, function in spec.representatives],
            ),
        ],
    )
    staff = render_document(
        issuer=organisation.name,
        title="Wykaz kadry z kwalifikacjami",
        sections=[("Osoby realizujące zadanie", list(spec.staff))],
    )
    return {
        "Aktualny statut organizacji": ("statut.pdf", statute),
        "Wykaz kadry z kwalifikacjami": ("kadra.pdf", staff),
    }
