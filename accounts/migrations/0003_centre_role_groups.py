"""Role groups, collection and moderation workflow for every centre that already exists.

The groups themselves are made by the sync that runs after every `migrate`
(accounts.signals.migrated), which needs treebeard's tree methods and today's models.

Wagtail's own starter groups "Editors" and "Moderators" go too, unless someone is in them:
they hold rights on the root of every centre's tree, so one careless membership would open
all centres to a person. Roles are granted per centre instead.
"""

from django.db import migrations

WAGTAIL_STARTER_GROUPS = ["Editors", "Moderators"]


def create_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=WAGTAIL_STARTER_GROUPS, user__isnull=True).delete()
    # The live sync used to run here. Since the centre model moved to core (core.0001), its
    # content type at this point of the plan is still home's, and the live sync would grant
    # rights through a content type that does not exist yet; the post-migrate sync, which runs
    # once every migration has been applied, creates the role groups instead.


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
