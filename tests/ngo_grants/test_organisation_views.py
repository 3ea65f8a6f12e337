"""The organisation's pages for its members: registering (rows added without JavaScript),
details, editing, members and invitations, acting for one of several organisations."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from ngo_grants.acting import SESSION_KEY, acting_organisation
from ngo_grants.models import Invitation, MemberRole, Organisation, Verification
from tests.ngo_grants import NIPS, ORGANISATION_FORM, add_member, make_organisation
from tests.volunteers.test_profile import make_resident

pytestmark = pytest.mark.django_db

NEW = "/organizacje/nowa/"


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def value_of(response, name):
    control = soup(response).find(attrs={"name": name})
    return control and control.get("value")


def error_of(response, field):
    paragraph = soup(response).find(id=f"id_{field}_error")
    return paragraph and paragraph.get_text()


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def registration(**overrides):
    return {**ORGANISATION_FORM, "representatives-INITIAL_FORMS": "0", "save": "1", **overrides}


@pytest.fixture
def resident(jaslo):
    return make_resident("anna@example.org")


@pytest.fixture
def organisation(jaslo):
    return make_organisation(make_resident("prezes@example.org"))


def admin_client(organisation):
    return signed_in(organisation.memberships.get(role=MemberRole.ADMIN).user)


# --- Registering ------------------------------------------------------------------------------


def test_registering_makes_the_person_administrator_and_the_organisation_they_act_for(resident):
    client = signed_in(resident)
    response = client.post(NEW, registration())
    organisation = Organisation.objects.get(nip=NIPS[2])
    assert response.status_code == 302 and response["Location"] == f"/organizacje/{organisation.pk}/"
    assert organisation.role_of(resident) == MemberRole.ADMIN
    assert client.session[SESSION_KEY] == organisation.pk
    page = client.get(response["Location"])
    assert "Fundacja Dobry Start" in page.content.decode()
    assert "PL61 1090 1014 0000 0712 1981 2874" in page.content.decode()


def test_add_a_person_shows_one_more_row_keeps_everything_typed_and_saves_nothing(resident):
    data = registration(nip="123", add_representative="1")
    del data["save"]
    response = signed_in(resident).post(NEW, data)
    assert response.status_code == 200
    assert not Organisation.objects.exists()
    assert value_of(response, "nip") == "123"
    assert value_of(response, "representatives-0-name") == "Maria Nowak"
    assert soup(response).find(attrs={"name": "representatives-1-name"}) is not None
    assert value_of(response, "representatives-TOTAL_FORMS") == "2"
    # Not saved yet, so nothing is reported wrong yet.
    assert soup(response).select_one(".error-summary") is None


def test_remove_button_takes_out_its_row(resident):
    data = registration(
        **{
            "representatives-TOTAL_FORMS": "2",
            "representatives-1-name": "Jan Kowal",
            "representatives-1-function": "skarbnik",
            "remove_representative": "0",
        }
    )
    del data["save"]
    response = signed_in(resident).post(NEW, data)
    assert value_of(response, "representatives-0-name") == "Jan Kowal"
    assert soup(response).find(attrs={"name": "representatives-1-name"}) is None


def test_enter_in_a_field_saves_rather_than_removing_a_row(resident):
    """The first submit button of the form is the one Enter presses: it must be "save"."""
    response = signed_in(resident).get(NEW)
    first = soup(response).select_one("form.organisation-form button[type=submit]")
    assert first["name"] == "save"


def test_a_wrong_nip_is_explained_in_polish_at_its_field_and_nothing_is_lost(resident):
    response = signed_in(resident).post(NEW, registration(nip="1933589526"))
    assert response.status_code == 200
    assert "cyfra kontrolna" in error_of(response, "nip")
    assert value_of(response, "nip") == "1933589526"
    assert value_of(response, "name") == "Fundacja Dobry Start"
    assert soup(response).select_one(".error-summary") is not None


def test_a_missing_representative_is_shown_at_the_row_and_in_the_summary(resident):
    response = signed_in(resident).post(NEW, registration(**{"representatives-0-name": ""}))
    assert "imię i nazwisko" in error_of(response, "representatives-0-name")
    assert "Osoba upoważniona 1" in soup(response).select_one(".error-summary").get_text()
    assert value_of(response, "representatives-0-function") == "prezes zarządu"


def test_registering_an_organisation_already_there_says_to_ask_for_an_invitation(resident, organisation):
    response = signed_in(resident).post(NEW, registration(nip=organisation.nip))
    assert "Poproś jej administratora o zaproszenie" in error_of(response, "nip")


# --- Details and editing ----------------------------------------------------------------------


def test_details_show_which_centres_verified_the_organisation(organisation, jaslo):
    from core.models import Centre

    Verification.objects.create(organisation=organisation, centre=Centre.for_site(jaslo))
    response = admin_client(organisation).get(f"/organizacje/{organisation.pk}/")
    verified = soup(response).select_one(".organisation-verifications").get_text()
    assert Centre.for_site(jaslo).display_name in verified


@pytest.mark.parametrize("suffix", ["", "edycja/", "czlonkowie/", "opusc/"])
def test_a_non_member_gets_404_on_the_organisations_pages(organisation, resident, suffix):
    assert signed_in(resident).get(f"/organizacje/{organisation.pk}/{suffix}").status_code == 404


def test_an_editor_sees_the_details_but_cannot_edit(organisation):
    client = signed_in(add_member(organisation))
    assert client.get(f"/organizacje/{organisation.pk}/").status_code == 200
    assert client.get(f"/organizacje/{organisation.pk}/edycja/").status_code == 403
    response = client.post(f"/organizacje/{organisation.pk}/edycja/", registration(nip=organisation.nip))
    assert response.status_code == 403


def test_administrator_edits_the_details_and_representatives(organisation):
    data = registration(
        name="Nowa nazwa",
        nip=organisation.nip,
        krs=organisation.krs,
        regon=organisation.regon,
        **{"representatives-0-name": "Ewa Lis"},
    )
    response = admin_client(organisation).post(f"/organizacje/{organisation.pk}/edycja/", data)
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Nowa nazwa"
    assert [p.name for p in organisation.representatives.all()] == ["Ewa Lis"]


def test_edit_form_starts_with_the_saved_representatives(organisation):
    response = admin_client(organisation).get(f"/organizacje/{organisation.pk}/edycja/")
    assert value_of(response, "representatives-0-name") == "Maria Nowak"
    assert value_of(response, "nip") == organisation.nip


# --- Members and invitations -----------------------------------------------------------------


def test_administrator_invites_a_member_by_e_mail(organisation):
    client = admin_client(organisation)
    response = client.post(
        f"/organizacje/{organisation.pk}/czlonkowie/", {"email": "nowa@example.org", "role": "editor"}
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="nowa@example.org")
    [message] = mail.outbox
    assert f"http://localhost/organizacje/zaproszenie/{invitation.token}/" in message.body
    page = client.get(f"/organizacje/{organisation.pk}/czlonkowie/").content.decode()
    assert "nowa@example.org" in page


def test_inviting_a_member_again_is_refused_at_the_e_mail_field(organisation):
    member = add_member(organisation)
    response = admin_client(organisation).post(
        f"/organizacje/{organisation.pk}/czlonkowie/", {"email": member.email, "role": "editor"}
    )
    assert "jest już członkiem" in error_of(response, "email")
    assert not Invitation.objects.exists()


def test_an_editor_sees_the_members_but_not_the_invitation_form(organisation):
    client = signed_in(add_member(organisation))
    response = client.get(f"/organizacje/{organisation.pk}/czlonkowie/")
    assert "prezes@example.org" in response.content.decode()
    assert soup(response).select_one(".invite-form") is None
    assert soup(response).select_one(".member-remove-form") is None
    response = client.post(f"/organizacje/{organisation.pk}/czlonkowie/", {"email": "x@example.org", "role": "admin"})
    assert response.status_code == 403


def test_demoting_the_last_administrator_is_refused_with_a_message(organisation):
    client = admin_client(organisation)
    membership = organisation.memberships.get()
    response = client.post(
        f"/organizacje/{organisation.pk}/czlonkowie/{membership.pk}/rola/", {"role": "editor"}, follow=True
    )
    assert "co najmniej jednego administratora" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == MemberRole.ADMIN


def test_administrator_promotes_then_removes_a_member(organisation):
    client = admin_client(organisation)
    editor = add_member(organisation)
    membership = organisation.memberships.get(user=editor)
    client.post(f"/organizacje/{organisation.pk}/czlonkowie/{membership.pk}/rola/", {"role": "admin"})
    assert organisation.role_of(editor) == MemberRole.ADMIN
    client.post(f"/organizacje/{organisation.pk}/czlonkowie/{membership.pk}/usun/")
    assert organisation.role_of(editor) is None


def test_a_member_of_another_organisation_cannot_be_touched_through_this_one(organisation):
    other = make_organisation(number=1)
    foreign = other.memberships.get()
    response = admin_client(organisation).post(f"/organizacje/{organisation.pk}/czlonkowie/{foreign.pk}/usun/")
    assert response.status_code == 404
    assert other.memberships.filter(pk=foreign.pk).exists()


def test_a_member_leaves_after_confirming(organisation):
    editor = add_member(organisation)
    client = signed_in(editor)
    assert "Czy na pewno" in client.get(f"/organizacje/{organisation.pk}/opusc/").content.decode()
    response = client.post(f"/organizacje/{organisation.pk}/opusc/")
    assert response["Location"] == "/organizacje/"
    assert organisation.role_of(editor) is None


def test_the_only_administrator_cannot_leave(organisation):
    client = admin_client(organisation)
    response = client.post(f"/organizacje/{organisation.pk}/opusc/")
    assert response.status_code == 200
    assert "jedynym administratorem" in response.content.decode()


def invitation_for(organisation, email="anna@example.org", role=MemberRole.EDITOR):
    return Invitation.objects.create(organisation=organisation, email=email, role=role)


def test_an_anonymous_visitor_is_sent_to_sign_in_and_back(organisation):
    invitation = invitation_for(organisation)
    link = f"/organizacje/zaproszenie/{invitation.token}/"
    response = Client().get(link)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/?next=/organizacje/zaproszenie/")
    login = Client().get(response["Location"])
    signup_link = soup(login).find("a", href=lambda href: href and href.startswith("/konto/signup/"))
    assert "next=" in signup_link["href"] and invitation.token in signup_link["href"]


def test_the_invited_person_joins_once_with_the_signed_in_account(organisation, resident):
    invitation = invitation_for(organisation)
    client = signed_in(resident)
    link = f"/organizacje/zaproszenie/{invitation.token}/"
    assert organisation.name in client.get(link).content.decode()
    response = client.post(link)
    assert response["Location"] == f"/organizacje/{organisation.pk}/"
    assert organisation.role_of(resident) == MemberRole.EDITOR
    assert client.session[SESSION_KEY] == organisation.pk
    organisation.memberships.filter(user=resident).delete()
    again = client.post(link)
    assert "już wykorzystane" in again.content.decode()
    assert organisation.role_of(resident) is None


def test_someone_else_signed_in_cannot_use_the_invitation(organisation):
    invitation = invitation_for(organisation)
    stranger = make_resident("ktos@example.org")
    response = signed_in(stranger).post(f"/organizacje/zaproszenie/{invitation.token}/")
    assert "inny adres e-mail" in response.content.decode()
    assert organisation.role_of(stranger) is None


def test_an_unknown_invitation_link_is_404(resident):
    assert signed_in(resident).get("/organizacje/zaproszenie/nie-ma-takiego/").status_code == 404


# --- Acting for one of several organisations ---------------------------------------------


def test_a_member_of_several_organisations_picks_which_one_to_act_for(organisation, rf):
    person = organisation.memberships.get().user
    other = make_organisation(number=1)
    add_member(other, person)
    client = signed_in(person)
    response = client.post(f"/organizacje/{other.pk}/wybierz/")
    assert response["Location"] == "/organizacje/"
    assert client.session[SESSION_KEY] == other.pk
    dashboard = client.get("/organizacje/")
    assert other.name in soup(dashboard).select_one(".acting-organisation").get_text()


def test_acting_organisation_falls_back_to_the_first_when_the_choice_no_longer_holds(organisation, rf):
    person = organisation.memberships.get().user
    request = rf.get("/")
    request.user = person
    request.session = {SESSION_KEY: 999999}
    assert acting_organisation(request) == organisation
    request.user = make_resident("nikt@example.org")
    assert acting_organisation(request) is None


def test_nobody_can_act_for_an_organisation_they_do_not_belong_to(organisation, resident):
    client = signed_in(resident)
    assert client.post(f"/organizacje/{organisation.pk}/wybierz/").status_code == 404
    assert SESSION_KEY not in client.session


def test_the_choice_returns_to_the_page_it_was_made_on_but_never_off_the_site(organisation):
    client = admin_client(organisation)
    url = f"/organizacje/{organisation.pk}/wybierz/"
    assert client.post(url, {"next": "/oferty/"})["Location"] == "/oferty/"
    assert client.post(url, {"next": "https://evil.example/"})["Location"] == "/organizacje/"


def test_signed_in_people_find_my_organisations_in_the_header(resident):
    response = signed_in(resident).get(NEW)
    assert soup(response).select_one(".site-header a[href='/organizacje/']").get_text() == "Moje organizacje"
