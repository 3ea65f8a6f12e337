"""Who may see what: every private model of a centre is reached through these helpers.

Centre-owned models (tasks, calls, beneficiaries, matches …) give their manager a queryset
that subclasses `CentreScopedQuerySet`; views then ask for "what this user may see" and can
never forget the centre check:

    class BeneficiaryQuerySet(CentreScopedQuerySet):
        visible_to_roles = (Role.COORDINATOR, Role.SUPERVISOR)

    class Beneficiary(models.Model):
        centre = models.ForeignKey("home.Centre", on_delete=models.PROTECT)
        objects = BeneficiaryQuerySet.as_manager()

    beneficiary = get_object_or_404(Beneficiary.objects.visible_to(request.user), pk=pk)
    calls = Call.objects.visible_to(request.user, roles=[Role.GRANTS_OFFICER])

Superusers see every centre; anonymous and inactive users see nothing.
"""

from django.contrib.auth import get_user_model
from django.db import models


def centres_for(user, *roles):
    """The centres (`home.Centre` queryset) where `user` holds any of `roles`, or any role at all
    when none are given."""
    from accounts.models import CentreRole
    from home.models import Centre

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
    """Users holding any role in any of `centres` (a queryset or list of `home.Centre`)."""
    return get_user_model().objects.filter(groups__centre_role__centre__in=centres).distinct()


def can_enter_admin(user):
    """Whether `user` can reach the Wagtail admin (or Django's): the people whose sign-ins and
    two-factor changes the audit log keeps."""
    if not (user and user.is_active):
        return False
    return user.is_staff or user.has_perm("wagtailadmin.access_admin")


class CentreScopedQuerySet(models.QuerySet):
    """Base queryset for models that belong to a centre; see the module docstring.

    `centre_field` is the lookup path to `home.Centre` (e.g. "task__centre");
    `visible_to_roles` are the roles that see the model's rows (empty: any role in the centre).
    """

    centre_field = "centre"
    visible_to_roles = ()

    def visible_to(self, user, roles=None):
        roles = self.visible_to_roles if roles is None else roles
        return self.filter(**{f"{self.centre_field}__in": centres_for(user, *roles)})
