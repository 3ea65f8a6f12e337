"""Find-or-create helpers that make the demo safe to load again and again.

Everything is looked up by a stable key (a page's slug under its parent, an image's title in
its collection, a site's host and port) and created only when missing. What exists is never
changed, because editors may have edited it since the last run.
"""

import io
from collections import Counter

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from wagtail import blocks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Revision, Site
from wagtail.utils.file import hash_filelike

from core.models import Centre
from core.text import polish_slugify
from home.demo import images
from home.models import HomePage

WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"

# Labels of the summary, in the order it lists them.
SUMMARY_LABELS = {
    "site": ("site", "sites"),
    "centre": ("centre's settings", "centres' settings"),
    "collection": ("image collection", "image collections"),
    "image": ("image", "images"),
    "page": ("page", "pages"),
    "user": ("user", "users"),
}


class DemoBuilder:
    """Creates what is missing and remembers what it created, for the summary."""

    def __init__(self, *, with_users=True):
        self.with_users = with_users
        self.created = Counter()
        self.removed_welcome_page = False
        self.notes = []
        # Lines about demo accounts (who signs in with what), printed after the summary.
        self.logins = []
        self.sites = {}
        self._unpublished = []

    def summary(self):
        """What this run did, in a few lines for the terminal."""
        lines = []
        if self.removed_welcome_page:
            lines.append("Removed Wagtail's untouched welcome page and its site.")
        parts = []
        for key, (singular, plural) in SUMMARY_LABELS.items():
            if count := self.created[key]:
                parts.append(f"{count} {singular if count == 1 else plural}")
        for key in sorted(set(self.created) - set(SUMMARY_LABELS)):
            parts.append(f"{self.created[key]} × {key}")
        if parts:
            lines.append("Created " + ", ".join(parts) + ".")
        return lines or ["Nothing to do: the demo content is already there."]

    def ensure_roots(self):
        """The default locale, root page and root collection that Wagtail's migrations create.

        A database flushed between tests (TransactionTestCase, live-server tests) has none.
        """
        if not Locale.objects.exists():
            Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
        if Page.get_first_root_node() is None:
            Page.add_root(instance=Page(title="Root", slug="root"))
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")

    def remove_wagtail_welcome(self):
        """Wagtail's migration leaves a placeholder home page; it goes only if nobody touched it."""
        plain_page = ContentType.objects.get_for_model(Page)
        candidates = Page.objects.filter(depth=2, content_type=plain_page, title=WAGTAIL_WELCOME_TITLE, numchild=0)
        for page in candidates:
            if Revision.page_revisions.filter(object_id=str(page.pk)).exists():
                continue
            # Its Site (localhost:80) points at it and goes with it.
            Site.objects.filter(root_page=page).delete()
            page.delete()
            self.removed_welcome_page = True

    def collection(self, name):
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=name).first()
        if existing:
            return existing
        self.created["collection"] += 1
        return root.add_child(name=name)

    def image(self, collection, spec):
        model = get_image_model()
        existing = model.objects.filter(collection=collection, title=spec.title).first()
        if existing:
            return existing
        filename, data = images.render(spec)
        picture = model(title=spec.title, description=spec.alt, collection=collection)
        picture.file = ImageFile(io.BytesIO(data), name=filename)
        picture.file_size = len(data)
        picture.file_hash = hash_filelike(io.BytesIO(data))
        picture.save()
        self.created["image"] += 1
        return picture

    def images(self, collection, specs):
        """Images by key, e.g. {"gala": ImageSpec(...)} → {"gala": Image}."""
        return {key: self.image(collection, spec) for key, spec in specs.items()}

    def centre_site(self, key, *, hostname, port, site_name, default, home_title, home_slug, home_fields):
        """The centre's Site and its HomePage; the home page is created with the site."""
        site = Site.objects.filter(hostname=hostname, port=port).select_related("root_page").first()
        if site is None:
            home = self.page(Page.get_first_root_node(), HomePage, title=home_title, slug=home_slug, **home_fields)
            if default and Site.objects.filter(is_default_site=True).exists():
                self.notes.append(f"{site_name} is not the default site: another site already is.")
                default = False
            site = Site.objects.create(
                hostname=hostname, port=port, site_name=site_name, root_page=home, is_default_site=default
            )
            self.created["site"] += 1
        self.sites[key] = site
        return site, site.root_page.specific

    def centre(self, site, **details):
        """The centre's settings, unless the site already has some."""
        if Centre.objects.filter(site=site).exists():
            return Centre.for_site(site)
        centre = Centre(site=site, **details)
        centre.full_clean()
        centre.save()
        self.created["centre"] += 1
        return centre

    def page(self, parent, model, *, title, slug=None, **fields):
        """The child of `parent` with this slug, or a new draft to publish later.

        Field values may be callables: they are evaluated when the page is published, so a
        page can link to pages created after it (the home page's hero to a programme page).
        """
        slug = slug or polish_slugify(title)
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific
        page = model(title=title, slug=slug, live=False)
        later = {}
        for name, value in fields.items():
            if callable(value):
                later[name] = value
            else:
                _assign(page, name, value)
        # A fresh parent: treebeard computes the new path from the parent's child count.
        Page.objects.get(pk=parent.pk).add_child(instance=page)
        self._unpublished.append((page, later))
        self.created["page"] += 1
        return page

    def publish_pending(self):
        """Publish the pages created so far, parents first, each with one revision."""
        pending, self._unpublished = self._unpublished, []
        for draft, later in pending:
            # Reloaded: the draft's tree fields (numchild) went stale when children were added,
            # and publishing saves every field of the page.
            page = type(draft).objects.get(pk=draft.pk)
            for name, make_value in later.items():
                _assign(page, name, make_value())
            page.save_revision().publish()

    def superuser(self, email, password):
        model = get_user_model()
        if model.objects.filter(email=email).exists():
            return
        model.objects.create_superuser(email=email, password=password)
        self.created["user"] += 1


def _assign(page, name, value):
    if name == "tags":
        page.tags.add(*value)
        return
    field = page._meta.get_field(name)
    if isinstance(field, StreamField):
        _check_stream(field.stream_block, value, f"{type(page).__name__}.{name}")
        setattr(page, name, value)
        try:
            field.stream_block.clean(getattr(page, name))
        except ValidationError as error:
            raise ValueError(f"Invalid demo content in {page.title!r}, field {name}: {error}") from error
        return
    setattr(page, name, value)


def _check_stream(stream_block, items, where):
    """Fail loudly on names Wagtail would drop without a word."""
    for item in items:
        block = stream_block.child_blocks.get(item["type"])
        if block is None:
            raise ValueError(f"{where}: unknown block type {item['type']!r}")
        if isinstance(block, blocks.StructBlock) and isinstance(item["value"], dict):
            unknown = set(item["value"]) - set(block.child_blocks)
            if unknown:
                raise ValueError(f"{where}: {item['type']} has no field(s) {sorted(unknown)}")
