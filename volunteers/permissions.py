"""Who may see a volunteer profile.

A profile belongs to no centre: the volunteer sees their own, and a centre's coordinators and
supervisors see only volunteers who applied to one of that centre's tasks or whom the centre
imported from its own records. (Step 4 adds the volunteers a centre matched.)
"""

from django.db.models import Q

from accounts.permissions import centres_for
from volunteers.models import VolunteerProfile
from volunteers.roles import VOLUNTEERING_STAFF


def profiles_visible_to(user):
    if not (user and user.is_authenticated and user.is_active):
        return VolunteerProfile.objects.none()
    if user.is_superuser:
        return VolunteerProfile.objects.all()
    centres = centres_for(user, *VOLUNTEERING_STAFF)
    applied = VolunteerProfile.objects.filter(applications__centre__in=centres).values("pk")
    imported = VolunteerProfile.objects.filter(centres__centre__in=centres).values("pk")
    return VolunteerProfile.objects.filter(Q(user=user) | Q(pk__in=applied) | Q(pk__in=imported))


def profiles_of_centre(user, centre):
    """Volunteers of one `centre` the user may see as its staff (not their own profile)."""
    if not centres_for(user, *VOLUNTEERING_STAFF).filter(pk=centre.pk).exists():
        return VolunteerProfile.objects.none()
    applied = VolunteerProfile.objects.filter(applications__centre=centre).values("pk")
    imported = VolunteerProfile.objects.filter(centres__centre=centre).values("pk")
    return VolunteerProfile.objects.filter(Q(pk__in=applied) | Q(pk__in=imported))


def can_view_profile(user, profile):
    return profiles_visible_to(user).filter(pk=profile.pk).exists()
