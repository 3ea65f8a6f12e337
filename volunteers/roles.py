"""The staff roles that run volunteering in a centre, named once.

Coordinators (social workers) and the centre's supervisor see volunteers' profiles, decide
applications and hours, record checks and sign agreements; every scoped queryset, service and
admin screen of volunteering asks for exactly these, so giving the work to another role is a
change of this line.
"""

from accounts.models import Role

VOLUNTEERING_STAFF = (Role.COORDINATOR, Role.SUPERVISOR)
