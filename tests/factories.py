"""Test data: factories for users and helpers that build a centre's page tree.

Images are drawn with Pillow in memory; nothing is downloaded.
"""

import datetime
import io

import factory
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from core.models import Centre
from core.text import polish_slugify
from home.demo.builder import DemoBuilder
from home.models import HomePage, NewsIndexPage, NewsPage, StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"osoba{n}@example.org")
    first_name = factory.Faker("first_name", locale="pl_PL")
    last_name = factory.Faker("last_name", locale="pl_PL")
    password = factory.django.Password("correct-horse-battery")


def make_image(title="Zdjęcie testowe", colour=(11, 79, 138), size=(320, 200)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    image = get_image_model()(title=title, description=title)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name="test.png")
    image.save()
    return image


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_child(parent, page):
    if not page.slug:
        page.slug = polish_slugify(page.title)
    parent.add_child(instance=page)
    return publish(page)


def make_centre(
    hostname="localhost",
    port=80,
    name="Miejski Ośrodek Pomocy Społecznej w Jaśle",
    short_name="MOPS Jasło",
    default=True,
    **details,
):
    """A centre: a Site with its own HomePage and centre settings."""
    # Tests with transaction=True flush the database, Wagtail's root page and locale
    # included; put back what the migrations would have created.
    DemoBuilder().ensure_roots()
    root = Page.get_first_root_node()
    home = HomePage(title=short_name, slug=polish_slugify(short_name))
    add_child(root, home)
    if default:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
    site = Site.objects.create(
        hostname=hostname, port=port, root_page=home, site_name=short_name, is_default_site=default
    )
    centre = Centre.for_site(site)
    centre.name = name
    centre.short_name = short_name
    for key, value in details.items():
        setattr(centre, key, value)
    centre.save()
    return site


def make_news_index(site, title="Aktualności", slug="aktualnosci"):
    return add_child(site.root_page, NewsIndexPage(title=title, slug=slug, show_in_menus=True))


def make_news(index, title, date=None, category="news", lead="Krótki wstęp.", **kwargs):
    date = date or datetime.date(2026, 11, 1)
    page = NewsPage(title=title, date=date, category=category, lead=lead, **kwargs)
    return add_child(index, page)


def make_standard(parent, title, lead="", body=None, show_in_menus=True, **kwargs):
    page = StandardPage(title=title, lead=lead, body=body or [], show_in_menus=show_in_menus, **kwargs)
    return add_child(parent, page)
