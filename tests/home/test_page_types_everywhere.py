"""One page of every type: editable in the admin, and present in menu, sitemap and search."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.models import Page

from accounts.mfa import set_up_totp
from home.models import AccessibilityStatementPage, GalleryImage, GalleryPage, NewsIndexPage, NewsPage, StandardPage
from tests.factories import add_child, make_image


@pytest.fixture
def one_of_each(jaslo):
    image = make_image()
    home = jaslo.root_page.specific
    standard = add_child(
        home, StandardPage(title="Program osłonowy", lead="Słowo kluczowe: żurawina.", show_in_menus=True)
    )
    index = add_child(home, NewsIndexPage(title="Aktualności", intro="Wiadomości: jeżyna.", show_in_menus=True))
    news = add_child(index, NewsPage(title="Komunikat", lead="Słowo kluczowe: malina.", date=datetime.date(2026, 1, 5)))
    gallery = GalleryPage(title="Galeria", intro="Zdjęcia: porzeczka.", show_in_menus=True)
    gallery.gallery_images = [GalleryImage(image=image, alt_text="Zdjęcie")]
    add_child(home, gallery)
    statement = add_child(
        home,
        AccessibilityStatementPage(
            title="Deklaracja dostępności",
            site_published_on=datetime.date(2020, 1, 1),
            site_updated_on=datetime.date(2026, 1, 1),
            prepared_on=datetime.date(2026, 1, 1),
            contact_person="Jan Nowak",
            contact_email="a@example.org",
            contact_phone="123",
            architectural_accessibility="<p>Winda: borówka.</p>",
        ),
    )
    return {
        "standard": (standard, "zurawina"),
        "news index": (index, "jezyna"),
        "news": (news, "malina"),
        "gallery": (gallery, "porzeczka"),
        "statement": (statement, "borowka"),
    }


def test_every_page_type_renders_and_is_in_the_sitemap(one_of_each, client):
    sitemap = client.get("/sitemap.xml").content.decode()
    for name, (page, _word) in one_of_each.items():
        assert client.get(page.url).status_code == 200, name
        assert f"http://localhost{page.url}" in sitemap, name


def test_every_page_type_is_found_by_search(one_of_each, client):
    for name, (page, word) in one_of_each.items():
        html = BeautifulSoup(client.get("/szukaj/", {"q": word}).content.decode(), "html.parser")
        assert [a["href"] for a in html.select(".search-result-title a")] == [page.url], name


def test_menu_pages_of_every_type_are_in_the_menu(one_of_each, client):
    html = BeautifulSoup(client.get("/").content.decode(), "html.parser")
    menu = [a.get_text() for a in html.select("nav.main-nav a")]
    assert menu == ["Strona główna", "Program osłonowy", "Aktualności", "Galeria"]


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("redaktor@example.org", "haslo-redaktora-2026")
    set_up_totp(user)  # the admin is closed to anyone without two-factor authentication
    client.force_login(user)
    return client


def test_admin_offers_the_add_form_of_every_page_type(one_of_each, editor_client, jaslo):
    home_id = jaslo.root_page_id
    index_id = one_of_each["news index"][0].pk
    for model, parent_id in [
        ("standardpage", home_id),
        ("gallerypage", home_id),
        ("newspage", index_id),
    ]:
        response = editor_client.get(f"/admin/pages/add/home/{model}/{parent_id}/")
        assert response.status_code == 200, model
    # One accessibility statement per centre: the admin refuses a second one.
    assert editor_client.get(f"/admin/pages/add/home/accessibilitystatementpage/{home_id}/").status_code == 302


def test_admin_edit_form_opens_for_every_page(one_of_each, editor_client):
    for name, (page, _word) in one_of_each.items():
        assert editor_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, name


def test_an_editor_publishes_news_through_the_admin(one_of_each, editor_client, client):
    index = one_of_each["news index"][0]
    response = editor_client.post(
        f"/admin/pages/add/home/newspage/{index.pk}/",
        {
            "title": "Zbiórka darów",
            "slug": "zbiorka-darow",
            "date": "2026-11-20",
            "category": "news",
            "tags": "zima, dary",
            "lead": "Zbieramy dary dla dzieci.",
            "body-count": "0",
            "related_links-TOTAL_FORMS": "0",
            "related_links-INITIAL_FORMS": "0",
            "related_links-MIN_NUM_FORMS": "0",
            "related_links-MAX_NUM_FORMS": "1000",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.get(slug="zbiorka-darow").specific
    assert page.live and page.lead == "Zbieramy dary dla dzieci."
    assert client.get("/aktualnosci/zbiorka-darow/").status_code == 200


def test_centre_details_are_edited_in_the_admin_settings(jaslo, editor_client, client):
    url = f"/admin/settings/core/centre/{jaslo.pk}/"
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(
        url,
        {
            "name": "Miejski Ośrodek Pomocy Społecznej w Jaśle",
            "short_name": "MOPS Jasło",
            "kind": "mops",
            "street_address": "ul. Nowa 1",
            "postal_code": "38-200",
            "city": "Jasło",
            "phone": "13 000 00 00",
            "email": "kontakt@example.org",
            "opening_hours": "pon.–pt. 8:00–16:00",
            "bip_url": "https://bip.example.org/",
            "min_volunteer_age": "13",
            "min_matching_age": "18",
            "clearance_valid_months": "12",
        },
    )
    assert response.status_code == 302
    footer = BeautifulSoup(client.get("/").content.decode(), "html.parser").select_one(".site-footer").get_text()
    assert "ul. Nowa 1" in footer and "pon.–pt. 8:00–16:00" in footer


def test_centre_postal_code_is_validated(jaslo, editor_client):
    response = editor_client.post(
        f"/admin/settings/core/centre/{jaslo.pk}/", {"name": "X", "kind": "mops", "postal_code": "38200"}
    )
    assert response.status_code == 200
    assert "00-000" in response.content.decode()
