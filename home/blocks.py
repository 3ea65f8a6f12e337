"""StreamField blocks editors build pages from; each renders with its own template."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    # Wagtail's ImageBlock asks for alternative text (or "decorative") at each use.
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"), required=False, help_text=_("Leave empty to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "home/blocks/document.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("author"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "home/blocks/quote.html"


class LinkTargetMixin:
    """Editors pick a page of the site or paste an address; exactly one is needed."""

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page or enter an address, not both and not neither.")
            raise StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])},
            )
        return value


class CallToActionBlock(LinkTargetMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    button_text = blocks.CharBlock(label=_("button text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or address"), required=False)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "home/blocks/call_to_action.html"


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"],
        template="home/blocks/paragraph.html",
    )
    image = CaptionedImageBlock()
    document = DocumentBlock()
    quote = QuoteBlock()
    table = TableBlock(
        label=_("Table"),
        table_options={"contextMenu": ["row_above", "row_below", "col_left", "col_right", "remove_row", "remove_col"]},
        template="home/blocks/table.html",
    )
    call_to_action = CallToActionBlock()


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
        template="home/blocks/paragraph.html",
    )
    call_to_action = CallToActionBlock()
