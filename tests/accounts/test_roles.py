"""Staff roles per centre: one group per centre and role, with rights on that centre only."""

import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Workflow,
    WorkflowPage,
)
from wagtail.permissions import policy_registry

from accounts.models import CentreRole, CentreWorkspace, Role
from accounts.roles import RIGHTS, Rights, sync_centre_roles
from core.models import Centre
from tests.accounts.helpers import admin_client, make_staff
from tests.factories import make_centre, make_image, make_standard

pytestmark = pytest.mark.django_db

ROLE_NAMES = ["Redaktor", "Moderator", "Koordynator / pracownik socjalny", "Specjalista ds. dotacji", "Kierownik"]


def snapshot():
    """Everything the sync manages, as plain values."""
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "model": sorted(Group.permissions.through.objects.values_list("group__name", "permission__codename")),
        "pages": sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")),
        "collections": sorted(
            GroupCollectionPermission.objects.values_list("group__name", "collection__name", "permission__codename")
        ),
        "sites": sorted(GroupSitePermission.objects.values_list("group__name", "site_id", "permission__codename")),
        "workflows": sorted(Workflow.objects.values_list("name", flat=True)),
        "workflow_pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
        "collection_names": sorted(Collection.objects.values_list("name", flat=True)),
    }


def test_a_new_centre_gets_one_group_per_role_named_after_it(jaslo):
    names = list(Group.objects.filter(centre_role__centre__site=jaslo).values_list("name", flat=True))
    assert sorted(names) == sorted(f"MOPS Jasło · {role}" for role in ROLE_NAMES)
    assert set(CentreRole.objects.filter(centre__site=jaslo).values_list("role", flat=True)) == set(Role.values)


def test_a_new_centre_gets_its_collection_and_moderation_workflow(jaslo):
    workspace = CentreWorkspace.objects.get(centre__site=jaslo)
    assert workspace.collection.name == "MOPS Jasło"
    assert workspace.workflow.name == "MOPS Jasło · moderacja"
    assert WorkflowPage.objects.get(page=jaslo.root_page).workflow == workspace.workflow
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workspace.workflow)
    assert [group.name for group in task.groups.all()] == ["MOPS Jasło · Moderator"]


def test_the_sync_is_idempotent(jaslo, pulawy):
    before = snapshot()
    for centre in Centre.objects.all():
        sync_centre_roles(centre)
    assert snapshot() == before


def test_renaming_a_centre_renames_its_groups_collection_and_workflow(jaslo):
    centre = Centre.for_site(jaslo)
    collection = centre.workspace.collection
    centre.short_name = "MOPR Jasło"
    centre.save()
    assert Group.objects.filter(name="MOPR Jasło · Redaktor").exists()
    assert not Group.objects.filter(name__startswith="MOPS Jasło").exists()
    collection.refresh_from_db()
    assert collection.name == "MOPR Jasło"
    assert Workflow.objects.filter(name="MOPR Jasło · moderacja").count() == 1


def test_rights_follow_the_site_to_a_new_home_page(jaslo):
    new_home = make_standard(jaslo.root_page.get_parent(), "Nowa strona główna")
    jaslo.root_page = new_home
    jaslo.save()
    editors = CentreRole.objects.get(centre__site=jaslo, role=Role.EDITOR).group
    assert set(GroupPagePermission.objects.filter(group=editors).values_list("page", flat=True)) == {new_home.pk}
    assert WorkflowPage.objects.get(page=new_home).workflow.name == "MOPS Jasło · moderacja"


def test_two_centres_with_one_name_get_groups_of_their_own(jaslo):
    Group.objects.create(name="MOPS Puławy · Redaktor")
    site = make_centre(hostname="pulawy.localhost", short_name="MOPS Puławy", name="MOPS w Puławach", default=False)
    twin = make_centre(hostname="druga.localhost", short_name="GOPS Puławy", name="GOPS w Puławach", default=False)
    twin_centre = Centre.for_site(twin)
    twin_centre.short_name = "MOPS Puławy"
    twin_centre.save()
    names = {
        key: CentreRole.objects.get(centre__site=current, role=Role.EDITOR).group.name
        for key, current in [("first", site), ("twin", twin)]
    }
    assert names["first"] == f"MOPS Puławy · Redaktor ({Centre.for_site(site).pk})"
    assert names["twin"] == f"MOPS Puławy · Redaktor ({Centre.for_site(twin).pk})"
    assert Group.objects.filter(name="MOPS Puławy · Redaktor", centre_role__isnull=True).exists()


def test_an_existing_collection_with_the_centres_name_is_adopted(clean_tree):
    existing = Collection.get_first_root_node().add_child(name="MOPS Puławy")
    site = make_centre(hostname="pulawy.localhost", short_name="MOPS Puławy", name="MOPS w Puławach", default=False)
    assert Centre.for_site(site).workspace.collection == existing
    assert Collection.objects.filter(name="MOPS Puławy").count() == 1


def test_every_role_may_enter_the_admin_and_rights_follow_the_table(jaslo):
    for role in Role:
        group = CentreRole.objects.get(centre__site=jaslo, role=role).group
        codenames = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert "wagtailadmin.access_admin" in codenames
        assert codenames == set(RIGHTS[role].model)
        page_rows = GroupPagePermission.objects.filter(group=group)
        page_actions = set(page_rows.values_list("permission__codename", flat=True))
        assert page_actions == {f"{action}_page" for action in RIGHTS[role].pages}


def test_changing_the_table_changes_the_groups_at_the_next_sync(jaslo, monkeypatch):
    centre = Centre.for_site(jaslo)
    group = CentreRole.objects.get(centre=centre, role=Role.COORDINATOR).group
    monkeypatch.setitem(RIGHTS, Role.COORDINATOR, Rights(model=("wagtailadmin.access_admin",), pages=("add",)))
    sync_centre_roles(centre)
    assert GroupPagePermission.objects.filter(group=group, page=jaslo.root_page).count() == 1
    monkeypatch.setitem(RIGHTS, Role.COORDINATOR, Rights(model=("wagtailadmin.access_admin",)))
    sync_centre_roles(centre)
    assert not GroupPagePermission.objects.filter(group=group).exists()


def test_rights_never_reach_another_centres_tree_collection_or_site(jaslo, pulawy):
    jaslo_groups = Group.objects.filter(centre_role__centre__site=jaslo)
    assert set(GroupPagePermission.objects.filter(group__in=jaslo_groups).values_list("page", flat=True)) == {
        jaslo.root_page_id
    }
    assert set(GroupSitePermission.objects.filter(group__in=jaslo_groups).values_list("site", flat=True)) == {jaslo.pk}
    assert set(
        GroupCollectionPermission.objects.filter(group__in=jaslo_groups).values_list("collection__name", flat=True)
    ) == {"MOPS Jasło"}


def test_editors_use_only_their_own_centres_images(jaslo, pulawy):
    editor = make_staff("redaktor@pulawy.example.org", pulawy, Role.EDITOR)
    own, other = make_image("Puławy"), make_image("Jasło")
    own.collection = Centre.for_site(pulawy).workspace.collection
    own.save()
    other.collection = Centre.for_site(jaslo).workspace.collection
    other.save()
    image_policy = policy_registry.get_by_type(get_image_model())
    assert image_policy.user_has_permission_for_instance(editor, "change", own)
    assert not image_policy.user_has_permission_for_instance(editor, "change", other)
    assert list(image_policy.instances_user_has_permission_for(editor, "choose")) == [own]


def test_another_centres_images_and_documents_are_out_of_reach_in_the_admin(jaslo, pulawy, client):
    jaslo_collection = Centre.for_site(jaslo).workspace.collection
    image = make_image("Zdjęcie z Jasła")
    image.collection = jaslo_collection
    image.save()
    document = get_document_model().objects.create(
        title="Regulamin Jasła", collection=jaslo_collection, file=ContentFile(b"%PDF-1.4", name="regulamin.pdf")
    )
    admin_client(client, make_staff("redaktor@pulawy.example.org", pulawy, Role.EDITOR))
    assert client.get(f"/admin/images/{image.pk}/").status_code in (302, 403, 404)
    assert client.get(f"/admin/documents/edit/{document.pk}/").status_code in (302, 403, 404)
    assert "Zdjęcie z Jasła" not in client.get("/admin/images/").content.decode()
    assert "Regulamin Jasła" not in client.get("/admin/documents/").content.decode()
    assert "Zdjęcie z Jasła" not in client.get("/admin/images/chooser/").json()["html"]


def test_moderators_edit_their_own_centres_details_only(jaslo, pulawy, client):
    moderator = make_staff("moderator@pulawy.example.org", pulawy, Role.MODERATOR)
    admin_client(client, moderator)
    assert client.get(f"/admin/settings/core/centre/{pulawy.pk}/").status_code == 200
    response = client.get(f"/admin/settings/core/centre/{jaslo.pk}/")
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"] != f"/admin/settings/core/centre/{jaslo.pk}/"


def test_editors_do_not_edit_centre_details(jaslo, client):
    editor = make_staff("redaktor@jaslo.example.org", jaslo, Role.EDITOR)
    admin_client(client, editor)
    assert client.get(f"/admin/settings/core/centre/{jaslo.pk}/").status_code in (302, 403)


def test_a_person_may_hold_roles_in_two_centres(jaslo, pulawy):
    person = make_staff("dwa@example.org", jaslo, Role.EDITOR)
    from accounts.roles import grant_role

    grant_role(person, pulawy, Role.MODERATOR)
    page_a, page_b = make_standard(jaslo.root_page, "A"), make_standard(pulawy.root_page, "B")
    assert page_a.permissions_for_user(person).can_edit() and not page_a.permissions_for_user(person).can_publish()
    assert page_b.permissions_for_user(person).can_publish()


def test_deleting_a_centre_removes_its_role_groups(jaslo, pulawy):
    person = make_staff("redaktor@jaslo.example.org", jaslo, Role.EDITOR)
    jaslo.delete()
    assert not Group.objects.filter(name__startswith="MOPS Jasło").exists()
    assert not person.groups.exists()
    assert Group.objects.filter(name__startswith="MOPS Puławy").count() == len(Role)


def test_migrate_creates_groups_for_centres_that_existed_before(jaslo, pulawy):
    Group.objects.filter(centre_role__isnull=False).delete()
    CentreWorkspace.objects.all().delete()
    Workflow.objects.all().delete()
    from accounts.signals import migrated

    migrated(sender=apps.get_app_config("accounts"), using="default")
    assert CentreRole.objects.count() == 2 * len(Role)
    assert WorkflowPage.objects.filter(page__in=[jaslo.root_page, pulawy.root_page]).count() == 2


def test_wagtails_starter_groups_with_rights_on_every_centre_are_gone(db):
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_the_sync_roles_command_repairs_what_was_removed(jaslo):
    CentreRole.objects.get(centre__site=jaslo, role=Role.EDITOR).group.delete()
    out = io.StringIO()
    call_command("sync_roles", stdout=out)
    assert "MOPS Jasło: 5" in out.getvalue()
    assert Group.objects.filter(name="MOPS Jasło · Redaktor").exists()
