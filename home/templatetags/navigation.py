from django import template
from wagtail.models import Page, Site

register = template.Library()


def _site(context):
    request = context.get("request")
    return Site.find_for_request(request) if request is not None else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    site = _site(context)
    items = []
    if site is not None:
        items = site.root_page.get_children().live().public().in_menu().specific(defer=True)
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return {
        "request": context.get("request"),
        "home": site.root_page if site else None,
        "menu_items": [
            {"page": item, "active": bool(current_path) and current_path.startswith(item.path)} for item in items
        ],
        "current_is_home": bool(site and current_path == site.root_page.path),
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    site = _site(context)
    if not isinstance(page, Page) or site is None or page.depth <= site.root_page.depth:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors(inclusive=False).filter(depth__gte=site.root_page.depth)
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.filter
def elided_pages(page_obj):
    """Page numbers with gaps ("1 2 … 9 10 11 … 40") so long lists keep a short pager."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.filter
def shows_contact_details(page):
    """Whether the page's own body has a contact section (address, phone, opening hours)."""
    body = getattr(getattr(page, "specific", page), "body", None) if isinstance(page, Page) else None
    return any(block.block_type == "contact" for block in body or [])


@register.simple_tag(takes_context=True)
def accessibility_statement(context):
    """The centre's accessibility statement, linked from every page as the law expects."""
    from home.models import AccessibilityStatementPage

    site = _site(context)
    if site is None:
        return None
    return AccessibilityStatementPage.objects.live().public().descendant_of(site.root_page).first()
