"""`{% offer_actions offer %}`: the offer page's links to attachments, submission, withdrawal,
the confirmation and a new draft, as far as the person may use them."""

from django import template

from ngo_grants.permissions import can_write_offers

register = template.Library()


@register.inclusion_tag("ngo_grants/includes/offer_actions.html", takes_context=True)
def offer_actions(context, offer):
    request = context["request"]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "messages": context.get("messages"),
        "offer": offer,
        "version": offer.latest_version(),
        "may_write": can_write_offers(request.user, offer.organisation),
    }
