
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_centre_lives_in_core'),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditentry',
            name='kind',
            field=models.CharField(choices=[('login', 'Sign-in'), ('login_failed', 'Failed sign-in'), ('mfa_added', 'Two-factor method added'), ('mfa_removed', 'Two-factor method removed'), ('mfa_reset', 'Recovery codes regenerated'), ('role_granted', 'Role granted'), ('role_removed', 'Role removed'), ('hours_approved', 'Volunteer hours approved'), ('hours_rejected', 'Volunteer hours rejected'), ('application_accepted', 'Application accepted'), ('application_declined', 'Application declined'), ('clearance_recorded', 'Child-protection check recorded'), ('agreement_signed', 'Agreement recorded as signed'), ('volunteers_imported', 'Volunteers imported')], db_index=True, max_length=20, verbose_name='event'),
        ),
    ]
