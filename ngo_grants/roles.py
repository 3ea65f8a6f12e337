"""The staff roles that run a centre's open calls, named once.

Grants officers announce calls and read the offers; the supervisor (head of the centre) sees
them too. Every scoped queryset, service and admin screen of the calls asks for exactly these.
"""

from accounts.models import Role

GRANTS_STAFF = (Role.GRANTS_OFFICER, Role.SUPERVISOR)
