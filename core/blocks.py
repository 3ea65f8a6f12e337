"""Content blocks every page type builds its body from: headings, text, images, documents,
quotes, tables and calls to action.

They live in core because pages of several apps (the website's pages, volunteer tasks, open
calls) share them; each renders with its own template under core/blocks/.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


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
        template = "core/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    # Wagtail's ImageBlock asks for alternative text (or "decorative") at each use.
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "core/blocks/image.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"), required=False, help_text=_("Leave empty to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "core/blocks/document.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("author"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "core/blocks/quote.html"


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
        template = "core/blocks/call_to_action.html"


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"],
        template="core/blocks/paragraph.html",
    )
    image = CaptionedImageBlock()
    document = DocumentBlock()
    quote = QuoteBlock()
    table = TableBlock(
        label=_("Table"),
        table_options={"contextMenu": ["row_above", "row_below", "col_left", "col_right", "remove_row", "remove_col"]},
        template="core/blocks/table.html",
    )
    call_to_action = CallToActionBlock()
