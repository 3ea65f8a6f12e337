"""The session ends while an NGO member writes a section: what they send is kept through the
login and is in the draft when they are back, only for someone who may edit that offer."""

import pytest
from django.test import Client

from tests.ngo_grants import make_organisation
from tests.ngo_grants.writing import draft_fixture, post_data, section_url  # noqa: F401 (fixture)
from tests.security.world import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def sign_in(client, user, next_url):
    return client.post("/konto/login/", {"login": user.email, "password": PASSWORD, "next": next_url})


@pytest.fixture
def editor(draft):
    """The draft's editor, with a password and a verified address for the real login."""
    from ngo_grants.models import MemberRole
    from tests.ngo_grants import add_member

    user = make_user("redaktorka@example.org")
    add_member(draft.organisation, user, MemberRole.EDITOR)
    return user


def test_a_section_sent_after_the_session_ended_is_in_the_draft_after_signing_in_again(draft, editor):
    client = Client()
    sign_in(client, editor, "/")
    url = section_url(draft, "resources")
    assert client.get(url).status_code == 200
    client.logout()  # the session expires while the form is open
    typed = {"experience": "Prowadzimy klub seniora od 2012 r.", "resources": "Sala na 40 osób"}
    response = client.post(url, post_data("resources", typed))
    assert response.status_code == 302
    assert response["Location"] == f"/konto/login/?next=/oferty/{draft.pk}/resources/"
    draft.refresh_from_db()
    assert "resources" not in draft.draft
    response = sign_in(client, editor, url)
    assert response["Location"] == url
    page = client.get(url).content.decode()
    assert "wróciło do formularza" in page
    assert "Prowadzimy klub seniora od 2012 r." in page
    draft.refresh_from_db()
    assert draft.draft["resources"] == typed
    assert client.session.get("kept_posts") == {}


def test_someone_else_signing_in_on_the_same_computer_gets_nothing_restored(draft, editor):
    client = Client()
    url = section_url(draft, "basic")
    client.post(url, post_data("basic", {"title": "Wpisane przez redaktorkę"}))
    stranger = make_user("obca@example.org")
    make_organisation(stranger, number=1)
    sign_in(client, stranger, url)
    assert client.get(url).status_code == 404
    draft.refresh_from_db()
    assert draft.draft["basic"]["title"] == draft.task.title


def test_the_login_page_says_that_what_was_typed_is_kept(draft):
    client = Client()
    response = client.post(section_url(draft, "basic"), post_data("basic", {"title": "Tytuł"}), follow=True)
    assert "/konto/login/" in response.redirect_chain[-1][0]
    assert "wpisano, jest zachowane" in response.content.decode()
