"""Who may see what: the centres a person works in and the roles they hold there.

`centres_for` is the answer `core.scoping.CentreScopedQuerySet.visible_to` asks for (named in
the settings as POMOST_CENTRES_FOR): core cannot import this app, so it is told where to look.
Superusers see every centre; anonymous and inactive users see nothing.
"""

from django.contrib.auth import get_user_model


def centres_for(user, *roles):
    """The centres (`core.Centre` queryset) where `user` holds any of `roles`, or any role at all
    when none are given."""
    from accounts.models import CentreRole
    from core.models import Centre

    if not (user and user.is_authenticated and user.is_active):
        return Centre.objects.none()
    if user.is_superuser:
        return Centre.objects.all()
    held = CentreRole.objects.filter(group__user=user)
    if roles:
        held = held.filter(role__in=roles)
    return Centre.objects.filter(pk__in=held.values("centre"))


def roles_in(user, centre):
    """The roles `user` holds in `centre`, as a set of `Role` values."""
    from accounts.models import CentreRole, Role

    if not (user and user.is_authenticated and user.is_active):
        return set()
    held = CentreRole.objects.filter(centre=centre, group__user=user).values_list("role", flat=True)
    return {Role(value) for value in held}


def staff_of(centres):
    """Users holding any role in any of `centres` (a queryset or list of `core.Centre`)."""
    return get_user_model().objects.filter(groups__centre_role__centre__in=centres).distinct()


def can_enter_admin(user):
    """Whether `user` can reach the Wagtail admin (or Django's): the people whose sign-ins and
    two-factor changes the audit log keeps."""
    if not (user and user.is_active):
        return False
    return user.is_staff or user.has_perm("wagtailadmin.access_admin")
