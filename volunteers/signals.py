"""Signal receivers that keep volunteers' data consistent when a profile or account is deleted."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from volunteers.models import VolunteerProfile
from volunteers.services.own_data import release_volunteer


@receiver(pre_delete, sender=VolunteerProfile, dispatch_uid="volunteers_release_volunteer")
def release_before_profile_is_deleted(sender, instance, **kwargs):
    """A profile goes when the volunteer erases it and when the whole account is deleted
    (the user row cascades to it): either way, places are freed for the waiting list and
    only approved hours stay, anonymous."""
    release_volunteer(instance)
