"""The staff side of matching in the admin: one need's candidates, the centre's plan, the
matches and one match's story, as a coordinator reads and uses them (in Polish)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from accounts.roles import grant_role
from core.models import Centre
from tests.accounts.helpers import make_staff
from tests.support import mails_to
from tests.volunteers.matching_helpers import make_beneficiary, make_need, pool_volunteer
from volunteers import services
from volunteers.models import Match, MatchOutcome, MatchStatus, Need, NeedStatus

pytestmark = pytest.mark.django_db


def coordinator(site, email="koordynatorka@example.org", role=Role.COORDINATOR):
    """Staff with an authenticator app, as the admin demands."""
    return make_staff(email, site, role)


@pytest.fixture
def staff(jaslo):
    return coordinator(jaslo)


@pytest.fixture
def admin(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def need(jaslo):
    return make_need(make_beneficiary(jaslo), times=("0-afternoon", "2-afternoon"), hours_per_week=6)


def named(site, email, first, last, **fields):
    profile = pool_volunteer(site, email, **fields)
    profile.user.first_name, profile.user.last_name = first, last
    profile.user.save()
    return profile


@pytest.fixture
def anna(jaslo):
    return named(jaslo, "anna@example.org", "Anna", "Kowalska", slots=(("0", "afternoon"), ("2", "afternoon")))


@pytest.fixture
def piotr(jaslo):
    # Helps only in another district: excluded from the need, with the reason.
    return named(jaslo, "piotr@example.org", "Piotr", "Nowak", districts=("Zatorze",))


@pytest.fixture
def ewa(jaslo):
    # In the district, but free only in the mornings.
    return named(jaslo, "ewa@example.org", "Ewa", "Zielińska", slots=(("4", "morning"),))


def test_candidates_page_shows_the_ranking_with_reasons_and_the_excluded_with_why(admin, need, anna, piotr, ewa):
    page = admin.get(f"/admin/dopasowania/potrzeby/{need.pk}/").content.decode()

    assert "Nowakowie" in page and "Śródmieście" in page
    assert "pon. i śr. popołudnia" in page
    assert "Anna Kowalska" in page and "ta sama dzielnica" in page
    assert "dostępność pokrywa się: pon. i śr. popołudnia, ok. 6 h/tydz." in page
    assert "Ewa Zielińska" in page and "brak wspólnych terminów" in page
    assert "Piotr Nowak" in page and "dzielnica Śródmieście poza dzielnicami wolontariusza" in page


def test_proposing_from_the_candidates_page_creates_a_proposal_and_mails_the_volunteer(admin, need, anna, staff):
    response = admin.post(f"/admin/dopasowania/potrzeby/{need.pk}/", {"volunteer": anna.pk}, follow=True)

    match = Match.objects.get()
    assert match.status == MatchStatus.PROPOSED and match.volunteer == anna and match.proposed_by == staff
    assert match.score > 0 and ["same_district", []] in match.reasons
    assert mails_to("anna@example.org")
    assert "zaproponowano" in response.content.decode().lower()


def test_a_refused_proposal_is_a_message_not_an_error_page(admin, need, ewa):
    response = admin.post(f"/admin/dopasowania/potrzeby/{need.pk}/", {"volunteer": ewa.pk}, follow=True)

    assert response.status_code == 200
    assert "brak wspólnych terminów" in response.content.decode()
    assert not Match.objects.exists()


def test_garbage_volunteer_ids_are_refused_with_a_message(admin, need):
    for value in ("", "abc", "9" * 40, "-1"):
        response = admin.post(f"/admin/dopasowania/potrzeby/{need.pk}/", {"volunteer": value}, follow=True)
        assert response.status_code == 200
    assert not Match.objects.exists()


@pytest.fixture
def plan_world(jaslo, anna, piotr):
    family = make_beneficiary(jaslo, name="Wiśniewscy")
    helped = make_need(family, times=("0-afternoon",))
    alone = make_need(make_beneficiary(jaslo, name="Kaczmarek", district_name="Kolonia"), times=("5-morning",))
    return helped, alone


def test_plan_page_shows_the_total_the_proposals_and_the_unmatched_needs_with_why(admin, plan_world):
    helped, alone = plan_world
    page = admin.get("/admin/dopasowania/plan/").content.decode()

    assert "Plan proponuje 1 dopasowanie" in page
    assert "Wiśniewscy" in page and "Anna Kowalska" in page
    assert "Kaczmarek" in page and "nikt nie pomaga w dzielnicy Kolonia" in page
    assert not Match.objects.exists(), "showing the plan assigns nothing"


def test_confirming_selected_proposals_creates_proposed_matches_and_mails(admin, plan_world, anna):
    helped, _alone = plan_world
    response = admin.post("/admin/dopasowania/plan/", {"proposal": [f"{helped.pk}-{anna.pk}"]}, follow=True)

    match = Match.objects.get()
    assert match.need == helped and match.status == MatchStatus.PROPOSED and match.score > 0
    assert mails_to("anna@example.org")
    assert "Wiśniewscy" in response.content.decode()


def test_a_single_proposal_button_confirms_only_that_one(admin, jaslo, plan_world, anna):
    helped, _alone = plan_world
    other = make_need(make_beneficiary(jaslo, name="Lewandowscy"), times=("0-afternoon",))
    admin.post(
        "/admin/dopasowania/plan/",
        {"proposal": [f"{other.pk}-{anna.pk}"], "only": f"{helped.pk}-{anna.pk}"},
    )

    assert list(Match.objects.values_list("need", flat=True)) == [helped.pk]


def test_a_refused_confirmation_says_why(admin, plan_world, anna, staff):
    helped, _alone = plan_world
    Need.objects.filter(pk=helped.pk).update(status=NeedStatus.PAUSED)

    response = admin.post("/admin/dopasowania/plan/", {"proposal": [f"{helped.pk}-{anna.pk}"]}, follow=True)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Wiśniewscy – Korepetycje: Anna Kowalska – nie zaproponowano" in page and "nie jest już otwarta" in page
    assert not Match.objects.exists()


def test_nothing_ticked_is_a_warning(admin, plan_world):
    response = admin.post("/admin/dopasowania/plan/", {"proposal": ["x-y", ""]}, follow=True)
    assert response.status_code == 200 and not Match.objects.exists()


def test_another_centres_staff_find_nothing(client, pulawy, need, anna):
    match = services.matches.propose(need, anna, coordinator(need.beneficiary.centre.site, "k2@example.org"))
    client.force_login(coordinator(pulawy, "obca@example.org"))

    assert client.get(f"/admin/dopasowania/potrzeby/{need.pk}/").status_code == 404
    assert client.get(f"/admin/dopasowania/{match.pk}/").status_code == 404
    assert client.post(f"/admin/dopasowania/potrzeby/{need.pk}/", {"volunteer": anna.pk}).status_code == 404
    assert "Nowakowie" not in client.get("/admin/dopasowania/").content.decode()
    assert "Nowakowie" not in client.get("/admin/dopasowania/plan/").content.decode()
    assert client.get(f"/admin/dopasowania/plan/?centre={need.beneficiary.centre_id}").status_code == 404


def test_the_centre_is_chosen_from_the_persons_own_centres(client, jaslo, pulawy, plan_world):
    both = make_staff("obie@example.org", jaslo, Role.COORDINATOR)
    grant_role(both, pulawy, Role.SUPERVISOR)
    client.force_login(both)
    pulawy_centre = Centre.for_site(pulawy)

    assert "Wiśniewscy" in client.get(f"/admin/dopasowania/plan/?centre={Centre.for_site(jaslo).pk}").content.decode()
    assert "Wiśniewscy" not in client.get(f"/admin/dopasowania/plan/?centre={pulawy_centre.pk}").content.decode()
    for garbage in ("abc", "9" * 40, "0", "-5"):
        assert client.get(f"/admin/dopasowania/plan/?centre={garbage}").status_code == 404


def test_plan_page_costs_the_same_number_of_queries_for_a_bigger_pool(admin, jaslo):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert admin.get("/admin/dopasowania/plan/").status_code == 200
        return len(queries)

    make_need(make_beneficiary(jaslo, name="Pierwsi"), times=("0-afternoon",))
    named(jaslo, "v0@example.org", "V", "Zero", cleared=True)
    small = count()
    for n in range(1, 8):
        make_need(make_beneficiary(jaslo, name=f"Rodzina {n}"), times=("0-afternoon",), child_involved=n % 2 == 0)
        named(jaslo, f"v{n}@example.org", "V", f"Numer{n}", cleared=n % 3 == 0, slots=(("0", "afternoon"),))
    assert count() == small


@pytest.fixture
def match(need, anna, staff):
    return services.matches.propose(need, anna, staff, score=50)


def test_match_page_tells_the_story(admin, match):
    page = admin.get(f"/admin/dopasowania/{match.pk}/").content.decode()
    assert "Anna Kowalska" in page and "Nowakowie" in page
    assert "zaproponowane wolontariuszowi" in page and "Anuluj dopasowanie" in page
    assert "Zakończ dopasowanie" not in page, "only an active match can be ended"


def test_the_match_list_filters_by_status_need_and_volunteer(admin, match, jaslo):
    row = "Nowakowie – Korepetycje"  # the listing's row; the filters name the need differently
    assert row in admin.get("/admin/dopasowania/").content.decode()
    assert row not in admin.get("/admin/dopasowania/?status=active").content.decode()
    assert row in admin.get(f"/admin/dopasowania/?need={match.need_id}").content.decode()
    assert row in admin.get(f"/admin/dopasowania/?volunteer={match.volunteer_id}").content.decode()
    for garbage in ("?need=abc", "?volunteer=" + "9" * 40, "?status=<b>", "?page=999999"):
        assert admin.get(f"/admin/dopasowania/{garbage}").status_code == 200


def test_ending_with_an_outcome_and_a_replacement_search_reopens_the_need(admin, match, anna):
    services.matches.accept(match, anna)
    response = admin.post(
        f"/admin/dopasowania/{match.pk}/",
        {"action": "end", "outcome": MatchOutcome.GOOD, "note": "Dobrze się dogadywali.", "reopen": "on"},
    )

    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.ENDED and match.outcome == MatchOutcome.GOOD
    assert match.need.status == NeedStatus.OPEN


def test_an_end_without_outcome_keeps_the_note_and_says_what_is_missing(admin, match, anna):
    services.matches.accept(match, anna)
    response = admin.post(f"/admin/dopasowania/{match.pk}/", {"action": "end", "note": "Notatka koordynatorki"})

    page = response.content.decode()
    assert response.status_code == 200 and "Notatka koordynatorki" in page
    assert "To pole jest wymagane" in page
    match.refresh_from_db()
    assert match.status == MatchStatus.ACTIVE


def test_cancelling_needs_a_reason(admin, match):
    response = admin.post(f"/admin/dopasowania/{match.pk}/", {"action": "cancel", "reason": ""})
    assert response.status_code == 200 and "To pole jest wymagane" in response.content.decode()

    admin.post(f"/admin/dopasowania/{match.pk}/", {"action": "cancel", "reason": "Rodzina wyjechała."})
    match.refresh_from_db()
    assert match.status == MatchStatus.CANCELLED and match.cancel_reason == "Rodzina wyjechała."


def test_a_refused_transition_is_a_message(admin, match):
    # Ending a match the volunteer has not accepted yet is refused by the service.
    response = admin.post(
        f"/admin/dopasowania/{match.pk}/", {"action": "end", "outcome": MatchOutcome.GOOD}, follow=True
    )
    assert response.status_code == 200 and "Zakończyć można tylko aktywne" in response.content.decode()


def test_replacement_candidates_after_a_cancel_are_proposed_in_one_click(admin, match, jaslo, staff):
    services.matches.cancel(match, staff, "Wolontariuszka wyjechała.")
    bartek = named(jaslo, "bartek@example.org", "Bartek", "Wójcik", slots=(("0", "afternoon"), ("2", "afternoon")))
    page = admin.get(f"/admin/dopasowania/{match.pk}/").content.decode()
    assert "Bartek Wójcik" in page

    admin.post(f"/admin/dopasowania/{match.pk}/", {"action": "propose", "volunteer": bartek.pk})

    replacement = Match.objects.get(volunteer=bartek)
    assert replacement.replaces == match and replacement.status == MatchStatus.PROPOSED


def test_replacements_are_offered_only_when_the_need_is_open(admin, match):
    admin.post(f"/admin/dopasowania/{match.pk}/", {"action": "propose", "volunteer": match.volunteer_id})
    assert Match.objects.count() == 1


def test_the_dashboard_counts_proposals_waiting_and_needs_without_a_volunteer(admin, match, jaslo, pulawy):
    make_need(make_beneficiary(jaslo, name="Czekający"))
    make_need(make_beneficiary(pulawy, name="Obcy", district_name="Włostowice"))

    page = admin.get("/admin/").content.decode()

    assert "Propozycje czekające na odpowiedź wolontariusza: <strong>1</strong>" in page
    assert "Potrzeby bez wolontariusza: <strong>1</strong>" in page
    assert "/admin/dopasowania/?status=proposed" in page and "/admin/dopasowania/potrzeby/" in page
