"""A volunteer applies to a task with children before the centre has checked them, sees
"czeka na weryfikację", withdraws after confirming and applies again."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import UserFactory, add_child
from tests.volunteers.test_profile import make_volunteer
from volunteers.models import TaskIndexPage, TaskPage

EMAIL = "ola.wolontariuszka@example.org"
PASSWORD = "Pomagam-dzieciom-2026"
TASK = "Odrabianie lekcji w świetlicy"


@pytest.fixture
def children_task(demo):
    today = timezone.localdate()
    return add_child(
        TaskIndexPage.objects.get(url_path__startswith="/mops-jaslo/"),
        TaskPage(
            title=TASK,
            slug="odrabianie-lekcji",
            summary="Pomoc dzieciom w odrabianiu lekcji w świetlicy środowiskowej.",
            category="children",
            place="Świetlica, ul. Kościuszki 26",
            kind="one_off",
            start_date=today + datetime.timedelta(days=10),
            start_time=datetime.time(15, 0),
            end_time=datetime.time(17, 0),
            places=2,
            requires_clearance=True,
            coordinator_name="Agnieszka Zielińska",
            coordinator_email="koordynator@example.org",
        ),
    )


@pytest.fixture
def volunteer(demo):
    user = UserFactory(email=EMAIL, password=PASSWORD, first_name="Ola", last_name="Nowicka")
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    return make_volunteer(user)


def test_volunteer_applies_to_a_task_with_children_withdraws_after_confirming_and_applies_again(
    page, axe, children_task, volunteer
):
    heading = page.get_by_role("heading", level=1)
    status = page.locator(".application-status")
    # Relative: with several demo sites a page's `url` names the site's own host and port.
    task_url = children_task.get_url(None, current_site=children_task.get_site())
    page.goto("/konto/login/")
    page.get_by_label("Adres e-mail").fill(EMAIL)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    expect(heading).to_have_text("Moje konto")

    # Applying is open although no check has been recorded yet; the form says what follows.
    page.goto(task_url)
    page.get_by_role("link", name="Zgłoś się do tego zadania").click()
    expect(page.get_by_role("status").first).to_contain_text("Możesz zgłosić się już teraz")
    axe(page)
    page.get_by_role("button", name="Wyślij zgłoszenie").click()
    expect(status).to_have_text("Twoje zgłoszenie: czeka na weryfikację.")
    axe(page)
    page.goto("/wolontariat/moje/")
    expect(status.first).to_have_text("czeka na weryfikację")

    # Withdrawing asks first; "no" keeps the application.
    page.goto(task_url)
    page.get_by_role("link", name="Wycofaj moje zgłoszenie").click()
    expect(heading).to_contain_text("Wycofanie zgłoszenia")
    axe(page)
    page.get_by_role("link", name="Nie, zostawiam zgłoszenie").click()
    expect(status).to_have_text("Twoje zgłoszenie: czeka na weryfikację.")
    page.get_by_role("link", name="Wycofaj moje zgłoszenie").click()
    page.get_by_role("button", name="Tak, wycofuję zgłoszenie").click()
    expect(status).to_have_text("Twoje zgłoszenie: wycofane.")

    # And applies again.
    page.get_by_role("link", name="Zgłoś się ponownie").click()
    page.get_by_role("button", name="Wyślij zgłoszenie").click()
    expect(status).to_have_text("Twoje zgłoszenie: czeka na weryfikację.")
