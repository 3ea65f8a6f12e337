"""Demo volunteers: residents with complete profiles, applications in every state, logged hours
in every state, child-protection checks (valid and expired) and written agreements.

They sign in like the other demo residents (verified address, the demo password), so the
volunteer's dashboard and the coordinator's screens have something true to show. Accounts are
created only where demo users are allowed, exactly like staff.py. Each volunteer is created
whole or not at all: one whose address exists already is left alone, so loading again adds
nothing. Every row is checked against the rules the site enforces (who may apply, places,
hours only on past days of an accepted task, agreements for work over 30 days); what breaks
a rule, e.g. because an editor changed a task since, is skipped with a note.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.demo.staff import _person, staff_email
from accounts.demo.users import PASSWORD
from accounts.models import Role
from core.models import Centre
from volunteers import services
from volunteers.consents import CONSENT_VERSION, STANDARDS_VERSION
from volunteers.models import (
    Application,
    ApplicationStatus,
    Clearance,
    ClearanceKind,
    ClearanceResult,
    ConsentKind,
    DisabilityKind,
    District,
    HoursStatus,
    Language,
    Skill,
    TaskIndexPage,
    TaskPage,
    VolunteerProfile,
)
from volunteers.models.tasks import TaskStatus
from volunteers.services.clearances import add_months, clearance_expiry

MORNING, AFTERNOON, EVENING = "morning", "afternoon", "evening"
VALID_CHECKS, EXPIRED_CHECKS = "valid", "expired"
# Valid today but expiring within weeks: enough for a task now, not for help starting later.
EXPIRING_CHECKS = "expiring"

SWIETLICA = "Pomoc w świetlicy wsparcia dziennego"
ZBIORKA = "Zbiórka „Pomóż dzieciom przetrwać zimę”"
ZAKUPY = "Zakupy dla seniorów"
OBIADY = "Dowóz obiadów do seniorów"
MAGAZYN = "Inwentaryzacja magazynu darów"
FESTYN = "Festyn rodzinny w parku miejskim"
KLUB = "Klub Seniora – spotkania przy kawie"
AKTYWATORIUM = "Aktywatorium – popołudnia z dziećmi"
KOMPUTERY = "Klub Integracji Społecznej – warsztaty komputerowe"
SPACERY = "Zakupy i spacery z seniorami"
ZYWNOSC = "Zbiórka żywności przed świętami"


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    age: int
    summary: str  # what the demo shows with this login, for the printed list
    skills: tuple = ()
    districts: tuple = ()
    slots: tuple = ()
    driving: bool = False
    languages: tuple = ()  # names from the seeded language list
    checks: str = ""  # VALID_, EXPIRING_ or EXPIRED_CHECKS: child-protection checks by the centre
    guardian: str = ""  # a minor's legal guardian
    # (task title, status, decline reason); in order: accepted ones fill places first.
    applications: tuple = ()
    # (task title, hours, status, reason for rejecting): logged on the task's first day.
    hours: tuple = ()
    # (task title, signed): the written agreement for work over 30 days.
    agreements: tuple = ()
    # For the matching pool (volunteers.demo.matching): the opt-in to regular one-to-one help,
    # self-declared gender, experience with disabilities (names from the seeded list) and how
    # many people or families they can help at once.
    regular_help: bool = False
    gender: str = ""
    experience: tuple = ()
    max_concurrent: int = 2


PEOPLE = {
    "jaslo": [
        Person(
            "Katarzyna",
            "Nowak",
            34,
            "accepted with a signed agreement, approved hours, valid child-protection checks",
            skills=("Opieka nad dziećmi", "Gry i zabawy z dziećmi", "Prace plastyczne i rękodzieło"),
            districts=("Śródmieście", "Gamrat"),
            slots=((1, AFTERNOON), (3, AFTERNOON), (5, MORNING)),
            checks=VALID_CHECKS,
            applications=(
                (SWIETLICA, ApplicationStatus.ACCEPTED, ""),
                (FESTYN, ApplicationStatus.ACCEPTED, ""),
                (ZBIORKA, ApplicationStatus.SUBMITTED, ""),
                (MAGAZYN, ApplicationStatus.WITHDRAWN, ""),
            ),
            hours=((FESTYN, "5", HoursStatus.APPROVED, ""),),
            agreements=((SWIETLICA, True),),
        ),
        Person(
            "Jan",
            "Wiśniewski",
            52,
            "declined with a reason, hours waiting for approval, an agreement to sign",
            skills=("Prawo jazdy i własny samochód", "Zakupy i drobne sprawunki"),
            districts=("Brzyszczki", "Kaczorowy", "Hankówka"),
            slots=tuple((day, MORNING) for day in range(5)),
            driving=True,
            applications=(
                (OBIADY, ApplicationStatus.ACCEPTED, ""),
                (FESTYN, ApplicationStatus.ACCEPTED, ""),
                (
                    ZAKUPY,
                    ApplicationStatus.DECLINED,
                    "Do zakupów szukamy osób mieszkających na Hankówce, które dojdą do seniorów pieszo. "
                    "Zapraszamy do dowozu obiadów – tam samochód bardzo się przyda.",
                ),
            ),
            hours=((FESTYN, "4.5", HoursStatus.SUBMITTED, ""),),
            agreements=((OBIADY, False),),
        ),
        Person(
            "Aleksandra",
            "Lewandowska",
            27,
            "rejected hours, expired child-protection checks",
            skills=("Język angielski", "Język ukraiński", "Korepetycje – język polski"),
            districts=("Ulaszowice", "Śródmieście"),
            slots=((0, EVENING), (2, EVENING), (6, AFTERNOON)),
            languages=("angielski", "ukraiński"),
            checks=EXPIRED_CHECKS,
            applications=((FESTYN, ApplicationStatus.ACCEPTED, ""), (ZAKUPY, ApplicationStatus.SUBMITTED, "")),
            hours=(
                (
                    FESTYN,
                    "5",
                    HoursStatus.REJECTED,
                    "Na liście obecności jesteś od 14:00 do 16:00 – wpisz, proszę, 2 godziny.",
                ),
            ),
        ),
        Person(
            "Michał",
            "Dąbrowski",
            16,
            "a minor with the guardian's consent",
            skills=("Sport i rekreacja", "Obsługa komputera"),
            districts=("Gamrat",),
            slots=((4, AFTERNOON), (5, MORNING), (5, AFTERNOON)),
            guardian="Ewa Dąbrowska",
            applications=((MAGAZYN, ApplicationStatus.SUBMITTED, ""),),
        ),
        Person(
            "Ewa",
            "Szymańska",
            61,
            "accepted for two tasks",
            skills=("Towarzystwo dla seniorów", "Gotowanie", "Prawo jazdy i własny samochód"),
            districts=("Kaczorowy", "Brzyszczki"),
            slots=((0, MORNING), (2, MORNING), (3, MORNING)),
            driving=True,
            applications=((OBIADY, ApplicationStatus.ACCEPTED, ""), (KLUB, ApplicationStatus.ACCEPTED, "")),
        ),
        Person(
            "Grzegorz",
            "Wójtowicz",
            40,
            "on the waiting list",
            skills=("Prawo jazdy i własny samochód",),
            districts=("Brzyszczki",),
            slots=((1, MORNING), (3, MORNING)),
            driving=True,
            applications=((OBIADY, ApplicationStatus.WAITING, ""),),
        ),
    ],
    "pulawy": [
        Person(
            "Monika",
            "Kamińska",
            23,
            "accepted for work with children, valid child-protection checks",
            skills=("Opieka nad dziećmi", "Obsługa komputera", "Gry i zabawy z dziećmi"),
            districts=("Centrum", "Włostowice"),
            slots=((0, AFTERNOON), (2, AFTERNOON), (4, AFTERNOON)),
            checks=VALID_CHECKS,
            applications=((AKTYWATORIUM, ApplicationStatus.ACCEPTED, ""), (ZYWNOSC, ApplicationStatus.SUBMITTED, "")),
        ),
        Person(
            "Paulina",
            "Zając",
            35,
            "accepted, and withdrawn from another task",
            skills=("Obsługa komputera", "Towarzystwo dla seniorów"),
            districts=("Włostowice", "Osiedle Niebrzegów"),
            slots=((1, MORNING), (3, MORNING)),
            applications=((KOMPUTERY, ApplicationStatus.ACCEPTED, ""), (SPACERY, ApplicationStatus.WITHDRAWN, "")),
        ),
    ],
}


def volunteer_email(centre_key, number):
    return f"wolontariusz{number}@{centre_key}.demo.pomost.local"


def build(builder):
    if not builder.with_users:
        return
    rows = []
    for centre_key, people in PEOPLE.items():
        demo = _CentreDemo(builder, centre_key)
        for number, person in enumerate(people, start=1):
            email = volunteer_email(centre_key, number)
            user = _person(builder, email, person.first_name, person.last_name)
            if user is not None:
                demo.add(user, person)
            rows.append(f"  {email:<40} {person.first_name} {person.last_name}: {person.summary}")
    builder.logins.append(f"Demo volunteers (password {PASSWORD}):")
    builder.logins.extend(rows)


class _CentreDemo:
    """One centre's tasks, vocabulary and coordinator, looked up once for its volunteers."""

    def __init__(self, builder, centre_key):
        self.builder = builder
        site = builder.sites[centre_key]
        self.centre = Centre.for_site(site)
        index = TaskIndexPage.objects.child_of(site.root_page).first()
        self.tasks = {task.title: task for task in TaskPage.objects.child_of(index)} if index else {}
        self.skills = {skill.name: skill for skill in Skill.objects.all()}
        self.districts = {district.name: district for district in District.objects.filter(centre=self.centre)}
        self.coordinator = get_user_model().objects.filter(email=staff_email(centre_key, Role.COORDINATOR)).first()
        self.today = timezone.localdate()

    def add(self, user, person):
        profile = self._profile(user, person)
        self.builder.created["volunteer"] += 1
        if person.checks:
            self._checks(profile, person.checks)
        for title, status, reason in person.applications:
            self._application(profile, title, status, reason)
        if self.coordinator is None:
            self.builder.notes.append(f"No demo coordinator in {self.centre}: hours and agreements skipped.")
            return
        for title, signed in person.agreements:
            self._agreement(profile, title, signed)
        for title, hours, status, reason in person.hours:
            self._hours(profile, title, Decimal(hours), status, reason)

    def _profile(self, user, person):
        now = timezone.now()
        minor = person.age < 18
        profile = VolunteerProfile.objects.create(
            user=user,
            # Forty days past the birthday, so the age holds for a while after loading.
            birth_date=services.profile.birthday_at_age(self.today, -person.age) - datetime.timedelta(days=40),
            phone=f"600 {person.age:03d} {len(person.last_name) * 37:03d}",
            address=f"ul. Słoneczna {person.age}, {self.centre.postal_code} {self.centre.city}".strip(),
            driving_licence=person.driving,
            has_car=person.driving,
            max_concurrent=person.max_concurrent,
            regular_help=person.regular_help,
            gender=person.gender,
            guardian_name=person.guardian if minor else "",
            guardian_email=f"opiekun.{user.email}" if minor else "",
            guardian_consent_at=now if minor else None,
            standards_acknowledged_at=now,
            standards_version=STANDARDS_VERSION,
        )
        profile.skills.set([self.skills[name] for name in person.skills if name in self.skills])
        profile.languages.set(Language.objects.filter(name__in=person.languages))
        profile.disability_experience.set(DisabilityKind.objects.filter(name__in=person.experience))
        profile.districts.set([self.districts[name] for name in person.districts if name in self.districts])
        services.profile.save_availability(profile, person.slots)
        for kind in (ConsentKind.DATA_PROCESSING, ConsentKind.CONTACT_EMAIL):
            profile.consents.create(kind=kind, text_version=CONSENT_VERSION, given_at=now)
        return profile

    def _checks(self, profile, state):
        """All four checks, "clear"; expired ones were made just over a validity period ago,
        expiring ones a month less than a period ago (they lapse within about ten days)."""
        valid_months = self.centre.clearance_valid_months
        months = {VALID_CHECKS: 0, EXPIRING_CHECKS: valid_months - 1, EXPIRED_CHECKS: valid_months + 1}[state]
        checked_on = add_months(self.today, -months) - datetime.timedelta(days=21)
        for kind in ClearanceKind:
            result = ClearanceResult.NOT_APPLICABLE if kind == ClearanceKind.RESIDENCE_STATEMENT else None
            Clearance.objects.create(
                profile=profile,
                centre=self.centre,
                kind=kind,
                checked_on=checked_on,
                result=result or ClearanceResult.CLEAR,
                checked_by=self.coordinator,
                expires_on=clearance_expiry(self.centre, checked_on),
            )
            self.builder.created["child-protection check"] += 1

    def _application(self, profile, title, status, reason):
        task = self.tasks.get(title)
        problem = _refusal(profile, task, status) if task else "the task is missing"
        if problem:
            self.builder.notes.append(f"Demo application of {profile} to {title!r} skipped: {problem}.")
            return
        decided = status in (ApplicationStatus.ACCEPTED, ApplicationStatus.DECLINED)
        Application.objects.create(
            task=task,
            volunteer=profile,
            centre=self.centre,
            status=status,
            message="Chętnie pomogę, termin mi odpowiada.",
            decline_reason=reason,
            decided_at=timezone.now() if decided else None,
            decided_by=self.coordinator if decided else None,
        )
        self.builder.created["application"] += 1

    def _agreement(self, profile, title, signed):
        task = self.tasks.get(title)
        if task is None or not Application.objects.filter(task=task, volunteer=profile).exists():
            return
        agreement = services.documents.prepare_agreement(
            profile,
            task,
            self.coordinator,
            manner="Według grafiku ustalonego z koordynatorką zadania, w godzinach podanych na stronie zadania.",
        )
        if signed:
            signed_on = min(self.today - datetime.timedelta(days=2), task.start_date)
            services.documents.record_agreement_signed(agreement, self.coordinator, signed_on)
        self.builder.created["agreement"] += 1

    def _hours(self, profile, title, hours, status, reason):
        task = self.tasks.get(title)
        if task is None:
            return
        try:
            entry = services.hours.log_hours(
                profile, task, task.start_date, hours, "Pomoc przy stoisku z grami dla dzieci."
            )
            if status == HoursStatus.APPROVED:
                services.hours.approve_hours(entry, self.coordinator)
            elif status == HoursStatus.REJECTED:
                services.hours.reject_hours(entry, self.coordinator, reason)
        except services.applications.ApplicationRefused as refused:
            self.builder.notes.append(f"Demo hours of {profile} on {title!r} skipped: {refused.message}")
            return
        self.builder.created["hours entry"] += 1


def _refusal(profile, task, status):
    """Why the site would not have let this application reach `status`, or ""."""
    missing = services.applications.missing_for_application(profile, task)
    if missing:
        return str(missing[0][0])
    left = task.places_left()
    open_now = task.status == TaskStatus.OPEN and not task.is_past
    if status == ApplicationStatus.ACCEPTED and left == 0:
        return "all places are taken"
    if status == ApplicationStatus.SUBMITTED and not (open_now and left):
        return "the task does not accept applications"
    if status == ApplicationStatus.WAITING and not (open_now and left == 0):
        return "the waiting list is only for a full, open task"
    return ""
