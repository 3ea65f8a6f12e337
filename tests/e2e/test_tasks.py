"""A visitor looks for a volunteer task in Jasło, filters the list and saves a task in a calendar."""

import re
from pathlib import Path

from playwright.sync_api import expect


def test_visitor_finds_a_task_for_a_minor_and_downloads_it_for_the_calendar(page, axe):
    page.goto("/")
    page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Wolontariat – zadania").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wolontariat – zadania")
    expect(page.locator(".task-card").first).to_be_visible()
    axe(page)

    page.get_by_label("Kategoria").select_option(label="Zakupy i posiłki")
    page.get_by_label("Odpowiednie dla niepełnoletnich").check()
    page.get_by_role("button", name="Pokaż").click()

    expect(page).to_have_url(re.compile(r"category=shopping_meals.*minors=1"))
    titles = page.locator(".task-card-title")
    expect(titles).to_have_text(["Zakupy dla seniorów"])
    expect(page.get_by_label("Odpowiednie dla niepełnoletnich")).to_be_checked()

    titles.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zakupy dla seniorów")
    expect(page.locator(".task-facts")).to_contain_text("W poniedziałki i w czwartki, 10:00–12:00")
    axe(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Dodaj do kalendarza (plik .ics)").click()
    download = download_info.value
    assert download.suggested_filename == "zakupy-dla-seniorow.ics"
    content = Path(download.path()).read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in content
    assert "SUMMARY:Zakupy dla seniorów" in content
    assert "RRULE:FREQ=WEEKLY;UNTIL=" in content
    assert "BYDAY=MO,TH" in content
