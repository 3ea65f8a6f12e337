"""core.posted on its own: a POST that arrives after the session ended is kept for the path it
was sent to and handed back once, and a POST over Django's field limit reaches the view with
what fits, the CSRF check still applied."""

import json

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.test import RequestFactory

from core.posted import KEEP_PATHS, keep_post_through_login, take_kept_post, tolerate_many_fields
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
SECRET = "A" * 32  # an unmasked CSRF secret, valid as cookie and as token


def request_for(method, path="/formularz/", data=None, *, user=None, session=None, **extra):
    factory = RequestFactory()
    if method == "get":
        request = factory.get(path, data or {}, **extra)
    else:
        request = factory.post(path, data or "", content_type="application/x-www-form-urlencoded", **extra)
    SessionMiddleware(lambda r: None).process_request(request)
    if session is not None:
        request.session.update(session)
    MessageMiddleware(lambda r: None).process_request(request)
    request.user = user or AnonymousUser()
    return request


def echo(request):
    return HttpResponse(json.dumps({"post": {key: request.POST.getlist(key) for key in request.POST}}))


kept_view = keep_post_through_login(echo)


def test_a_signed_in_person_reaches_the_view():
    request = request_for("post", data="title=Tytu%C5%82", user=UserFactory())
    response = kept_view(request)
    assert json.loads(response.content) == {"post": {"title": ["Tytuł"]}}


def test_a_signed_out_get_goes_to_the_login_and_back():
    response = kept_view(request_for("get", "/formularz/", {"krok": "2"}))
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/formularz/%3Fkrok%3D2"


def test_a_signed_out_post_is_kept_for_its_path_and_the_person_told_so():
    request = request_for("post", data="csrfmiddlewaretoken=stary&title=Tytu%C5%82&row=1&row=2")
    response = kept_view(request)
    assert response["Location"] == "/konto/login/?next=/formularz/"
    assert request.session["kept_posts"] == {"/formularz/": [["title", ["Tytuł"]], ["row", ["1", "2"]]]}
    assert "zachowane" in " ".join(str(message) for message in get_messages(request))


def test_a_scripts_post_gets_401_with_the_login_url():
    request = request_for("post", data="title=x", HTTP_X_AUTOSAVE="1")
    response = kept_view(request)
    assert response.status_code == 401
    assert json.loads(response.content) == {"login": "/konto/login/?next=%2Fformularz%2F"}
    assert "/formularz/" in request.session["kept_posts"]


def test_the_kept_post_is_handed_back_once_and_only_on_its_path():
    kept = {"kept_posts": {"/formularz/": [["title", ["Tytuł"]], ["row", ["1", "2"]]]}}
    other = request_for("get", "/inny/", session=kept)
    assert take_kept_post(other) is None
    request = request_for("get", "/formularz/", session=kept)
    post = take_kept_post(request)
    assert post.getlist("row") == ["1", "2"] and post["title"] == "Tytuł"
    assert take_kept_post(request) is None


def test_only_the_latest_paths_are_kept():
    request = request_for("post", data="a=1")
    for number in range(KEEP_PATHS + 2):
        request.path = f"/formularz/{number}/"
        kept_view(request)
    assert list(request.session["kept_posts"]) == [f"/formularz/{n}/" for n in range(2, KEEP_PATHS + 2)]


def many(count):
    return "&".join(f"f{number}=v" for number in range(count))


tolerant = tolerate_many_fields(100)(echo)


def csrf(body):
    return f"csrfmiddlewaretoken={SECRET}&{body}"


def with_cookie(request):
    request.COOKIES[settings.CSRF_COOKIE_NAME] = SECRET
    return request


def test_a_post_within_the_limits_reaches_the_view_whole():
    request = with_cookie(request_for("post", data=csrf(many(50))))
    response = tolerant(request)
    assert len(json.loads(response.content)["post"]) == 51
    assert request.fields_dropped is False


def test_a_post_over_the_field_limit_reaches_the_view_with_its_first_fields():
    request = with_cookie(request_for("post", data=csrf(many(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 5))))
    response = tolerant(request)
    post = json.loads(response.content)["post"]
    assert response.status_code == 200
    assert list(post)[:3] == ["csrfmiddlewaretoken", "f0", "f1"] and len(post) == 100
    assert request.fields_dropped is True


def test_a_body_over_the_size_limit_is_read_up_to_the_limit_in_whole_fields():
    value = "x" * 1000
    body = csrf("&".join(f"f{number}={value}" for number in range(3000)))
    assert len(body) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    request = with_cookie(request_for("post", data=body))
    response = tolerate_many_fields(10_000)(echo)(request)
    post = json.loads(response.content)["post"]
    assert response.status_code == 200 and request.fields_dropped is True
    assert 2000 < len(post) < 3000 and all(
        values == [value] for key, values in post.items() if key != "csrfmiddlewaretoken"
    )


def test_the_csrf_check_still_applies_to_a_post_over_the_limit():
    request = with_cookie(request_for("post", data=many(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 5)))
    assert tolerant(request).status_code == 403
