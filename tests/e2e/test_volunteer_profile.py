"""A verified resident fills in the volunteer profile step by step and sees it on the overview."""

import datetime
import re

from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from core.models import Centre
from tests.factories import UserFactory
from volunteers.models import Clearance, ClearanceKind, ClearanceResult, DisabilityKind, District, Language, Skill

EMAIL = "wolontariuszka@example.org"
PASSWORD = "Chce-pomagac-2026"


def test_resident_completes_the_volunteer_profile(page, axe):
    user = UserFactory(email=EMAIL, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    Skill.objects.get_or_create(name="Zakupy dla seniorów")
    Language.objects.get_or_create(name="ukraiński")
    DisabilityKind.objects.get_or_create(name="niepełnosprawność ruchowa / wózek")
    District.objects.get_or_create(centre=Centre.objects.order_by("pk").first(), name="Osiedle Testowe")
    heading = page.get_by_role("heading", level=1)

    page.goto("/wolontariat/profil/")
    expect(heading).to_have_text("Zaloguj się")
    page.get_by_label("Adres e-mail").fill(EMAIL)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    expect(heading).to_have_text("Mój profil wolontariusza")
    axe(page)

    page.get_by_role("link", name="Zostań wolontariuszem").click()
    expect(heading).to_have_text("O Tobie")
    axe(page)
    page.get_by_label("Telefon").fill("600 100 200")
    page.get_by_role("button", name="Zapisz i przejdź dalej").click()
    expect(page.locator(".error-summary")).to_contain_text("Podaj datę urodzenia.")
    expect(page.get_by_label("Telefon")).to_have_value("600 100 200")
    axe(page)
    page.get_by_label("Data urodzenia").fill("1990-05-01")
    page.get_by_label("Imię", exact=True).fill("Łucja")
    page.get_by_label("Nazwisko", exact=True).fill("Żak")
    page.get_by_label(re.compile("^Adres")).fill("ul. Źródlana 5, 38-200 Jasło")
    page.get_by_role("button", name="Zapisz i przejdź dalej").click()

    expect(heading).to_have_text("Co lubisz robić")
    axe(page)
    page.get_by_label("Zakupy dla seniorów").check()
    page.get_by_label("Osiedle Testowe").check()
    page.get_by_label("ukraiński", exact=True).check()
    page.get_by_label("Mam prawo jazdy").check()
    page.get_by_label("niepełnosprawność ruchowa / wózek").check()
    page.get_by_label("Inne języki i doświadczenie").fill("opieka nad babcią na wózku")
    page.get_by_label("Płeć").select_option(label="wolę nie podawać")
    page.get_by_label("Chcę regularnie pomagać jednej osobie lub rodzinie").check()
    page.get_by_label("ilu osobom możesz pomagać jednocześnie").fill("2")
    page.get_by_role("button", name="Zapisz i przejdź dalej").click()

    expect(heading).to_have_text("Kiedy możesz pomagać")
    axe(page)
    page.get_by_label("poniedziałek, rano").check()
    page.get_by_label("sobota, wieczorem").check()
    page.get_by_role("button", name="Zapisz i przejdź dalej").click()

    expect(heading).to_have_text("Zgody")
    axe(page)
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".error-summary")).to_contain_text("Bez tej zgody nie możemy przechowywać")
    axe(page)
    page.get_by_label("Zgadzam się, aby ośrodki pomocy społecznej").check()
    page.get_by_label("e-mailem").check()
    page.get_by_label("Zapoznałam/zapoznałem się ze standardami").check()
    page.get_by_role("button", name="Zapisz", exact=True).click()

    expect(heading).to_have_text("Mój profil wolontariusza")
    expect(page.get_by_role("status").first).to_contain_text("Twój profil wolontariusza jest gotowy")
    main = page.locator("main")
    typed = ("600 100 200", "Zakupy dla seniorów", "Osiedle Testowe", "ukraiński", "opieka nad babcią na wózku",
             "niepełnosprawność ruchowa / wózek", "wolę nie podawać")  # fmt: skip
    chosen = ("poniedziałek, rano", "sobota, wieczorem", "kontakt e-mailem", "Sprawdzenia do pracy z dziećmi")
    for shown in typed + chosen:
        expect(main).to_contain_text(shown)
    axe(page)

    page.get_by_role("link", name=re.compile("^Zmień.*Kiedy możesz pomagać$")).click()
    expect(page.get_by_label("poniedziałek, rano")).to_be_checked()
    page.get_by_label("poniedziałek, rano").uncheck()
    page.get_by_role("button", name="Zapisz i przejdź dalej").click()
    expect(heading).to_have_text("Mój profil wolontariusza")
    expect(main).not_to_contain_text("poniedziałek, rano")

    profile = user.volunteer_profile
    user.refresh_from_db()
    assert (user.first_name, user.last_name, profile.address) == ("Łucja", "Żak", "ul. Źródlana 5, 38-200 Jasło")
    for kind, result in ((ClearanceKind.CRIMINAL_RECORD, ClearanceResult.CLEAR),
                         (ClearanceKind.SEX_OFFENDERS_REGISTER, ClearanceResult.ENTRY_FOUND)):  # fmt: skip
        Clearance.objects.create(profile=profile, centre=Centre.objects.order_by("pk").first(), kind=kind,
                                 checked_on=datetime.date(2026, 1, 5), result=result,
                                 expires_on=datetime.date(2099, 1, 5))  # fmt: skip
    page.reload()
    table = page.locator(".clearance-table")
    expect(table).to_contain_text("ważne do 5 stycznia 2099")
    expect(table).to_contain_text("wymaga wyjaśnienia z koordynatorem")
    expect(table).to_contain_text("jeszcze nie sprawdzono")
    axe(page)
