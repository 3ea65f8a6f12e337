"""`load_demo`'s one-to-one help: beneficiaries of every kind and needs with every requirement in
both centres, a matching pool whose plan proposes, excludes and leaves needs open with reasons,
one match in each state made through the services, nothing twice on a second load, and no
staff-only note anywhere public."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils import translation
from wagtail.models import Site

from accounts.demo.staff import staff_email
from accounts.demo.users import PASSWORD
from accounts.models import Role
from core.models import Centre
from search.models import SearchEntry
from volunteers import services
from volunteers.demo.matching import HOUSEHOLDS, POOL, PROPOSED_AND_ACTIVE, pool_email
from volunteers.models import (
    Beneficiary,
    BeneficiaryKind,
    Clearance,
    Match,
    MatchOutcome,
    MatchStatus,
    Need,
    NeedStatus,
    VolunteerProfile,
)
from volunteers.models.beneficiaries import TIME_VALUES
from volunteers.reasons import describe

pytestmark = pytest.mark.django_db

HOSTS = {"jaslo": "localhost", "pulawy": "pulawy.localhost"}


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def centre(key):
    return Centre.for_site(Site.objects.get(hostname=HOSTS[key], port=8000))


def counts():
    return {
        "beneficiaries": Beneficiary.objects.count(),
        "needs": Need.objects.count(),
        "matches": Match.objects.count(),
        "profiles": VolunteerProfile.objects.count(),
        "clearances": Clearance.objects.count(),
        "statuses": sorted(Need.objects.values_list("status", flat=True)),
    }


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """One demo load for the class (about 20 s), rolled back after it; each test runs in its
    own savepoint."""
    with django_db_blocker.unblock(), override_settings(POMOST_ALLOW_DEMO_USERS=True):
        with transaction.atomic():
            yield load_demo()
            transaction.set_rollback(True)
        Site.clear_site_root_paths_cache()


KEYS = pytest.mark.parametrize("key", ["jaslo", "pulawy"])


class TestDemoMatching:
    @KEYS
    def test_beneficiaries_of_every_kind_and_needs_with_every_requirement(self, demo, key):
        beneficiaries = Beneficiary.objects.filter(centre=centre(key))
        needs = Need.objects.filter(beneficiary__centre=centre(key))
        assert set(beneficiaries.values_list("kind", flat=True)) == set(BeneficiaryKind.values)
        assert beneficiaries.count() == len(HOUSEHOLDS[key])
        assert all(beneficiaries.values_list("household_note", flat=True))
        for requirement in ("child_involved", "needs_licence", "needs_car"):
            assert needs.filter(**{requirement: True}).exists(), requirement
        assert {"woman", "man"} & set(needs.values_list("preferred_gender", flat=True))
        assert needs.filter(language__name="ukraiński").exists()
        assert needs.filter(disability__isnull=False).values("disability").distinct().count() >= 3
        assert all(needs.values_list("staff_note", flat=True))
        for need in needs:
            assert need.times and set(need.times) <= TIME_VALUES, need
            assert need.skills.exists() or need.language_id, need

    @KEYS
    def test_needs_are_mostly_open_with_some_paused_and_closed(self, demo, key):
        statuses = list(Need.objects.filter(beneficiary__centre=centre(key)).values_list("status", flat=True))
        assert statuses.count(NeedStatus.OPEN) > len(statuses) / 2
        assert {NeedStatus.PAUSED, NeedStatus.CLOSED, NeedStatus.MATCHED} <= set(statuses)

    @KEYS
    def test_one_match_in_each_state_through_the_coordinator_with_reasons(self, demo, key):
        matches = Match.objects.filter(centre=centre(key)).select_related("need__beneficiary")
        assert sorted(match.status for match in matches) == sorted(MatchStatus.values)
        coordinator = staff_email(key, Role.COORDINATOR)
        by_state = {match.status: match for match in matches}
        assert all(match.proposed_by.email == coordinator and match.score > 0 and match.reasons for match in matches)
        assert by_state[MatchStatus.DECLINED].decline_reason
        assert by_state[MatchStatus.CANCELLED].cancel_reason
        ended = by_state[MatchStatus.ENDED]
        assert ended.outcome == MatchOutcome.GOOD and ended.outcome_note and ended.ended_by.email == coordinator
        assert ended.need.status == NeedStatus.CLOSED
        for state in (MatchStatus.PROPOSED, MatchStatus.ACTIVE):
            assert by_state[state].need.status == NeedStatus.MATCHED

    @KEYS
    def test_the_plan_proposes_excludes_and_explains_open_needs(self, demo, key):
        plan, pool = services.matching.centre_plan(centre(key))

        assert plan.proposals and plan.total == sum(proposal.score for proposal in plan.proposals)
        assert plan.unmatched
        with translation.override("pl"):
            for need_id, reason in plan.unmatched:
                assert describe(reason, pool.labels), pool.need_rows[need_id]
        # At least two different explanations of open needs across the centre's plan.
        assert len({reason.code for _need, reason in plan.unmatched}) == len(plan.unmatched)
        widest = max(
            (
                {reason.code for _volunteer, reasons in services.matching.candidates_for(need)[1] for reason in reasons}
                for need in Need.objects.filter(beneficiary__centre=centre(key), status=NeedStatus.OPEN)
            ),
            key=len,
        )
        assert len(widest) >= 3 and {"district", "no_overlap"} < widest

    @KEYS
    def test_the_pool_has_every_kind_of_volunteer(self, demo, key):
        pool = VolunteerProfile.objects.filter(user__email__in=[pool_email(key, n) for n in range(1, 11)])
        assert pool.count() == len(POOL[key]) >= 8
        assert all(profile.regular_help and profile.districts.exists() for profile in pool)
        assert all(profile.availability.exists() and 1 <= profile.max_concurrent <= 3 for profile in pool)
        assert {profile.max_concurrent for profile in pool} >= {1, 2}
        assert {"woman", "man", "undisclosed"} <= set(pool.values_list("gender", flat=True))
        assert pool.filter(languages__name="ukraiński").exists()
        assert pool.filter(disability_experience__isnull=False).exists()
        states = {
            frozenset(status.state for status in services.profile.clearance_state(profile, centre(key)))
            for profile in pool
        }
        assert {frozenset({services.profile.VALID}), frozenset({services.profile.MISSING})} <= states
        assert frozenset({services.profile.EXPIRED}) in states
        assert any(profile.is_minor for profile in pool)

    def test_the_documented_volunteer_has_an_active_and_a_proposed_match(self, demo):
        email = pool_email("jaslo", PROPOSED_AND_ACTIVE)
        assert email in Path(settings.BASE_DIR, "README.md").read_text()
        assert email in demo
        for key in POOL:
            profile = VolunteerProfile.objects.get(user__email=pool_email(key, PROPOSED_AND_ACTIVE))
            assert sorted(profile.matches.values_list("status", flat=True)) == [
                MatchStatus.ACTIVE,
                MatchStatus.PROPOSED,
            ]

    def test_the_demo_volunteer_signs_in(self, demo):
        cache.clear()
        client = Client(HTTP_HOST="localhost:8000")

        response = client.post(
            "/konto/login/", {"login": pool_email("jaslo", PROPOSED_AND_ACTIVE), "password": PASSWORD}
        )

        assert response.status_code == 302 and "/2fa/" not in response["Location"]
        assert client.get("/wolontariat/moje/").status_code == 200

    def test_the_load_leaves_nothing_out(self, demo):
        assert "left out" not in demo and "skipped" not in demo

    def test_loading_again_changes_nothing_and_keeps_staff_changes(self, demo):
        need = Need.objects.get(beneficiary__name="Genowefa Kos")
        need.staff_note = "Sąsiadka zgodziła się przekazywać klucz."
        need.status = NeedStatus.PAUSED
        need.save()
        before = counts()

        output = load_demo()

        assert counts() == before
        need.refresh_from_db()
        assert (need.staff_note, need.status) == ("Sąsiadka zgodziła się przekazywać klucz.", NeedStatus.PAUSED)
        assert "Nothing to do" in output

    def test_no_household_or_staff_note_reaches_a_public_page(self, demo):
        cache.clear()
        notes = list(Beneficiary.objects.values_list("household_note", flat=True))
        notes += list(Need.objects.values_list("staff_note", flat=True))
        # Words found only in the notes, e.g. "Charkowa" and "jaskra", must find nothing.
        index = " ".join(SearchEntry.objects.values_list("text", flat=True))
        for word in ("Charkowa", "jaskra", "otępienia", "depresji"):
            assert any(word in note for note in notes), word
            assert word not in index
            for host in ("localhost:8000", "pulawy.localhost:8000"):
                page = Client(HTTP_HOST=host).get("/szukaj/", {"q": word}).content.decode()
                assert all(note not in page for note in notes)
        client = Client(HTTP_HOST="localhost:8000")
        client.post("/konto/login/", {"login": pool_email("jaslo", PROPOSED_AND_ACTIVE), "password": PASSWORD})
        dashboard = client.get("/wolontariat/moje/").content.decode()
        assert all(note not in dashboard for note in notes)
        active = Match.objects.get(centre=centre("jaslo"), status=MatchStatus.ACTIVE)
        shown = " ".join(active.permitted_contact.values())
        assert all(note not in shown for note in notes)


# Outside the classes: it needs a database without the demo.
def test_no_beneficiaries_without_demo_users(settings):
    settings.POMOST_ALLOW_DEMO_USERS = True

    output = load_demo("--no-demo-users")

    assert not Beneficiary.objects.exists() and not Match.objects.exists()
    assert pool_email("jaslo", 1) not in output
