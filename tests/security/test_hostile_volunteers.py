"""Every form of the volunteer profile survives hostile input (see tests/security/hostile.py)."""

import datetime

import pytest

from core.models import Centre
from tests.security.hostile import assert_form_survives_hostile_input
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers.models import Clearance, DisabilityKind, District, Gender, Language, Skill, VolunteerProfile


@pytest.fixture
def volunteer_client(jaslo, client):
    user = make_resident("wolontariusz@example.org")
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def volunteer(volunteer_client):
    return make_volunteer(volunteer_client.user)


def test_about_you_step_survives_hostile_input(volunteer_client):
    report = assert_form_survives_hostile_input(
        volunteer_client,
        "/wolontariat/profil/o-tobie/",
        fields={
            "first_name": "Łucja",
            "last_name": "Żak",
            "birth_date": "1990-05-01",
            "phone": "600 100 200",
            "address": "ul. Kościuszki 26, 38-200 Jasło",
            "guardian_name": "Jan Nowak",
            "guardian_email": "jan.nowak@example.com",
            "guardian_consent": "on",
        },
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    profile = VolunteerProfile.objects.get(user=volunteer_client.user)
    assert datetime.date(1900, 1, 1) < profile.birth_date <= datetime.date.today()
    assert len(profile.address) <= 200
    user = profile.user
    user.refresh_from_db()
    assert user.first_name and len(user.first_name) <= 150 and "\x00" not in user.first_name


def test_interests_step_survives_hostile_input(jaslo, volunteer, volunteer_client):
    skill = Skill.objects.create(name="Zakupy")
    district = District.objects.create(centre=Centre.for_site(jaslo), name="Śródmieście")
    language, _new = Language.objects.get_or_create(name="ukraiński")
    kind, _new = DisabilityKind.objects.get_or_create(name="autyzm")

    report = assert_form_survives_hostile_input(
        volunteer_client,
        "/wolontariat/profil/zainteresowania/",
        fields={
            "skills": str(skill.pk),
            "districts": str(district.pk),
            "languages": str(language.pk),
            "driving_licence": "on",
            "has_car": "on",
            "disability_experience": str(kind.pk),
            "matching_note": "gwara śląska",
            "gender": "woman",
            "regular_help": "on",
            "max_concurrent": "2",
        },
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    volunteer.refresh_from_db()
    assert set(volunteer.skills.all()) <= {skill}
    assert set(volunteer.languages.all()) <= {language}
    assert set(volunteer.disability_experience.all()) <= {kind}
    assert volunteer.gender in {"", *Gender.values}
    assert len(volunteer.matching_note) <= 2000
    assert 1 <= volunteer.max_concurrent <= 10


def test_availability_step_survives_hostile_input(volunteer, volunteer_client):
    report = assert_form_survives_hostile_input(
        volunteer_client, "/wolontariat/profil/dostepnosc/", fields={"availability": "3-evening"}
    )

    assert report["redirected"] == report.total()
    assert {(slot.weekday, slot.part) for slot in volunteer.availability.all()} <= {(3, "evening")}


def test_consents_step_survives_hostile_input_and_never_creates_a_clearance(volunteer, volunteer_client):
    report = assert_form_survives_hostile_input(
        volunteer_client,
        "/wolontariat/profil/zgody/",
        fields={"data_processing": "on", "contact_email": "on", "contact_sms": "on", "standards": "on"},
        max_examples=20,
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    assert not Clearance.objects.exists()


def test_apply_form_survives_hostile_input(jaslo, volunteer, volunteer_client):
    from tests.volunteers import make_task, make_task_index
    from volunteers.models import Application

    task = make_task(make_task_index(jaslo), "Zakupy dla seniorów", places=3)

    report = assert_form_survives_hostile_input(
        volunteer_client, task.url + "zglos/", fields={"message": "Chętnie pomogę."}, max_examples=20
    )

    assert report.total() > 0
    assert Application.objects.filter(task=task).count() <= 1
    assert all(len(application.message) <= 2000 for application in Application.objects.all())


def test_apply_form_of_a_task_with_children_survives_hostile_input(jaslo, volunteer, volunteer_client):
    from tests.volunteers import make_task, make_task_index
    from volunteers.models import Application

    task = make_task(make_task_index(jaslo), "Świetlica dla dzieci", requires_clearance=True, places=3)

    report = assert_form_survives_hostile_input(
        volunteer_client, task.url + "zglos/", fields={"message": "Pomogę w lekcjach."}, max_examples=20
    )

    assert report.total() > 0
    [application] = Application.objects.filter(task=task)
    assert application.awaiting_verification
