"""The NGO dashboard: my organisations with my role and their members, their offers with
states, and the deadlines ahead in every centre, in Polish time."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from core.models import Centre
from ngo_grants.models import CallProgress, MemberRole, Offer
from tests.ngo_grants import add_member, complete_draft, in_days, make_call, make_call_index, make_organisation
from tests.volunteers.test_profile import make_resident

pytestmark = pytest.mark.django_db

DASHBOARD = "/organizacje/"


def page(user):
    client = Client()
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def member(jaslo):
    return make_resident("prezes@example.org")


def test_someone_without_an_organisation_is_offered_to_register_one(member):
    html = page(member)
    assert html.find("a", href="/organizacje/nowa/") is not None
    assert "Nie należysz jeszcze do żadnej organizacji" in html.get_text()


def test_each_organisation_shows_my_role_and_its_members(member):
    mine = make_organisation(member, name="Stowarzyszenie Pomocna Dłoń")
    colleague = add_member(mine, make_resident("redaktorka@example.org"))
    elsewhere = make_organisation(name="Fundacja Sąsiedzi", number=1)
    add_member(elsewhere, member, MemberRole.EDITOR)

    panels = {panel.h2.get_text(strip=True): panel for panel in page(member).select(".organisation-panel")}

    assert set(panels) == {"Stowarzyszenie Pomocna Dłoń", "Fundacja Sąsiedzi"}
    assert panels["Stowarzyszenie Pomocna Dłoń"].select_one(".organisation-role").get_text() == "administrator"
    assert panels["Fundacja Sąsiedzi"].select_one(".organisation-role").get_text() == "redaktor"
    members = panels["Stowarzyszenie Pomocna Dłoń"].select_one(".organisation-members").get_text()
    assert colleague.get_full_name() in members and member.get_full_name() in members


def test_offers_are_listed_under_their_organisation_with_their_state(member, jaslo):
    call = make_call(make_call_index(jaslo))
    task = call.tasks.get()
    mine = make_organisation(member)
    other = make_organisation(number=1)
    centre = Centre.for_site(jaslo)
    Offer.objects.create(
        call=call, task=task, organisation=mine, centre=centre, title="Razem raźniej", draft=complete_draft(task)
    )
    Offer.objects.create(call=call, task=task, organisation=other, centre=centre, title="Cudza oferta")

    html = page(member)

    offers = html.select_one(".organisation-offers").get_text()
    assert "Razem raźniej" in offers and "wersja robocza" in offers
    assert "Cudza oferta" not in html.get_text()


def test_deadlines_ahead_list_open_calls_of_every_centre_nearest_first_in_polish_time(member, jaslo, pulawy):
    make_call(make_call_index(jaslo), "Konkurs Jasło", closes_at=in_days(40, hour=15))
    make_call(make_call_index(pulawy), "Konkurs Puławy", closes_at=in_days(3, hour=23))

    rows = page(member).select(".open-calls tbody tr")

    assert [row.td.get_text(strip=True) for row in rows] == ["Konkurs Puławy", "Konkurs Jasło"]
    assert "MOPS Puławy" in rows[0].get_text()
    assert "23:00" in rows[0].select("td")[2].get_text()
    assert "15:00" in rows[1].select("td")[2].get_text()
    assert "dni" in rows[0].select_one(".time-left").get_text()


def test_calls_not_open_now_are_not_among_the_deadlines(member, jaslo):
    index = make_call_index(jaslo)
    make_call(index, "Konkurs zamknięty", slug="zamkniety", opens_at=in_days(-40), closes_at=in_days(-1))
    make_call(index, "Konkurs przyszły", slug="przyszly", opens_at=in_days(5), closes_at=in_days(40))
    evaluated = make_call(index, "Konkurs w ocenie", slug="ocena")
    evaluated.progress = CallProgress.EVALUATION
    evaluated.save()
    draft = make_call(index, "Konkurs nieopublikowany", slug="szkic")
    draft.unpublish()

    html = page(member)

    assert html.select(".open-calls") == []
    assert "Żaden konkurs nie przyjmuje teraz ofert" in html.get_text()


def test_dashboard_asks_anonymous_visitors_to_sign_in(jaslo):
    response = Client().get(DASHBOARD)
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")
