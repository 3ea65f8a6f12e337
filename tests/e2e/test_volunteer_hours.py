"""A volunteer types "1,5" into the hours field in Chromium and 1,5 hours are stored and
listed (the field was `type=number`, and Chromium turned "1,5" into 15)."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import add_child
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers.models import Application, HoursEntry, TaskIndexPage, TaskPage

TASK = "Sortowanie darów w magazynie"


def accepted_volunteer():
    today = timezone.localdate()
    index = TaskIndexPage.objects.get(url_path__startswith="/mops-jaslo/")
    task = add_child(
        index,
        TaskPage(
            title=TASK,
            slug="sortowanie-darow",
            summary="Sortowanie ubrań i żywności z ostatniej zbiórki.",
            category="seniors",
            place="ul. Kościuszki 26",
            kind="one_off",
            start_date=today,
            start_time=datetime.time(0, 0),
            end_time=datetime.time(23, 0),
            places=3,
            coordinator_name="Agnieszka Zielińska",
            coordinator_email="koordynator@example.org",
        ),
    )
    profile = make_volunteer(make_resident("magazyn@example.org"))
    Application.objects.create(task=task, volunteer=profile, centre=task.centre, status="accepted")
    return profile


def signed_in(page, user, base_url):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])


def test_volunteer_types_one_and_a_half_with_a_comma_and_sees_1_5(page, demo, axe):
    profile = accepted_volunteer()
    signed_in(page, profile.user, demo.url)

    page.goto("/wolontariat/moje/godziny/")
    axe(page)
    page.get_by_label("Zadanie").select_option(label=TASK)
    page.get_by_label("Data").fill(timezone.localdate().isoformat())
    page.get_by_label("Godziny", exact=True).fill("1,5")
    page.get_by_role("button", name="Wyślij do zatwierdzenia").click()

    expect(page.get_by_role("status").first).to_contain_text("Dziękujemy")
    assert HoursEntry.objects.get(volunteer=profile).hours == Decimal("1.5")
    expect(page.locator(".hours-entry td").nth(2)).to_have_text("1,5")
    expect(page.locator(".hours-waiting")).to_have_text("1,5 godz.")
    axe(page)
