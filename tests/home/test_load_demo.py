"""`manage.py load_demo`: two complete demo centres, safe to load again and again."""

import io
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, Site

from core.models import Centre
from home.models import (
    AccessibilityStatementPage,
    GalleryPage,
    NewsPage,
    StandardPage,
)
from home.models.news import NewsCategory

pytestmark = pytest.mark.django_db

JASLO_HOST = "localhost:8000"
PULAWY_HOST = "pulawy.localhost:8000"


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo_users_allowed(settings):
    settings.POMOST_ALLOW_DEMO_USERS = True


def site(hostname):
    return Site.objects.get(hostname=hostname, port=8000)


def pages_of(site_, model):
    return model.objects.live().descendant_of(site_.root_page)


def text_of(page):
    """Everything an editor typed into the page, for looking up facts."""
    body = getattr(page, "body", None)
    raw = json.dumps(list(body.raw_data), ensure_ascii=False) if body is not None else ""
    return " ".join([page.title, getattr(page, "lead", ""), raw])


def path(page):
    return page.get_url_parts()[2]


def html(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "collections": Collection.objects.count(),
        "sites": Site.objects.count(),
        "centres": Centre.objects.count(),
        "users": get_user_model().objects.count(),
    }


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """One demo load shared by a test class, in a transaction rolled back after the class.

    Loading takes a couple of seconds; each test still runs in its own savepoint, so what
    one test changes (a second load included) is gone before the next.
    """
    with django_db_blocker.unblock(), override_settings(POMOST_ALLOW_DEMO_USERS=True):
        with transaction.atomic():
            yield load_demo()
            transaction.set_rollback(True)
        Site.clear_site_root_paths_cache()


class TestLoadedDemo:
    """Everything a visitor and an editor find after `load_demo` on a fresh database."""

    def test_both_centres_get_a_site_and_filled_in_details(self, demo):
        jaslo, pulawy = site("localhost"), site("pulawy.localhost")

        assert jaslo.is_default_site and not pulawy.is_default_site
        assert (jaslo.site_name, pulawy.site_name) == ("MOPS Jasło", "MOPS Puławy")
        assert jaslo.root_page.depth == pulawy.root_page.depth == 2
        for current, city, postal_code in [(jaslo, "Jasło", "38-200"), (pulawy, "Puławy", "24-100")]:
            centre = Centre.for_site(current)
            assert centre.city == city and centre.postal_code == postal_code
            assert centre.name.startswith("Miejski Ośrodek Pomocy Społecznej w ")
            assert centre.street_address and centre.phone and centre.bip_url and centre.logo
            assert centre.email.endswith(".demo.pomost.local")
            assert len(centre.opening_hours_lines) >= 2

    def test_wagtail_welcome_page_and_its_site_are_gone(self, demo):
        assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
        assert set(Site.objects.values_list("hostname", "port")) == {("localhost", 8000), ("pulawy.localhost", 8000)}

    def test_jaslo_has_news_from_several_years_in_every_category(self, demo):
        news = list(pages_of(site("localhost"), NewsPage))

        assert len(news) >= 8
        assert len({item.date.year for item in news}) >= 2
        assert {item.category for item in news} == set(NewsCategory.values)
        award = [item for item in news if "Ministra" in text_of(item)]
        assert NewsCategory.AWARDS in {item.category for item in award}
        assert any("941" in text_of(item) for item in news)
        projects = [item for item in news if "Czas na aktywność w mieście Jaśle" in text_of(item)]
        assert any(item.category == NewsCategory.PROJECTS for item in projects)
        assert sum(1 for item in news if item.image) >= 3
        assert any(item.related_pages() for item in news)

    def test_jaslo_has_programmes_gallery_and_accessibility_statement(self, demo, client):
        jaslo = site("localhost")
        titles = set(pages_of(jaslo, StandardPage).values_list("title", flat=True))
        assert {
            "Programy i wsparcie",
            "Wsparcie rodziny",
            "Jasielska Karta Dużej Rodziny",
            "Dożywianie i stypendia",
            "Współpraca z organizacjami pozarządowymi",
            "Wolontariat",
        } <= titles
        gallery = pages_of(jaslo, GalleryPage).get()
        assert gallery.gallery_images.count() >= 6
        statement = pages_of(jaslo, AccessibilityStatementPage).get()
        assert statement.slug == "deklaracja-dostepnosci" and not statement.show_in_menus

        family = pages_of(jaslo, StandardPage).get(title="Wsparcie rodziny")
        figure = html(client.get(path(family), HTTP_HOST=JASLO_HOST)).select_one("figure.stream-image")
        assert figure.img["alt"].startswith("Grafika: napis „Kolonie socjoterapeutyczne”")
        meals = pages_of(jaslo, StandardPage).get(title="Dożywianie i stypendia")
        caption = html(client.get(path(meals), HTTP_HOST=JASLO_HOST)).select_one("table caption")
        assert caption.get_text() == "Wydatki na dożywianie w Jaśle"

    def test_jaslo_home_page_shows_hero_latest_news_and_contact(self, demo, client):
        jaslo = site("localhost")
        page = html(client.get("/", HTTP_HOST=JASLO_HOST))

        volunteering = pages_of(jaslo, StandardPage).get(title="Wolontariat")
        assert page.select_one(".hero a.button")["href"] == path(volunteering)
        latest = pages_of(jaslo, NewsPage).order_by("-date")[:3]
        shown = [a.get_text() for a in page.select(".highlighted-news .news-card-title a")]
        assert shown == [item.title for item in latest]
        assert "38-200 Jasło" in page.select_one(".contact-block").get_text()
        menu = [a.get_text(strip=True) for a in page.select("nav.main-nav a")]
        assert {"Aktualności", "Programy i wsparcie", "Galeria"} <= set(menu)
        assert "Deklaracja dostępności" not in menu

    def test_pulawy_has_its_programmes_and_news(self, demo, client):
        pulawy = site("pulawy.localhost")
        programme_text = [text_of(page).casefold() for page in pages_of(pulawy, StandardPage)]

        for phrase in ["Klub Integracji Społecznej", "prace społecznie użyteczne", "Aktywatorium"]:
            assert any(phrase.casefold() in text for text in programme_text), phrase
        assert pages_of(pulawy, NewsPage).count() >= 3
        assert pages_of(pulawy, AccessibilityStatementPage).exists()
        page = html(client.get("/", HTTP_HOST=PULAWY_HOST))
        assert "MOPS Puławy" in page.select_one(".brand").get_text()
        assert "24-100 Puławy" in page.select_one(".contact-block").get_text()

    def test_every_demo_page_renders(self, demo, client):
        for hostname, http_host in [("localhost", JASLO_HOST), ("pulawy.localhost", PULAWY_HOST)]:
            current = site(hostname)
            pages = current.root_page.get_descendants(inclusive=True).live().specific()
            assert pages.count() >= 8
            for page in pages:
                response = client.get(path(page), HTTP_HOST=http_host)
                assert response.status_code == 200, f"{http_host}{path(page)}"
                assert page.title in response.content.decode() or page.depth == 2

    def test_second_run_changes_nothing_and_keeps_editors_changes(self, demo):
        assert "Created" in demo
        award = NewsPage.objects.get(title__startswith="Nagroda specjalna")
        award.title = "Nagroda ministra – tytuł poprawiony przez redaktora"
        award.save_revision().publish()
        centre = Centre.for_site(site("localhost"))
        centre.phone = "13 000 00 00"
        centre.save()
        before = counts()

        second = load_demo()

        assert counts() == before
        assert "Nothing to do" in second
        assert NewsPage.objects.get(pk=award.pk).title == "Nagroda ministra – tytuł poprawiony przez redaktora"
        assert Centre.for_site(site("localhost")).phone == "13 000 00 00"
        assert "Demo login: admin@pomost.local / pomost-demo" in second

    def test_a_deleted_demo_page_comes_back_on_the_next_run(self, demo):
        NewsPage.objects.get(title__startswith="Pomóż dzieciom").delete()

        second = load_demo()

        assert "Created 1 page." in second
        assert NewsPage.objects.filter(title__startswith="Pomóż dzieciom", live=True).count() == 1

    def test_demo_admin_can_log_in(self, demo, client):
        user = get_user_model().objects.get(email="admin@pomost.local")
        assert user.is_superuser and user.email == "admin@pomost.local"
        assert client.login(email="admin@pomost.local", password="pomost-demo")
        assert "Demo login: admin@pomost.local / pomost-demo" in demo


def test_no_demo_users_flag_creates_no_user(demo_users_allowed):
    output = load_demo("--no-demo-users")

    assert not get_user_model().objects.exists()
    assert "Demo login" not in output


def test_no_demo_users_unless_the_setting_allows_them(settings):
    settings.POMOST_ALLOW_DEMO_USERS = False

    output = load_demo()

    assert not get_user_model().objects.exists()
    assert "Demo login" not in output
    assert Site.objects.filter(hostname="pulawy.localhost").exists()


def test_an_edited_welcome_page_is_kept(demo_users_allowed):
    welcome = Page.objects.get(title="Welcome to your new Wagtail site!")
    welcome.save_revision().publish()

    output = load_demo()

    assert Page.objects.filter(pk=welcome.pk).exists()
    assert "welcome" not in output.lower()
    assert not site("localhost").is_default_site
    assert "not the default site" in output
