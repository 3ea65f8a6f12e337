from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.scoping import CentreScopedQuerySet


class Role(models.TextChoices):
    """The staff roles a person can hold in a centre; what each may do is in accounts/roles.py."""

    EDITOR = "editor", _("Editor")
    MODERATOR = "moderator", _("Moderator")
    COORDINATOR = "coordinator", _("Volunteer coordinator / social worker")
    GRANTS_OFFICER = "grants_officer", _("Grants officer")
    SUPERVISOR = "supervisor", _("Supervisor")


class CentreRoleQuerySet(CentreScopedQuerySet):
    # Who works where is the supervisor's business, not every colleague's.
    visible_to_roles = (Role.SUPERVISOR,)


class CentreRole(models.Model):
    """One role in one centre, carried by its own Django group.

    Being a member of `group` is what holding the role means: Wagtail's page, collection and
    site permissions hang on the group, so the admin's own checks keep each centre's staff
    inside their centre. The groups are managed by `accounts.roles.sync_centre_roles`.
    """

    centre = models.ForeignKey("core.Centre", verbose_name=_("centre"), on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    group = models.OneToOneField(Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="centre_role")

    objects = CentreRoleQuerySet.as_manager()

    class Meta:
        verbose_name = _("staff role in a centre")
        verbose_name_plural = _("staff roles in centres")
        constraints = [models.UniqueConstraint(fields=["centre", "role"], name="accounts_centrerole_unique_role")]
        permissions = [("manage_team", _("Can manage who has which role in their centre"))]

    def __str__(self):
        return self.group.name


class CentreWorkspace(models.Model):
    """What `sync_centre_roles` set up for a centre in the admin, remembered so that renaming
    the centre renames them instead of starting over: its image and document collection and
    its moderation workflow."""

    centre = models.OneToOneField(
        "core.Centre", verbose_name=_("centre"), on_delete=models.CASCADE, related_name="workspace"
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection", verbose_name=_("collection"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    workflow = models.ForeignKey(
        "wagtailcore.Workflow", verbose_name=_("workflow"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("centre workspace")
        verbose_name_plural = _("centre workspaces")

    def __str__(self):
        return str(self.centre)
