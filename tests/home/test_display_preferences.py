"""Text size and high contrast: chosen with a link, remembered in a cookie."""

from bs4 import BeautifulSoup

from home import display
from tests.factories import make_standard


def html_classes(response):
    return BeautifulSoup(response.content.decode(), "html.parser").html.get("class", [])


def test_high_contrast_is_remembered_on_the_next_page(jaslo, client):
    page = make_standard(jaslo.root_page, "Wolontariat")

    response = client.get("/wyglad/", {"contrast": "high", "next": page.url})

    assert response.status_code == 302
    assert response["Location"] == page.url
    assert response.cookies[display.COOKIE_NAME].value == "contrast-high.text-normal"
    assert html_classes(client.get(page.url)) == ["contrast-high"]
    assert html_classes(client.get("/")) == ["contrast-high"]


def test_text_size_and_contrast_combine(jaslo, client):
    client.get("/wyglad/", {"contrast": "high"})
    client.get("/wyglad/", {"text": "larger"})

    assert sorted(html_classes(client.get("/"))) == ["contrast-high", "text-larger"]
    client.get("/wyglad/", {"contrast": "normal", "text": "normal"})
    assert html_classes(client.get("/")) == []


def test_the_switch_shows_what_is_active(jaslo, client):
    client.get("/wyglad/", {"contrast": "high", "text": "large"})
    html = BeautifulSoup(client.get("/").content.decode(), "html.parser")

    assert html.select_one("[data-display-text='large']")["aria-current"] == "true"
    assert html.select_one(".switch-contrast").get_text(strip=True) == "Zwykły kontrast"


def test_redirect_never_leaves_the_site(jaslo, client):
    for target in ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "\\\\evil.example"]:
        response = client.get("/wyglad/", {"contrast": "high", "next": target})
        assert response["Location"] == "/"


def test_unknown_values_and_broken_cookies_fall_back_to_defaults(jaslo, client):
    client.cookies[display.COOKIE_NAME] = 'contrast-"><script>.text-huge'
    assert html_classes(client.get("/")) == []
    response = client.get("/wyglad/", {"contrast": "purple", "text": "<b>"})
    assert response.cookies[display.COOKIE_NAME].value == "contrast-normal.text-normal"
