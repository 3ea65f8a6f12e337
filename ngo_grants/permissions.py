"""Who may do what with organisations and offers; views and services ask these functions.

Members act for their organisation: administrators manage its details and members, editors
and administrators write and submit its offers. Grants staff read the offers made to their own
centre's calls (`Offer.objects.visible_to`), never change them.
"""

from ngo_grants.models import MemberRole

WRITERS = (MemberRole.ADMIN, MemberRole.EDITOR)


def can_manage_organisation(user, organisation):
    return organisation.role_of(user) == MemberRole.ADMIN


def can_write_offers(user, organisation):
    return organisation.role_of(user) in WRITERS


def can_edit_offer(user, offer):
    return offer.editable and can_write_offers(user, offer.organisation)


def can_edit_section(user, offer, key):
    """A draft's sections are all open to its writers; during a correction only those reopened."""
    return offer.section_editable(key) and can_write_offers(user, offer.organisation)
