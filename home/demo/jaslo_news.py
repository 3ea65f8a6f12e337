"""News of MOPS Jasło: mostly 2014–2015, when the facts come from, plus this autumn's."""

import datetime

from home.demo import stream as s
from home.models import NewsPage, NewsPageRelatedLink


def build(builder, index, pictures, programmes):
    for item in _news(programmes):
        related = item.pop("related", ())
        picture = item.pop("picture", None)
        builder.page(
            index,
            NewsPage,
            image=pictures[picture] if picture else None,
            related_links=[
                NewsPageRelatedLink(sort_order=i, related_page=programmes[key]) for i, key in enumerate(related)
            ],
            **item,
        )


def _news(programmes):
    return [
        {
            "title": "Dziękujemy pracownikom socjalnym",
            "date": datetime.date(2026, 11, 20),
            "category": "news",
            "lead": (
                "21 listopada obchodzimy Dzień Pracownika Socjalnego. To dobra okazja, by pokazać, czym na co dzień "
                "zajmują się osoby, które pukają do drzwi potrzebujących mieszkańców Jasła."
            ),
            "body": [
                s.heading("Więcej niż świadczenia"),
                s.paragraph(
                    "<p>Pracownik socjalny nie tylko przyznaje zasiłki. Odwiedza rodziny w domach, pomaga ułożyć plan "
                    "wyjścia z trudnej sytuacji, załatwia sprawy w urzędach i szkołach, a gdy trzeba – szybko "
                    "reaguje na przemoc czy zaniedbanie dziecka. Współpracuje przy tym z asystentami rodziny, "
                    "terapeutami, organizacjami pozarządowymi i wolontariuszami.</p>"
                    "<p>Wszystkim pracownikom ośrodka dziękujemy za cierpliwość, zaangażowanie i dobre słowo, "
                    "które często znaczy tyle samo co konkretna pomoc.</p>"
                ),
            ],
            "tags": ["Dzień Pracownika Socjalnego"],
            "related": ["programmes"],
        },
        {
            "title": "Ośrodek ma nową stronę internetową",
            "date": datetime.date(2026, 10, 12),
            "category": "news",
            "lead": (
                "Uruchomiliśmy nową stronę ośrodka. Łatwiej na niej znaleźć informacje o programach, aktualności "
                "i dane kontaktowe, także na telefonie."
            ),
            "body": [
                s.paragraph(
                    "<p>Co zmieniło się na stronie:</p>"
                    "<ul>"
                    "<li>aktualności można przeglądać według kategorii i roku;</li>"
                    "<li>u góry każdej strony są przełączniki większego tekstu i wysokiego kontrastu;</li>"
                    "<li>wyszukiwarka znajduje słowa niezależnie od polskich znaków;</li>"
                    "<li>nowe wiadomości można śledzić w czytniku kanałów RSS.</li>"
                    "</ul>"
                    "<p>Jeśli coś na stronie nie działa albo jest dla Ciebie niezrozumiałe, napisz do nas – "
                    "dane kontaktowe znajdziesz w deklaracji dostępności.</p>"
                ),
            ],
            "tags": ["strona internetowa", "dostępność"],
        },
        {
            "title": "Rodziny wspierające – nowa forma pomocy",
            "date": datetime.date(2015, 4, 20),
            "category": "news",
            "lead": (
                "Asystenci rodziny mają sojuszników: rodziny wspierające. Pierwsze umowy podpisaliśmy dla trzech "
                "rodzin, z którymi pracuje asystent."
            ),
            "body": [
                s.paragraph(
                    "<p>Rodzina wspierająca to najczęściej sąsiedzi lub znajomi, którym rodzina ufa. Na podstawie "
                    "umowy z ośrodkiem pomagają w opiece nad dziećmi, w prowadzeniu domu i w codziennych sprawach. "
                    "Asystent rodziny pozostaje przewodnikiem, a rodzina wspierająca jest na miejscu wtedy, gdy "
                    "trzeba.</p>"
                    "<p>Jeśli chcesz zostać rodziną wspierającą, porozmawiaj z pracownikiem socjalnym.</p>"
                ),
            ],
            "tags": ["asystent rodziny", "rodzina wspierająca"],
            "related": ["family"],
        },
        {
            "title": "Kursy i staże dla osób z zaburzeniami psychicznymi",
            "date": datetime.date(2015, 3, 23),
            "category": "projects",
            "lead": (
                "W projektach „Ja też potrafię”, „Inwestuję w siebie – stawiam na aktywność” i „Masz szansę być "
                "aktywnym” uczestnicy zdobywają kwalifikacje i doświadczenie zawodowe."
            ),
            "body": [
                s.paragraph(
                    "<p>Osobom z zaburzeniami psychicznymi szczególnie trudno znaleźć pracę. Dlatego uczestnicy "
                    "naszych projektów dostają wsparcie krok po kroku: najpierw kurs zawodowy, potem staż u "
                    "pracodawcy, za który otrzymują stypendium. Równolegle biorą udział w warsztatach i wyjazdach, "
                    "na których ćwiczą komunikację, radzenie sobie ze stresem i pracę w grupie.</p>"
                ),
                s.quote(
                    "Na stażu pierwszy raz od lat wychodziłem rano do pracy. Teraz wiem, że dam radę.",
                    "Pan Tomasz, uczestnik projektu",
                ),
            ],
            "tags": ["projekty unijne", "staże", "zdrowie psychiczne"],
            "related": ["activation"],
        },
        {
            "title": "Dwa lata wolontariatu w ośrodku",
            "date": datetime.date(2015, 2, 16),
            "category": "news",
            "lead": (
                "Od 2013 r. ośrodek współpracuje z wolontariuszami. Pomagają oni rodzicom dzieci "
                "z niepełnosprawnościami, osobom z niepełnosprawnościami i rodzinom z problemami wychowawczymi."
            ),
            "picture": "volunteers",
            "body": [
                s.paragraph(
                    "<p>Wolontariusze odrabiają lekcje z dziećmi, towarzyszą osobom z niepełnosprawnościami w "
                    "wyjściach z domu i dają rodzicom chwilę wytchnienia. Przy okazji dzieje się coś, czego nie "
                    "zaplanowaliśmy: rodziny, które dotąd trzymały się na uboczu, poznają sąsiadów, a mieszkańcy "
                    "pokazują, jak bardzo chcą pomagać.</p>"
                ),
                s.heading("Dołącz do nas"),
                s.paragraph(
                    "<p>Szukamy osób, które mogą poświęcić choćby kilka godzin w miesiącu. Szczegóły znajdziesz na "
                    f"stronie {s.page_link(programmes['volunteering'], 'Wolontariat')}.</p>"
                ),
            ],
            "tags": ["wolontariat"],
            "related": ["volunteering"],
        },
        {
            "title": "Ponad 4,5 mln zł dotacji dla organizacji pozarządowych",
            "date": datetime.date(2015, 1, 19),
            "category": "news",
            "lead": (
                "Co roku miasto zleca organizacjom pozarządowym zadania z pomocy społecznej i wspierania rodziny. "
                "W ostatnich latach przekazało im w dotacjach łącznie ponad 4,5 mln zł."
            ),
            "body": [
                s.paragraph(
                    "<p>Dzięki dotacjom organizacje prowadzą placówki wsparcia dziennego dla dzieci, pomagają osobom "
                    "z niepełnosprawnościami oraz dzieciom i młodzieży specjalnej troski, a także świadczą usługi "
                    "opiekuńcze dla osób starszych i samotnych.</p>"
                    "<p>Zadania zlecamy w otwartych konkursach ofert, zgodnie z ustawą o działalności pożytku "
                    "publicznego i o wolontariacie. Ogłoszenia publikujemy w Biuletynie Informacji Publicznej.</p>"
                ),
            ],
            "tags": ["organizacje pozarządowe", "dotacje"],
            "related": ["ngos"],
        },
        {
            "title": "Pomóż dzieciom przetrwać zimę",
            "date": datetime.date(2014, 12, 8),
            "category": "news",
            "lead": (
                "Jak co roku włączamy się w akcję „Pomóż dzieciom przetrwać zimę”. Dzięki niej najuboższe dzieci "
                "z Jasła dostają potrzebne rzeczy."
            ),
            "picture": "winter",
            "body": [
                s.paragraph(
                    "<p>Zbieramy ciepłe ubrania i buty, środki czystości, przybory szkolne i żywność z długim terminem "
                    "ważności. Dary można przynosić do siedziby ośrodka w godzinach pracy. Pracownicy socjalni "
                    "przekażą je rodzinom, które znają i którym ta pomoc jest najbardziej potrzebna.</p>"
                ),
            ],
            "tags": ["zbiórka", "dzieci"],
        },
        {
            "title": "Nagroda specjalna Ministra Pracy i Polityki Społecznej dla MOPS w Jaśle",
            "date": datetime.date(2014, 11, 24),
            "category": "awards",
            "lead": (
                "21 listopada, w Dniu Pracownika Socjalnego, nasz ośrodek otrzymał nagrodę specjalną Ministra Pracy "
                "i Polityki Społecznej w kategorii zespołowej."
            ),
            "picture": "award",
            "body": [
                s.heading("Za co doceniono ośrodek"),
                s.paragraph(
                    "<p>Minister docenił trzy rzeczy: to, że patrzymy na potrzeby mieszkańców z wielu stron naraz, "
                    "że angażujemy lokalną społeczność we wspólne działania i że w pracy z każdą osobą szukamy "
                    "nowych rozwiązań.</p>"
                    "<p>Za tą nagrodą stoją konkretne działania: Program Aktywności Lokalnej prowadzony od 2010 r., "
                    "wolontariat, który rozwijamy od 2013 r., Gminny program wspierania rodziny z mediacjami, terapią "
                    "i asystentami rodziny, projekty dla osób z zaburzeniami psychicznymi oraz udział w tworzeniu "
                    "Jasielskiej Karty Dużej Rodziny. Ważna jest też codzienna współpraca z organizacjami "
                    "pozarządowymi z naszego miasta.</p>"
                ),
                s.heading("Gala w Pałacu Prezydenckim"),
                s.paragraph(
                    "<p>Nagrody wręczył minister Władysław Kosiniak-Kamysz podczas uroczystej gali w Pałacu "
                    "Prezydenckim w Warszawie. Nagrody specjalne ministra przyznaje się co roku za wybitne "
                    "osiągnięcia i nowatorskie rozwiązania w pomocy społecznej, zarówno pojedynczym pracownikom, "
                    "jak i zespołom oraz jednostkom.</p>"
                ),
                s.table(
                    [
                        ["Rodzaj", "Indywidualne", "Zespołowe", "Razem"],
                        ["Nagrody", "7", "6", "13"],
                        ["Wyróżnienia (listy gratulacyjne)", "6", "5", "11"],
                    ],
                    "Nagrody i wyróżnienia ministra w 2014 r.",
                    first_col_is_header=True,
                ),
                s.quote(
                    "Ta nagroda należy do wszystkich, którzy z nami pracują: pracowników, wolontariuszy, "
                    "organizacji i samych mieszkańców.",
                    "Zespół MOPS w Jaśle",
                ),
            ],
            "tags": ["nagroda", "Dzień Pracownika Socjalnego"],
            "related": ["programmes", "activation", "volunteering"],
        },
        {
            "title": "Wydaliśmy już 941 Jasielskich Kart Dużej Rodziny",
            "date": datetime.date(2014, 10, 20),
            "category": "news",
            "lead": (
                "Do 14 października 2014 r. rodziny wielodzietne odebrały 941 kart. Z kartą płacą mniej między "
                "innymi za zajęcia sportowe, przejazdy autobusem i wstęp do muzeum."
            ),
            "picture": "card",
            "body": [
                s.paragraph(
                    "<p>Jasielska Karta Dużej Rodziny daje ulgi i zwolnienia w Miejskim Ośrodku Sportu i Rekreacji, "
                    "Miejskim Zakładzie Komunikacji Samochodowej, Jasielskim Domu Kultury i Muzeum Regionalnym. "
                    "Ośrodek pomagał przygotować zasady programu i to u nas składa się wnioski.</p>"
                    "<p>Jak otrzymać kartę, przeczytasz na stronie "
                    f"{s.page_link(programmes['card'], 'Jasielska Karta Dużej Rodziny')}.</p>"
                ),
            ],
            "tags": ["Karta Dużej Rodziny", "rodzina"],
            "related": ["card"],
        },
        {
            "title": "Projekty unijne: 70 mieszkańców skorzystało ze staży",
            "date": datetime.date(2014, 9, 15),
            "category": "projects",
            "lead": (
                "Dzięki trzem projektom współfinansowanym przez Unię Europejską od 2013 r. staże zawodowe odbyło "
                "70 mieszkańców Jasła."
            ),
            "picture": "internships",
            "body": [
                s.paragraph(
                    "<p>Najwięcej pieniędzy przyniósł projekt systemowy „Czas na aktywność w mieście Jaśle”, "
                    "realizowany w latach 2011–2015. Uzupełniają go dwa projekty konkursowe dla osób, które "
                    "potrzebują szczególnego wsparcia w powrocie do pracy.</p>"
                ),
                s.table(
                    [
                        ["Projekt", "Dofinansowanie"],
                        ["„Czas na aktywność w mieście Jaśle” (2011–2015)", "2,3 mln zł"],
                        ["„Inwestuję w siebie – stawiam na aktywność”", "364 tys. zł"],
                        ["„Masz szansę być aktywnym”", "300 tys. zł"],
                    ],
                    "Dofinansowanie projektów z Europejskiego Funduszu Społecznego",
                ),
                s.paragraph(
                    "<p>Projekty pozwoliły nam wypróbować nowe metody pracy z różnymi grupami mieszkańców, "
                    "od osób długo pozostających bez pracy po rodziców dzieci z niepełnosprawnościami.</p>"
                ),
            ],
            "tags": ["projekty unijne", "staże", "EFS"],
            "related": ["activation"],
        },
        {
            "title": "Dożywianie w pierwszym półroczu 2014 r.",
            "date": datetime.date(2014, 8, 25),
            "category": "news",
            "lead": (
                "Od stycznia do czerwca na posiłki i zasiłki na żywność przeznaczono blisko 1,5 mln zł. Miasto "
                "dołożyło 500 tys. zł, a budżet państwa 960 tys. zł."
            ),
            "picture": "meals",
            "body": [
                s.paragraph(
                    "<p>Dożywianie to jedna z form pomocy, z której korzysta najwięcej rodzin. W latach 2011–2013 "
                    "wydaliśmy na nie 9,2 mln zł, z czego 6,9 mln zł pochodziło z budżetu państwa. Przed nowym "
                    "rokiem szkolnym przypominamy: o bezpłatny posiłek dla dziecka w szkole można wystąpić "
                    "także w trakcie roku szkolnego, nie tylko we wrześniu.</p>"
                ),
            ],
            "tags": ["dożywianie", "dzieci"],
            "related": ["meals"],
        },
        {
            "title": "Kolonie socjoterapeutyczne dla dzieci i młodzieży",
            "date": datetime.date(2014, 7, 14),
            "category": "news",
            "lead": (
                "W ramach Gminnego programu wspierania rodziny dzieci i młodzież wyjechały na kolonie, na których "
                "odpoczynek łączy się z zajęciami z terapeutami."
            ),
            "picture": "camp",
            "body": [
                s.paragraph(
                    "<p>Na koloniach socjoterapeutycznych dzieci uczą się rozmawiać o emocjach, rozwiązywać konflikty "
                    "bez przemocy i współpracować w grupie. Dla rodziców z dziećmi przygotowaliśmy także wyjazdowe "
                    "zajęcia, na których można poznać mniej oczywiste sposoby wspólnego spędzania czasu.</p>"
                ),
            ],
            "tags": ["dzieci", "wakacje", "rodzina"],
            "related": ["family"],
        },
    ]
