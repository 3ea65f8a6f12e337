"""A resident searches the demo centre without Polish letters, in Chromium, and checks with axe."""

from playwright.sync_api import expect


def test_visitor_types_without_polish_letters_and_sees_the_inflected_words_marked(page, axe):
    page.goto("/")
    search = page.get_by_role("search").first
    search.get_by_role("searchbox").fill("osoby z niepelnosprawnosciami")
    search.get_by_role("button", name="Szukaj").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Szukaj")
    expect(page.get_by_role("status")).to_contain_text("osoby z niepelnosprawnosciami")
    marks = page.locator(".search-result mark")
    expect(marks.first).to_be_visible()
    marked = {text.lower() for text in marks.all_inner_texts()}
    # The words as the page writes them, Polish letters and endings included.
    assert any(word.startswith("niepełnospraw") for word in marked), marked
    # Whole words only: "z" is too short to search, and nothing is marked inside a word.
    assert all(len(word) > 1 for word in marked), marked
    axe(page)


def test_visitor_who_finds_nothing_is_told_so_and_shown_where_to_look(page, axe):
    page.goto("/szukaj/?q=hipopotam+zyrafa")

    expect(page.get_by_role("heading", name="Nic nie znaleziono")).to_be_visible()
    suggestions = page.locator(".search-empty")
    expect(suggestions).to_contain_text("Sprawdź pisownię")
    axe(page)

    suggestions.get_by_role("link", name="Przejrzyj aktualności").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aktualności")
