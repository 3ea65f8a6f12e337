"""A resident on a phone (375×667): the page starts on the first screen, the menu opens from a
button, the centre's contact details are shown once."""

import pytest
from playwright.sync_api import expect

PHONE = {"width": 375, "height": 667}
JASLO_PHONE = "13 446 20 00"


@pytest.fixture
def phone(browser, demo):
    context = browser.new_context(
        base_url=demo.url,
        locale="pl-PL",
        timezone_id="Europe/Warsaw",
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    script_errors = []
    page.on("console", lambda msg: script_errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    yield page
    context.close()
    assert not script_errors, f"the browser reported script errors or CSP violations: {script_errors}"


def heading_top(page):
    return page.get_by_role("heading", level=1).first.bounding_box()["y"]


def visible_phone_numbers(page, number):
    return [link for link in page.locator(f'a[href="tel:{number.replace(" ", "")}"]').all() if link.is_visible()]


@pytest.mark.parametrize("path", ["/", "/aktualnosci/", "/wolontariat/"])
def test_on_a_phone_the_main_heading_is_on_the_first_screen(phone, axe, path):
    phone.goto(path)

    # Well inside the first screen: room for the heading and the start of the text under it.
    assert heading_top(phone) < PHONE["height"] / 2
    assert phone.locator("main").bounding_box()["y"] < PHONE["height"] / 2
    expect(phone.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Aktualności")).to_be_hidden()
    axe(phone)


def test_on_a_phone_the_menu_opens_and_closes_from_its_button(phone, axe):
    phone.goto("/")
    button = phone.get_by_role("button", name="Menu")
    expect(button).to_have_attribute("aria-expanded", "false")

    button.click()

    expect(button).to_have_attribute("aria-expanded", "true")
    menu = phone.get_by_role("navigation", name="Menu główne")
    expect(menu.get_by_role("link", name="Aktualności")).to_be_visible()
    expect(phone.get_by_role("searchbox")).to_be_visible()
    axe(phone)

    menu.get_by_role("link", name="Aktualności").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Aktualności")

    phone.get_by_role("button", name="Menu").click()
    phone.get_by_role("button", name="Menu").click()
    expect(phone.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "false")
    expect(menu.get_by_role("link", name="Aktualności")).to_be_hidden()


def test_on_a_phone_the_centres_phone_number_appears_once(phone):
    for path in ["/", "/aktualnosci/"]:
        phone.goto(path)
        assert len(visible_phone_numbers(phone, JASLO_PHONE)) == 1, path


def test_without_javascript_the_phone_menu_stays_open(browser, demo):
    context = browser.new_context(base_url=demo.url, java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto("/")

    expect(page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Aktualności")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    context.close()


def test_on_a_wide_screen_the_menu_is_always_shown_without_a_button(page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/")

    expect(page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Aktualności")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
