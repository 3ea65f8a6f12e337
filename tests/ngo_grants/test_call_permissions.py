"""Grants officers write their centre's calls, and only there: page rights on the call index
of their own centre (not on the rest of the site, not on another centre's calls); the
centre's moderators publish them, and art. 13 holds at that approval too."""

import datetime

import pytest
from django.test import Client
from wagtail.models import PageLogEntry, WorkflowState

from accounts.models import Role
from ngo_grants.models import CallPage
from ngo_grants.models.calls import PUBLICATION_REFUSED
from tests.accounts.helpers import make_staff
from tests.ngo_grants import make_call, make_call_index
from tests.ngo_grants.test_call_publishing import at, call_form, warsaw

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(jaslo, pulawy):
    officer = make_staff("dotacje@jaslo.example.org", jaslo, Role.GRANTS_OFFICER)
    index_a, index_b = make_call_index(jaslo), make_call_index(pulawy)
    return {
        "officer": officer,
        "moderator": make_staff("moderator@jaslo.example.org", jaslo, Role.MODERATOR),
        "index_a": index_a,
        "index_b": index_b,
        "call_b": make_call(index_b, "Konkurs w Puławach", slug="konkurs-pulawy"),
    }


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def denied(response):
    return response.status_code in (403, 404) or (response.status_code == 302 and response["Location"] == "/admin/")


def submit_call(officer, index, moment, **fields):
    with at(moment):
        response = signed_in(officer).post(
            f"/admin/pages/add/ngo_grants/callpage/{index.pk}/", {**call_form(**fields), "action-submit": "1"}
        )
    assert response.status_code == 302, response.context and response.context["form"].errors
    return CallPage.objects.get(slug=fields.get("slug", "konkurs-2027"))


def approve(moderator, call, moment):
    state = WorkflowState.objects.get(object_id=str(call.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    with at(moment):
        response = signed_in(moderator).post(
            f"/admin/pages/workflow/action/{call.pk}/approve/{state.current_task_state.pk}/"
        )
    assert response.status_code == 302
    call.refresh_from_db()
    return call


def test_grants_officer_writes_a_call_under_the_centres_index_for_the_moderators(world):
    call = submit_call(world["officer"], world["index_a"], warsaw(2027, 3, 1, 10, 0))
    assert not call.live
    assert WorkflowState.objects.filter(object_id=str(call.pk), status=WorkflowState.STATUS_IN_PROGRESS).exists()
    officer = signed_in(world["officer"])
    assert officer.get(f"/admin/pages/{call.pk}/edit/").status_code == 200


def test_grants_officer_cannot_touch_the_other_centres_calls(world):
    officer = signed_in(world["officer"])
    call_b = world["call_b"]
    assert denied(officer.get(f"/admin/pages/add/ngo_grants/callpage/{world['index_b'].pk}/"))
    assert denied(officer.get(f"/admin/pages/{call_b.pk}/edit/"))
    response = officer.post(
        f"/admin/pages/{call_b.pk}/edit/", {**call_form("Przejęty", call_b.slug), "action-submit": "1"}
    )
    assert denied(response)
    call_b.refresh_from_db()
    assert call_b.title == "Konkurs w Puławach" and not call_b.has_unpublished_changes


def test_grants_officer_has_no_rights_on_the_rest_of_the_centres_site(world, jaslo):
    officer = signed_in(world["officer"])
    assert denied(officer.get(f"/admin/pages/add/home/standardpage/{jaslo.root_page_id}/"))
    assert denied(officer.get(f"/admin/pages/{jaslo.root_page_id}/edit/"))


def test_moderators_approval_in_time_publishes_the_call(world):
    call = submit_call(world["officer"], world["index_a"], warsaw(2027, 3, 1, 10, 0))
    call = approve(world["moderator"], call, warsaw(2027, 3, 8, 23, 59))
    assert call.live
    assert call.first_published_at.astimezone(datetime.UTC) == warsaw(2027, 3, 8, 23, 59).astimezone(datetime.UTC)


def test_moderators_approval_too_late_for_the_deadline_leaves_the_call_unpublished(world):
    # Submitted on 1 March with the deadline on 29 March: approved on 9 March, 20 days remain.
    call = submit_call(world["officer"], world["index_a"], warsaw(2027, 3, 1, 10, 0))
    call = approve(world["moderator"], call, warsaw(2027, 3, 9, 0, 1))
    assert not call.live
    entry = PageLogEntry.objects.get(page=call, action=PUBLICATION_REFUSED)
    assert entry.user == world["moderator"]
    assert "30.03.2027" in entry.data["reason"]


def test_submitting_a_call_that_could_not_be_published_now_is_refused_at_the_deadline(world):
    with at(warsaw(2027, 3, 10, 10, 0)):
        response = signed_in(world["officer"]).post(
            f"/admin/pages/add/ngo_grants/callpage/{world['index_a'].pk}/", {**call_form(), "action-submit": "1"}
        )
    assert response.status_code == 200
    assert response.context["form"].errors["closes_at"]
    assert not CallPage.objects.filter(slug="konkurs-2027").exists()
