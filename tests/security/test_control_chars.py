"""No form stores control characters or marks that reverse the direction of text (core.text).

One check is installed for every text field, so these tests visit forms of every kind: the
volunteer's own (a one-line name, a multi-line message), allauth's sign-up, a coordinator's
admin form and Wagtail's page editor with its StreamField. Each time the message stands at
the field, in Polish, the rest of what was typed is still in the form and nothing is saved.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.contrib.auth import get_user_model

from accounts.models import Role
from tests.accounts.helpers import make_staff
from tests.accounts.test_moderation import news_form
from tests.factories import make_news, make_news_index
from tests.volunteers import make_task, make_task_index
from tests.volunteers.test_admin_applications import applicant
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers.models import Application, ApplicationStatus, VolunteerProfile

pytestmark = pytest.mark.django_db

RIGHT_TO_LEFT = "Kowalska\u202egpj.exe"
CONTROL = "Kowal\x01ska"
POLISH_MESSAGE = "niewidoczne znaki sterujące"
ONE_LINE_POLISH = "jeden wiersz"


def field_error(response, name):
    soup = BeautifulSoup(response.content, "html.parser")
    error = soup.find(id=f"id_{name}_error") or soup.find(id=f"id_{name}-error")
    return error.get_text(" ", strip=True) if error else ""


def field_value(response, name):
    field = BeautifulSoup(response.content, "html.parser").find(attrs={"name": name})
    return field.get_text() if field.name == "textarea" else field.get("value", "")


@pytest.fixture
def volunteer_client(jaslo, client):
    user = make_resident("wolontariusz@example.org")
    make_volunteer(user)
    client.force_login(user)
    client.user = user
    return client


def about_you(**changes):
    return {
        "first_name": "Łucja",
        "last_name": "Żak",
        "birth_date": "1990-05-01",
        "phone": "600 100 200",
        "address": "ul. Kościuszki 26, 38-200 Jasło",
        **changes,
    }


@pytest.mark.parametrize("hostile", [RIGHT_TO_LEFT, CONTROL, "Kowalska\u2066x\u2069", "Żak\x7f", "Żak\x9b"])
def test_profile_refuses_hidden_characters_in_a_name_at_the_field(volunteer_client, hostile):
    response = volunteer_client.post("/wolontariat/profil/o-tobie/", about_you(last_name=hostile))

    assert response.status_code == 200
    assert POLISH_MESSAGE in field_error(response, "last_name")
    assert field_value(response, "address") == "ul. Kościuszki 26, 38-200 Jasło"
    assert field_value(response, "last_name") == hostile
    assert not get_user_model().objects.filter(last_name=hostile).exists()


def test_a_line_break_inside_a_one_line_field_is_refused_but_a_trailing_one_is_not(volunteer_client):
    response = volunteer_client.post("/wolontariat/profil/o-tobie/", about_you(last_name="Żak\nKowalska"))
    assert ONE_LINE_POLISH in field_error(response, "last_name")

    response = volunteer_client.post("/wolontariat/profil/o-tobie/", about_you(last_name="Żak\r\n"))
    assert response.status_code == 302
    assert VolunteerProfile.objects.get(user=volunteer_client.user).user.last_name == "Żak"


@pytest.fixture
def task(jaslo):
    return make_task(make_task_index(jaslo), "Zakupy dla seniorów", places=3)


def test_an_application_message_keeps_its_lines_but_not_a_direction_override(volunteer_client, task):
    response = volunteer_client.post(task.url + "zglos/", {"message": "Dzień dobry,\n\tchętnie \u202epomogę."})

    assert response.status_code == 200
    assert POLISH_MESSAGE in field_error(response, "message")
    assert "chętnie" in field_value(response, "message")
    assert not Application.objects.exists()

    response = volunteer_client.post(task.url + "zglos/", {"message": "Dzień dobry,\r\n\tchętnie pomogę."})

    assert response.status_code == 302
    assert Application.objects.get().message == "Dzień dobry,\r\n\tchętnie pomogę."


def test_sign_up_refuses_a_direction_override_in_the_address(client, jaslo):
    email = "anna\u202e@example.org"
    response = client.post("/konto/signup/", {"email": email, "password1": "Dlugie-haslo-2026", "password2": "x"})

    assert response.status_code == 200
    assert POLISH_MESSAGE in str(response.context["form"].errors["email"])
    assert not get_user_model().objects.exists()


def test_a_coordinators_decline_reason_with_control_characters_is_refused(client, jaslo, task):
    coordinator = make_staff("koordynator@example.org", jaslo, Role.COORDINATOR)
    application = applicant(task, "Anna", "Kowalska", status=ApplicationStatus.SUBMITTED)
    client.force_login(coordinator)

    response = client.post(
        "/admin/zgloszenia/odrzuc/",
        {"step": "confirm", "application": application.pk, "reason": "Brak miejsc\x1b[2J"},
    )

    assert response.status_code == 200
    assert POLISH_MESSAGE in str(response.context["form"].errors["reason"])
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_wagtails_page_editor_refuses_a_direction_override_in_the_title_and_a_streamfield_block(client, jaslo):
    editor = make_staff("redaktorka@example.org", jaslo, Role.EDITOR)
    news = make_news(make_news_index(jaslo), "Zbiórka darów", date=datetime.date(2026, 11, 20))
    client.force_login(editor)
    data = news_form("Zbiórka \u202edarów", news.slug, **{"action-publish": "1"})
    data.update({"body-count": "1", "body-0-type": "heading", "body-0-deleted": "", "body-0-order": "0"})
    data.update({"body-0-id": "a1b2", "body-0-value-text": "Nagłówek\u2067", "body-0-value-level": "h2"})

    response = client.post(f"/admin/pages/{news.pk}/edit/", data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert POLISH_MESSAGE in str(errors["title"])
    assert POLISH_MESSAGE in str(errors["body"].data[0].block_errors[0].block_errors["text"])
    news.refresh_from_db()
    assert news.title == "Zbiórka darów"


def test_every_text_field_type_refuses_hidden_characters_and_multi_line_ones_keep_their_lines():
    for field in (
        forms.CharField(),
        forms.EmailField(),
        forms.SlugField(),
        forms.URLField(assume_scheme="https"),
        forms.RegexField("x"),
    ):
        with pytest.raises(forms.ValidationError) as refused:
            field.clean("a\u202eb")
        assert refused.value.code == "hidden_characters"
    assert forms.CharField(widget=forms.Textarea).clean("raz\n\tdwa\r\n") == "raz\n\tdwa"
    assert forms.CharField(widget=forms.HiddenInput).clean('{"a":\n1}') == '{"a":\n1}'
