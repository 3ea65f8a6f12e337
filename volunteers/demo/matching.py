"""Demo one-to-one help: beneficiaries, their needs, a matching pool and matches in every state.

Modelled on what the seed documents say both centres do: families supported by a family
assistant (Jasło's Large Family Card, Puławy's day-support centre "Aktywatorium"), parents of
disabled children, disabled adults in activation projects and the Social Integration Club,
seniors living alone who need shopping, meals and company. Every name is invented.

The pool is chosen so that each centre's plan shows something of everything: proposals with
their reasons, candidates excluded for different reasons (district, times, capacity, missing,
expired or soon-expiring checks, age, gender, language, experience) and needs left open with
why (nobody in the district, nobody free then, nobody meeting the requirements).

Beneficiaries are personal data, even invented ones, so like the demo accounts they exist only
where demo users are allowed. Loading again adds nothing: a beneficiary whose name the centre
already has is left alone with its needs, a pool volunteer whose address exists likewise, and
the matches are told only for needs created in the same run. Matches go through the services
(propose, accept, decline, end, cancel) with the centre's demo coordinator as the actor, so
every one obeys the rules the admin enforces; one the rules refuse is left out with a note.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from accounts.demo.staff import _person, staff_email
from accounts.demo.users import PASSWORD
from accounts.models import Role
from volunteers import services
from volunteers.demo.people import (
    AFTERNOON,
    EVENING,
    EXPIRED_CHECKS,
    EXPIRING_CHECKS,
    MORNING,
    VALID_CHECKS,
    Person,
    _CentreDemo,
)
from volunteers.models import (
    Beneficiary,
    BeneficiaryKind,
    DisabilityKind,
    Gender,
    Language,
    MatchOutcome,
    MatchStatus,
    Need,
    NeedStatus,
    VolunteerProfile,
)
from volunteers.models.beneficiaries import time_value
from volunteers.models.tasks import TaskCategory
from volunteers.services.matches import MatchRefused

# The shared lists as the migration seeded them; created here too for a database flushed
# between tests, where the migration's rows are gone.
UKRAINIAN, RUSSIAN, ENGLISH, SIGN_LANGUAGE = "ukraiński", "rosyjski", "angielski", "polski język migowy"
WHEELCHAIR = "niepełnosprawność ruchowa / wózek"
BLIND = "niewidomi i słabowidzący"
DEAF = "głusi i słabosłyszący"
INTELLECTUAL = "niepełnosprawność intelektualna"
AUTISM = "autyzm"
MENTAL_HEALTH = "zdrowie psychiczne"
DEMENTIA = "demencja"
LANGUAGES = [ENGLISH, UKRAINIAN, RUSSIAN, "niemiecki", SIGN_LANGUAGE]
DISABILITY_KINDS = [WHEELCHAIR, BLIND, DEAF, INTELLECTUAL, AUTISM, MENTAL_HEALTH, DEMENTIA]

MATHS, POLISH = "Korepetycje – matematyka", "Korepetycje – język polski"
DRIVING, SHOPPING = "Prawo jazdy i własny samochód", "Zakupy i drobne sprawunki"
COMPANY, CARE = "Towarzystwo dla seniorów", "Opieka nad osobą z niepełnosprawnością"
CHILDCARE, GAMES, SPORT = "Opieka nad dziećmi", "Gry i zabawy z dziećmi", "Sport i rekreacja"
COMPUTER = "Obsługa komputera"

WOMAN, MAN = Gender.WOMAN.value, Gender.MAN.value


def at(*cells):
    """Cells of the week grid, (weekday, part) → "0-morning", as the need's form stores them."""
    return tuple(time_value(day, part) for day, part in cells)


@dataclass(frozen=True)
class Story:
    """What happened to the need's first match: proposed to pool volunteer number
    `volunteer`, and then answered or ended into `state`. `reason` is the decline or
    cancel reason or the outcome note; `afterwards` are changes staff made to the need next."""

    state: str
    volunteer: int
    reason: str = ""
    afterwards: tuple = ()


@dataclass(frozen=True)
class NeedSpec:
    category: str
    times: tuple
    start: int  # days from the day of loading
    hours: int = 2
    skills: tuple = ()
    child: bool = False
    gender: str = ""
    language: str = ""
    disability: str = ""
    licence: bool = False
    car: bool = False
    status: str = NeedStatus.OPEN
    note: str = ""  # the staff note
    story: Story | None = None


@dataclass(frozen=True)
class Household:
    kind: str
    name: str
    first_name: str
    district: str
    address: str
    phone: str
    note: str  # the household notes
    needs: tuple
    meeting_place: str = ""


def pool_email(centre_key, number):
    """Volunteers who opted into regular help ("stały wolontariusz")."""
    return f"staly{number}@{centre_key}.demo.pomost.local"


# The volunteer the README names: an active match and a proposal waiting for the answer.
PROPOSED_AND_ACTIVE = 1

POOL = {
    "jaslo": [
        Person(
            "Marta",
            "Bielecka",
            29,
            "an active one-to-one match and a new proposal to accept or decline",
            skills=(MATHS, CARE, DRIVING),
            districts=("Śródmieście", "Gamrat", "Ulaszowice"),
            slots=((1, AFTERNOON), (3, AFTERNOON), (2, MORNING), (4, MORNING)),
            driving=True,
            checks=VALID_CHECKS,
            regular_help=True,
            gender=WOMAN,
            experience=(WHEELCHAIR, AUTISM),
        ),
        Person(
            "Oksana",
            "Melnyk",
            38,
            "speaks Ukrainian, valid checks",
            skills=(POLISH, "Język ukraiński", CHILDCARE),
            districts=("Śródmieście", "Gamrat"),
            slots=((0, AFTERNOON), (2, AFTERNOON), (4, AFTERNOON)),
            languages=(UKRAINIAN, RUSSIAN),
            checks=VALID_CHECKS,
            regular_help=True,
            gender=WOMAN,
        ),
        Person(
            "Piotr",
            "Zawadzki",
            45,
            "experience with autism, one family at a time",
            skills=(CARE, SPORT),
            districts=("Hankówka", "Śródmieście"),
            slots=((1, AFTERNOON), (5, MORNING)),
            checks=VALID_CHECKS,
            regular_help=True,
            gender=MAN,
            experience=(AUTISM, INTELLECTUAL),
            max_concurrent=1,
        ),
        Person(
            "Łukasz",
            "Jabłoński",
            33,
            "declined a proposal with a reason",
            skills=(SPORT,),
            districts=("Hankówka",),
            slots=((5, MORNING),),
            checks=VALID_CHECKS,
            regular_help=True,
            gender=MAN,
            experience=(AUTISM,),
            max_concurrent=1,
        ),
        Person(
            "Jadwiga",
            "Rutkowska",
            64,
            "an ended match with a good outcome",
            skills=(COMPANY, SHOPPING, "Gotowanie"),
            districts=("Brzyszczki", "Kaczorowy"),
            slots=((0, MORNING), (2, MORNING), (3, MORNING)),
            regular_help=True,
            gender=WOMAN,
            experience=(DEMENTIA,),
        ),
        Person(
            "Krzysztof",
            "Adamczyk",
            52,
            "a proposal cancelled by the centre, drives",
            skills=(DRIVING, SHOPPING),
            districts=("Kaczorowy", "Brzyszczki", "Sobniów"),
            slots=((0, MORNING), (1, MORNING), (2, MORNING), (3, MORNING)),
            driving=True,
            regular_help=True,
            gender=MAN,
            experience=(DEMENTIA, WHEELCHAIR),
            max_concurrent=3,
        ),
        Person(
            "Natalia",
            "Sobczak",
            24,
            "expired child-protection checks",
            skills=(MATHS, COMPUTER, "Język angielski"),
            districts=("Śródmieście", "Gamrat"),
            slots=((1, AFTERNOON), (3, AFTERNOON), (2, EVENING)),
            languages=(ENGLISH,),
            checks=EXPIRED_CHECKS,
            regular_help=True,
            gender=WOMAN,
            experience=(MENTAL_HEALTH,),
        ),
        Person(
            "Kacper",
            "Wróblewski",
            17,
            "a minor, too young for one-to-one help",
            skills=(COMPUTER, SPORT),
            districts=("Śródmieście", "Gamrat"),
            slots=((2, EVENING), (5, MORNING)),
            guardian="Iwona Wróblewska",
            regular_help=True,
            gender=MAN,
            max_concurrent=1,
        ),
        Person(
            "Bartosz",
            "Nowicki",
            31,
            "no child-protection checks yet",
            skills=(MATHS,),
            districts=("Gamrat", "Śródmieście"),
            slots=((0, AFTERNOON), (1, AFTERNOON), (3, AFTERNOON)),
            regular_help=True,
        ),
        Person(
            "Ewelina",
            "Majewska",
            41,
            "checks valid now but expiring before a need starts",
            skills=(POLISH, CHILDCARE),
            districts=("Śródmieście", "Ulaszowice"),
            slots=((0, AFTERNOON), (2, AFTERNOON)),
            languages=(UKRAINIAN,),
            checks=EXPIRING_CHECKS,
            regular_help=True,
            gender=Gender.UNDISCLOSED.value,
        ),
    ],
    "pulawy": [
        Person(
            "Agata",
            "Wieczorek",
            32,
            "an active one-to-one match and a new proposal to accept or decline",
            skills=(DRIVING, CARE, POLISH),
            districts=("Włostowice", "Centrum", "Osiedle Niebrzegów"),
            slots=((0, MORNING), (2, MORNING), (1, AFTERNOON), (3, AFTERNOON)),
            driving=True,
            checks=VALID_CHECKS,
            regular_help=True,
            gender=WOMAN,
            experience=(WHEELCHAIR,),
        ),
        Person(
            "Iryna",
            "Bondarenko",
            27,
            "speaks Ukrainian and Russian, valid checks",
            skills=(POLISH, "Język ukraiński"),
            districts=("Centrum", "Kołłątaja"),
            slots=((0, AFTERNOON), (2, AFTERNOON)),
            languages=(UKRAINIAN, RUSSIAN),
            checks=VALID_CHECKS,
            regular_help=True,
            gender=WOMAN,
        ),
        Person(
            "Sebastian",
            "Wojciechowski",
            36,
            "experience with intellectual disability, Saturdays",
            skills=(CARE, GAMES),
            districts=("Kołłątaja", "Piaskowa"),
            slots=((5, MORNING), (5, AFTERNOON)),
            checks=VALID_CHECKS,
            regular_help=True,
            gender=MAN,
            experience=(INTELLECTUAL,),
            max_concurrent=1,
        ),
        Person(
            "Mateusz",
            "Krawczyk",
            22,
            "declined a proposal with a reason",
            skills=(SPORT,),
            districts=("Kołłątaja",),
            slots=((5, MORNING),),
            checks=VALID_CHECKS,
            regular_help=True,
            gender=MAN,
            experience=(INTELLECTUAL,),
            max_concurrent=1,
        ),
        Person(
            "Halina",
            "Maciejewska",
            58,
            "an ended match with a good outcome",
            skills=(COMPANY, SHOPPING),
            districts=("Górna", "Piaskowa"),
            slots=((1, MORNING), (3, MORNING)),
            regular_help=True,
            gender=WOMAN,
            experience=(BLIND,),
        ),
        Person(
            "Roman",
            "Pawłowski",
            47,
            "a proposal cancelled by the centre, drives",
            skills=(SHOPPING, DRIVING),
            districts=("Centrum", "Piaskowa"),
            slots=((1, MORNING), (4, MORNING)),
            driving=True,
            regular_help=True,
            gender=MAN,
        ),
        Person(
            "Weronika",
            "Sadowska",
            25,
            "expired child-protection checks",
            skills=(CHILDCARE, MATHS),
            districts=("Centrum", "Włostowice"),
            slots=((0, AFTERNOON), (1, AFTERNOON), (3, AFTERNOON)),
            checks=EXPIRED_CHECKS,
            regular_help=True,
            gender=WOMAN,
        ),
        Person(
            "Oliwia",
            "Kurek",
            17,
            "a minor, too young for one-to-one help",
            skills=(GAMES,),
            districts=("Centrum", "Włostowice"),
            slots=((0, AFTERNOON), (2, AFTERNOON)),
            guardian="Beata Kurek",
            regular_help=True,
            gender=WOMAN,
            max_concurrent=1,
        ),
        Person(
            "Kamil",
            "Duda",
            30,
            "no child-protection checks yet",
            skills=(MATHS, COMPUTER),
            districts=("Włostowice", "Centrum"),
            slots=((0, AFTERNOON), (2, AFTERNOON), (4, AFTERNOON)),
            regular_help=True,
            gender=Gender.UNDISCLOSED.value,
        ),
    ],
}

HOUSEHOLDS = {
    "jaslo": [
        Household(
            BeneficiaryKind.FAMILY,
            "Mazurkiewiczowie",
            "Beata",
            "Gamrat",
            "ul. Lipowa 12/4, 38-200 Jasło",
            "600 410 227",
            "Mama samotnie wychowuje troje dzieci (8, 11 i 14 lat). Rodzina ma Jasielską Kartę Dużej "
            "Rodziny i od roku pracuje z nią asystentka rodziny. Najstarszy syn ma duże zaległości z matematyki.",
            (
                NeedSpec(
                    TaskCategory.TUTORING,
                    at((1, AFTERNOON), (3, AFTERNOON)),
                    start=7,
                    hours=3,
                    skills=(MATHS,),
                    child=True,
                    note="Asystentka rodziny prosi o telefon przed pierwszą wizytą. Lekcje w kuchni, mama jest w domu.",
                    story=Story(MatchStatus.PROPOSED, PROPOSED_AND_ACTIVE),
                ),
                NeedSpec(
                    TaskCategory.CHILDREN,
                    at((5, MORNING)),
                    start=40,
                    skills=(GAMES, SPORT),
                    child=True,
                    status=NeedStatus.PAUSED,
                    note="Wstrzymane na prośbę mamy do końca roku szkolnego: soboty dzieci spędzają teraz u dziadków.",
                ),
            ),
        ),
        Household(
            BeneficiaryKind.FAMILY,
            "Hnatiukowie",
            "Olena",
            "Śródmieście",
            "ul. Staszica 7/2, 38-200 Jasło",
            "+48 511 203 448",
            "Mama, babcia i dwoje dzieci (9 i 12 lat) z Charkowa, w Jaśle od dwóch lat. Mama pracuje na zmiany, "
            "babcia mówi tylko po ukraińsku. Dzieci dostały stypendium szkolne.",
            (
                NeedSpec(
                    TaskCategory.TUTORING,
                    at((0, AFTERNOON), (2, AFTERNOON)),
                    start=30,
                    hours=3,
                    skills=(POLISH,),
                    child=True,
                    language=UKRAINIAN,
                    note="Z babcią tylko po ukraińsku. Od nowego semestru – wcześniej dzieci mają zajęcia wyrównawcze.",
                ),
                NeedSpec(
                    TaskCategory.FAMILIES,
                    at((1, MORNING)),
                    start=-60,
                    language=UKRAINIAN,
                    status=NeedStatus.CLOSED,
                    note="Zamknięte: wnioski o świadczenia złożone, mama radzi sobie już sama w urzędach.",
                ),
            ),
        ),
        Household(
            BeneficiaryKind.FAMILY,
            "Pietrzakowie",
            "Tomasz",
            "Hankówka",
            "ul. Sadowa 3, 38-200 Jasło",
            "600 722 914",
            "Rodzice i 10-letni Kuba z autyzmem. Mama chodzi na spotkania dla rodziców dzieci "
            "z niepełnosprawnościami w Programie Aktywności Lokalnej, tata często wyjeżdża w delegacje.",
            (
                NeedSpec(
                    TaskCategory.DISABILITY,
                    at((1, AFTERNOON), (5, MORNING)),
                    start=3,
                    hours=3,
                    skills=(CARE, SPORT),
                    child=True,
                    gender=MAN,
                    disability=AUTISM,
                    note="Kuba lepiej czuje się z mężczyzną; spacer albo basen. Hałas go przeciąża – "
                    "na pierwsze spotkanie przyjść razem z mamą.",
                    story=Story(
                        MatchStatus.DECLINED,
                        4,
                        "Znam tę rodzinę prywatnie, mieszkamy w jednym bloku. Wolałbym, żeby Kubie pomagał "
                        "ktoś spoza sąsiedztwa.",
                    ),
                ),
            ),
        ),
        Household(
            BeneficiaryKind.FAMILY,
            "Kubiakowie",
            "Renata",
            "Ulaszowice",
            "ul. Polna 21, 38-200 Jasło",
            "600 318 502",
            "Mama i 15-letnia Zosia, która po wypadku porusza się na wózku. Tata pracuje za granicą. "
            "Rehabilitacja dwa razy w tygodniu w ośrodku po drugiej stronie miasta.",
            (
                NeedSpec(
                    TaskCategory.DISABILITY,
                    at((2, MORNING), (4, MORNING)),
                    start=-20,
                    hours=4,
                    skills=(DRIVING, CARE),
                    child=True,
                    disability=WHEELCHAIR,
                    licence=True,
                    car=True,
                    note="Składany wózek mieści się w bagażniku kombi. Potrzebna pomoc przy przesiadaniu się do auta.",
                    story=Story(MatchStatus.ACTIVE, PROPOSED_AND_ACTIVE),
                ),
            ),
        ),
        Household(
            BeneficiaryKind.SENIOR,
            "Stanisław Wrona",
            "Stanisław",
            "Brzyszczki",
            "ul. Ogrodowa 5, 38-200 Jasło",
            "13 446 51 20",
            "Mieszka sam, wdowiec; syn z Krakowa dzwoni co tydzień. Po operacji biodra chodził o kulach. "
            "Dostaje obiady z dowozu ośrodka.",
            (
                NeedSpec(
                    TaskCategory.SHOPPING_MEALS,
                    at((0, MORNING), (3, MORNING)),
                    start=-90,
                    skills=(SHOPPING, COMPANY),
                    note="Zakupy według listy, rozliczenie według paragonu.",
                    story=Story(
                        MatchStatus.ENDED,
                        5,
                        "Pan Stanisław po rehabilitacji znów sam chodzi do sklepu. Trzy miesiące zakupów "
                        "dwa razy w tygodniu i długich rozmów – podziękował w liście do ośrodka.",
                    ),
                ),
            ),
        ),
        Household(
            BeneficiaryKind.SENIOR,
            "Helena Sowa",
            "Helena",
            "Kaczorowy",
            "ul. Podzamcze 40, 38-200 Jasło",
            "13 446 08 77",
            "Mieszka sama na parterze domu, pierwsze objawy otępienia. Córka z Rzeszowa przyjeżdża w weekendy.",
            (
                NeedSpec(
                    TaskCategory.SENIORS,
                    at((0, MORNING), (2, MORNING)),
                    start=7,
                    skills=(COMPANY,),
                    disability=DEMENTIA,
                    note="Pani Helena gubi się poza domem: spacery tylko po okolicy, zawsze z telefonem do córki.",
                    story=Story(
                        MatchStatus.CANCELLED,
                        6,
                        "Pani Helena powiedziała pracownicy socjalnej, że woli, aby odwiedzała ją kobieta. "
                        "Wycofujemy propozycję i poprawiamy wymagania potrzeby.",
                        afterwards=(("preferred_gender", WOMAN),),
                    ),
                ),
            ),
        ),
        Household(
            BeneficiaryKind.DISABLED,
            "Marek Górecki",
            "Marek",
            "Sobniów",
            "ul. Słowackiego 18, 38-200 Jasło",
            "600 905 133",
            "48 lat, porusza się na wózku po udarze rdzenia; mieszka z żoną, która pracuje do 16:00. "
            "Uczestnik projektu aktywizacji zawodowej osób z niepełnosprawnościami.",
            (
                NeedSpec(
                    TaskCategory.SHOPPING_MEALS,
                    at((1, MORNING), (3, MORNING)),
                    start=10,
                    skills=(SHOPPING, DRIVING),
                    disability=WHEELCHAIR,
                    licence=True,
                    note="Samochód przystosowany ma pan Marek – potrzebny tylko kierowca z prawem jazdy kat. B.",
                ),
            ),
        ),
        Household(
            BeneficiaryKind.DISABLED,
            "Tomasz Kruk",
            "Tomasz",
            "Śródmieście",
            "ul. Kilińskiego 9/11, 38-200 Jasło",
            "600 264 781",
            "34 lata, po leczeniu depresji, mieszka z mamą. Ukończył kurs w projekcie dla osób "
            "z zaburzeniami psychicznymi i szuka stażu.",
            (
                NeedSpec(
                    TaskCategory.OTHER,
                    at((2, EVENING), (4, AFTERNOON)),
                    start=5,
                    skills=(COMPUTER,),
                    disability=MENTAL_HEALTH,
                    note="Pisanie CV i szukanie ofert pracy. Spotkania w bibliotece, nie w domu – tak woli pan Tomasz.",
                ),
            ),
            meeting_place="Czytelnia biblioteki miejskiej, parter",
        ),
        Household(
            BeneficiaryKind.SENIOR,
            "Genowefa Kos",
            "Genowefa",
            "Niegłowice",
            "Niegłowice 112, 38-200 Jasło",
            "13 446 77 02",
            "86 lat, mieszka sama w starym domu, zimą nie wychodzi. Sąsiadka zagląda raz dziennie.",
            (
                NeedSpec(
                    TaskCategory.SENIORS,
                    at((1, MORNING), (4, MORNING)),
                    start=0,
                    skills=(COMPANY, SHOPPING),
                    note="Nikt z puli nie pomaga w Niegłowicach – zapytać parafię i koło gospodyń o wolontariuszy.",
                ),
            ),
        ),
        Household(
            BeneficiaryKind.DISABLED,
            "Ryszard Wilk",
            "Ryszard",
            "Gamrat",
            "ul. Mickiewicza 30/6, 38-200 Jasło",
            "600 557 390",
            "Niesłyszący od urodzenia, porozumiewa się polskim językiem migowym. Mieszka sam od śmierci brata.",
            (
                NeedSpec(
                    TaskCategory.OTHER,
                    at((3, AFTERNOON)),
                    start=14,
                    language=SIGN_LANGUAGE,
                    disability=DEAF,
                    note="Towarzyszenie u lekarza i w urzędach. Wizyty umawia SMS-em – nie dzwonić.",
                ),
            ),
        ),
    ],
    "pulawy": [
        Household(
            BeneficiaryKind.FAMILY,
            "Zalewscy",
            "Ilona",
            "Włostowice",
            "ul. Wiejska 14, 24-100 Puławy",
            "600 631 905",
            "Rodzice i czworo dzieci; dwoje młodszych chodzi po szkole do placówki wsparcia dziennego "
            "„Aktywatorium”. Rodzinę wspiera asystent rodziny, tata uczestniczy w zajęciach Klubu "
            "Integracji Społecznej.",
            (
                NeedSpec(
                    TaskCategory.TUTORING,
                    at((1, AFTERNOON), (3, AFTERNOON)),
                    start=7,
                    hours=3,
                    skills=(POLISH, CHILDCARE),
                    child=True,
                    note="Lekcje z 10-letnim Szymonem w dni, kiedy nie idzie do Aktywatorium; "
                    "uzgodnione z pedagogiem placówki.",
                    story=Story(MatchStatus.PROPOSED, PROPOSED_AND_ACTIVE),
                ),
            ),
        ),
        Household(
            BeneficiaryKind.FAMILY,
            "Kowalenkowie",
            "Natalija",
            "Centrum",
            "ul. Piłsudskiego 40/15, 24-100 Puławy",
            "+48 512 880 146",
            "Mama z dwiema córkami (7 i 13 lat) z Zaporoża, w Puławach od roku. Mama pracuje na zmiany.",
            (
                NeedSpec(
                    TaskCategory.TUTORING,
                    at((0, AFTERNOON), (2, AFTERNOON)),
                    start=10,
                    skills=(POLISH,),
                    child=True,
                    language=UKRAINIAN,
                    note="Starsza córka za rok pisze egzamin ósmoklasisty – najpierw polski.",
                ),
            ),
        ),
        Household(
            BeneficiaryKind.FAMILY,
            "Jankowscy",
            "Dorota",
            "Kołłątaja",
            "ul. Kołłątaja 8/3, 24-100 Puławy",
            "600 174 229",
            "Rodzice i 12-letni Antek z zespołem Downa. Mama zrezygnowała z pracy, żeby się nim opiekować, "
            "i potrzebuje kilku godzin wytchnienia w tygodniu.",
            (
                NeedSpec(
                    TaskCategory.DISABILITY,
                    at((5, MORNING), (5, AFTERNOON)),
                    start=3,
                    hours=4,
                    skills=(CARE, GAMES),
                    child=True,
                    disability=INTELLECTUAL,
                    note="Antek uwielbia planszówki i spacery nad Wisłą. Przy ulicy trzymać go za rękę.",
                    story=Story(
                        MatchStatus.DECLINED,
                        4,
                        "Nie czuję się jeszcze gotowy na samodzielną opiekę nad Antkiem. Chciałbym najpierw "
                        "pomagać przy zajęciach grupowych w Aktywatorium.",
                    ),
                ),
            ),
        ),
        Household(
            BeneficiaryKind.SENIOR,
            "Irena Kaczmarczyk",
            "Irena",
            "Piaskowa",
            "ul. Piaskowa 22/9, 24-100 Puławy",
            "81 887 23 40",
            "79 lat, słabo widzi (jaskra), mieszka sama na trzecim piętrze bez windy. Listy czytała jej "
            "sąsiadka, która się wyprowadza.",
            (
                NeedSpec(
                    TaskCategory.SENIORS,
                    at((1, MORNING), (3, MORNING)),
                    start=5,
                    skills=(COMPANY, SHOPPING),
                    gender=WOMAN,
                    disability=BLIND,
                    note="Czytanie listów i rachunków, pomoc w przychodni. Pani Irena prosi o kobietę.",
                ),
            ),
        ),
        Household(
            BeneficiaryKind.SENIOR,
            "Henryk Olszewski",
            "Henryk",
            "Górna",
            "ul. Górna 3, 24-100 Puławy",
            "81 887 61 15",
            "Wdowiec, 83 lata; dostaje posiłki dowożone przez ośrodek. Syn mieszka za granicą.",
            (
                NeedSpec(
                    TaskCategory.SHOPPING_MEALS,
                    at((1, MORNING), (3, MORNING)),
                    start=-120,
                    skills=(SHOPPING, COMPANY),
                    note="Drobne zakupy i apteka; klucz u sąsiadki spod 2.",
                    story=Story(
                        MatchStatus.ENDED,
                        5,
                        "Pan Henryk wrócił do sił po zapaleniu płuc i znów sam robi zakupy. Cztery miesiące "
                        "wizyt dwa razy w tygodniu, rozstanie w bardzo dobrej atmosferze.",
                    ),
                ),
            ),
        ),
        Household(
            BeneficiaryKind.DISABLED,
            "Dawid Szulc",
            "Dawid",
            "Osiedle Niebrzegów",
            "ul. Niebrzegowska 7, 24-100 Puławy",
            "600 390 652",
            "27 lat, po wypadku motocyklowym porusza się na wózku, mieszka z rodzicami. Chodzi na warsztaty "
            "komputerowe Klubu Integracji Społecznej.",
            (
                NeedSpec(
                    TaskCategory.DISABILITY,
                    at((0, MORNING), (2, MORNING)),
                    start=-14,
                    hours=3,
                    skills=(DRIVING, CARE),
                    disability=WHEELCHAIR,
                    licence=True,
                    car=True,
                    note="Dowóz na warsztaty KIS w poniedziałki i środy na 9:00. Wózek aktywny, lekki.",
                    story=Story(MatchStatus.ACTIVE, PROPOSED_AND_ACTIVE),
                ),
            ),
        ),
        Household(
            BeneficiaryKind.SENIOR,
            "Wiesława Rogalska",
            "Wiesława",
            "Centrum",
            "ul. Lubelska 11/4, 24-100 Puławy",
            "81 887 40 93",
            "Mieszka sama; po złamaniu ręki potrzebuje pomocy przy zakupach i sprzątaniu.",
            (
                NeedSpec(
                    TaskCategory.SHOPPING_MEALS,
                    at((1, MORNING), (4, MORNING)),
                    start=2,
                    skills=(SHOPPING,),
                    note="Po powrocie od córki zadzwonić i sprawdzić, czy pomoc jest nadal potrzebna.",
                    story=Story(
                        MatchStatus.CANCELLED,
                        6,
                        "Pani Wiesława na czas rekonwalescencji zamieszkała u córki w Lublinie. Wycofujemy "
                        "propozycję, a potrzebę wstrzymujemy do jej powrotu.",
                        afterwards=(("status", NeedStatus.PAUSED),),
                    ),
                ),
            ),
        ),
        Household(
            BeneficiaryKind.SENIOR,
            "Józef Michalak",
            "Józef",
            "Centrum",
            "ul. Kościuszki 2/1, 24-100 Puławy",
            "81 887 12 66",
            "90 lat, samotny. Odkąd nie schodzi sam po schodach, najbardziej brakuje mu niedzielnej mszy.",
            (
                NeedSpec(
                    TaskCategory.SENIORS,
                    at((6, MORNING)),
                    start=7,
                    skills=(COMPANY,),
                    note="Droga do kościoła to 300 m i dwa krawężniki; pan Józef chodzi o lasce.",
                ),
            ),
        ),
        Household(
            BeneficiaryKind.DISABLED,
            "Lidia Borkowska",
            "Lidia",
            "Kołłątaja",
            "ul. Skowieszyńska 5/20, 24-100 Puławy",
            "600 812 047",
            "41 lat, z umiarkowaną niepełnosprawnością intelektualną, mieszka z 75-letnią mamą. Uczy się "
            "samodzielności na czas, gdy mama nie będzie mogła się nią zająć.",
            (
                NeedSpec(
                    TaskCategory.OTHER,
                    at((2, AFTERNOON), (4, AFTERNOON)),
                    start=14,
                    skills=(SHOPPING,),
                    gender=WOMAN,
                    disability=INTELLECTUAL,
                    note="Nauka robienia zakupów i jazdy autobusem. Mama chce poznać wolontariuszkę "
                    "przed pierwszym wyjściem.",
                ),
            ),
        ),
    ],
}


def build(builder):
    _vocabulary(builder)
    if not builder.with_users:
        return
    rows = []
    for centre_key in POOL:
        rows += _CentreMatching(builder, centre_key).load()
    builder.logins.append(f"Demo volunteers in the matching pool (password {PASSWORD}):")
    builder.logins.extend(rows)


def _vocabulary(builder):
    for model, names, label in ((Language, LANGUAGES, "language"), (DisabilityKind, DISABILITY_KINDS, "disability")):
        for name in names:
            if model.objects.get_or_create(name=name)[1]:
                builder.created[label] += 1


class _CentreMatching:
    """One centre's pool volunteers, households and the stories of their first matches."""

    def __init__(self, builder, centre_key):
        self.builder = builder
        self.key = centre_key
        self.people = _CentreDemo(builder, centre_key)
        self.centre = self.people.centre
        self.coordinator = get_user_model().objects.filter(email=staff_email(centre_key, Role.COORDINATOR)).first()
        self.languages = {language.name: language for language in Language.objects.all()}
        self.disabilities = {kind.name: kind for kind in DisabilityKind.objects.all()}

    def load(self):
        rows = []
        for number, person in enumerate(POOL[self.key], start=1):
            email = pool_email(self.key, number)
            user = _person(self.builder, email, person.first_name, person.last_name)
            if user is not None:
                self.people.add(user, person)
            rows.append(f"  {email:<40} {person.first_name} {person.last_name}: {person.summary}")
        stories = []
        for household in HOUSEHOLDS[self.key]:
            if Beneficiary.objects.filter(centre=self.centre, name=household.name).exists():
                continue
            stories += self._household(household)
        for need, story in stories:
            self._tell(need, story)
        return rows

    def _household(self, household):
        """The beneficiary with all its needs, and the stories to tell about them."""
        district = self.people.districts.get(household.district)
        if district is None:
            self.builder.notes.append(
                f"Demo beneficiary {household.name!r} left out: no district {household.district}."
            )
            return []
        beneficiary = Beneficiary.objects.create(
            centre=self.centre,
            kind=household.kind,
            name=household.name,
            first_name=household.first_name,
            phone=household.phone,
            address=household.address,
            meeting_place=household.meeting_place,
            district=district,
            household_note=household.note,
        )
        self.builder.created["beneficiary"] += 1
        stories = []
        for spec in household.needs:
            need = self._need(beneficiary, spec)
            if spec.story:
                stories.append((need, spec.story))
        return stories

    def _need(self, beneficiary, spec):
        need = Need.objects.create(
            beneficiary=beneficiary,
            category=spec.category,
            times=list(spec.times),
            hours_per_week=spec.hours,
            child_involved=spec.child,
            preferred_gender=spec.gender,
            language=self.languages.get(spec.language),
            disability=self.disabilities.get(spec.disability),
            needs_licence=spec.licence,
            needs_car=spec.car,
            start_date=self.people.today + datetime.timedelta(days=spec.start),
            status=spec.status,
            staff_note=spec.note,
        )
        need.skills.set([self.people.skills[name] for name in spec.skills if name in self.people.skills])
        self.builder.created["need"] += 1
        return need

    def _tell(self, need, story):
        """The match from the coordinator's confirmation to `story.state`, through the services."""
        profile = VolunteerProfile.objects.filter(user__email=pool_email(self.key, story.volunteer)).first()
        if profile is None or self.coordinator is None:
            self.builder.notes.append(f"Demo match for {need} left out: its volunteer or coordinator is missing.")
            return
        try:
            match = self._propose(need, profile)
            if story.state in (MatchStatus.ACTIVE, MatchStatus.ENDED):
                match = services.matches.accept(match, profile)
            if story.state == MatchStatus.ENDED:
                services.matches.end(match, self.coordinator, MatchOutcome.GOOD, story.reason)
            elif story.state == MatchStatus.DECLINED:
                services.matches.decline(match, profile, story.reason)
            elif story.state == MatchStatus.CANCELLED:
                services.matches.cancel(match, self.coordinator, story.reason)
        except MatchRefused as refused:
            self.builder.notes.append(f"Demo match of {profile} for {need} left out: {refused.message}")
            return
        self.builder.created["match"] += 1
        if story.afterwards:
            need.refresh_from_db()
            for field, value in story.afterwards:
                setattr(need, field, value)
            need.save(update_fields=[field for field, _value in story.afterwards] + ["updated_at"])

    def _propose(self, need, profile):
        """Confirm the engine's own proposal of `profile`, with its score and reasons, as the
        coordinator does from the need's ranked candidates."""
        ranked, _excluded, _pool = services.matching.candidates_for(need)
        proposal = next((p for p in ranked if p.volunteer_id == profile.pk), None)
        score, reasons = (proposal.score, proposal.reasons) if proposal else (0, ())
        return services.matches.propose(need, profile, self.coordinator, score=score, reasons=reasons)
