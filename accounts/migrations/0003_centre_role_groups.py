"""Role groups, collection and moderation workflow for every centre that already exists.

This calls the live `sync_centre_roles` rather than historical models: it needs treebeard's
tree methods (collections) and Wagtail's permission models as they are today. Should a later
change to these models ever break it on an old database, it can become a no-op, because the
same sync also runs after every `migrate` (accounts.signals.migrated).

Wagtail's own starter groups "Editors" and "Moderators" go too, unless someone is in them:
they hold rights on the root of every centre's tree, so one careless membership would open
all centres to a person. Roles are granted per centre instead.
"""

from django.db import migrations

WAGTAIL_STARTER_GROUPS = ["Editors", "Moderators"]


def create_role_groups(apps, schema_editor):
    from django.apps import apps as live_apps

    from accounts.roles import sync_all_centres

    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=WAGTAIL_STARTER_GROUPS, user__isnull=True).delete()
    # The live sync reads centres through today's model. When a later migration adds a column
    # to home.Centre, that column does not exist yet at this point of the migration plan: then
    # the post-migrate sync, which runs once every migration has been applied, does the work.
    columns = {field.column for field in apps.get_model("home", "Centre")._meta.concrete_fields}
    live_columns = {field.column for field in live_apps.get_model("home", "Centre")._meta.concrete_fields}
    if columns == live_columns:
        sync_all_centres()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles_and_audit"),
        ("home", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
