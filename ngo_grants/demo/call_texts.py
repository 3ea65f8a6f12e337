"""What the demo calls announce: tasks, criteria and attachments, in the centres' own words.

The tasks are the ones MOPS Jasło has commissioned to NGOs for years (day-support centres for
children, care services for older and disabled people, support for families, meals) and, for
Puławy, neighbourly help for seniors and the Social Integration Club. Amounts are plausible for a
town of 35 000 people; `last_year` is what the previous call granted for the same task.
"""

from decimal import Decimal

from ngo_grants.models import TaskForm

LEGAL_BASIS = (
    "art. 11 ust. 1 pkt 2 i ust. 2 oraz art. 13 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku "
    "publicznego i o wolontariacie; art. 25 ustawy z dnia 12 marca 2004 r. o pomocy społecznej; art. 190 ustawy "
    "z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej; roczny program współpracy "
    "miasta z organizacjami pozarządowymi na {year} r."
)

# Art. 15 ust. 1 pkt 1–6: what the committee weighs; pkt 4 only where the task is supported.
CRITERIA = [
    (
        "Możliwość realizacji zadania przez oferenta",
        "Czy organizacja ma doświadczenie, ludzi i warunki, by wykonać zadanie w zaplanowanym zakresie.",
        15,
    ),
    (
        "Kalkulacja kosztów realizacji zadania",
        "Czy koszty są niezbędne, realne i odpowiadają zakresowi działań; czy stawki są rynkowe.",
        15,
    ),
    (
        "Jakość wykonania zadania i kwalifikacje osób, które je wykonają",
        "Plan działań, rezultaty i sposób ich mierzenia; wykształcenie i doświadczenie kadry.",
        20,
    ),
    (
        "Udział środków finansowych własnych lub z innych źródeł",
        "Ocenia się przy zadaniach wspieranych: wkład finansowy ponad wymagane minimum.",
        10,
    ),
    (
        "Wkład osobowy i rzeczowy",
        "Praca społeczna członków, świadczenia wolontariuszy, udostępnione lokale i sprzęt.",
        10,
    ),
    (
        "Realizacja zadań zleconych w latach poprzednich",
        "Rzetelność, terminowość i sposób rozliczenia dotacji otrzymanych wcześniej z budżetu miasta.",
        10,
    ),
]

ATTACHMENTS = [
    ("Aktualny statut organizacji", "Podpisany przez osoby upoważnione do reprezentacji, jako PDF.", True),
    (
        "Wykaz kadry z kwalifikacjami",
        "Osoby, które wykonają zadanie: wykształcenie, uprawnienia i doświadczenie, bez danych wrażliwych.",
        True,
    ),
    (
        "Odpis z Krajowego Rejestru Sądowego lub innego rejestru",
        "Tylko gdy aktualnych danych organizacji nie ma w KRS, np. dla kościelnych osób prawnych.",
        False,
    ),
    (
        "Pełnomocnictwo",
        "Gdy ofertę podpisuje osoba, której nie wymienia rejestr jako upoważnionej do reprezentacji.",
        False,
    ),
    ("Umowa partnerska", "Przy ofercie wspólnej kilku organizacji (art. 14 ust. 2 ustawy).", False),
]

# What the grants officer checks in every offer after the deadline (the call's checklist).
FORMAL_CHECKS = [
    (
        "Oferta złożona przez uprawniony podmiot",
        "Organizacja pozarządowa lub podmiot z art. 3 ust. 3 ustawy, zweryfikowany przez ośrodek.",
    ),
    (
        "Działalność statutowa zgodna z zadaniem",
        "Cele statutowe w aktualnym statucie obejmują zadanie, na które złożono ofertę.",
    ),
    ("Kalkulacja kosztów kompletna", "Każda pozycja ma ilość, koszt jednostkowy i źródło finansowania."),
    ("Wymagane załączniki dołączone", "Statut i wykaz kadry, podpisane przez osoby upoważnione."),
    ("Zadanie w terminie realizacji z ogłoszenia", "Daty działań mieszczą się w okresie podanym dla zadania."),
]
CORRECTION_DAYS = 7

SWIETLICA = "Prowadzenie placówki wsparcia dziennego dla dzieci w formie opiekuńczej (świetlica)"
OPIEKA = "Usługi opiekuńcze dla osób starszych, samotnych i z niepełnosprawnościami"
RODZINA = "Aktywizacja i wsparcie rodzin przeżywających trudności opiekuńczo-wychowawcze"
POSILKI = "Zapewnienie gorącego posiłku osobom potrzebującym"
SASIEDZI = "Pomoc sąsiedzka dla osób starszych i z niepełnosprawnościami"
KIS = "Zajęcia reintegracyjne dla uczestników Klubu Integracji Społecznej"


def task(title, description, funds, form, minimum, last_year, *, start=(2, 1), end=(12, 31)):
    return {
        "title": title,
        "description": description,
        "funds": Decimal(funds),
        "form": form,
        "min_own_contribution": Decimal(minimum),
        "last_year": Decimal(last_year) if last_year else None,
        "start": start,
        "end": end,
    }


JASLO_TASKS = [
    task(
        SWIETLICA,
        "Miejsca dla co najmniej 30 dzieci w wieku 7–15 lat z rodzin objętych pomocą ośrodka, od poniedziałku do "
        "piątku po lekcjach: pomoc w nauce, podwieczorek, zajęcia rozwijające i wyjścia. Dzieci kierują pracownicy "
        "socjalni i asystenci rodzin; placówka pracuje zgodnie z ustawą o wspieraniu rodziny.",
        "420000",
        TaskForm.ENTRUSTMENT,
        "2",
        "396000",
        start=(1, 2),
    ),
    task(
        OPIEKA,
        "Pomoc w codziennych czynnościach, pielęgnacja zalecona przez lekarza i zapewnienie kontaktów z otoczeniem "
        "dla około 70 mieszkańców, którym ośrodek przyznał usługi decyzją. Usługi także w soboty, niedziele i święta.",
        "610000",
        TaskForm.ENTRUSTMENT,
        "0",
        "585000",
    ),
    task(
        RODZINA,
        "Warsztaty umiejętności wychowawczych, grupy wsparcia dla rodziców, mediacje i terapia rodzinna oraz "
        "wspólne wyjścia rodzin wielodzietnych, także posiadaczy Jasielskiej Karty Dużej Rodziny.",
        "85000",
        TaskForm.SUPPORT,
        "10",
        "72000",
        start=(3, 1),
        end=(11, 30),
    ),
    task(
        POSILKI,
        "Jeden gorący posiłek dziennie dla osób skierowanych przez ośrodek, wydawany na miejscu lub w pojemnikach "
        "do zabrania, a osobom, które nie wychodzą z domu, dowożony.",
        "180000",
        TaskForm.SUPPORT,
        "5",
        "164000",
        start=(1, 2),
    ),
]

PULAWY_TASKS = [
    task(
        SASIEDZI,
        "Przynoszenie obiadów i drobnych zakupów, pomoc w porządkach i towarzyszenie w wolnym czasie dla około "
        "25 starszych i niepełnosprawnych klientów ośrodka, z udziałem wolontariuszy.",
        "60000",
        TaskForm.SUPPORT,
        "10",
        "54000",
    ),
    task(
        KIS,
        "Warsztaty umiejętności społecznych i zawodowych, doradztwo i wyjścia integracyjne dla uczestników Klubu "
        "Integracji Społecznej działającego przy ośrodku od 2006 r.",
        "40000",
        TaskForm.SUPPORT,
        "10",
        None,
        start=(3, 1),
        end=(11, 30),
    ),
]

JASLO_INTRO = (
    "<p>Prezydent Miasta Jasła, za pośrednictwem Miejskiego Ośrodka Pomocy Społecznej, zaprasza organizacje "
    "pozarządowe i podmioty z art. 3 ust. 3 ustawy do składania ofert na zadania z zakresu pomocy społecznej "
    "i wspierania rodziny w {year} r.</p>"
    "<p>Od lat miasto zleca te zadania organizacjom: w ostatnich latach przekazało im w dotacjach łącznie ponad "
    "4,5 mln zł na świetlice dla dzieci, usługi opiekuńcze i pomoc osobom niepełnosprawnym. Ofertę składa się "
    "przez internet, do terminu podanego niżej.</p>"
)

PULAWY_INTRO = (
    "<p>Miejski Ośrodek Pomocy Społecznej w Puławach zaprasza organizacje pozarządowe do składania ofert "
    "na dwa zadania z zakresu pomocy społecznej w {year} r.: pomoc sąsiedzką dla seniorów i zajęcia dla "
    "uczestników Klubu Integracji Społecznej.</p>"
)

CONDITIONS = (
    "<ul>"
    "<li>Dotację przyznaje się organizacji, której cele statutowe obejmują dane zadanie i której ośrodek "
    "zweryfikował dane przed terminem składania ofert.</li>"
    "<li>Jedna organizacja może złożyć jedną ofertę na każde zadanie; możliwa jest oferta wspólna.</li>"
    "<li>Wkład własny nie może być niższy niż minimum podane przy zadaniu; wkład osobowy wycenia się według "
    "stawek z regulaminu.</li>"
    "<li>Kwota dotacji może być niższa od wnioskowanej; wtedy organizacja składa zaktualizowany kosztorys.</li>"
    "</ul>"
)

EVALUATION_RULES = (
    "<p>Oferty sprawdza pod względem formalnym pracownik ośrodka; braki można uzupełnić w ciągu 7 dni od "
    "wezwania. Oferty poprawne formalnie ocenia komisja konkursowa według kryteriów podanych wyżej; "
    "członek komisji, który pozostaje w konflikcie interesów z oferentem, nie ocenia jego oferty.</p>"
    "<p>Wyniki ogłasza się na tej stronie, w BIP i na tablicy ogłoszeń ośrodka.</p>"
)

INDEX_INTRO = (
    "<p>Ogłoszenia otwartych konkursów ofert na zadania publiczne, które ośrodek zleca organizacjom "
    "pozarządowym, oraz ich wyniki z poprzednich lat.</p>"
)
