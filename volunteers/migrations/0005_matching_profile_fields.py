"""Languages and experience with disabilities become lists staff edit; gender and the wish to
help one person regularly are asked. The free text volunteers typed so far moves, word for
word, into a note (the next migration then drops the old text columns)."""

from django.db import migrations, models

LANGUAGES = ["angielski", "ukraiński", "rosyjski", "niemiecki", "polski język migowy"]
DISABILITY_KINDS = [
    "niepełnosprawność ruchowa / wózek",
    "niewidomi i słabowidzący",
    "głusi i słabosłyszący",
    "niepełnosprawność intelektualna",
    "autyzm",
    "zdrowie psychiczne",
    "demencja",
]
LANGUAGES_LABEL = "Języki: "
EXPERIENCE_LABEL = "Doświadczenie z niepełnosprawnościami: "


def note_from(languages, experience):
    """The note for the old free text; `split_note` reads it back for a reverse migration."""
    parts = []
    if languages:
        parts.append(LANGUAGES_LABEL + " ".join(languages.split()))
    if experience:
        parts.append(EXPERIENCE_LABEL + experience)
    return "\n".join(parts)


def split_note(note):
    languages, experience = "", note
    if note.startswith(LANGUAGES_LABEL):
        first, _newline, experience = note.partition("\n")
        languages = first[len(LANGUAGES_LABEL) :]
    if experience.startswith(EXPERIENCE_LABEL):
        experience = experience[len(EXPERIENCE_LABEL) :]
    return languages, experience


def seed_vocabularies(apps, schema_editor):
    Language = apps.get_model("volunteers", "Language")
    DisabilityKind = apps.get_model("volunteers", "DisabilityKind")
    for name in LANGUAGES:
        Language.objects.get_or_create(name=name)
    for name in DISABILITY_KINDS:
        DisabilityKind.objects.get_or_create(name=name)


def move_text_to_note(apps, schema_editor):
    VolunteerProfile = apps.get_model("volunteers", "VolunteerProfile")
    profiles = VolunteerProfile.objects.exclude(languages="", disability_experience="")
    for profile in profiles.only("pk", "languages", "disability_experience"):
        note = note_from(profile.languages.strip(), profile.disability_experience.strip())
        if note:
            VolunteerProfile.objects.filter(pk=profile.pk).update(matching_note=note)


def move_note_to_text(apps, schema_editor):
    VolunteerProfile = apps.get_model("volunteers", "VolunteerProfile")
    for profile in VolunteerProfile.objects.exclude(matching_note="").only("pk", "matching_note"):
        languages, experience = split_note(profile.matching_note)
        VolunteerProfile.objects.filter(pk=profile.pk).update(
            languages=languages[:200], disability_experience=experience, matching_note=""
        )


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0004_block_templates_in_core")]

    operations = [
        migrations.CreateModel(
            name="Language",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=80, unique=True, verbose_name="name")),
            ],
            options={"verbose_name": "language", "verbose_name_plural": "languages", "ordering": ["name"]},
        ),
        migrations.CreateModel(
            name="DisabilityKind",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=80, unique=True, verbose_name="name")),
            ],
            options={
                "verbose_name": "kind of disability",
                "verbose_name_plural": "kinds of disability",
                "ordering": ["name"],
            },
        ),
        migrations.AddField(
            model_name="volunteerprofile",
            name="matching_note",
            field=models.TextField(
                blank=True,
                help_text="Anything the lists above do not cover, e.g. a dialect or experience as a carer.",
                verbose_name="other languages and experience",
            ),
        ),
        migrations.AddField(
            model_name="volunteerprofile",
            name="gender",
            field=models.CharField(
                blank=True,
                choices=[("woman", "woman"), ("man", "man"), ("undisclosed", "prefer not to say")],
                max_length=12,
                verbose_name="gender",
            ),
        ),
        migrations.AddField(
            model_name="volunteerprofile",
            name="regular_help",
            field=models.BooleanField(
                default=False,
                help_text="The centres whose districts you chose may then propose to you a person or a family "
                "to help every week.",
                verbose_name="I want to help one person or family regularly",
            ),
        ),
        migrations.RunPython(seed_vocabularies, migrations.RunPython.noop),
        migrations.RunPython(move_text_to_note, move_note_to_text),
    ]
