"""MOPS Puławy: the second demo centre, on its own host name (pulawy.localhost).

Facts come from the centre's description of its good practices: the Social Integration Club,
socially useful work, external funds and the "Aktywatorium" day-support centre for children.
"""

import datetime

from home.demo import accessibility
from home.demo import stream as s
from home.demo.images import background, illustration, logo
from home.models import GalleryImage, GalleryPage, NewsIndexPage, NewsPage, NewsPageRelatedLink, StandardPage

NAME = "MOPS Puławy"

CENTRE = {
    "name": "Miejski Ośrodek Pomocy Społecznej w Puławach",
    "short_name": NAME,
    "kind": "mops",
    "street_address": "ul. Mickiewicza 12",
    "postal_code": "24-100",
    "city": "Puławy",
    "phone": "81 886 40 00",
    "email": "sekretariat@pulawy.demo.pomost.local",
    "opening_hours": "\n".join(
        [
            "poniedziałek–piątek: 7:30–15:30",
            "Klub Integracji Społecznej: poniedziałek–piątek 8:00–16:00",
            "Aktywatorium: poniedziałek–piątek 12:00–18:00",
        ]
    ),
    "bip_url": "https://bip.example.org/mops-pulawy",
}

IMAGES = {
    "logo": logo(NAME, ("#1d5e3a", "#ffffff"), "pulawy-logo"),
    "hero": background("Puławy – tło strony głównej", ("#1d5e3a", "#9ed8b4"), "zielonym", "pulawy-tlo"),
    "club": illustration(
        "Klub Integracji Społecznej", "Klub Integracji Społecznej", ("#5b2a86", "#c8a2e8"), "fioletowym", "pulawy-kis"
    ),
    "work": illustration(
        "Prace społecznie użyteczne",
        "Prace społecznie użyteczne",
        ("#8a4b08", "#f5c27a"),
        "pomarańczowym",
        "pulawy-prace",
    ),
    "children": illustration(
        "Aktywatorium",
        "Aktywatorium – popołudnia dla dzieci",
        ("#0b5c8a", "#f7d44c"),
        "niebiesko-żółtym",
        "pulawy-dzieci",
    ),
}


def build(builder):
    pictures = builder.images(builder.collection(NAME), IMAGES)
    pages = {}
    site, home = builder.centre_site(
        "pulawy",
        hostname="pulawy.localhost",
        port=8000,
        site_name=NAME,
        default=False,
        home_title=NAME,
        home_slug="mops-pulawy",
        home_fields={
            "seo_title": "Strona główna",
            "search_description": "Miejski Ośrodek Pomocy Społecznej w Puławach: Klub Integracji Społecznej, "
            "prace społecznie użyteczne, Aktywatorium i aktualności.",
            "body": lambda: _home_body(pictures, pages),
        },
    )
    builder.centre(site, logo=pictures["logo"], **CENTRE)
    news_index = builder.page(
        home,
        NewsIndexPage,
        title="Aktualności",
        slug="aktualnosci",
        show_in_menus=True,
        intro="Co nowego w ośrodku, w Klubie Integracji Społecznej i w Aktywatorium.",
    )
    pages.update(_programmes(builder, home, pictures))
    for item in _news(pages):
        related = item.pop("related", ())
        picture = item.pop("picture", None)
        builder.page(
            news_index,
            NewsPage,
            image=pictures[picture] if picture else None,
            related_links=[NewsPageRelatedLink(sort_order=i, related_page=pages[key]) for i, key in enumerate(related)],
            **item,
        )
    builder.page(
        home,
        GalleryPage,
        title="Galeria",
        show_in_menus=True,
        intro="Grafiki ilustrujące działania ośrodka.",
        gallery_images=[
            GalleryImage(sort_order=i, image=pictures[key], alt_text=pictures[key].description, caption=caption)
            for i, (key, caption) in enumerate(
                [
                    ("club", "Klub Integracji Społecznej działa przy ośrodku od 2006 r."),
                    ("work", "Prace społecznie użyteczne w szkołach, przedszkolach i organizacjach."),
                    ("children", "Aktywatorium – miejsce, w którym dzieci spędzają popołudnia."),
                ]
            )
        ],
    )
    accessibility.statement(
        builder,
        home,
        contact_person="Marek Wiśniewski",
        contact_email="dostepnosc@pulawy.demo.pomost.local",
        contact_phone=CENTRE["phone"],
        building=BUILDING,
    )


def _home_body(pictures, pages):
    return [
        s.hero(
            "Wsparcie blisko domu",
            "Pomagamy rodzinom z dziećmi, seniorom, osobom samotnym i z niepełnosprawnościami. Sprawdź, "
            "co możemy zrobić razem.",
            "Poznaj Klub Integracji Społecznej",
            page=pages["club"],
            picture=pictures["hero"],
        ),
        s.highlighted_news("Aktualności", 3),
        s.open_tasks("Zostań wolontariuszem", 3),
        # Not "Kontakt", which names the footer's contact section (axe: landmark-unique).
        s.contact(
            "Skontaktuj się z nami",
            "Zadzwoń lub przyjdź w godzinach pracy – powiemy, jaka pomoc jest dla Ciebie dostępna.",
        ),
    ]


def _programmes(builder, home, pictures):
    pages = {}
    parent = builder.page(
        home,
        StandardPage,
        title="Jak pomagamy",
        show_in_menus=True,
        lead=(
            "Wspieramy rodziny wychowujące dzieci, osoby starsze, samotne i z niepełnosprawnościami. Pomagamy "
            "wrócić do pracy i do życia społecznego."
        ),
        body=lambda: [
            s.paragraph(
                "<ul>"
                + "".join(
                    f"<li>{s.page_link(pages[key], pages[key].title)}</li>"
                    for key in ("club", "work", "children", "funds")
                )
                + "</ul>"
            )
        ],
    )
    pages["club"] = builder.page(
        parent,
        StandardPage,
        title="Klub Integracji Społecznej",
        show_in_menus=True,
        lead=(
            "Od 2006 r. Klub Integracji Społecznej przy ośrodku pomaga mieszkańcom odbudować umiejętności "
            "potrzebne w pracy i w życiu społeczności lokalnej."
        ),
        body=[
            s.heading("Dla kogo"),
            s.paragraph(
                "<p>Zajęcia są otwarte dla wszystkich zainteresowanych, w szczególności dla osób bezrobotnych, "
                "osób z niepełnosprawnościami i osób uzależnionych, które ukończyły terapię. Zapraszamy także ich "
                "rodziny.</p>"
            ),
            s.heading("Co robimy"),
            s.paragraph(
                "<p>Pomagamy wrócić do ról, które w trudnym okresie życia zeszły na dalszy plan: rodzica, "
                "pracownika, sąsiada. Uczestnicy podnoszą kwalifikacje zawodowe, uczą się szukać pracy i radzić "
                "sobie w urzędach, a w grupie odzyskują pewność siebie.</p>"
                "<p>Klub działa na podstawie ustawy o zatrudnieniu socjalnym i ustawy o pomocy społecznej.</p>"
            ),
            s.image(pictures["club"], pictures["club"].description, "Klub działa przy ośrodku od 2006 r."),
        ],
    )
    pages["work"] = builder.page(
        parent,
        StandardPage,
        title="Prace społecznie użyteczne",
        show_in_menus=True,
        lead=(
            "Prace społecznie użyteczne pozwalają osobom bezrobotnym, które korzystają z pomocy społecznej, "
            "wrócić do regularnych zajęć i zarobić, a mieszkańcom – dostać potrzebną pomoc."
        ),
        body=[
            s.heading("Gdzie wykonuje się prace"),
            s.paragraph(
                "<p>Prace organizuje gmina. W Puławach odbywają się na podstawie porozumień o współpracy ze "
                "szkołami, przedszkolami i organizacjami pozarządowymi, a także w jednostkach pomocy społecznej "
                "i instytucjach, które zajmują się działalnością charytatywną lub na rzecz społeczności "
                "lokalnej.</p>"
            ),
            s.heading("Pomoc dla seniorów i osób z niepełnosprawnościami"),
            s.paragraph(
                "<p>Uczestnicy, którzy mają odpowiednie kwalifikacje, pomagają starszym i niepełnosprawnym "
                "klientom ośrodka: przynoszą obiady, robią drobne zakupy, pomagają w sprzątaniu i w organizowaniu "
                "wolnego czasu. Prace mogą też wspierać opiekunów osób z niepełnosprawnościami.</p>"
            ),
            s.quote(
                "Pan Andrzej przynosi mi obiad i zawsze ma czas, żeby porozmawiać. Czekam na niego codziennie.",
                "Pani Halina, klientka ośrodka",
            ),
        ],
    )
    pages["children"] = builder.page(
        parent,
        StandardPage,
        title="Aktywatorium – placówka wsparcia dziennego",
        slug="aktywatorium",
        show_in_menus=True,
        lead=(
            "Aktywatorium to placówka wsparcia dziennego dla dzieci działająca przy ośrodku. Po lekcjach dzieci "
            "spędzają tu czas ciekawie i bezpiecznie."
        ),
        body=[
            s.paragraph(
                "<p>W Aktywatorium pracuje pedagog z Zespołu ds. Rodziny. Zajmuje się dziećmi, które zgłosili "
                "pracownicy socjalni, asystenci rodzin albo sami rodzice. Popołudniowe zajęcia to pomoc w nauce, "
                "gry, zajęcia plastyczne i rozmowy – sposób na konstruktywne spędzanie wolnego czasu.</p>"
            ),
            s.call_to_action(
                "Chcesz zapisać dziecko?",
                "Skontaktuj się z ośrodkiem",
                text="Porozmawiaj z pracownikiem socjalnym lub asystentem rodziny albo zadzwoń do nas.",
                page=home,
            ),
        ],
    )
    pages["funds"] = builder.page(
        parent,
        StandardPage,
        title="Projekty ze środków zewnętrznych",
        show_in_menus=True,
        lead="Od wielu lat poszerzamy ofertę ośrodka dzięki pieniądzom spoza budżetu miasta.",
        body=[
            s.paragraph(
                "<p>Środki zewnętrzne przeznaczamy na:</p>"
                "<ul>"
                "<li>aktywizację społeczną i zawodową osób bezrobotnych;</li>"
                "<li>działania osłonowe i interwencyjne dla osób uwikłanych w przemoc;</li>"
                "<li>aktywizację osób należących do mniejszości etnicznej.</li>"
                "</ul>"
                "<p>Od 2019 r. z Europejskiego Funduszu Społecznego wspieramy także osoby starsze "
                "i z niepełnosprawnościami oraz osoby w kryzysie i doświadczające przemocy.</p>"
            ),
        ],
    )
    return pages


def _news(pages):
    return [
        {
            "title": "Aktywatorium zaprasza na jesienne popołudnia",
            "date": datetime.date(2026, 10, 5),
            "category": "news",
            "lead": "Po wakacjach placówka wsparcia dziennego wraca do popołudniowych zajęć dla dzieci.",
            "picture": "children",
            "body": [
                s.paragraph(
                    "<p>Pedagog czeka na dzieci z pomocą w odrabianiu lekcji, grami i zajęciami plastycznymi. "
                    "Dziecko może zgłosić pracownik socjalny, asystent rodziny albo rodzic.</p>"
                )
            ],
            "tags": ["dzieci", "Aktywatorium"],
            "related": ["children"],
        },
        {
            "title": "Fundusze europejskie na wsparcie seniorów i osób w kryzysie",
            "date": datetime.date(2019, 1, 14),
            "category": "projects",
            "lead": (
                "W tym roku dzięki Europejskiemu Funduszowi Społecznemu obejmiemy wsparciem osoby starsze, "
                "z niepełnosprawnościami oraz osoby w kryzysie i doświadczające przemocy."
            ),
            "body": [
                s.paragraph(
                    "<p>Dotąd pieniądze z zewnątrz przeznaczaliśmy głównie na aktywizację osób bezrobotnych, pomoc "
                    "osobom uwikłanym w przemoc i działania dla mniejszości etnicznej. Nowe środki pozwolą poszerzyć "
                    "ofertę usług społecznych dla mieszkańców Puław.</p>"
                )
            ],
            "tags": ["projekty", "EFS", "seniorzy"],
            "related": ["funds"],
        },
        {
            "title": "Prace społecznie użyteczne w szkołach i przedszkolach",
            "date": datetime.date(2018, 11, 5),
            "category": "news",
            "lead": (
                "Dzięki porozumieniom ze szkołami, przedszkolami i organizacjami osoby bezrobotne wracają do "
                "regularnej pracy."
            ),
            "picture": "work",
            "body": [
                s.paragraph(
                    "<p>Uczestnicy prac społecznie użytecznych pomagają w placówkach oświatowych i organizacjach "
                    "pozarządowych. Część z nich wspiera w domach starszych i niepełnosprawnych klientów ośrodka.</p>"
                )
            ],
            "tags": ["prace społecznie użyteczne", "rynek pracy"],
            "related": ["work"],
        },
        {
            "title": "Nowy sezon w Klubie Integracji Społecznej",
            "date": datetime.date(2018, 9, 17),
            "category": "news",
            "lead": "Klub zaprasza na zajęcia wszystkich, którzy chcą wrócić do pracy i aktywnego życia.",
            "picture": "club",
            "body": [
                s.paragraph(
                    "<p>Na zajęcia zapraszamy wszystkich zainteresowanych, także osoby "
                    "bezrobotne, z niepełnosprawnościami i po terapii uzależnień.</p>"
                )
            ],
            "tags": ["Klub Integracji Społecznej"],
            "related": ["club"],
        },
    ]


BUILDING = (
    "<p>Ośrodek mieści się w budynku przy ul. Mickiewicza 12 w Puławach.</p>"
    "<ul>"
    "<li>Wejście główne jest na poziomie chodnika, bez progów.</li>"
    "<li>Sala obsługi mieszkańców jest na parterze; na piętro prowadzą schody, dlatego pracownik zejdzie "
    "do osoby, która nie może z nich skorzystać.</li>"
    "<li>Na parterze jest toaleta dostosowana do potrzeb osób z niepełnosprawnościami.</li>"
    "<li>Przed budynkiem jest jedno miejsce parkingowe dla osób z niepełnosprawnościami.</li>"
    "<li>Można wejść z psem asystującym. Tłumacza polskiego języka migowego zapewniamy po zgłoszeniu "
    "potrzeby co najmniej trzy dni robocze przed wizytą.</li>"
    "</ul>"
)
