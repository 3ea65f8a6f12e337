from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0005_matching_profile_fields")]

    operations = [
        migrations.RemoveField(model_name="volunteerprofile", name="languages"),
        migrations.RemoveField(model_name="volunteerprofile", name="disability_experience"),
        migrations.AddField(
            model_name="volunteerprofile",
            name="languages",
            field=models.ManyToManyField(
                blank=True, help_text="Besides Polish.", to="volunteers.language", verbose_name="languages"
            ),
        ),
        migrations.AddField(
            model_name="volunteerprofile",
            name="disability_experience",
            field=models.ManyToManyField(
                blank=True, to="volunteers.disabilitykind", verbose_name="experience with disabilities"
            ),
        ),
    ]
