"""A resident visits MOPS Jasło: menu, news, filters, search, contrast, accessibility."""

import re

from playwright.sync_api import expect


def test_visitor_reaches_a_news_item_through_the_menu(page, axe):
    page.goto("/")
    axe(page)

    page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Aktualności").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aktualności")
    axe(page)

    first = page.locator(".news-card-title a").first
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("navigation", name="Jesteś tutaj")).to_contain_text("Aktualności")
    axe(page)


def test_visitor_filters_news_by_category_and_year(page):
    page.goto("/aktualnosci/")
    page.get_by_label("Kategoria").select_option(label="Nagrody i wyróżnienia")
    page.get_by_label("Rok").select_option("2014")
    page.get_by_role("button", name="Pokaż").click()

    expect(page).to_have_url(re.compile(r"category=awards.*year=2014|year=2014.*category=awards"))
    badges = page.locator(".news-card .badge")
    expect(badges.first).to_be_visible()
    for text in badges.all_inner_texts():
        assert text == "Nagrody i wyróżnienia"
    for date in page.locator(".news-card time").all():
        assert date.get_attribute("datetime").startswith("2014-")
    expect(page.locator(".news-card-title", has_text="Ministra")).to_be_visible()

    page.get_by_role("link", name="Wyczyść filtry").click()
    expect(page.get_by_label("Kategoria")).to_have_value("")


def test_visitor_searches_without_polish_letters_and_opens_a_result(page, axe):
    page.goto("/")
    search = page.get_by_role("search").first
    search.get_by_role("searchbox").fill("osrodek spoleczna")
    search.get_by_role("button", name="Szukaj").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Szukaj")
    results = page.locator(".search-result-title a")
    expect(results.first).to_be_visible()
    expect(page.locator(".search-result mark").first).to_be_visible()
    axe(page)

    title = results.first.inner_text()
    results.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_high_contrast_is_kept_on_the_next_page(page, axe):
    page.goto("/")
    html = page.locator("html")
    expect(html).not_to_have_class(re.compile("contrast-high"))

    page.get_by_role("link", name="Wysoki kontrast").click()
    expect(html).to_have_class(re.compile("contrast-high"))
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(0, 0, 0)"

    page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Aktualności").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aktualności")
    expect(html).to_have_class(re.compile("contrast-high"))
    expect(page.get_by_role("link", name="Zwykły kontrast")).to_be_visible()
    axe(page)
    page.goto("/programy-i-wsparcie/")
    axe(page)


def test_display_switches_work_without_javascript(browser, demo):
    context = browser.new_context(base_url=demo.url, java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    try:
        page.goto("/aktualnosci/")
        page.get_by_role("link", name="Tekst największy").click()
        expect(page).to_have_url(re.compile(r"/aktualnosci/$"))
        expect(page.locator("html")).to_have_class(re.compile("text-larger"))
        page.goto("/")
        expect(page.locator("html")).to_have_class(re.compile("text-larger"))
    finally:
        context.close()


def test_standard_page_and_404_have_no_accessibility_violations(page, axe):
    page.goto("/")
    menu = page.get_by_role("navigation", name="Menu główne")
    links = [a for a in menu.get_by_role("link").all() if a.inner_text() not in {"Strona główna", "Aktualności"}]
    links[0].click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe(page)

    response = page.goto("/ta-strona-nie-istnieje/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Nie znaleziono strony")
    axe(page)
