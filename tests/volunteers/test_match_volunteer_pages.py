"""The volunteer's side of a match: anonymous before accepting, the permitted contact after,
and nothing else of the beneficiary's record ever; accepting, declining with a reason,
leaving with a confirmation; someone else's match answers 404."""

import pytest

from tests.volunteers.hours_helpers import error_of, soup
from tests.volunteers.matching_helpers import coordinator, make_beneficiary, make_need, pool_volunteer
from volunteers import services
from volunteers.matching import Reason
from volunteers.models import Language, MatchOutcome, MatchStatus, NeedStatus

pytestmark = pytest.mark.django_db

# Everything of the beneficiary's record a volunteer must never read before accepting.
NAME, ADDRESS, PHONE = "Nowakowie", "ul. Słoneczna 4, 38-200 Jasło", "600 200 300"
HOUSEHOLD = "Mama z trójką dzieci, najmłodsze z autyzmem."
STAFF_NOTE = "Uwaga: tylko dla personelu."
OTHER_NEED_NOTE = "Druga potrzeba: zakupy w czwartki, klucz u sąsiadki."


@pytest.fixture
def staff(jaslo):
    return coordinator(jaslo)


@pytest.fixture
def volunteer(jaslo):
    return pool_volunteer(jaslo, "pomocna@example.org")


@pytest.fixture
def beneficiary(jaslo):
    return make_beneficiary(jaslo, NAME, first_name="Anna", phone=PHONE, address=ADDRESS, household_note=HOUSEHOLD)


@pytest.fixture
def match(beneficiary, staff, volunteer):
    language = Language.objects.get_or_create(name="ukraiński")[0]
    volunteer.languages.add(language)
    need = make_need(beneficiary, hours_per_week=3, language=language)
    # The other need of the same household, with details of its own.
    make_need(beneficiary, category="shopping", times=("3-morning",), staff_note=OTHER_NEED_NOTE, status="paused")
    reasons = (Reason("same_district"), Reason("hours", (((0, "afternoon"),), 3)))
    return services.matches.propose(need, volunteer, staff, score=40, reasons=reasons)


def page(client, match):
    return client.get(f"/wolontariat/moje/stala-pomoc/{match.pk}/")


def assert_private_data_absent(html, *, contact_too):
    for private in (NAME, HOUSEHOLD, STAFF_NOTE, OTHER_NEED_NOTE, "Zakupy", "czwart"):
        assert private not in html, private
    if contact_too:
        for contact in (ADDRESS, PHONE, "Słoneczna", "Anna"):
            assert contact not in html, contact


def test_a_proposal_shows_only_the_anonymous_description(client, volunteer, match):
    client.force_login(volunteer.user)
    response = page(client, match)

    assert response.status_code == 200
    html = response.content.decode()
    text = soup(response).get_text(" ", strip=True)
    assert "Korepetycje" in text and "Śródmieście" in text
    assert "pon. i śr. popołudnia" in text  # the need's times
    assert "ok. 3 h" in text
    assert "Język: ukraiński" in text
    assert "ta sama dzielnica" in text  # why they were asked
    assert_private_data_absent(html, contact_too=True)


def test_the_dashboard_lists_own_matches_without_naming_anyone(client, volunteer, match):
    client.force_login(volunteer.user)
    response = client.get("/wolontariat/moje/")

    section = soup(response).find(class_="dashboard-matches")
    assert section is not None and "Stała pomoc" in section.get_text()
    assert f"/wolontariat/moje/stala-pomoc/{match.pk}/" in str(section)
    assert "czeka na Twoją odpowiedź" in section.get_text()
    assert_private_data_absent(response.content.decode(), contact_too=True)


def test_accepting_reveals_the_permitted_contact_and_nothing_more(client, volunteer, match):
    client.force_login(volunteer.user)
    response = client.post(f"/wolontariat/moje/stala-pomoc/{match.pk}/przyjmij/")

    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.ACTIVE
    html = page(client, match).content.decode()
    assert "Anna" in html and ADDRESS in html and PHONE in html
    assert_private_data_absent(html, contact_too=False)
    assert "ta sama dzielnica" not in html  # the reasons were for deciding; now the contact matters


def test_the_meeting_place_is_shown_instead_of_the_address(jaslo, client, staff, volunteer):
    beneficiary = make_beneficiary(jaslo, "Kowalscy", meeting_place="Świetlica przy ul. Kościuszki 2")
    match = services.matches.accept(services.matches.propose(make_need(beneficiary), volunteer, staff), volunteer)
    client.force_login(volunteer.user)

    html = page(client, match).content.decode()
    assert "Świetlica przy ul. Kościuszki 2" in html and "Słoneczna" not in html


def test_declining_needs_a_reason_and_keeps_what_was_typed(client, volunteer, match):
    client.force_login(volunteer.user)
    url = f"/wolontariat/moje/stala-pomoc/{match.pk}/odmow/"

    response = client.post(url, {"reason": "   "})
    assert response.status_code == 200
    assert "Napisz koordynatorowi" in error_of(response, "reason")
    match.refresh_from_db()
    assert match.status == MatchStatus.PROPOSED

    response = client.post(url, {"reason": "x" * 1001})
    assert error_of(response, "reason")
    assert "x" * 1001 in response.content.decode(), "what was typed comes back"

    response = client.post(url, {"reason": "Nie mam czasu w poniedziałki."})
    assert response.status_code == 302 and response["Location"] == "/wolontariat/moje/"
    match.refresh_from_db()
    assert match.status == MatchStatus.DECLINED and match.decline_reason == "Nie mam czasu w poniedziałki."
    assert match.need.status == NeedStatus.OPEN
    html = page(client, match).content.decode()
    assert "Nie mam czasu w poniedziałki." in html
    assert_private_data_absent(html, contact_too=True)


def test_answering_twice_is_refused_with_a_message_not_an_error(client, volunteer, match):
    client.force_login(volunteer.user)
    client.post(f"/wolontariat/moje/stala-pomoc/{match.pk}/przyjmij/")

    response = client.post(f"/wolontariat/moje/stala-pomoc/{match.pk}/odmow/", {"reason": "Jednak nie."})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Na tę propozycję już odpowiedziano" in html and "Jednak nie." in html
    response = client.post(f"/wolontariat/moje/stala-pomoc/{match.pk}/przyjmij/", follow=True)
    assert response.status_code == 200
    match.refresh_from_db()
    assert match.status == MatchStatus.ACTIVE


def test_leaving_asks_for_a_reason_and_reopens_the_need(client, volunteer, match):
    services.matches.accept(match, volunteer)
    client.force_login(volunteer.user)
    url = f"/wolontariat/moje/stala-pomoc/{match.pk}/zakoncz/"

    confirm = client.get(url)
    assert confirm.status_code == 200 and "Czy na pewno" in confirm.content.decode()
    response = client.post(url, {"reason": ""})
    assert error_of(response, "reason")
    match.refresh_from_db()
    assert match.status == MatchStatus.ACTIVE

    response = client.post(url, {"reason": "Przeprowadzam się do Krakowa."})
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.ENDED and match.outcome == MatchOutcome.NOT_CONTINUED
    assert match.need.status == NeedStatus.OPEN
    html = page(client, match).content.decode()
    assert "Przeprowadzam się do Krakowa." in html
    assert_private_data_absent(html, contact_too=True)
    # Leaving again is not possible: the page says so and sends them back.
    assert client.post(url, {"reason": "znowu"}).status_code == 302


def test_a_cancelled_match_shows_the_reason_and_no_contact(client, staff, volunteer, match):
    services.matches.accept(match, volunteer)
    services.matches.cancel(match, staff, "Rodzina wyjechała.")
    client.force_login(volunteer.user)

    html = page(client, match).content.decode()
    assert "Rodzina wyjechała." in html
    assert_private_data_absent(html, contact_too=True)


def test_another_volunteers_match_is_not_found(jaslo, client, match):
    other = pool_volunteer(jaslo, "inna@example.org")
    client.force_login(other.user)
    base = f"/wolontariat/moje/stala-pomoc/{match.pk}/"

    assert client.get(base).status_code == 404
    assert client.post(base + "przyjmij/").status_code == 404
    assert client.post(base + "odmow/", {"reason": "nie"}).status_code == 404
    assert client.get(base + "zakoncz/").status_code == 404
    match.refresh_from_db()
    assert match.status == MatchStatus.PROPOSED


@pytest.mark.parametrize("pk", ["0", "9223372036854775808", "9" * 400])
def test_huge_and_missing_ids_are_not_found(client, volunteer, pk):
    client.force_login(volunteer.user)
    for suffix in ("", "przyjmij/", "odmow/", "zakoncz/"):
        response = client.post(f"/wolontariat/moje/stala-pomoc/{pk}/{suffix}", {"reason": "x"})
        assert response.status_code in (404, 405), suffix


def test_garbage_ids_do_not_resolve(client, volunteer):
    client.force_login(volunteer.user)
    assert client.get("/wolontariat/moje/stala-pomoc/abc/").status_code == 404
    assert client.get("/wolontariat/moje/stala-pomoc/-1/").status_code == 404


def test_signed_out_visitors_are_sent_to_log_in(client, match):
    response = page(client, match)
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
