"""StreamField items in the stored (JSON) shape of the content blocks in `core/blocks.py`.

The builder checks every item against the block definitions before saving, because
Wagtail silently drops unknown block types and unknown struct fields.
"""


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def table(rows, caption, first_col_is_header=False):
    """A table whose first row holds the column headings."""
    return {
        "type": "table",
        "value": {
            "data": rows,
            "first_row_is_table_header": True,
            "first_col_is_header": first_col_is_header,
            "table_caption": caption,
        },
    }


def image(picture, alt_text, caption=""):
    return {
        "type": "image",
        "value": {"image": {"image": picture.pk, "alt_text": alt_text, "decorative": False}, "caption": caption},
    }


def call_to_action(title, button_text, *, text="", page=None, url=""):
    return {
        "type": "call_to_action",
        "value": {
            "title": title,
            "text": text,
            "button_text": button_text,
            "page": page.pk if page else None,
            "url": url,
        },
    }


def page_link(page, text):
    """A rich-text link to a page, in Wagtail's stored form (it survives moves and renames)."""
    return f'<a linktype="page" id="{page.pk}">{text}</a>'
