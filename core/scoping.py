"""Centre-scoped querysets: every private model of a centre is reached through them.

Centre-owned models (tasks, calls, beneficiaries, matches …) give their manager a queryset
that subclasses `CentreScopedQuerySet`; views then ask for "what this user may see" and can
never forget the centre check:

    class BeneficiaryQuerySet(CentreScopedQuerySet):
        visible_to_roles = (Role.COORDINATOR, Role.SUPERVISOR)

    class Beneficiary(models.Model):
        centre = models.ForeignKey("core.Centre", on_delete=models.PROTECT)
        objects = BeneficiaryQuerySet.as_manager()

    beneficiary = get_object_or_404(Beneficiary.objects.visible_to(request.user), pk=pk)
    calls = Call.objects.visible_to(request.user, roles=[Role.GRANTS_OFFICER])

Which centres a person works in is decided by the staff roles, which live in `accounts`, an
app above core. Core must not import it, so the function that answers the question is named
in the settings (`POMOST_CENTRES_FOR`), the way Django names the user model.
"""

from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string


def centres_for(user, *roles):
    """The centres (a `core.Centre` queryset) where `user` holds any of `roles`, or any role at
    all when none are given; superusers get every centre, anonymous users none."""
    return import_string(settings.POMOST_CENTRES_FOR)(user, *roles)


class CentreScopedQuerySet(models.QuerySet):
    """Base queryset for models that belong to a centre; see the module docstring.

    `centre_field` is the lookup path to `core.Centre` (e.g. "task__centre");
    `visible_to_roles` are the roles that see the model's rows (empty: any role in the centre).
    """

    centre_field = "centre"
    visible_to_roles = ()

    def for_centre(self, centre):
        return self.filter(**{self.centre_field: centre})

    def visible_to(self, user, roles=None):
        roles = self.visible_to_roles if roles is None else roles
        return self.filter(**{f"{self.centre_field}__in": centres_for(user, *roles)})
