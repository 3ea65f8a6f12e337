
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_centre_lives_in_core'),
        ('home', '0003_homepage_body_open_tasks'),
        ('volunteers', '0003_centre_lives_in_core'),
    ]

    # The model now lives in core (core.0001) on the same table; dropping it here would delete
    # every centre, so only the migration state forgets it.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='Centre',
                ),
            ],
            database_operations=[],
        ),
    ]
