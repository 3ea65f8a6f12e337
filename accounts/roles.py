"""What each staff role may do, and the one function that makes the groups say so.

`RIGHTS` is the single table of rights. Each centre has one Django group per role
("MOPS Jasło · Redaktor"); `sync_centre_roles(centre)` gives that group exactly the rights
below, on that centre's page tree, collection and site only, so Wagtail's own permission
checks keep the staff of one centre out of another's content. It runs when a centre is saved,
after every `migrate` and from `manage.py sync_roles`; edit this table, not the groups in the
admin (a sync would undo the edit).

Later steps add their models' permissions to `model` (e.g. "volunteers.view_beneficiary").
"""

import functools
import operator
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from accounts.models import CentreRole, CentreWorkspace, Role


@dataclass(frozen=True)
class Rights:
    """Permissions of one role. `model` are global ("app_label.codename"); the others apply to
    the role's own centre only: `pages` are Wagtail page actions on the centre's whole page tree,
    `sections` page actions only on the centre's pages of a type and below them
    (("app_label.PageModel", ("add", "change")), ...), `collection` permissions on its image
    and document collection, `site` permissions on settings of its site (the centre's details)."""

    model: tuple = ()
    pages: tuple = ()
    sections: tuple = ()
    collection: tuple = ()
    site: tuple = ()


ADMIN = "wagtailadmin.access_admin"
# Wagtail lets whoever may change an image or document delete it too.
MEDIA = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)

# The coordinators' volunteering screens; the rows they show are still limited to the centre.
VOLUNTEERING = (
    "volunteers.view_application",
    "volunteers.change_application",
    "volunteers.view_volunteerprofile",
    "volunteers.add_volunteerprofile",
    "volunteers.view_clearance",
    "volunteers.add_clearance",
    "volunteers.view_hoursentry",
    "volunteers.change_hoursentry",
    "volunteers.view_agreement",
    "volunteers.add_agreement",
    "volunteers.change_agreement",
    "volunteers.view_beneficiary",
    "volunteers.add_beneficiary",
    "volunteers.change_beneficiary",
    "volunteers.delete_beneficiary",
    "volunteers.add_need",
    "volunteers.change_need",
)

DOCUMENTS = tuple(name for name in MEDIA if name.startswith("wagtaildocs."))

# Reading the offers made to the centre's open calls and the organisations that made them;
# drafts stay the organisations' own (the screens list submitted and withdrawn offers only).
GRANTS_READING = (
    "ngo_grants.view_offer",
    "ngo_grants.view_organisation",
    "ngo_grants.view_verification",
)

VOCABULARY = tuple(
    f"volunteers.{action}_{model}"
    for model in ("skill", "language", "disabilitykind")
    for action in ("add", "change", "view")
)

RIGHTS = {
    # Writes pages and submits them for moderation; cannot publish.
    Role.EDITOR: Rights(model=(ADMIN,), pages=("add", "change"), collection=MEDIA),
    # Publishes (approves the centre's moderation task). The centre's details appear on every
    # page at once, with no moderation, so they are edited by moderators, not editors.
    Role.MODERATOR: Rights(
        model=(ADMIN,),
        pages=("add", "change", "publish", "lock", "unlock"),
        collection=MEDIA,
        site=("core.change_centre",),
    ),
    # Keeps the vocabularies every centre's volunteers and needs share (skills, languages,
    # kinds of disability); deleting a word would change other centres' data, so that is left
    # to administrators.
    # Decides on applications and hours, sees the volunteers who applied to the centre, records
    # their child-protection checks and agreements, imports volunteers from the centre's lists.
    Role.COORDINATOR: Rights(model=(ADMIN, *VOCABULARY, *VOLUNTEERING)),
    # Writes the open calls under the centre's call index (their regulations are documents of
    # the centre's collection); moderators publish them, as they publish every page. Reads the
    # offers to the centre's calls, exports them with their budgets, and verifies the
    # organisations (for this centre only) before their offers can be submitted.
    Role.GRANTS_OFFICER: Rights(
        model=(ADMIN, *GRANTS_READING, "ngo_grants.add_verification", "ngo_grants.change_verification"),
        sections=(("ngo_grants.CallIndexPage", ("add", "change")),),
        collection=DOCUMENTS,
    ),
    # Head of the centre: manages the team, reads the audit log, oversees the pages (sees the
    # centre's tree, can lock a page to stop changes), keeps the centre's details and sees
    # (and sends again) the centre's e-mails the mail server has not taken; reads the offers and the
    # organisations' verifications without deciding them.
    Role.SUPERVISOR: Rights(
        model=(
            ADMIN,
            "accounts.manage_team",
            "accounts.view_auditentry",
            "volunteers.view_beneficiaryaccess",
            *VOLUNTEERING,
            *GRANTS_READING,
        ),
        pages=("lock", "unlock"),
        site=("core.change_centre", "core.view_outgoingmail"),
    ),
}

WORKFLOW_NAME = _("%(centre)s · moderation")
TASK_NAME = _("%(centre)s · moderator approval")


def grant_role(user, centre, role):
    """Give `user` the `role` in `centre` (a `core.Centre` or its `Site`); the audit log
    records it through the group change."""
    user.groups.add(role_group(centre, role))


def revoke_role(user, centre, role):
    user.groups.remove(role_group(centre, role))


def role_group(centre, role):
    centre = _as_centre(centre)
    centre_role = CentreRole.objects.filter(centre=centre, role=role).select_related("group").first()
    if centre_role is None:
        sync_centre_roles(centre)
        centre_role = CentreRole.objects.select_related("group").get(centre=centre, role=role)
    return centre_role.group


def sync_all_centres():
    from core.models import Centre

    for centre in Centre.objects.select_related("site"):
        sync_centre_roles(centre)


@transaction.atomic
def sync_centre_roles(centre):
    """Create or update the centre's role groups, collection and moderation workflow.

    Idempotent: a second call changes nothing. Group, collection and workflow names follow the
    centre's name.
    """
    site = Site.objects.get(pk=centre.site_id)
    home = Page.objects.get(pk=site.root_page_id)
    label = str(centre)[:100]
    workspace, _ = CentreWorkspace.objects.get_or_create(centre=centre)
    collection = _collection(workspace, label)
    permissions = _permissions(
        {name for rights in RIGHTS.values() for name in (*rights.model, *rights.collection, *rights.site)}
        | {_page_permission(action) for rights in RIGHTS.values() for action in _page_actions(rights)}
    )
    groups = {}
    for role in Role:
        rights = RIGHTS[role]
        group = groups[role] = _group(centre, role, label)
        group.permissions.set([permissions[name] for name in rights.model])
        page_rights = {(home.pk, permissions[_page_permission(action)]) for action in rights.pages}
        page_rights |= {
            (page_pk, permissions[_page_permission(action)])
            for label, actions in rights.sections
            for page_pk in _section_pages(home, label)
            for action in actions
        }
        _set_rows(GroupPagePermission, group, "page", page_rights)
        _set_rows(
            GroupCollectionPermission, group, "collection", {(collection.pk, permissions[n]) for n in rights.collection}
        )
        _set_rows(GroupSitePermission, group, "site", {(site.pk, permissions[n]) for n in rights.site})
    _moderation(workspace, label, home, groups[Role.MODERATOR])


def _as_centre(centre_or_site):
    from core.models import Centre

    return Centre.for_site(centre_or_site) if isinstance(centre_or_site, Site) else centre_or_site


def _in_polish(text, **values):
    """Group and workflow names are data everyone shares, so they are in the site's language,
    whatever language the admin user who triggered the sync works in."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text) % values if values else str(text)


def _group(centre, role, label):
    name = f"{label} · {_in_polish(Role(role).label)}"
    clash = Group.objects.filter(name=name).exclude(centre_role__centre=centre, centre_role__role=role)
    if clash.exists():
        # Two centres with the same name: the number keeps group names unique.
        name = f"{name} ({centre.pk})"
    centre_role = CentreRole.objects.filter(centre=centre, role=role).select_related("group").first()
    if centre_role is None:
        return CentreRole.objects.create(centre=centre, role=role, group=Group.objects.create(name=name)).group
    group = centre_role.group
    if group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    return group


def _collection(workspace, label):
    collection = workspace.collection
    if collection is None:
        root = Collection.get_first_root_node()
        # Collections created before the centre's roles (the demo creates them first) are adopted by name.
        collection = root.get_children().filter(name=label).first() or root.add_child(name=label)
        workspace.collection = collection
        workspace.save(update_fields=["collection"])
    elif collection.name != label:
        collection.name = label
        collection.save(update_fields=["name"])
    return collection


def _moderation(workspace, label, home, moderators):
    """The centre's workflow: one group-approval task for its moderators, on its home page."""
    name = _in_polish(WORKFLOW_NAME, centre=label)
    task_name = _in_polish(TASK_NAME, centre=label)
    workflow = workspace.workflow
    if workflow is None:
        workflow = Workflow.objects.create(name=name)
        workspace.workflow = workflow
        workspace.save(update_fields=["workflow"])
    elif workflow.name != name:
        workflow.name = name
        workflow.save(update_fields=["name"])
    task = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow).order_by("pk").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    elif task.name != task_name:
        task.name = task_name
        task.save(update_fields=["name"])
    task.groups.add(moderators)
    # An administrator may have chosen another workflow for the home page, or deactivated
    # this one: both choices stand.
    if workflow.active and not WorkflowPage.objects.filter(page=home).exists():
        WorkflowPage.objects.create(page=home, workflow=workflow)


def _set_rows(model, group, target, wanted):
    """Make `group`'s rows of `model` exactly `wanted`: {(target id, Permission)}."""
    wanted = {(target_id, permission.pk) for target_id, permission in wanted}
    rows = model.objects.filter(group=group).values_list(f"{target}_id", "permission_id", "pk")
    existing = {(target_id, perm_id): pk for target_id, perm_id, pk in rows}
    stale = [pk for key, pk in existing.items() if key not in wanted]
    if stale:
        model.objects.filter(pk__in=stale).delete()
    missing = wanted - set(existing)
    if missing:
        model.objects.bulk_create(
            [model(group=group, **{f"{target}_id": target_id}, permission_id=perm_id) for target_id, perm_id in missing]
        )


def _page_actions(rights):
    return {*rights.pages, *(action for _label, actions in rights.sections for action in actions)}


def _section_pages(home, label):
    """The centre's pages of the type `label` names ("app_label.PageModel")."""
    return apps.get_model(label).objects.descendant_of(home).values_list("pk", flat=True)


def section_page_types():
    """The page models whose pages carry section rights; a new one of them syncs its centre."""
    return {apps.get_model(label) for rights in RIGHTS.values() for label, _actions in rights.sections}


def _page_permission(action):
    return f"wagtailcore.{action}_page"


def _permissions(names):
    """{"app_label.codename": Permission}. Django creates permissions after `migrate`; this also
    runs during `migrate` (data migration, new centres), so missing ones are created here first."""
    found = _find_permissions(names)
    missing = set(names) - set(found)
    if missing:
        for label in {name.split(".")[0] for name in missing}:
            create_permissions(apps.get_app_config(label), verbosity=0)
        found = _find_permissions(names)
        missing = set(names) - set(found)
    if missing:
        raise ImproperlyConfigured(f"accounts.roles.RIGHTS names unknown permissions: {sorted(missing)}")
    return found


def _find_permissions(names):
    query = functools.reduce(
        operator.or_,
        (Q(content_type__app_label=n.split(".")[0], codename=n.split(".")[1]) for n in names),
    )
    found = Permission.objects.filter(query).select_related("content_type")
    return {f"{p.content_type.app_label}.{p.codename}": p for p in found}
