"""Which organisation a member acts for, when they belong to several.

The choice is kept in the session (`SESSION_KEY`, the organisation's pk), so every page that
starts something for an organisation (an offer, say) reads the same choice; a choice that no
longer holds (the person left the organisation) falls back to their first organisation.
"""

from ngo_grants.models import Organisation

SESSION_KEY = "ngo_acting_organisation"


def member_organisations(user):
    """The organisations `user` belongs to, by name."""
    return Organisation.objects.of_member(user).order_by("name", "pk")


def acting_organisation(request):
    """The organisation the signed-in person acts for: the one they chose, else their only or
    first one; None for someone who belongs to none."""
    organisations = list(member_organisations(request.user))
    chosen = request.session.get(SESSION_KEY)
    return next((o for o in organisations if o.pk == chosen), organisations[0] if organisations else None)


def act_for(request, organisation):
    """Remember `organisation` (one the person belongs to, checked by the caller)."""
    request.session[SESSION_KEY] = organisation.pk
