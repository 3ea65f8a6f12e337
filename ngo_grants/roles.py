"""The staff roles that run a centre's open calls, named once.

Grants officers announce calls and read the offers; the supervisor (head of the centre) sees
them too. Every scoped queryset, service and admin screen of the calls asks for exactly these.
"""

from accounts.models import Role

GRANTS_STAFF = (Role.GRANTS_OFFICER, Role.SUPERVISOR)


def is_grants_officer(user, centre_id):
    """Whether `user` decides on the open calls of the centre `centre_id` (the supervisor reads)."""
    from core.scoping import centres_for

    return centres_for(user, Role.GRANTS_OFFICER).filter(pk=centre_id).exists()


def is_head(user, centre_id):
    """Whether `user` heads the centre `centre_id` (its supervisor): the one who decides on the
    grants after the committee's opinion."""
    from core.scoping import centres_for

    return centres_for(user, Role.SUPERVISOR).filter(pk=centre_id).exists()
