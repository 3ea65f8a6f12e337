"""The profile forms on their own: age rules, tick boxes, consents."""

import datetime

from django.utils import timezone

from core.models import Centre
from tests.volunteers.test_profile import years_ago
from volunteers import services
from volunteers.forms import AboutForm, AvailabilityForm, ConsentsForm, InterestsForm
from volunteers.models import DisabilityKind, District, Language, Skill, VolunteerProfile

ADULT = {"first_name": "Łucja", "last_name": "Żak", "birth_date": "1990-05-01", "phone": "600 100 200"}


def about(data, min_age=13):
    return AboutForm(data, instance=VolunteerProfile(), min_age=min_age, centre_name="MOPS Jasło")


def test_birth_date_in_the_future_is_refused(db):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    form = about({**ADULT, "birth_date": tomorrow.isoformat()})

    assert form.errors["birth_date"] == ["Data urodzenia nie może być w przyszłości."]


def test_implausible_year_of_birth_is_refused(db):
    assert "birth_date" in about({**ADULT, "birth_date": "1890-01-01"}).errors


def test_too_young_is_told_the_age_and_the_day_they_can_come_back(db):
    birth_date = years_ago(12)

    form = about({**ADULT, "birth_date": birth_date.isoformat()}, min_age=13)

    [message] = form.errors["birth_date"]
    assert "od 13 lat" in message
    assert "Dziękujemy, że chcesz pomagać" in message
    assert str(services.profile.birthday_at_age(birth_date, 13).year) in message


def test_polish_date_format_is_accepted(db):
    assert about({**ADULT, "birth_date": "01.05.1990"}).is_valid()


def test_phone_must_look_like_a_phone_number(db):
    form = about({**ADULT, "phone": "zadzwoń do mnie"})

    assert form.errors["phone"] == ["Wpisz numer telefonu, np. 600 100 200 lub +48 600 100 200."]


def test_adult_leaves_the_guardian_fields_empty(db):
    assert about(ADULT).is_valid()


def test_minor_must_give_the_guardian_and_tick_the_consent(db):
    form = about({**ADULT, "birth_date": years_ago(15).isoformat()})

    assert set(form.errors) == {"guardian_name", "guardian_email", "guardian_consent"}


def test_born_on_29_february_comes_of_age_on_1_march():
    assert services.profile.birthday_at_age(datetime.date(2008, 2, 29), 18) == datetime.date(2026, 3, 1)
    assert services.profile.birthday_at_age(datetime.date(2008, 2, 28), 18) == datetime.date(2026, 2, 28)


def test_tampered_skill_and_district_values_are_dropped_not_saved(jaslo):
    skill = Skill.objects.create(name="Korepetycje")
    district = District.objects.create(centre=Centre.for_site(jaslo), name="Ulaszowice")

    form = InterestsForm({"skills": [str(skill.pk), "999999", "x"], "districts": [str(district.pk), "-1"],
                          "max_concurrent": "1"})  # fmt: skip

    assert form.is_valid()
    assert list(form.cleaned_data["skills"]) == [skill]
    assert list(form.cleaned_data["districts"]) == [district]


def test_languages_and_disabilities_come_only_from_the_lists(db):
    language, _new = Language.objects.get_or_create(name="niemiecki")
    kind, _new = DisabilityKind.objects.get_or_create(name="demencja")

    form = InterestsForm({"languages": [str(language.pk), "999999", "klingoński"],
                          "disability_experience": [str(kind.pk), "-1"], "max_concurrent": "1"})  # fmt: skip

    assert form.is_valid()
    assert list(form.cleaned_data["languages"]) == [language]
    assert list(form.cleaned_data["disability_experience"]) == [kind]


def test_gender_is_optional_and_only_from_the_three_answers(db):
    assert InterestsForm({"max_concurrent": "1"}).is_valid()
    assert InterestsForm({"gender": "undisclosed", "max_concurrent": "1"}).is_valid()
    assert "gender" in InterestsForm({"gender": "other", "max_concurrent": "1"}).errors
    labels = [str(label) for _value, label in InterestsForm().fields["gender"].choices]
    assert labels == ["nie podano", "kobieta", "mężczyzna", "wolę nie podawać"]


def test_regular_help_is_an_opt_in(db):
    form = InterestsForm({"max_concurrent": "1"})

    assert form.is_valid() and form.cleaned_data["regular_help"] is False
    assert str(form.fields["regular_help"].label) == "Chcę regularnie pomagać jednej osobie lub rodzinie"


def test_districts_are_grouped_by_centre(jaslo, pulawy):
    District.objects.create(centre=Centre.for_site(jaslo), name="Gamrat")
    District.objects.create(centre=Centre.for_site(pulawy), name="Włostowice")

    groups = dict(InterestsForm().fields["districts"].choices)

    assert [name for _pk, name in groups["MOPS Jasło"]] == ["Gamrat"]
    assert [name for _pk, name in groups["MOPS Puławy"]] == ["Włostowice"]


def test_helping_more_than_ten_people_at_once_is_refused(db):
    assert "max_concurrent" in InterestsForm({"max_concurrent": "11"}).errors
    assert "max_concurrent" in InterestsForm({"max_concurrent": "0"}).errors


def test_availability_offers_every_day_and_part_of_the_day(db):
    choices = dict(AvailabilityForm().fields["availability"].choices)

    assert len(choices) == 21
    assert choices["0-morning"] == "poniedziałek, rano"
    assert choices["6-evening"] == "niedziela, wieczorem"


def test_availability_drops_slots_that_were_never_offered(db):
    form = AvailabilityForm({"availability": ["1-afternoon", "7-morning", "1-night"]})

    assert form.is_valid()
    assert form.cleaned_data["availability"] == ["1-afternoon"]


def test_contact_consents_are_optional_but_data_processing_and_standards_are_not(db):
    assert ConsentsForm({"data_processing": "on", "standards": "on"}).is_valid()
    assert set(ConsentsForm({"contact_email": "on", "contact_sms": "on"}).errors) == {"data_processing", "standards"}
