"""StreamField items of the home-page blocks (home/blocks.py), plus the content blocks every
app's demo uses (core.demo.stream), so a home demo module needs one alias for both."""

from core.demo.stream import call_to_action, heading, image, page_link, paragraph, quote, table

__all__ = [
    "call_to_action",
    "contact",
    "heading",
    "hero",
    "highlighted_news",
    "image",
    "open_tasks",
    "page_link",
    "paragraph",
    "quote",
    "table",
]


def hero(heading_text, text, button_text, *, page, picture=None):
    return {
        "type": "hero",
        "value": {
            "heading": heading_text,
            "text": text,
            "image": picture.pk if picture else None,
            "button_text": button_text,
            "page": page.pk,
            "url": "",
        },
    }


def open_tasks(heading_text="Zostań wolontariuszem", count=3):
    return {"type": "open_tasks", "value": {"heading": heading_text, "count": count}}


def highlighted_news(heading_text="Aktualności", count=3, category=""):
    return {"type": "highlighted_news", "value": {"heading": heading_text, "count": count, "category": category}}


def contact(heading_text, text=""):
    return {"type": "contact", "value": {"heading": heading_text, "text": text}}
