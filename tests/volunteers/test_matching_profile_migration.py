"""Languages and experience with disabilities became lists: what volunteers typed before is
kept word for word in the note, and a reverse migration puts it back where it was."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from hypothesis import given
from hypothesis import strategies as st

from volunteers.models import DisabilityKind, Language, VolunteerProfile

BEFORE = [("volunteers", "0004_block_templates_in_core")]
AFTER = [("volunteers", "0006_languages_and_experience_as_lists")]
moving = importlib.import_module("volunteers.migrations.0005_matching_profile_fields")


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def old_profile(apps, email, **fields):
    user = apps.get_model("accounts", "User").objects.create(email=email, password="!")
    return apps.get_model("volunteers", "VolunteerProfile").objects.create(
        user=user, birth_date="1990-05-01", phone="600 100 200", **fields
    )


@pytest.mark.django_db(transaction=True)
def test_free_text_moves_into_the_note_and_back_and_the_lists_are_seeded():
    try:
        old = migrate(BEFORE)
        both = old_profile(
            old, "oba@example.org", languages="ukraiński, trochę czeski", disability_experience="autyzm\nwózek"
        )
        only_experience = old_profile(old, "dosw@example.org", disability_experience="opieka nad mamą")
        silent = old_profile(old, "cichy@example.org")

        migrate(AFTER)

        notes = dict(VolunteerProfile.objects.values_list("pk", "matching_note"))
        assert notes[both.pk] == (
            "Języki: ukraiński, trochę czeski\nDoświadczenie z niepełnosprawnościami: autyzm\nwózek"
        )
        assert notes[only_experience.pk] == "Doświadczenie z niepełnosprawnościami: opieka nad mamą"
        assert notes[silent.pk] == ""
        assert "polski język migowy" in set(Language.objects.values_list("name", flat=True))
        assert {"autyzm", "demencja"} <= set(DisabilityKind.objects.values_list("name", flat=True))

        back = migrate(BEFORE)
        texts = {
            row[0]: row[1:]
            for row in back.get_model("volunteers", "VolunteerProfile").objects.values_list(
                "pk", "languages", "disability_experience"
            )
        }
        assert texts[both.pk] == ("ukraiński, trochę czeski", "autyzm\nwózek")
        assert texts[only_experience.pk] == ("", "opieka nad mamą")
        assert texts[silent.pk] == ("", "")
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


single_line = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40).map(str.strip)


@given(languages=single_line, experience=st.text(max_size=80).map(str.strip))
def test_the_note_reads_back_as_the_text_it_was_made_from(languages, experience):
    note = moving.note_from(languages, experience)

    assert moving.split_note(note) == (" ".join(languages.split()), experience)
