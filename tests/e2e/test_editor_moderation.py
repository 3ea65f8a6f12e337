"""An editor of MOPS Jasło writes news, the centre's moderator publishes it, a resident reads
it; the editor of MOPS Puławy never sees it in the admin. Everyone signs in with a code."""

import re

from playwright.sync_api import expect

from accounts.demo.staff import TOTP_SECRET
from accounts.demo.users import PASSWORD
from tests.support import totp_code

TITLE = "Zbiórka zimowa dla dzieci z Jasła"


def sign_in(browser, base_url, email):
    context = browser.new_context(base_url=base_url, locale="pl-PL", timezone_id="Europe/Warsaw")
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/admin/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zaloguj się")
    page.get_by_label("Adres e-mail").fill(email)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.get_by_label("Kod").fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Potwierdź|Zaloguj")).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return context, page


def test_editor_writes_moderator_publishes_visitor_reads(browser, demo_staff, page):
    from home.models import NewsIndexPage

    index = NewsIndexPage.objects.get(url_path="/mops-jaslo/aktualnosci/")

    # The editor writes the news item and sends it to the centre's moderation.
    editor_context, editor = sign_in(browser, demo_staff.url, "redaktor@jaslo.demo.pomost.local")
    editor.goto(f"/admin/pages/{index.pk}/")
    editor.goto(f"/admin/pages/add/home/newspage/{index.pk}/")
    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_lead").fill("Zbieramy ciepłe ubrania i przybory szkolne dla dzieci z rodzin w potrzebie.")
    editor.get_by_role("button", name="Więcej akcji").click()
    editor.get_by_role("button", name=re.compile("Wyślij do")).click()
    expect(editor.locator(".messages")).to_contain_text(TITLE)
    editor_context.close()

    # Not public yet.
    page.goto("/aktualnosci/")
    expect(page.locator(".news-card-title", has_text=TITLE)).to_have_count(0)

    # The moderator approves; approval publishes.
    moderator_context, moderator = sign_in(browser, demo_staff.url, "moderator@jaslo.demo.pomost.local")
    from wagtail.models import Page

    news = Page.objects.get(title=TITLE)
    moderator.goto(f"/admin/pages/{news.pk}/edit/")
    moderator.get_by_role("button", name="Więcej akcji").click()
    moderator.get_by_role("button", name="Akceptuj i Opublikuj").click()
    expect(moderator.locator(".messages")).to_contain_text(TITLE)
    moderator_context.close()

    # A resident finds it in the news index.
    page.goto("/aktualnosci/")
    page.locator(".news-card-title a", has_text=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)

    # The Puławy editor does not see it: not in the admin search, not by its address.
    pulawy_context, pulawy = sign_in(browser, demo_staff.url, "redaktor@pulawy.demo.pomost.local")
    pulawy.goto("/admin/pages/search/?q=zbiorka")
    expect(pulawy.get_by_role("main")).not_to_contain_text(TITLE)
    pulawy.goto(f"/admin/pages/{news.pk}/edit/")
    expect(pulawy.get_by_role("main")).not_to_contain_text(TITLE)
    pulawy_context.close()
