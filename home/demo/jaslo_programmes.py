"""Programme pages of MOPS Jasło: what the centre offers and how to use it."""

from home.demo import stream as s
from home.models import StandardPage


def build(builder, home, pictures, *, bip_url):
    """Create the programme pages; return them by key for links from news and the home page."""
    pages = {}
    parent = builder.page(
        home,
        StandardPage,
        title="Programy i wsparcie",
        show_in_menus=True,
        lead=(
            "Ośrodek pomaga mieszkańcom Jasła nie tylko świadczeniami. Prowadzimy programy dla rodzin, "
            "aktywizujemy osoby bez pracy i z niepełnosprawnościami, współpracujemy z organizacjami "
            "pozarządowymi i wolontariuszami."
        ),
        body=lambda: _overview(pages),
    )
    pages["programmes"] = parent
    pages["family"] = builder.page(
        parent,
        StandardPage,
        title="Wsparcie rodziny",
        show_in_menus=True,
        lead=(
            "Gminny program wspierania rodziny łączy poradnictwo specjalistyczne, mediacje, terapię i pracę "
            "asystentów rodziny. Pomaga rodzinom wyjść z kryzysu i wzmocnić więzi między jej członkami."
        ),
        body=_family(pictures),
    )
    pages["card"] = builder.page(
        parent,
        StandardPage,
        title="Jasielska Karta Dużej Rodziny",
        show_in_menus=True,
        lead=(
            "Karta daje rodzinom wielodzietnym z Jasła zniżki i zwolnienia z opłat w miejskich instytucjach "
            "sportu, kultury i transportu."
        ),
        body=_card(bip_url),
    )
    pages["activation"] = builder.page(
        parent,
        StandardPage,
        title="Aktywizacja społeczna i zawodowa",
        show_in_menus=True,
        lead=(
            "Dzięki funduszom Unii Europejskiej z perspektywy 2007–2013 ośrodek prowadzi projekty, które pomagają "
            "mieszkańcom wrócić na rynek pracy i aktywnie uczestniczyć w życiu miasta."
        ),
        body=_activation(pictures),
    )
    pages["meals"] = builder.page(
        parent,
        StandardPage,
        title="Dożywianie i stypendia",
        show_in_menus=True,
        lead=(
            "Miasto co roku dokłada własne pieniądze do dożywiania dzieci i dorosłych oraz pozyskuje na ten cel "
            "dotacje z budżetu państwa. Uczniowie z rodzin o niskich dochodach mogą dostać stypendium lub "
            "zasiłek szkolny."
        ),
        body=_meals(),
    )
    pages["ngos"] = builder.page(
        parent,
        StandardPage,
        title="Współpraca z organizacjami pozarządowymi",
        show_in_menus=True,
        lead=(
            "Każdego roku miasto powierza organizacjom pozarządowym część zadań z pomocy społecznej i wspierania "
            "rodziny. W ostatnich latach dotacje dla nich wyniosły łącznie ponad 4,5 mln zł."
        ),
        body=_ngos(bip_url),
    )
    pages["volunteering"] = builder.page(
        parent,
        StandardPage,
        title="Wolontariat",
        show_in_menus=True,
        lead=(
            "Od 2013 r. wspierają nas wolontariusze. Pomagają rodzicom dzieci z niepełnosprawnościami, osobom "
            "z niepełnosprawnościami i rodzinom, którym trudno poradzić sobie z opieką i wychowaniem dzieci."
        ),
        body=lambda: _volunteering(pictures, home),
    )
    return pages


def _overview(pages):
    items = [
        ("family", "mediacje, terapia, asystent rodziny i przeciwdziałanie przemocy"),
        ("card", "zniżki dla rodzin wielodzietnych w miejskich instytucjach"),
        ("activation", "projekty unijne, kursy i staże zawodowe"),
        ("meals", "posiłki, stypendia i zasiłki szkolne"),
        ("ngos", "coroczne konkursy ofert i dotacje z budżetu miasta"),
        ("volunteering", "jak pomagają wolontariusze i jak do nich dołączyć"),
    ]
    links = "".join(f"<li>{s.page_link(pages[key], pages[key].title)} – {text}</li>" for key, text in items)
    return [
        s.paragraph(
            "<p>Poniżej znajdziesz opisy najważniejszych programów. Jeśli nie wiesz, który z nich jest dla "
            "Ciebie, zadzwoń albo przyjdź do ośrodka – pracownik socjalny pomoże wybrać właściwą formę pomocy.</p>"
            f"<ul>{links}</ul>"
        ),
        s.call_to_action(
            "Masz trochę wolnego czasu?",
            "Dowiedz się więcej",
            text="Wolontariusze pomagają rodzinom i osobom z niepełnosprawnościami. Dołącz do nich.",
            page=pages["volunteering"],
        ),
    ]


def _family(pictures):
    return [
        s.heading("Poradnictwo, mediacje i terapia"),
        s.paragraph(
            "<p>W ramach Gminnego programu wspierania rodziny prowadzimy poradnictwo specjalistyczne oraz zajęcia "
            "edukacyjne i profilaktyczne. Mieszkańcy najczęściej pytają o dwie formy pomocy:</p>"
            "<ul>"
            "<li><b>mediacje rodzinne</b> – bezstronny mediator pomaga członkom rodziny porozumieć się w sporze "
            "i wspólnie znaleźć rozwiązanie, które wszyscy przyjmą;</li>"
            "<li><b>terapia rodzin</b> – spotkania z terapeutą, na których cała rodzina szuka sposobu na "
            "konflikty i codzienne trudności.</li>"
            "</ul>"
        ),
        s.heading("Asystent rodziny i rodziny wspierające"),
        s.paragraph(
            "<p>Rodziny, którym trudno poradzić sobie z opieką nad dziećmi i ich wychowaniem, od kilku lat mogą "
            "liczyć na asystenta rodziny. Asystent odwiedza rodzinę w domu, pomaga zaplanować zmiany i towarzyszy "
            "jej w załatwianiu spraw.</p>"
            "<p>Asystenta może wspierać rodzina wspierająca – zaufani sąsiedzi lub znajomi, którzy na podstawie "
            "umowy z ośrodkiem pomagają w opiece nad dziećmi i prowadzeniu domu. Pierwsze takie umowy podpisaliśmy "
            "dla trzech rodzin, z którymi pracuje asystent.</p>"
        ),
        s.quote(
            "Asystentka nie przyszła nas oceniać, tylko pomóc. Po roku sama pilnuję terminów w szkole i w urzędzie.",
            "Pani Ewa, mama trojga dzieci",
        ),
        s.heading("Zajęcia dla dzieci, młodzieży i rodziców"),
        s.paragraph(
            "<p>Organizujemy kolonie socjoterapeutyczne, na których dzieci i młodzież odpoczywają i jednocześnie "
            "pracują z terapeutami. Rodziców razem z dziećmi zapraszamy na wyjazdowe zajęcia, które pokazują mniej "
            "oczywiste sposoby spędzania wolnego czasu.</p>"
            "<p>Streetworker, czyli pedagog ulicy, rozpoznawał potrzeby mieszkańców i spotykał się z dziećmi "
            "i młodzieżą tam, gdzie na co dzień spędzają czas: na podwórkach, boiskach i osiedlowych ławkach.</p>"
        ),
        s.image(
            pictures["camp"],
            pictures["camp"].description,
            "Kolonie socjoterapeutyczne łączą wakacyjny wypoczynek z zajęciami z terapeutami.",
        ),
        s.heading("Przeciwdziałanie przemocy w rodzinie"),
        s.paragraph(
            "<p>Od 2011 r. działa Zespół Interdyscyplinarny, w którym pracownicy ośrodka współpracują z policją, "
            "szkołami, ochroną zdrowia i sądem. Razem realizujemy Miejski Program Przeciwdziałania Przemocy "
            "w Rodzinie i Ochrony Ofiar Przemocy w Rodzinie: zapobiegamy przemocy, rozpoznajemy ją, reagujemy "
            "i pomagamy osobom, które jej doznały, wrócić do równowagi.</p>"
            "<p>Jeśli doświadczasz przemocy albo podejrzewasz, że dzieje się ona obok Ciebie, zgłoś się do "
            "ośrodka. Możesz też zadzwonić pod bezpłatny numer Ogólnopolskiego Pogotowia dla Ofiar Przemocy "
            "w Rodzinie „Niebieska Linia”: <b>800 120 002</b>. Gdy zagrożone jest życie lub zdrowie, dzwoń "
            "pod numer alarmowy <b>112</b>.</p>"
        ),
    ]


def _card(bip_url):
    return [
        s.heading("Gdzie karta obniża koszty"),
        s.paragraph(
            "<p>Z Jasielską Kartą Dużej Rodziny rodzina wielodzietna zapłaci mniej albo nic między innymi w:</p>"
            "<ul>"
            "<li>Miejskim Ośrodku Sportu i Rekreacji – za obiekty i zajęcia sportowe;</li>"
            "<li>Miejskim Zakładzie Komunikacji Samochodowej – za przejazdy autobusami miejskimi;</li>"
            "<li>Jasielskim Domu Kultury – za zajęcia i wydarzenia kulturalne;</li>"
            "<li>Muzeum Regionalnym – za zwiedzanie wystaw.</li>"
            "</ul>"
            "<p>Lista partnerów i wysokość ulg mogą się zmieniać, dlatego przed wizytą warto zapytać "
            "w ośrodku o aktualne zasady.</p>"
        ),
        s.heading("Karta w liczbach"),
        s.paragraph(
            "<p>Ośrodek współtworzył zasady programu i od początku wydaje karty mieszkańcom. Do 14 października "
            "2014 r. trafiło do rąk jasielskich rodzin 941 kart.</p>"
        ),
        s.heading("Jak otrzymać kartę"),
        s.paragraph(
            "<p>Wniosek składa się w siedzibie ośrodka. Pracownik sprawdzi, czy rodzina spełnia warunki "
            "określone w uchwale Rady Miejskiej w Jaśle, i powie, kiedy można odebrać karty. Pełną treść "
            "uchwały znajdziesz w Biuletynie Informacji Publicznej.</p>"
        ),
        s.call_to_action(
            "Zasady programu",
            "Przejdź do BIP",
            text="Uchwała o Jasielskiej Karcie Dużej Rodziny i wzór wniosku są w Biuletynie Informacji Publicznej.",
            url=bip_url,
        ),
    ]


def _activation(pictures):
    return [
        s.heading("Projekty współfinansowane przez Unię Europejską"),
        s.paragraph(
            "<p>Ośrodek jest realizatorem trzech projektów, na które miasto pozyskało pieniądze z Europejskiego "
            "Funduszu Społecznego. Dzięki nim możemy pracować z różnymi grupami mieszkańców metodami, na które "
            "w zwykłym budżecie nie byłoby środków.</p>"
        ),
        s.table(
            [
                ["Projekt", "Rodzaj", "Dofinansowanie"],
                ["„Czas na aktywność w mieście Jaśle”", "systemowy, lata 2011–2015", "2,3 mln zł"],
                ["„Inwestuję w siebie – stawiam na aktywność”", "konkursowy", "364 tys. zł"],
                ["„Masz szansę być aktywnym”", "konkursowy", "300 tys. zł"],
            ],
            "Projekty aktywizacyjne realizowane przez MOPS w Jaśle",
            first_col_is_header=True,
        ),
        s.heading("Program Aktywności Lokalnej"),
        s.paragraph(
            "<p>W ramach projektu systemowego działa Program Aktywności Lokalnej. Jego uczestnicy to między innymi "
            "rodzice dzieci z niepełnosprawnościami, rodzice samotnie wychowujący dzieci i osoby "
            "z niepełnosprawnościami. Zamiast jednego schematu dobieramy formy wsparcia do potrzeb grupy: "
            "warsztaty, wyjazdy integracyjne, doradztwo i wspólne działania na rzecz osiedla.</p>"
        ),
        s.heading("Kursy i staże dla osób z zaburzeniami psychicznymi"),
        s.paragraph(
            "<p>Projekty „Ja też potrafię”, „Inwestuję w siebie – stawiam na aktywność” i „Masz szansę być "
            "aktywnym” pomagają osobom z zaburzeniami psychicznymi wejść na rynek pracy. Uczestnicy kończą kursy "
            "zawodowe i staże, za które otrzymują stypendium, a na warsztatach i wyjazdach ćwiczą umiejętności "
            "społeczne.</p>"
            "<p>Od 2013 r. ze staży zawodowych skorzystało 70 mieszkańców Jasła.</p>"
        ),
        s.image(
            pictures["internships"],
            pictures["internships"].description,
            "Staż to często pierwszy krok do stałej pracy.",
        ),
    ]


def _meals():
    return [
        s.heading("Dożywianie"),
        s.paragraph(
            "<p>Pomoc w formie posiłku lub zasiłku celowego na zakup żywności trafia do dzieci w szkołach "
            "i przedszkolach oraz do dorosłych, którym brakuje na jedzenie. Program finansują razem miasto "
            "i budżet państwa.</p>"
            "<p>W latach 2011–2013 na dożywianie przeznaczono 9,2 mln zł; dotacja z budżetu państwa wyniosła "
            "6,9 mln zł. W pierwszym półroczu 2014 r. miasto wydało na ten cel 500 tys. zł, a państwo dołożyło "
            "960 tys. zł.</p>"
        ),
        s.table(
            [
                ["Okres", "Budżet państwa", "Budżet miasta", "Razem"],
                ["2011–2013", "6,9 mln zł", "2,3 mln zł", "9,2 mln zł"],
                ["I półrocze 2014", "960 tys. zł", "500 tys. zł", "1,46 mln zł"],
            ],
            "Wydatki na dożywianie w Jaśle",
            first_col_is_header=True,
        ),
        s.heading("Stypendia i zasiłki szkolne"),
        s.paragraph(
            "<p>Uczniowie z rodzin o niskich dochodach mogą otrzymać stypendium szkolne, a ci, których rodzinę "
            "dotknęło nagłe zdarzenie, na przykład choroba lub pożar – zasiłek szkolny. Od 2011 r. do połowy "
            "2014 r. miasto przeznaczyło na tę pomoc 380 tys. zł z własnego budżetu, a państwo – 1,5 mln zł.</p>"
            "<p>O terminy składania wniosków i potrzebne dokumenty zapytaj w ośrodku.</p>"
        ),
    ]


def _ngos(bip_url):
    return [
        s.heading("Jakie zadania zlecamy"),
        s.paragraph(
            "<p>Z budżetu miasta dofinansowujemy w formie dotacji działania organizacji pozarządowych, takie jak:</p>"
            "<ul>"
            "<li>wsparcie osób z niepełnosprawnościami oraz dzieci i młodzieży specjalnej troski;</li>"
            "<li>prowadzenie placówek wsparcia dziennego dla dzieci i zapewnienie w nich miejsc;</li>"
            "<li>pomoc osobom starszym i samotnym, w tym usługi opiekuńcze w domu.</li>"
            "</ul>"
        ),
        s.heading("Jak przebiega konkurs"),
        s.paragraph(
            "<p>Podstawą współpracy jest ustawa z 24 kwietnia 2003 r. o działalności pożytku publicznego "
            "i o wolontariacie. Co roku ogłaszamy otwarte konkursy ofert. Organizacje składają oferty, komisja "
            "konkursowa je ocenia, a wyniki publikujemy. Z wybranymi organizacjami podpisujemy umowy, a po "
            "zakończeniu zadania organizacja składa sprawozdanie.</p>"
            "<p>Dzięki tej współpracy w ostatnich latach do organizacji trafiło w dotacjach łącznie ponad "
            "4,5 mln zł – pieniądze, które wracają do mieszkańców w postaci zajęć, opieki i pomocy.</p>"
        ),
        s.quote(
            "Ośrodek zna potrzeby mieszkańców, a my mamy ludzi i doświadczenie. Razem robimy więcej.",
            "Przedstawicielka stowarzyszenia działającego na rzecz osób z niepełnosprawnościami",
        ),
        s.call_to_action(
            "Ogłoszenia konkursów",
            "Przejdź do BIP",
            text="Aktualne i archiwalne ogłoszenia otwartych konkursów ofert publikujemy w BIP.",
            url=bip_url,
        ),
    ]


def _volunteering(pictures, home):
    return [
        s.heading("Komu pomagają wolontariusze"),
        s.paragraph(
            "<ul>"
            "<li>rodzicom dzieci z niepełnosprawnościami – żeby mieli chwilę dla siebie i nie zostawali sami "
            "z codziennymi obowiązkami;</li>"
            "<li>osobom z niepełnosprawnościami – w drodze do lekarza, na zakupach, w wyjściu z domu;</li>"
            "<li>rodzinom, które mają trudności w opiece nad dziećmi i ich wychowaniu – na przykład przy "
            "odrabianiu lekcji.</li>"
            "</ul>"
            "<p>Wolontariat to nie tylko pomoc. Dzięki niemu osoby, które często zostają na marginesie, poznają "
            "sąsiadów, a mieszkańcy przekonują się, jak wiele mogą zrobić dla swojego miasta.</p>"
        ),
        s.image(
            pictures["volunteers"], pictures["volunteers"].description, "Wolontariat przy ośrodku działa od 2013 r."
        ),
        s.heading("Jak zostać wolontariuszem"),
        s.paragraph(
            "<p>Zgłoś się do ośrodka. Koordynator wolontariatu porozmawia z Tobą o Twoich umiejętnościach "
            "i czasie, jakim dysponujesz, i zaproponuje zadanie. Podpiszemy porozumienie, o którym mówi ustawa "
            "o działalności pożytku publicznego i o wolontariacie, a w razie potrzeby ubezpieczymy Cię od "
            "następstw nieszczęśliwych wypadków.</p>"
            "<p>Osoby, które chcą pracować z dziećmi, przed rozpoczęciem działań przechodzą sprawdzenie wymagane "
            "przepisami o ochronie małoletnich.</p>"
        ),
        s.quote(
            "Myślałam, że pomagam ja, a okazało się, że nauczyłam się więcej niż przez lata pracy.",
            "Pani Magda, wolontariuszka",
        ),
        s.call_to_action(
            "Chcesz pomagać?",
            "Skontaktuj się z nami",
            text="Na stronie głównej znajdziesz telefon, adres e-mail i godziny pracy ośrodka.",
            page=home,
        ),
    ]
