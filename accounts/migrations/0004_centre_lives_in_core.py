
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_centre_role_groups'),
        ('core', '0001_initial'),
    ]

    # Centre moved from home to core with its table (home_centre): only Django's picture of the
    # foreign keys changes, the columns and constraints stay as they are.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='auditentry',
                    name='centre',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.centre', verbose_name='centre'),
                ),
                migrations.AlterField(
                    model_name='centrerole',
                    name='centre',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='roles', to='core.centre', verbose_name='centre'),
                ),
                migrations.AlterField(
                    model_name='centreworkspace',
                    name='centre',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='workspace', to='core.centre', verbose_name='centre'),
                ),
            ],
            database_operations=[],
        ),
    ]
