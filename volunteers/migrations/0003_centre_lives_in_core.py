
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('volunteers', '0002_hours_documents_notices'),
    ]

    # Centre moved from home to core with its table (home_centre): only Django's picture of the
    # foreign keys changes, the columns and constraints stay as they are.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='agreement',
                    name='centre',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.centre', verbose_name='centre'),
                ),
                migrations.AlterField(
                    model_name='application',
                    name='centre',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.centre', verbose_name='centre'),
                ),
                migrations.AlterField(
                    model_name='centrevolunteer',
                    name='centre',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.centre', verbose_name='centre'),
                ),
                migrations.AlterField(
                    model_name='clearance',
                    name='centre',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.centre', verbose_name='centre'),
                ),
                migrations.AlterField(
                    model_name='district',
                    name='centre',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='districts', to='core.centre', verbose_name='centre'),
                ),
                migrations.AlterField(
                    model_name='hoursentry',
                    name='centre',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.centre', verbose_name='centre'),
                ),
            ],
            database_operations=[],
        ),
    ]
