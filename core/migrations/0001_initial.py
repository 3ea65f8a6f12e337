
import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    if not content_types.objects.filter(app_label="core", model="centre").exists():
        content_types.objects.filter(app_label="home", model="centre").update(app_label="core")


def restore_content_type(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    if not content_types.objects.filter(app_label="home", model="centre").exists():
        content_types.objects.filter(app_label="core", model="centre").update(app_label="home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('home', '0003_homepage_body_open_tasks'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    # The centre's table was created by home (0001, 0002) before the model moved here: the state
    # takes the model over and the database keeps its rows. Its content type moves too, so the
    # permission to edit centre details (held by the role groups) stays attached to it.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Centre',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(default='', help_text='As on official letters, e.g. Miejski Ośrodek Pomocy Społecznej w Jaśle.', max_length=200, verbose_name='full name')),
                        ('short_name', models.CharField(default='', help_text='Shown in the header, e.g. MOPS Jasło.', max_length=60, verbose_name='short name')),
                        ('kind', models.CharField(choices=[('mops', 'Municipal social welfare centre (MOPS)'), ('mopr', 'Municipal family support centre (MOPR)'), ('gops', 'Commune social welfare centre (GOPS)')], default='mops', max_length=8, verbose_name='kind of centre')),
                        ('street_address', models.CharField(blank=True, max_length=200, verbose_name='street and number')),
                        ('postal_code', models.CharField(blank=True, max_length=6, validators=[django.core.validators.RegexValidator('^\\d{2}-\\d{3}$', 'Enter a postal code in the form 00-000.')], verbose_name='postal code')),
                        ('city', models.CharField(blank=True, max_length=100, verbose_name='town')),
                        ('phone', models.CharField(blank=True, max_length=40, verbose_name='phone')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                        ('opening_hours', models.TextField(blank=True, help_text='One line per day or group of days, e.g. Mon–Fri 7:30–15:30.', verbose_name='opening hours')),
                        ('bip_url', models.URLField(blank=True, help_text="Link to the centre's Public Information Bulletin.", verbose_name='BIP address')),
                        ('min_volunteer_age', models.PositiveSmallIntegerField(default=13, help_text="Younger residents cannot become volunteers; under 18 a guardian's consent is needed.", validators=[django.core.validators.MinValueValidator(13), django.core.validators.MaxValueValidator(99)], verbose_name='minimum age of volunteers')),
                        ('clearance_valid_months', models.PositiveSmallIntegerField(default=12, help_text='After this time the register and criminal-record checks must be repeated.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(120)], verbose_name='child-protection checks valid for (months)')),
                        ('logo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='logo')),
                        ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
                    ],
                    options={
                        'verbose_name': 'centre details',
                        'verbose_name_plural': 'centre details',
                        'db_table': 'home_centre',
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
