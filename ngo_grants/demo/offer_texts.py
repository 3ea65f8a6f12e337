"""What the demo organisations write in their offers: plans, results and cost calculations.

Cost lines are (category, kind of cost, quantity, unit, unit cost, from the grant); the rest of
each line comes from other sources. `personal` and `in_kind` say how much of those other
sources is volunteers' work and lent premises or equipment; the rest is the organisation's own
money. Every complete text keeps the rules of its task (grant within the funds, own
contribution above the minimum), in this year's call and in last year's alike.
"""

from dataclasses import dataclass, field

ACTION, ADMIN = "action", "admin"


@dataclass(frozen=True)
class OfferText:
    title: str
    contact: tuple  # (name, phone, e-mail)
    synopsis: str
    results_description: str = ""
    actions: tuple = ()  # (name, description, target group, when)
    results: tuple = ()  # (result, planned level, how it is measured)
    experience: str = ""
    resources: str = ""
    lines: tuple = ()
    personal: str = "0"
    in_kind: str = "0"
    # A draft keeps only the sections written so far.
    sections: tuple = ("basic", "offeror", "task", "resources", "costs", "financing", "other", "declarations")
    # Totals as typed, where the writer got one wrong (line index → total).
    typed_totals: dict = field(default_factory=dict)


SWIETLICA = OfferText(
    title="Świetlica „Przystań” – bezpieczne popołudnia dla 30 dzieci",
    contact=("Justyna Malinowska", "604 221 318", "ngo.redaktor@jaslo.demo.pomost.local"),
    synopsis=(
        "Prowadzimy świetlicę w formie opiekuńczej przy ul. Floriańskiej dla 30 dzieci w wieku 7–15 lat, "
        "kierowanych przez pracowników socjalnych i asystentów rodzin. Świetlica jest czynna w dni nauki szkolnej "
        "od 12:00 do 18:00, a w ferie od 8:00 do 16:00. Dzieci odrabiają lekcje z pomocą wychowawców, jedzą "
        "podwieczorek i biorą udział w zajęciach plastycznych, sportowych i wyjściach."
    ),
    results_description=(
        "Dzieci poprawiają wyniki w nauce i spędzają popołudnia pod opieką. Rodzice dostają wsparcie psychologa. "
        "Z wychowawcami współpracują szkoły i ośrodek; świetlica działa dalej po zakończeniu zadania."
    ),
    actions=(
        (
            "Pomoc w nauce",
            "Codzienne odrabianie lekcji z wychowawcami i wolontariuszami.",
            "30 dzieci 7–15 lat",
            "cały okres",
        ),
        ("Zajęcia rozwijające", "Plastyka, sport, zajęcia z logopedą i psychologiem.", "30 dzieci", "cały okres"),
        ("Wyjścia i wycieczki", "Kino, basen, sześć wycieczek krajoznawczych.", "30 dzieci", "ferie i wakacje"),
    ),
    results=(
        ("Dzieci pod stałą opieką", "30 dzieci", "listy obecności"),
        ("Poprawa ocen", "20 dzieci", "informacje od wychowawców klas"),
    ),
    experience="Stowarzyszenie prowadzi świetlicę od 2009 r., od 2013 r. z dotacji miasta, rozliczanych bez uwag.",
    resources="Lokal 140 m² z kuchnią, troje stałych pracowników, 8 wolontariuszy, komputery do nauki.",
    lines=(
        (ACTION, "Wynagrodzenia wychowawców (2 etaty)", "22", "miesiąc", "6800", "149600"),
        (ACTION, "Wynagrodzenie kierownika świetlicy (1/2 etatu)", "11", "miesiąc", "3900", "42900"),
        (ACTION, "Zajęcia z psychologiem i logopedą", "264", "godzina", "120", "31680"),
        (ACTION, "Podwieczorki", "6600", "porcja", "6.50", "38000"),
        (ACTION, "Materiały plastyczne i pomoce do nauki", "11", "miesiąc", "650", "7150"),
        (ACTION, "Wycieczki i wyjścia (bilety, przejazdy)", "6", "wyjazd", "1800", "8000"),
        (ACTION, "Czynsz i media lokalu", "11", "miesiąc", "2400", "20000"),
        (ACTION, "Praca wolontariuszy przy odrabianiu lekcji", "400", "godzina", "30", "0"),
        (ADMIN, "Księgowość i obsługa kadrowa", "11", "miesiąc", "900", "9900"),
        (ADMIN, "Koordynacja zadania", "11", "miesiąc", "700", "6000"),
    ),
    personal="12000",
)

OPIEKA = OfferText(
    title="Opieka w domu – usługi opiekuńcze dla mieszkańców Jasła",
    contact=("Krzysztof Bielecki", "601 480 227", "ngo@jaslo.demo.pomost.local"),
    synopsis=(
        "Opiekunki fundacji pomagają w domach około 70 osobom, którym ośrodek przyznał usługi opiekuńcze: "
        "w zakupach, posiłkach, higienie i sprzątaniu, w pielęgnacji zaleconej przez lekarza i w kontaktach "
        "z otoczeniem. Usługi trwają przez cały rok, także w weekendy i święta, według decyzji ośrodka."
    ),
    results_description=(
        "Podopieczni mogą zostać we własnych domach; rodziny mają pewność, że ktoś przychodzi codziennie. "
        "Koordynatorka co miesiąc sprawdza jakość usług u podopiecznych."
    ),
    actions=(
        (
            "Usługi opiekuńcze w domach",
            "Wizyty opiekunek według zakresu z decyzji ośrodka.",
            "ok. 70 osób",
            "cały okres",
        ),
        ("Odwiedziny wolontariuszy", "Rozmowy, spacery, czytanie osobom samotnym.", "20 osób samotnych", "cały okres"),
        ("Szkolenia opiekunek", "Pierwsza pomoc i opieka nad osobą z otępieniem.", "12 opiekunek", "marzec, wrzesień"),
    ),
    results=(
        ("Godziny usług", "14 400 godzin", "karty czasu pracy potwierdzane przez podopiecznych"),
        ("Zadowolenie podopiecznych", "90% dobrych ocen", "ankieta w czerwcu i w grudniu"),
    ),
    experience="Fundacja świadczy usługi opiekuńcze od 2012 r., dla miasta od 2016 r.",
    resources="12 opiekunek z kwalifikacjami, koordynatorka – pielęgniarka, biuro przy ul. Staszica, 15 wolontariuszy.",
    lines=(
        (ACTION, "Wynagrodzenia opiekunek", "14400", "godzina", "36", "518400"),
        (ACTION, "Dojazdy opiekunek do podopiecznych", "11", "miesiąc", "1500", "16500"),
        (ACTION, "Szkolenia opiekunek", "2", "szkolenie", "3200", "4000"),
        (ACTION, "Środki ochrony osobistej i higieny", "11", "miesiąc", "450", "4950"),
        (ACTION, "Praca wolontariuszy – odwiedziny", "600", "godzina", "30", "0"),
        (ADMIN, "Koordynacja usług", "11", "miesiąc", "2800", "30800"),
        (ADMIN, "Obsługa księgowa", "11", "miesiąc", "1100", "10000"),
    ),
    personal="18000",
)

POSILKI = OfferText(
    title="Ciepły posiłek każdego dnia",
    contact=("Dorota Kubiak", "513 902 114", "ngo.spoldzielnia@jaslo.demo.pomost.local"),
    synopsis=(
        "Jadłodajnia spółdzielni przy ul. Kołłątaja wydaje od poniedziałku do soboty jeden gorący posiłek "
        "(zupa i drugie danie) osobom skierowanym przez ośrodek. Kto nie wychodzi z domu, dostaje obiad dowieziony "
        "przez naszego kierowcę."
    ),
    results_description="Około 80 osób dziennie je ciepły posiłek; nikt skierowany przez ośrodek nie czeka na miejsce.",
    actions=(
        ("Wydawanie posiłków", "Posiłki na miejscu i w pojemnikach na wynos.", "ok. 80 osób dziennie", "cały okres"),
        ("Dowóz posiłków", "Dowóz do osób, które nie wychodzą z domu.", "ok. 15 osób", "cały okres"),
    ),
    results=(("Wydane posiłki", "24 000 posiłków", "rejestr wydawania podpisywany przez odbierających"),),
    experience="Spółdzielnia prowadzi jadłodajnię od 2015 r. i od tego czasu wydaje posiłki na zlecenie miasta.",
    resources="Kuchnia z zapleczem i salą na 40 miejsc, samochód dostawczy, pięciu członków spółdzielni.",
    lines=(
        (ACTION, "Przygotowanie posiłków (surowce i praca kuchni)", "24000", "posiłek", "6.20", "140000"),
        (ACTION, "Pojemniki na posiłki na wynos", "6000", "sztuka", "0.90", "5400"),
        (ACTION, "Dowóz posiłków (paliwo, kierowca)", "11", "miesiąc", "1200", "12000"),
        (ADMIN, "Rozliczenie i sprawozdawczość", "11", "miesiąc", "400", "4400"),
    ),
    in_kind="4000",
)

RODZINA = OfferText(
    title="Rodzina w centrum – warsztaty i wsparcie dla rodziców",
    contact=("Justyna Malinowska", "604 221 318", "ngo.redaktor@jaslo.demo.pomost.local"),
    synopsis=(
        "Cykl warsztatów umiejętności wychowawczych i grupa wsparcia dla rodziców dzieci z naszej świetlicy; "
        "do tego mediacje rodzinne i wspólne wyjścia rodzin wielodzietnych."
    ),
    actions=(("Warsztaty dla rodziców", "10 spotkań po 3 godziny z psychologiem.", "15 rodzin", "marzec–czerwiec"),),
    lines=((ACTION, "Psycholog prowadzący warsztaty", "12", "spotkanie", "350", "4200"),),
    sections=("basic", "offeror", "task", "costs"),
    # 12 × 350 is 4 200; the draft keeps the slip until the writer corrects it.
    typed_totals={0: "3600"},
)

SASIEDZI = OfferText(
    title="Dobry sąsiad – pomoc dla seniorów w Puławach",
    contact=("Krzysztof Bielecki", "601 480 227", "ngo@jaslo.demo.pomost.local"),
    synopsis=(
        "Koordynatorka i wolontariusze fundacji przynoszą 25 seniorom i osobom z niepełnosprawnościami obiady "
        "i drobne zakupy, pomagają w porządkach i towarzyszą im w wolnym czasie. Raz w miesiącu zapraszamy "
        "wszystkich na spotkanie przy kawie."
    ),
    results_description="Seniorzy mają stałą pomoc i kontakt z ludźmi; 10 nowych wolontariuszy w Puławach.",
    actions=(
        ("Pomoc w domach", "Obiady, zakupy, porządki – według potrzeb.", "25 osób", "cały okres"),
        ("Spotkania przy kawie", "Comiesięczne spotkania seniorów i wolontariuszy.", "25 osób", "raz w miesiącu"),
    ),
    results=(("Osoby objęte pomocą", "25 osób", "karty wizyt"),),
    experience="Fundacja od 2012 r. pomaga seniorom w Jaśle; w Puławach współpracuje z parafią św. Józefa.",
    resources="Koordynatorka, 12 wolontariuszy z Puław, samochód fundacji.",
    lines=(
        (ACTION, "Wynagrodzenie koordynatorki", "10", "miesiąc", "2500", "25000"),
        (ACTION, "Dowóz obiadów i zakupów (zwrot kosztów dojazdu)", "10", "miesiąc", "1100", "11000"),
        (ACTION, "Spotkania integracyjne seniorów", "10", "spotkanie", "600", "3000"),
        (ACTION, "Praca wolontariuszy w domach seniorów", "300", "godzina", "30", "0"),
        (ADMIN, "Księgowość", "10", "miesiąc", "300", "2000"),
    ),
    personal="9000",
)

KIS = OfferText(
    title="Krok do pracy – warsztaty dla uczestników KIS",
    contact=("Robert Sadowski", "698 310 552", "ngo@pulawy.demo.pomost.local"),
    synopsis=(
        "Warsztaty umiejętności społecznych, indywidualne doradztwo zawodowe i cztery wyjścia integracyjne "
        "dla 20 uczestników Klubu Integracji Społecznej przy MOPS w Puławach."
    ),
    results_description="Uczestnicy przygotowują dokumenty aplikacyjne i plan działania; 5 osób podejmuje pracę.",
    actions=(
        (
            "Warsztaty",
            "20 spotkań po 4 godziny: komunikacja, rozmowa o pracę.",
            "20 uczestników KIS",
            "marzec–czerwiec",
        ),
        ("Doradztwo zawodowe", "6 godzin dla każdego uczestnika.", "20 uczestników KIS", "wrzesień–listopad"),
    ),
    results=(("Osoby, które podjęły pracę", "5 osób", "oświadczenia uczestników, umowy"),),
    experience="Od 2020 r. prowadzimy w Puławach zajęcia dla osób bezrobotnych ze środków Unii Europejskiej.",
    resources="Trenerka i doradca zawodowy, sala udostępniona przez parafię.",
    lines=(
        (ACTION, "Warsztaty umiejętności społecznych", "80", "godzina", "150", "12000"),
        (ACTION, "Doradztwo zawodowe indywidualne", "120", "godzina", "120", "14400"),
        (ACTION, "Wyjścia integracyjne (bilety, przejazdy)", "4", "wyjście", "900", "2000"),
        (ACTION, "Materiały szkoleniowe", "1", "komplet", "1800", "1800"),
        (ACTION, "Sala na warsztaty (udostępniona)", "80", "godzina", "40", "0"),
        (ADMIN, "Koordynacja i rozliczenie", "9", "miesiąc", "400", "3000"),
    ),
    in_kind="3200",
)
