from django import template

from ngo_grants.display import shown_sections
from ngo_grants.money import format_zloty

register = template.Library()


@register.filter
def zloty(value):
    """{{ task.funds|zloty }} → "50 000,00 zł"."""
    return format_zloty(value)


@register.simple_tag
def offer_sections(content):
    """The sections of a frozen offer, labelled, for includes/offer_content.html."""
    return shown_sections(content)
