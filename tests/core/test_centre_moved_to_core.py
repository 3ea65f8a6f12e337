"""The centre model moved from home to core: a database of Step 3 keeps every row and right.

The test rolls the test database back to the Step 3 schema, writes data the way Step 3 did
(historical models), migrates forward and reads it through today's models.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from core.models import Centre
from volunteers.models import District

STEP_3 = [
    ("home", "0003_homepage_body_open_tasks"),
    ("accounts", "0003_centre_role_groups"),
    ("volunteers", "0002_hours_documents_notices"),
    ("core", None),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state([target for target in targets if target[1]]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def write_step_3_data(old):
    content_types = old.get_model("contenttypes", "ContentType")
    page_type, _ = content_types.objects.get_or_create(app_label="wagtailcore", model="page")
    locale, _ = old.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="pl")
    root = old.get_model("wagtailcore", "Page").objects.create(
        title="Root", slug="root-step3", path="0099", depth=1, numchild=0, content_type=page_type, locale=locale
    )
    site = old.get_model("wagtailcore", "Site").objects.create(hostname="step3.localhost", port=80, root_page=root)
    centre = old.get_model("home", "Centre").objects.create(
        site=site, name="Miejski Ośrodek Pomocy Społecznej w Jaśle", short_name="MOPS Jasło", city="Jasło"
    )
    old.get_model("volunteers", "District").objects.create(centre=centre, name="Śródmieście")
    centre_type, _ = content_types.objects.get_or_create(app_label="home", model="centre")
    permission, _ = old.get_model("auth", "Permission").objects.get_or_create(
        content_type=centre_type, codename="change_centre", defaults={"name": "Can change centre details"}
    )
    group = old.get_model("auth", "Group").objects.create(name="MOPS Jasło · Moderator (Step 3)")
    group.permissions.add(permission)
    return centre.pk


@pytest.mark.django_db(transaction=True)
def test_a_step_3_database_keeps_its_centres_districts_and_rights():
    ContentType.objects.clear_cache()
    try:
        centre_pk = write_step_3_data(migrate(STEP_3))
        migrate(latest())
        ContentType.objects.clear_cache()

        centre = Centre.objects.get(pk=centre_pk)
        assert (centre.short_name, centre.city, centre.site.hostname) == ("MOPS Jasło", "Jasło", "step3.localhost")
        assert District.objects.get(name="Śródmieście").centre == centre
        assert not ContentType.objects.filter(app_label="home", model="centre").exists()
        assert ContentType.objects.get_for_model(Centre).app_label == "core"
        group = Group.objects.get(name="MOPS Jasło · Moderator (Step 3)")
        assert group.permissions.filter(content_type__app_label="core", codename="change_centre").exists()
        assert Permission.objects.filter(codename="change_centre").count() == 1
    finally:
        migrate(latest())
        ContentType.objects.clear_cache()
