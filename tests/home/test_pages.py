"""Every page type: created in the tree, rendered, reachable from menus, feeds and sitemap."""

import datetime

import pytest
from bs4 import BeautifulSoup

from home.models import AccessibilityStatementPage, GalleryImage, GalleryPage, NewsPageRelatedLink
from tests.factories import add_child, make_image, make_news, make_news_index, make_standard, publish


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def menu_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select("nav.main-nav a")]


@pytest.fixture
def image(db):
    return make_image("Wolontariusze przy pracy")


def test_home_page_renders_hero_news_and_contact(jaslo, client, image):
    index = make_news_index(jaslo)
    programme = make_standard(jaslo.root_page, "Wolontariat", lead="Pomóż innym.")
    for day in range(1, 6):
        make_news(index, f"Wiadomość {day}", date=datetime.date(2026, 10, day))
    home = jaslo.root_page.specific
    home.body = [
        (
            "hero",
            {
                "heading": "Pomagamy mieszkańcom Jasła",
                "text": "Wsparcie dla rodzin",
                "image": image,
                "button_text": "Zostań wolontariuszem",
                "page": programme,
                "url": "",
            },
        ),
        ("highlighted_news", {"heading": "Aktualności", "count": 3, "category": ""}),
        ("contact", {"heading": "Kontakt", "text": ""}),
    ]
    publish(home)

    html = soup(client.get("/"))

    assert html.select_one(".hero-heading").get_text() == "Pomagamy mieszkańcom Jasła"
    assert html.select_one(".hero a.button")["href"] == "/wolontariat/"
    news_titles = [a.get_text() for a in html.select(".highlighted-news .news-card-title a")]
    assert news_titles == ["Wiadomość 5", "Wiadomość 4", "Wiadomość 3"]
    contact = html.select_one(".contact-block").get_text()
    assert "ul. Dmowskiego 3" in contact and "38-200 Jasło" in contact
    assert "pon.–pt. 7:30–15:30" in contact


def test_standard_page_renders_every_content_block(jaslo, client, image):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Regulamin karty", file=ContentFile(b"%PDF-1.4", name="regulamin.pdf")
    )
    target = make_standard(jaslo.root_page, "Kontakt z ośrodkiem")
    page = make_standard(
        jaslo.root_page,
        "Jasielska Karta Dużej Rodziny",
        lead="Ulgi dla rodzin wielodzietnych.",
        body=[
            ("heading", {"text": "Jak otrzymać kartę", "level": "h2"}),
            ("paragraph", "<p>Wniosek składa się w <b>ośrodku</b>.</p>"),
            (
                "image",
                {
                    "image": {"image": image, "alt_text": "Rodzina na spacerze", "decorative": False},
                    "caption": "Rodzina z kartą",
                },
            ),
            ("document", {"document": document, "title": ""}),
            ("quote", {"quote": "Karta to realna pomoc.", "attribution": "Rodzic"}),
            (
                "table",
                {
                    "data": [["Rok", "Karty"], ["2014", "941"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Wydane karty",
                },
            ),
            (
                "call_to_action",
                {"title": "Masz pytania?", "text": "", "button_text": "Napisz", "page": target, "url": ""},
            ),
        ],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    html = soup(response)
    assert html.select_one("h1").get_text() == "Jasielska Karta Dużej Rodziny"
    assert html.select_one("h2.stream-heading").get_text() == "Jak otrzymać kartę"
    assert html.select_one(".rich-text b").get_text() == "ośrodku"
    assert html.select_one(".stream-image img")["alt"] == "Rodzina na spacerze"
    assert html.select_one(".stream-image figcaption").get_text() == "Rodzina z kartą"
    assert html.select_one(".stream-document a").get_text() == "Regulamin karty"
    assert "Karta to realna pomoc." in html.select_one("blockquote").get_text()
    assert html.select_one("table caption").get_text() == "Wydane karty"
    assert [th.get_text(strip=True) for th in html.select("table thead th")] == ["Rok", "Karty"]
    assert html.select_one(".cta a.button")["href"] == target.url


def test_call_to_action_needs_exactly_one_target(db):
    from django.core.exceptions import ValidationError

    from core.blocks import CallToActionBlock

    block = CallToActionBlock()
    value = block.to_python({"title": "Tytuł", "text": "", "button_text": "Idź", "page": None, "url": ""})
    with pytest.raises(ValidationError):
        block.clean(value)


def test_news_page_shows_date_category_lead_tags_and_related_pages(jaslo, client, image):
    index = make_news_index(jaslo)
    programme = make_standard(jaslo.root_page, "Wolontariat")
    news = make_news(
        index,
        "Nagroda specjalna Ministra",
        date=datetime.date(2014, 11, 21),
        category="awards",
        lead="Ośrodek wyróżniony w Dniu Pracownika Socjalnego.",
        image=image,
    )
    news.tags.add("nagrody", "wolontariat")
    NewsPageRelatedLink.objects.create(page=news, related_page=programme)
    publish(news)

    html = soup(client.get(news.url))

    assert html.select_one("h1").get_text() == "Nagroda specjalna Ministra"
    assert html.select_one(".news-meta time")["datetime"] == "2014-11-21"
    assert html.select_one(".news-meta time").get_text() == "21 listopada 2014"
    assert html.select_one(".badge").get_text() == "Nagrody i wyróżnienia"
    assert html.select_one(".lead").get_text() == "Ośrodek wyróżniony w Dniu Pracownika Socjalnego."
    assert sorted(li.get_text() for li in html.select(".tag-list li")) == ["nagrody", "wolontariat"]
    assert [a.get_text() for a in html.select(".related a")] == ["Wolontariat"]
    assert html.select_one(".main-image img")["alt"] == "Wolontariusze przy pracy"


@pytest.fixture
def news_archive(jaslo):
    index = make_news_index(jaslo)
    for n in range(12):
        make_news(index, f"Aktualność {n}", date=datetime.date(2025, 1, n + 1), category="news")
    make_news(index, "Nagroda 2014", date=datetime.date(2014, 11, 21), category="awards")
    make_news(index, "Projekt unijny 2014", date=datetime.date(2014, 3, 1), category="projects")
    make_news(index, "Nagroda 2025", date=datetime.date(2025, 6, 1), category="awards")
    return index


def titles_on(client, url):
    return [a.get_text() for a in soup(client.get(url)).select(".news-card-title a")]


def test_news_index_is_newest_first_and_paginated(news_archive, client):
    first = titles_on(client, "/aktualnosci/")
    second = titles_on(client, "/aktualnosci/?page=2")

    assert len(first) == 10 and first[:2] == ["Nagroda 2025", "Aktualność 11"]
    assert second[-2:] == ["Nagroda 2014", "Projekt unijny 2014"]
    assert len(first) + len(second) == 15


def test_news_index_filters_by_category_and_year(news_archive, client):
    assert titles_on(client, "/aktualnosci/?category=awards") == ["Nagroda 2025", "Nagroda 2014"]
    assert titles_on(client, "/aktualnosci/?year=2014") == ["Nagroda 2014", "Projekt unijny 2014"]
    assert titles_on(client, "/aktualnosci/?category=awards&year=2014") == ["Nagroda 2014"]
    html = soup(client.get("/aktualnosci/?category=projects"))
    assert html.select_one("#news-category option[selected]")["value"] == "projects"
    assert [o["value"] for o in html.select("#news-year option")] == ["", "2025", "2014"]


def test_news_index_pagination_keeps_filters(news_archive, client):
    html = soup(client.get("/aktualnosci/?year=2025"))
    links = [a["href"] for a in html.select(".pagination a")]
    assert "?year=2025&page=2" in links


@pytest.mark.parametrize(
    "query",
    [
        "?category=nonsense",
        "?year=abc",
        "?year=1900",
        "?page=999",
        "?page=-1",
        "?page=%00",
        "?category=%22%3E%3Cscript%3E",
    ],
)
def test_news_index_survives_bad_parameters(news_archive, client, query):
    response = client.get("/aktualnosci/" + query)

    assert response.status_code == 200
    assert "<script>" not in response.content.decode()
    assert titles_on(client, "/aktualnosci/" + query)


def test_gallery_page_lists_images_with_alt_text(jaslo, client, image):
    gallery = GalleryPage(title="Galeria", intro="Zdjęcia z wydarzeń")
    gallery.gallery_images = [GalleryImage(image=image, alt_text="Festyn rodzinny", caption="Festyn 2014")]
    add_child(jaslo.root_page, gallery)

    html = soup(client.get("/galeria/"))

    assert html.select_one(".gallery img")["alt"] == "Festyn rodzinny"
    assert html.select_one(".gallery figcaption").get_text() == "Festyn 2014"


def test_accessibility_statement_renders_legal_sections_and_is_linked_in_footer(jaslo, client):
    add_child(
        jaslo.root_page,
        AccessibilityStatementPage(
            title="Deklaracja dostępności",
            site_published_on=datetime.date(2020, 1, 15),
            site_updated_on=datetime.date(2026, 11, 1),
            compliance_status="partial",
            inaccessible_content="<p>Skany dokumentów sprzed 2018 r.</p>",
            prepared_on=datetime.date(2026, 3, 31),
            contact_person="Anna Kowalska",
            contact_email="dostepnosc@example.org",
            contact_phone="13 446 24 91",
            architectural_accessibility="<p>Wejście od ul. Dmowskiego jest bez progów.</p>",
        ),
    )

    home_html = soup(client.get("/"))
    footer_link = home_html.select_one(".site-footer a[href='/deklaracja-dostepnosci/']")
    assert footer_link.get_text() == "Deklaracja dostępności"
    html = soup(client.get("/deklaracja-dostepnosci/"))
    text = html.get_text(" ")
    assert "częściowo zgodna" in text
    assert "Skany dokumentów sprzed 2018 r." in text
    assert "Osoba do kontaktu: Anna Kowalska." in text
    assert "Rzecznik" in text
    assert "Wejście od ul. Dmowskiego jest bez progów." in text


def test_main_menu_lists_menu_pages_and_marks_the_current_one(jaslo, client):
    index = make_news_index(jaslo)
    make_standard(jaslo.root_page, "Wolontariat")
    make_standard(jaslo.root_page, "Ukryta strona", show_in_menus=False)
    news = make_news(index, "Wiadomość")

    response = client.get(news.url)

    assert menu_titles(response) == ["Strona główna", "Aktualności", "Wolontariat"]
    assert soup(response).select_one("nav.main-nav a[aria-current]").get_text() == "Aktualności"


def test_unpublished_pages_are_not_in_the_menu(jaslo, client):
    page = make_standard(jaslo.root_page, "Wolontariat")
    page.unpublish()

    assert "Wolontariat" not in menu_titles(client.get("/"))


def test_breadcrumbs_lead_from_home_to_the_current_page(jaslo, client):
    parent = make_standard(jaslo.root_page, "Programy")
    child = make_standard(parent, "Karta Dużej Rodziny")

    crumbs = soup(client.get(child.url)).select(".breadcrumbs li")

    assert [li.get_text(strip=True) for li in crumbs] == ["Strona główna", "Programy", "Karta Dużej Rodziny"]
    assert crumbs[-1].select_one("[aria-current=page]")


def test_footer_shows_the_centre_contact_details(jaslo, client):
    footer = soup(client.get("/")).select_one(".site-footer").get_text(" ")

    assert "Miejski Ośrodek Pomocy Społecznej w Jaśle" in footer
    assert "13 446 24 91" in footer
    assert "sekretariat@mops.jaslo.example" in footer
    assert "Godziny otwarcia" in footer


def test_missing_page_gives_polish_404_in_the_site_layout(jaslo, client):
    response = client.get("/nie-ma-takiej-strony/")

    assert response.status_code == 404
    html = soup(response)
    assert html.select_one("h1").get_text() == "Nie znaleziono strony"
    assert html.select_one("nav.main-nav") is not None
    assert html.select_one(".site-footer") is not None


def test_server_error_gives_polish_500_without_touching_the_database(db, rf, django_assert_num_queries):
    from home.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))

    assert response.status_code == 500
    html = BeautifulSoup(response.content.decode(), "html.parser")
    assert html.select_one("h1").get_text() == "Coś poszło nie tak po naszej stronie"
    assert html.select_one("html")["lang"] == "pl"


def test_the_public_site_stays_polish_for_an_english_browser(jaslo, client):
    html = soup(client.get("/nie-ma/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9"))

    assert html.html["lang"] == "pl"
    assert html.select_one("h1").get_text() == "Nie znaleziono strony"
