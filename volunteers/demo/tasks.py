"""Volunteering demo: the skills vocabulary, districts of both towns and open tasks.

Task dates are relative to the day of the first load, so a fresh demo always has upcoming
tasks, plus one past and one closed task, as a real list would.
"""

import datetime

from django.utils import timezone

from core.demo import stream as s
from core.models import Centre
from volunteers.models import District, Skill, TaskIndexPage, TaskPage
from volunteers.models.tasks import TaskStatus

SKILLS = [
    "Opieka nad dziećmi",
    "Gry i zabawy z dziećmi",
    "Korepetycje – matematyka",
    "Korepetycje – język polski",
    "Język angielski",
    "Język ukraiński",
    "Prawo jazdy i własny samochód",
    "Zakupy i drobne sprawunki",
    "Towarzystwo dla seniorów",
    "Obsługa komputera",
    "Pierwsza pomoc",
    "Opieka nad osobą z niepełnosprawnością",
    "Prace plastyczne i rękodzieło",
    "Sport i rekreacja",
    "Organizacja wydarzeń",
    "Gotowanie",
]

DISTRICTS = {
    "jaslo": ["Śródmieście", "Gamrat", "Hankówka", "Brzyszczki", "Kaczorowy", "Ulaszowice", "Sobniów", "Niegłowice"],
    "pulawy": ["Centrum", "Włostowice", "Kołłątaja", "Piaskowa", "Górna", "Osiedle Niebrzegów"],
}

COORDINATORS = {
    "jaslo": ("Agnieszka Zielińska", "koordynator@jaslo.demo.pomost.local", "13 446 24 91"),
    "pulawy": ("Joanna Sikora", "koordynator@pulawy.demo.pomost.local", "81 886 40 00"),
}

INTRO = (
    "Tu znajdziesz zadania, przy których możesz pomóc jako wolontariusz: jednorazowe akcje i stałe dyżury. "
    "Wybierz kategorię, dzielnicę albo termin, który Ci odpowiada."
)


def _task(title, category, summary, description, *, kind="recurring", start, days=0, weekdays=(), hours, **extra):
    """A task's fields; `start` and `days` count from today, `days` is the length of the period."""
    return {
        "title": title,
        "category": category,
        "summary": summary,
        "description": [s.paragraph(f"<p>{description}</p>")],
        "kind": kind,
        "start": start,
        "days": days,
        "weekdays": list(weekdays),
        "hours": hours,
        **extra,
    }


JASLO_TASKS = [
    _task(
        "Pomoc w świetlicy wsparcia dziennego",
        "children",
        "Odrabianie lekcji i wspólne zabawy z dziećmi w świetlicy przy ul. Kościuszki, dwa popołudnia w tygodniu.",
        "Świetlica wsparcia dziennego przyjmuje dzieci z rodzin, którym ośrodek pomaga. Wolontariusze pomagają "
        "w odrabianiu lekcji, prowadzą gry i zajęcia plastyczne pod okiem wychowawcy.",
        start=7,
        days=120,
        weekdays=(1, 3),
        hours=(15, 17),
        places=4,
        district="Śródmieście",
        place="Świetlica, ul. Kościuszki 26",
        requires_clearance=True,
        min_age=18,
        skills=["Opieka nad dziećmi", "Gry i zabawy z dziećmi", "Prace plastyczne i rękodzieło"],
    ),
    _task(
        "Zbiórka „Pomóż dzieciom przetrwać zimę”",
        "events",
        "Zbieramy ciepłe ubrania, koce i słodycze dla najuboższych dzieci z Jasła. Potrzebujemy rąk do pracy "
        "przy zbiórce w sklepach.",
        "Wolontariusze stoją przy koszach w sklepach, rozmawiają z kupującymi i przenoszą dary do magazynu "
        "ośrodka. Dyżur trwa pięć godzin, zapewniamy ciepłą herbatę i identyfikator.",
        kind="one_off",
        start=12,
        hours=(9, 14),
        places=12,
        district="Gamrat",
        place="Supermarkety w Jaśle",
        skills=["Organizacja wydarzeń"],
    ),
    _task(
        "Kolonie socjoterapeutyczne – pomocnik wychowawcy",
        "children",
        "Dwa tygodnie wakacji z dziećmi: wycieczki, gry terenowe i zajęcia z terapeutami.",
        "Kolonie łączą wypoczynek z zajęciami socjoterapeutycznymi. Pomocnik wychowawcy towarzyszy grupie "
        "w ciągu dnia, pomaga przy posiłkach i organizuje zabawy.",
        start=220,
        days=11,
        weekdays=(0, 1, 2, 3, 4),
        hours=(9, 15),
        places=3,
        district="Śródmieście",
        place="Wyjazd z parkingu przy ul. Kościuszki 26",
        requires_clearance=True,
        min_age=18,
        requires_first_aid=True,
        skills=["Opieka nad dziećmi", "Sport i rekreacja", "Pierwsza pomoc"],
    ),
    _task(
        "Zakupy dla seniorów",
        "shopping_meals",
        "Zakupy spożywcze i leki dla starszych osób, które nie wychodzą z domu. Dwa razy w tygodniu przed południem.",
        "Koordynatorka przekazuje listę zakupów i adres. Wolontariusz robi zakupy, zanosi je seniorowi "
        "i rozlicza się według paragonu.",
        start=3,
        days=90,
        weekdays=(0, 3),
        hours=(10, 12),
        places=6,
        district="Hankówka",
        place="Domy seniorów na Hankówce",
        skills=["Zakupy i drobne sprawunki", "Towarzystwo dla seniorów"],
    ),
    _task(
        "Dowóz obiadów do seniorów",
        "shopping_meals",
        "Rozwożenie gorących posiłków z kuchni ośrodka do seniorów mieszkających na Brzyszczkach i Kaczorowach.",
        "Obiady odbiera się z kuchni o 11:00, trasa obejmuje osiem adresów. Potrzebny samochód; koszty paliwa "
        "zwracamy według stawki za kilometr.",
        start=5,
        days=60,
        weekdays=(0, 1, 2, 3, 4),
        hours=(11, 13),
        places=2,
        district="Brzyszczki",
        place="Kuchnia ośrodka, ul. Kościuszki 26",
        min_age=18,
        other_requirements="Prawo jazdy kategorii B i własny samochód.",
        skills=["Prawo jazdy i własny samochód"],
    ),
    _task(
        "Korepetycje z matematyki dla uczniów",
        "tutoring",
        "Pomoc w nauce matematyki dla uczniów szkół podstawowych z rodzin objętych wsparciem ośrodka.",
        "Zajęcia odbywają się w świetlicy, w małych grupach do trzech osób. Wystarczy dobra znajomość "
        "matematyki ze szkoły podstawowej i cierpliwość.",
        start=10,
        days=150,
        weekdays=(2,),
        hours=(16, 17.5),
        places=3,
        district="Ulaszowice",
        place="Świetlica, ul. Kościuszki 26",
        requires_clearance=True,
        min_age=16,
        skills=["Korepetycje – matematyka"],
    ),
    _task(
        "Wsparcie rodziców dzieci z niepełnosprawnościami",
        "disability",
        "Kilka godzin opieki nad dzieckiem z niepełnosprawnością, żeby rodzice mogli odpocząć i załatwić sprawy.",
        "Opieka wytchnieniowa odbywa się w sali ośrodka, z udziałem terapeutki. Przed pierwszym dyżurem "
        "zapraszamy na spotkanie z rodzicami.",
        start=14,
        days=100,
        weekdays=(5,),
        hours=(10, 13),
        places=4,
        district="Sobniów",
        place="Sala terapeutyczna, ul. Kościuszki 26",
        requires_clearance=True,
        min_age=18,
        requires_first_aid=True,
        skills=["Opieka nad osobą z niepełnosprawnością", "Opieka nad dziećmi"],
    ),
    _task(
        "Inwentaryzacja magazynu darów",
        "other",
        "Sortowanie i liczenie darów przed zimową zbiórką. Dobre zadanie na jedno popołudnie, także dla młodzieży.",
        "Segregujemy ubrania według rozmiarów i sprawdzamy daty ważności żywności. Rękawiczki zapewniamy.",
        kind="one_off",
        start=4,
        hours=(14, 18),
        places=8,
        district="Niegłowice",
        place="Magazyn, ul. Floriańska 5",
        skills=["Organizacja wydarzeń"],
    ),
    _task(
        "Festyn rodzinny w parku miejskim",
        "events",
        "Pomoc przy grach i konkursach dla dzieci podczas jesiennego festynu rodzinnego.",
        "Festyn zakończył się sukcesem – dziękujemy wszystkim wolontariuszom!",
        kind="one_off",
        start=-30,
        hours=(11, 16),
        places=10,
        district="Śródmieście",
        place="Park miejski",
        skills=["Gry i zabawy z dziećmi", "Organizacja wydarzeń"],
    ),
    _task(
        "Klub Seniora – spotkania przy kawie",
        "seniors",
        "Rozmowy, gry planszowe i wspólne czytanie z seniorami w Klubie Seniora.",
        "W tym sezonie mamy już komplet wolontariuszy. Zapraszamy do innych zadań.",
        start=2,
        days=120,
        weekdays=(2,),
        hours=(10, 12),
        places=3,
        district="Kaczorowy",
        place="Klub Seniora, ul. Sokoła 2",
        status=TaskStatus.CLOSED,
        skills=["Towarzystwo dla seniorów"],
    ),
]

PULAWY_TASKS = [
    _task(
        "Aktywatorium – popołudnia z dziećmi",
        "children",
        "Zajęcia dla dzieci w centrum wsparcia dziennego Aktywatorium: lekcje, gry i warsztaty.",
        "Aktywatorium działa w dni powszednie od 12:00 do 18:00. Wolontariusze pomagają w nauce i prowadzą "
        "własne warsztaty – plastyczne, sportowe, komputerowe.",
        start=6,
        days=120,
        weekdays=(0, 2, 4),
        hours=(14, 17),
        places=5,
        district="Centrum",
        place="Aktywatorium, ul. Mickiewicza 12",
        requires_clearance=True,
        min_age=18,
        skills=["Opieka nad dziećmi", "Gry i zabawy z dziećmi", "Obsługa komputera"],
    ),
    _task(
        "Klub Integracji Społecznej – warsztaty komputerowe",
        "other",
        "Podstawy obsługi komputera i telefonu dla uczestników Klubu Integracji Społecznej.",
        "Uczymy pisać CV, zakładać skrzynkę e-mail i załatwiać sprawy urzędowe przez internet.",
        start=8,
        days=90,
        weekdays=(1,),
        hours=(10, 12),
        places=2,
        district="Włostowice",
        place="Klub Integracji Społecznej, ul. Mickiewicza 12",
        skills=["Obsługa komputera"],
    ),
    _task(
        "Zakupy i spacery z seniorami",
        "seniors",
        "Towarzystwo na spacerze i pomoc w zakupach dla samotnych seniorów z Osiedla Niebrzegów.",
        "Raz w tygodniu wolontariusz odwiedza seniora, razem idą na spacer i do sklepu.",
        start=4,
        days=90,
        weekdays=(3,),
        hours=(10, 12),
        places=5,
        district="Osiedle Niebrzegów",
        place="Osiedle Niebrzegów",
        skills=["Towarzystwo dla seniorów", "Zakupy i drobne sprawunki"],
    ),
    _task(
        "Zbiórka żywności przed świętami",
        "events",
        "Świąteczna zbiórka żywności w sklepach w Puławach – dyżury przy koszach.",
        "Dyżur trwa cztery godziny. Zebrana żywność trafi do rodzin objętych wsparciem ośrodka.",
        kind="one_off",
        start=18,
        hours=(10, 14),
        places=10,
        district="Kołłątaja",
        place="Sklepy w Puławach",
        skills=["Organizacja wydarzeń"],
    ),
]

TASKS = {"jaslo": JASLO_TASKS, "pulawy": PULAWY_TASKS}


def build(builder):
    for name in SKILLS:
        _, created = Skill.objects.get_or_create(name=name)
        if created:
            builder.created["skill"] += 1
    skills = {skill.name: skill for skill in Skill.objects.filter(name__in=SKILLS)}
    for key, tasks in TASKS.items():
        site = builder.sites[key]
        centre = Centre.for_site(site)
        districts = {}
        for name in DISTRICTS[key]:
            districts[name], created = District.objects.get_or_create(centre=centre, name=name)
            if created:
                builder.created["district"] += 1
        index = builder.page(
            site.root_page,
            TaskIndexPage,
            title="Wolontariat – zadania",
            slug="zadania",
            show_in_menus=True,
            intro=INTRO,
        )
        for spec in tasks:
            _add_task(builder, index, spec, districts, skills, COORDINATORS[key])


def _add_task(builder, index, spec, districts, skills, coordinator):
    spec = dict(spec)
    today = timezone.localdate()
    start = today + datetime.timedelta(days=spec.pop("start"))
    days = spec.pop("days")
    start_hour, end_hour = spec.pop("hours")
    name, email, phone = coordinator
    builder.page(
        index,
        TaskPage,
        start_date=start,
        end_date=start + datetime.timedelta(days=days) if days else None,
        start_time=_time(start_hour),
        end_time=_time(end_hour),
        district=districts[spec.pop("district")],
        skills=[skills[skill] for skill in spec.pop("skills")],
        coordinator_name=name,
        coordinator_email=email,
        coordinator_phone=phone,
        **spec,
    )


def _time(hour):
    return datetime.time(int(hour), int(hour % 1 * 60))
