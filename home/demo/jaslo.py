"""MOPS Jasło: the default demo centre, with the richest content.

Facts come from public articles about the centre (2014): the Minister's award, the Large
Family Card, EU activation projects, grants for NGOs, meals and scholarships, volunteering.
"""

from home.demo import accessibility, jaslo_news, jaslo_programmes
from home.demo import stream as s
from home.demo.images import background, illustration, logo
from home.models import GalleryImage, GalleryPage, NewsIndexPage

NAME = "MOPS Jasło"

CENTRE = {
    "name": "Miejski Ośrodek Pomocy Społecznej w Jaśle",
    "short_name": NAME,
    "kind": "mops",
    "street_address": "ul. Kościuszki 26",
    "postal_code": "38-200",
    "city": "Jasło",
    "phone": "13 446 20 00",
    "email": "sekretariat@jaslo.demo.pomost.local",
    "opening_hours": "\n".join(
        [
            "poniedziałek: 7:30–17:00",
            "wtorek–czwartek: 7:30–15:30",
            "piątek: 7:30–14:00",
            "Pracownicy socjalni przyjmują w siedzibie od 7:30 do 10:00, później pracują w terenie.",
        ]
    ),
    "bip_url": "https://bip.example.org/mops-jaslo",
}

NAVY, SKY = "#0b4f8a", "#4fa3d9"
IMAGES = {
    "logo": logo(NAME, (NAVY, "#ffffff"), "jaslo-logo"),
    "hero": background("Jasło – tło strony głównej", ("#7a2e0b", "#f2b44b"), "pomarańczowym", "jaslo-tlo"),
    "award": illustration(
        "Nagroda Ministra 2014", "Nagroda Ministra dla MOPS w Jaśle", (NAVY, SKY), "niebieskim", "jaslo-nagroda"
    ),
    "card": illustration(
        "Jasielska Karta Dużej Rodziny",
        "Jasielska Karta Dużej Rodziny",
        ("#1d6b3a", "#8fd19e"),
        "zielonym",
        "jaslo-karta",
    ),
    "internships": illustration(
        "Staże i kursy zawodowe", "Staże i kursy zawodowe", ("#3b2a7a", "#9b8fe0"), "fioletowym", "jaslo-staze"
    ),
    "volunteers": illustration(
        "Wolontariusze MOPS", "Wolontariat w MOPS Jasło", ("#8a1538", "#f08aa6"), "malinowym", "jaslo-wolontariat"
    ),
    "winter": illustration(
        "Pomóż dzieciom przetrwać zimę",
        "Pomóż dzieciom przetrwać zimę",
        ("#0d3b66", "#a9d6f5"),
        "granatowo-błękitnym",
        "jaslo-zima",
    ),
    "camp": illustration(
        "Kolonie socjoterapeutyczne",
        "Kolonie socjoterapeutyczne",
        ("#0f5e5a", "#f2d16b"),
        "morsko-żółtym",
        "jaslo-kolonie",
    ),
    "meals": illustration(
        "Dożywianie dzieci i młodzieży",
        "Dożywianie dzieci i młodzieży",
        ("#7a4a0b", "#e8c07a"),
        "brązowo-złotym",
        "jaslo-dozywianie",
    ),
}

GALLERY = [
    ("award", "Pamiątka z gali w Pałacu Prezydenckim: nagroda specjalna ministra dla całego zespołu ośrodka (2014)."),
    ("card", "Jasielska Karta Dużej Rodziny – do połowy października 2014 r. wydano 941 kart."),
    ("internships", "Uczestnicy projektów unijnych zdobywają doświadczenie na stażach zawodowych."),
    ("volunteers", "Wolontariusze pomagają rodzinom i osobom z niepełnosprawnościami od 2013 r."),
    ("winter", "Zbiórka „Pomóż dzieciom przetrwać zimę” – dary dla najuboższych dzieci z Jasła."),
    ("camp", "Kolonie socjoterapeutyczne łączą wakacyjny wypoczynek z zajęciami z terapeutami."),
]


def build(builder):
    pictures = builder.images(builder.collection(NAME), IMAGES)
    # The home page's hero links to the volunteering page, which is created further down.
    programmes = {}
    site, home = builder.centre_site(
        "jaslo",
        hostname="localhost",
        port=8000,
        site_name=NAME,
        default=True,
        home_title=NAME,
        home_slug="mops-jaslo",
        home_fields={
            # The browser tab then reads "Strona główna – MOPS Jasło", not the name twice.
            "seo_title": "Strona główna",
            "search_description": "Miejski Ośrodek Pomocy Społecznej w Jaśle: pomoc dla rodzin, seniorów "
            "i osób z niepełnosprawnościami, programy, wolontariat i aktualności.",
            "body": lambda: _home_body(pictures, programmes),
        },
    )
    builder.centre(site, logo=pictures["logo"], **CENTRE)
    news_index = builder.page(
        home,
        NewsIndexPage,
        title="Aktualności",
        slug="aktualnosci",
        show_in_menus=True,
        intro="Wiadomości z życia ośrodka: nagrody, projekty, zbiórki i nowe formy wsparcia dla mieszkańców Jasła.",
    )
    programmes.update(jaslo_programmes.build(builder, home, pictures, bip_url=CENTRE["bip_url"]))
    jaslo_news.build(builder, news_index, pictures, programmes)
    builder.page(
        home,
        GalleryPage,
        title="Galeria",
        show_in_menus=True,
        intro="Grafiki, którymi ilustrujemy najważniejsze wydarzenia i programy ośrodka.",
        gallery_images=[
            GalleryImage(sort_order=i, image=pictures[key], alt_text=pictures[key].description, caption=caption)
            for i, (key, caption) in enumerate(GALLERY)
        ],
    )
    accessibility.statement(
        builder,
        home,
        contact_person="Katarzyna Nowak",
        contact_email="dostepnosc@jaslo.demo.pomost.local",
        contact_phone=CENTRE["phone"],
        building=BUILDING,
    )


def _home_body(pictures, programmes):
    return [
        s.hero(
            "Pomagamy mieszkańcom Jasła w trudnych chwilach",
            "Wspieramy rodziny, seniorów i osoby z niepełnosprawnościami. Szukamy też ludzi, "
            "którzy chcą podzielić się swoim czasem – od 2013 r. działa u nas wolontariat.",
            "Zostań wolontariuszem",
            page=programmes["volunteering"],
            picture=pictures["hero"],
        ),
        s.highlighted_news("Aktualności", 3),
        s.open_tasks("Zostań wolontariuszem", 3),
        # Not "Kontakt": the footer's contact section already has that name, and two
        # landmarks with one name confuse screen-reader users (axe: landmark-unique).
        s.contact(
            "Skontaktuj się z nami",
            "Zadzwoń, napisz albo przyjdź – pomożemy ustalić, jaka forma wsparcia będzie dla Ciebie najlepsza.",
        ),
    ]


BUILDING = (
    "<p>Siedziba ośrodka mieści się w budynku przy ul. Kościuszki 26 w Jaśle.</p>"
    "<ul>"
    "<li>Do głównego wejścia od strony ulicy prowadzi podjazd dla wózków; drzwi otwierają się automatycznie.</li>"
    "<li>Punkt obsługi mieszkańców znajduje się na parterze, tuż przy wejściu. Na wyższe piętra można wjechać "
    "windą.</li>"
    "<li>Toaleta dostosowana do potrzeb osób z niepełnosprawnościami jest na parterze.</li>"
    "<li>Przed budynkiem wyznaczono dwa miejsca parkingowe dla osób z niepełnosprawnościami.</li>"
    "<li>Do budynku można wejść z psem asystującym.</li>"
    "<li>W punkcie obsługi działa pętla indukcyjna. Tłumacza polskiego języka migowego zapewniamy po "
    "zgłoszeniu potrzeby co najmniej trzy dni robocze przed wizytą.</li>"
    "</ul>"
)
