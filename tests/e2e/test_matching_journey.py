"""One-to-one help in Chromium, as the people involved click through it: a social worker
records a family's need, asks for proposals, reads the reasons and confirms one; the
volunteer accepts it in "Mój wolontariat" and then sees the permitted contact and nothing
more; the coordinator ends the match and asks for a replacement. axe-core checks the
volunteer's pages."""

import re

from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from core.models import Centre
from tests.e2e.test_editor_moderation import sign_in
from tests.e2e.test_volunteer_hours import signed_in
from tests.volunteers.matching_helpers import make_beneficiary, pool_volunteer
from volunteers.forms import slot_choices
from volunteers.models import Match, MatchStatus, Need, TaskCategory
from volunteers.viewsets.beneficiaries_forms import NeedForm

DISTRICT = "Osiedle Testowe"
HOUSEHOLD_NOTE = "Tata pracuje na zmiany, babcia choruje."


def polish(text):
    with translation.override("pl"):
        return translation.gettext(text)


def test_need_to_proposal_to_acceptance_to_replacement(browser, demo_staff, page, axe):  # noqa: F811
    centre = Centre.objects.get(site__hostname="localhost")
    family = make_beneficiary(
        centre, "Rodzina Testowa", district_name=DISTRICT, first_name="Ewa", household_note=HOUSEHOLD_NOTE
    )
    volunteer = pool_volunteer(
        centre, "stala.e2e@example.org", districts=(DISTRICT,), slots=(("0", "afternoon"), ("2", "afternoon"))
    )
    form = NeedForm()
    with translation.override("pl"):
        slots = dict(slot_choices())
        labels = {name: str(field.label) for name, field in form.fields.items()}
        tutoring = str(TaskCategory.TUTORING.label)

    def field(name):  # required fields' labels end in an asterisk
        return re.compile("^" + re.escape(labels[name]))

    # The social worker records the family's need on the week grid.
    context, staff = sign_in(browser, demo_staff.url, "koordynator@jaslo.demo.pomost.local")
    staff.goto(reverse("beneficiaries:add_need", args=[family.pk]))
    staff.get_by_label(field("category")).select_option(label=tutoring)
    staff.get_by_label(slots["0-afternoon"], exact=True).check()
    staff.get_by_label(slots["2-afternoon"], exact=True).check()
    staff.get_by_label(field("hours_per_week")).fill("4")
    staff.get_by_label(field("start_date")).fill(timezone.localdate().isoformat())
    staff.locator("main form button[type=submit]").first.click()
    need = Need.objects.get(beneficiary=family)

    # Proposals for this need, with their reasons; the social worker confirms one.
    staff.goto(reverse("matches:need", args=[need.pk]))
    name = volunteer.user.get_full_name()
    expect(staff.get_by_text("ta sama dzielnica").first).to_be_visible()
    expect(staff.get_by_text(re.compile("dostępność pokrywa się")).first).to_be_visible()
    staff.get_by_role("button", name=re.compile(f"Zaproponuj: {name}")).click()
    match = Match.objects.get(need=need)
    assert match.status == MatchStatus.PROPOSED and match.volunteer_id == volunteer.pk

    # The volunteer reads an anonymous proposal and accepts it.
    signed_in(page, volunteer.user, demo_staff.url)
    page.goto("/wolontariat/moje/")
    page.get_by_role("link", name=re.compile(tutoring)).first.click()
    expect(page).to_have_url(re.compile(reverse("volunteers:match", args=[match.pk])))
    body = page.locator("main")
    for private in ("Rodzina Testowa", "Ewa", "Słoneczna", "600 200 300", HOUSEHOLD_NOTE):
        expect(body).not_to_contain_text(private)
    axe(page)
    page.get_by_role("button", name=polish("I accept, I want to help")).click()
    expect(body).to_contain_text("Ewa")
    expect(body).to_contain_text("600 200 300")
    for private in ("Rodzina Testowa", HOUSEHOLD_NOTE, "tylko dla personelu"):
        expect(body).not_to_contain_text(private)
    axe(page)
    match.refresh_from_db()
    assert match.status == MatchStatus.ACTIVE

    # The coordinator ends the match and asks for a replacement.
    staff.goto(reverse("matches:detail", args=[match.pk]))
    end_form = staff.locator("form", has=staff.get_by_label(polish("Look for a replacement (the need stays open)")))
    end_form.get_by_label(re.compile(polish("outcome"), re.IGNORECASE)).select_option(value="not_continued")
    end_form.get_by_label(polish("Look for a replacement (the need stays open)")).check()
    end_form.locator("button[type=submit]").click()
    match.refresh_from_db()
    need.refresh_from_db()
    assert match.status == MatchStatus.ENDED and need.status == "open"
    context.close()
