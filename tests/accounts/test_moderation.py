"""Moderation per centre: editors submit, moderators of the same centre publish, and
nobody reaches another centre's pages in the admin."""

import pytest
from django.test import Client
from wagtail.models import Page, WorkflowState

from accounts.models import Role
from home.models import NewsPage
from tests.accounts.helpers import admin_client, make_staff
from tests.factories import make_news, make_news_index, make_standard

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(jaslo, pulawy):
    index = make_news_index(jaslo)
    return {
        "index": index,
        "jaslo_news": make_news(index, "Wiadomość z Jasła"),
        "pulawy_page": make_standard(pulawy.root_page, "Program z Puław"),
        "editor": make_staff("redaktor@jaslo.example.org", jaslo, Role.EDITOR),
        "moderator": make_staff("moderator@jaslo.example.org", jaslo, Role.MODERATOR),
        "pulawy_editor": make_staff("redaktor@pulawy.example.org", pulawy, Role.EDITOR),
        "pulawy_moderator": make_staff("moderator@pulawy.example.org", pulawy, Role.MODERATOR),
    }


def as_user(user):
    return admin_client(Client(), user)


def news_form(title, slug, **action):
    return {
        "title": title,
        "slug": slug,
        "date": "2026-11-20",
        "category": "news",
        "tags": "",
        "lead": "Zbieramy dary dla dzieci.",
        "body-count": "0",
        "related_links-TOTAL_FORMS": "0",
        "related_links-INITIAL_FORMS": "0",
        "related_links-MIN_NUM_FORMS": "0",
        "related_links-MAX_NUM_FORMS": "1000",
        **action,
    }


def denied(response):
    """Wagtail answers a missing page permission with a redirect to the dashboard (or 403/404)."""
    return response.status_code in (403, 404) or (response.status_code == 302 and response["Location"] == "/admin/")


def submit_news(editor, index, title="Zbiórka darów", slug="zbiorka-darow"):
    response = as_user(editor).post(
        f"/admin/pages/add/home/newspage/{index.pk}/", news_form(title, slug, **{"action-submit": "1"})
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return NewsPage.objects.get(slug=slug)


def test_an_editor_opens_own_centres_pages_and_not_the_other_centres(world):
    editor = as_user(world["pulawy_editor"])
    assert editor.get(f"/admin/pages/{world['pulawy_page'].pk}/edit/").status_code == 200
    assert denied(editor.get(f"/admin/pages/{world['jaslo_news'].pk}/edit/"))


def test_an_editor_cannot_change_another_centres_page_by_posting(world):
    news = world["jaslo_news"]
    response = as_user(world["pulawy_editor"]).post(
        f"/admin/pages/{news.pk}/edit/", news_form("Przejęte", news.slug, **{"action-publish": "1"})
    )
    assert denied(response)
    news.refresh_from_db()
    assert news.title == "Wiadomość z Jasła" and not news.has_unpublished_changes


def test_another_centres_pages_are_not_listed_in_the_explorer_or_search(world, jaslo, pulawy):
    editor = as_user(world["pulawy_editor"])
    # The explorer opens at the editor's own centre, and the other centre's tree is out of reach.
    assert editor.get("/admin/pages/")["Location"] == f"/admin/pages/{pulawy.root_page_id}/"
    assert editor.get(f"/admin/pages/{jaslo.root_page_id}/")["Location"] == f"/admin/pages/{pulawy.root_page_id}/"
    listing = editor.get(f"/admin/pages/{pulawy.root_page_id}/").content.decode()
    assert "Program z Puław" in listing
    assert "Wiadomość z Jasła" not in listing and "Aktualności" not in listing
    for query in ["Wiadomość", "Jasło", "Aktualności"]:
        results = editor.get("/admin/pages/search/", {"q": query}).content.decode()
        assert "Wiadomość z Jasła" not in results and "MOPS Jasło" not in results, query
    api = editor.get("/admin/api/main/pages/", {"search": "Wiadomość"}).json()
    assert api["items"] == []


def test_an_editors_publish_request_becomes_a_draft(world):
    response = as_user(world["editor"]).post(
        f"/admin/pages/add/home/newspage/{world['index'].pk}/",
        news_form("Nagroda", "nagroda", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="nagroda")
    assert not page.live


def test_an_editor_submits_and_the_moderator_of_the_centre_publishes(world, client):
    page = submit_news(world["editor"], world["index"])
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == "MOPS Jasło · moderacja"
    assert client.get("/aktualnosci/zbiorka-darow/").status_code == 404

    moderator = as_user(world["moderator"])
    assert "Zbiórka darów" in moderator.get("/admin/").content.decode()
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{state.current_task_state.pk}/"
    assert moderator.post(url).status_code == 302

    page.refresh_from_db()
    assert page.live
    assert client.get("/aktualnosci/zbiorka-darow/").status_code == 200


def test_the_other_centres_moderator_cannot_approve(world):
    page = submit_news(world["editor"], world["index"])
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    moderator = as_user(world["pulawy_moderator"])
    assert "Zbiórka darów" not in moderator.get("/admin/").content.decode()
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{state.current_task_state.pk}/"
    assert denied(moderator.post(url))
    page.refresh_from_db()
    assert not page.live


def test_an_editor_cannot_approve_their_own_submission(world):
    page = submit_news(world["editor"], world["index"])
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{state.current_task_state.pk}/"
    assert denied(as_user(world["editor"]).post(url))
    assert not Page.objects.get(pk=page.pk).live


def test_a_moderator_publishes_directly_in_own_centre_only(world, pulawy):
    moderator = as_user(world["pulawy_moderator"])
    response = moderator.post(
        f"/admin/pages/add/home/newspage/{world['index'].pk}/",
        news_form("Cudza", "cudza", **{"action-publish": "1"}),
    )
    assert denied(response)
    assert not NewsPage.objects.filter(slug="cudza").exists()
    own_index = make_news_index(pulawy)
    response = moderator.post(
        f"/admin/pages/add/home/newspage/{own_index.pk}/", news_form("Nasza", "nasza", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    assert NewsPage.objects.get(slug="nasza").live
