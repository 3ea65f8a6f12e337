"""The autosave the script sends (header X-Autosave: 1): the same save as the form's, answered
in JSON for the page's status line; refused saves say why and change nothing."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from ngo_grants.workflow import OfferStatus
from tests.ngo_grants import make_organisation
from tests.ngo_grants.writing import draft_fixture, post_data, section_url, signed_in  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
AUTOSAVE = {"HTTP_X_AUTOSAVE": "1", "HTTP_ACCEPT": "application/json"}


def test_an_autosave_keeps_the_typed_values_and_answers_with_the_time_in_warsaw(draft):
    response = signed_in(draft.editor).post(
        section_url(draft, "resources"),
        post_data("resources", {"experience": "Od 2010 r.", "resources": ""}),
        **AUTOSAVE,
    )
    assert response.status_code == 200
    answer = response.json()
    draft.refresh_from_db()
    at = timezone.localtime(draft.updated_at).strftime("%H:%M")
    assert answer == {"saved": True, "at": at, "message": f"Zapisano o {at}"}
    assert draft.draft["resources"] == {"experience": "Od 2010 r.", "resources": ""}


def test_an_autosave_does_not_redirect_or_leave_a_message_for_the_next_page(draft):
    client = signed_in(draft.editor)
    client.post(section_url(draft, "basic"), post_data("basic", {"title": "Nowy tytuł"}), **AUTOSAVE)
    page = client.get(section_url(draft, "basic")).content.decode()
    assert "Zapisano o" not in page
    draft.refresh_from_db()
    assert draft.title == "Nowy tytuł"


def test_an_autosave_after_submission_is_refused_in_json_and_changes_nothing(draft):
    draft.status = OfferStatus.SUBMITTED
    draft.save()
    response = signed_in(draft.editor).post(
        section_url(draft, "basic"), post_data("basic", {"title": "Za późno"}), **AUTOSAVE
    )
    assert response.status_code == 409
    assert response.json()["saved"] is False and "nie zapisano" in response.json()["message"]
    draft.refresh_from_db()
    assert draft.draft["basic"]["title"] == draft.task.title


def test_an_autosave_after_the_session_ended_answers_401_with_the_way_back(draft):
    client = Client()
    response = client.post(section_url(draft, "basic"), post_data("basic", {"title": "Po wylogowaniu"}), **AUTOSAVE)
    assert response.status_code == 401
    assert response.json() == {"login": f"/konto/login/?next=%2Foferty%2F{draft.pk}%2Fbasic%2F"}
    assert dict(client.session["kept_posts"][f"/oferty/{draft.pk}/basic/"]) == {"basic-title": ["Po wylogowaniu"]}
    draft.refresh_from_db()
    assert draft.draft["basic"]["title"] == draft.task.title


def test_an_autosave_by_someone_outside_the_organisation_finds_nothing(draft):
    outsider = make_organisation(number=1).memberships.get().user
    response = signed_in(outsider).post(section_url(draft, "basic"), post_data("basic", {"title": "Obcy"}), **AUTOSAVE)
    assert response.status_code == 404


def test_the_form_tells_the_script_whether_to_autosave(draft):
    page = signed_in(draft.editor).get(section_url(draft, "basic")).content.decode()
    assert re.search(r'<form[^>]*data-autosave="on"', page)
    draft.status = OfferStatus.SUBMITTED
    draft.save()
    page = signed_in(draft.editor).get(section_url(draft, "basic")).content.decode()
    assert re.search(r'<form[^>]*data-autosave=""', page)
