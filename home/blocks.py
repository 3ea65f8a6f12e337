"""StreamField blocks of the centres' home pages; the content blocks come from core.blocks."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from core.blocks import CallToActionBlock, LinkTargetMixin


class HeroBlock(LinkTargetMixin, blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    image = ImageChooserBlock(label=_("background image"), required=False)
    button_text = blocks.CharBlock(label=_("button text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or address"), required=False)

    class Meta:
        icon = "image"
        label = _("Hero")
        template = "home/blocks/hero.html"


class HighlightedNewsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), default=_("News"), max_length=120)
    count = blocks.IntegerBlock(label=_("how many"), default=3, min_value=1, max_value=12)
    category = blocks.ChoiceBlock(
        label=_("only this category"),
        required=False,
        choices=[("news", _("News")), ("awards", _("Awards and distinctions")), ("projects", _("Projects"))],
    )

    class Meta:
        icon = "list-ul"
        label = _("Latest news")
        template = "home/blocks/highlighted_news.html"

    def get_context(self, value, parent_context=None):
        from home.models import NewsPage

        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        news = NewsPage.objects.live().public().select_related("image").order_by("-date", "-first_published_at")
        if page is not None:
            news = news.descendant_of(page.get_site().root_page)
        if value.get("category"):
            news = news.filter(category=value["category"])
        context["news_items"] = news[: value["count"]]
        return context


class ContactBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), default=_("Contact"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)

    class Meta:
        icon = "mail"
        label = _("Contact details")
        template = "home/blocks/contact.html"


class OpenTasksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), default=_("Volunteer with us"), max_length=120)
    count = blocks.IntegerBlock(label=_("how many"), default=3, min_value=1, max_value=12)

    class Meta:
        icon = "group"
        label = _("Open volunteer tasks")
        template = "home/blocks/open_tasks.html"

    def get_context(self, value, parent_context=None):
        # Looked up by name: `home` is the base every other app builds on and imports none of them.
        task_model = apps.get_model("volunteers", "TaskPage")
        index_model = apps.get_model("volunteers", "TaskIndexPage")
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        tasks = task_model.open_for_applications()
        index = index_model.objects.live().public()
        if page is not None:
            root = page.get_site().root_page
            tasks = tasks.descendant_of(root)
            index = index.descendant_of(root)
        context["tasks"] = tasks[: value["count"]]
        context["task_index"] = index.first()
        return context


class HomeStreamBlock(blocks.StreamBlock):
    hero = HeroBlock()
    highlighted_news = HighlightedNewsBlock()
    open_tasks = OpenTasksBlock()
    contact = ContactBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        template="core/blocks/paragraph.html",
    )
    call_to_action = CallToActionBlock()
