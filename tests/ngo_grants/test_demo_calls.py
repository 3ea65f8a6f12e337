"""`load_demo`'s open calls: Jasło's current and last year's calls, Puławy's smaller one, the
organisations that apply and their offers, written and submitted through the real services."""

import datetime
import hashlib
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Site

from accounts.demo.users import PASSWORD
from core.models import Centre
from core.uploads import PDF, kind_of
from ngo_grants import identifiers
from ngo_grants.demo.organisations import MEMBERS
from ngo_grants.display import version_diff
from ngo_grants.models import (
    Agreement,
    Attachment,
    CallIndexPage,
    CallPage,
    CallState,
    CorrectionRequest,
    CriterionScore,
    Declaration,
    MemberRole,
    Membership,
    Offer,
    OfferVersion,
    Organisation,
    ReportKind,
    Score,
    SmallGrant,
    SmallGrantStatus,
    Verification,
    deadline_problem,
)
from ngo_grants.sections import checksum, validate_draft
from ngo_grants.services import reports, small_grants
from ngo_grants.services.committee import composition_problems
from ngo_grants.services.review import unmet_requirements
from ngo_grants.services.scoring import adoption_problems
from ngo_grants.services.scoring import ranking as ranking_of
from ngo_grants.workflow import OfferStatus

pytestmark = pytest.mark.django_db


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def calls_of(hostname):
    site = Site.objects.get(hostname=hostname, port=8000)
    return CallPage.objects.descendant_of(site.root_page).order_by("-year")


def counts():
    return {
        "calls": CallPage.objects.count(),
        "organisations": Organisation.objects.count(),
        "memberships": Membership.objects.count(),
        "verifications": Verification.objects.count(),
        "offers": Offer.objects.count(),
        "versions": OfferVersion.objects.count(),
        "attachments": Attachment.objects.count(),
        "documents": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
    }


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """One demo load for the class, rolled back after it; each test runs in its own savepoint."""
    with django_db_blocker.unblock(), override_settings(POMOST_ALLOW_DEMO_USERS=True):
        with transaction.atomic():
            yield load_demo()
            transaction.set_rollback(True)
        Site.clear_site_root_paths_cache()


class TestDemoCalls:
    def test_each_centre_has_a_live_call_index_in_its_menu(self, demo):
        for hostname in ["localhost", "pulawy.localhost"]:
            site = Site.objects.get(hostname=hostname, port=8000)
            index = CallIndexPage.objects.child_of(site.root_page).get()
            assert index.title == "Otwarte konkursy ofert"
            assert index.live and index.show_in_menus

    def test_jaslo_has_a_current_open_call_and_last_years_with_results(self, demo):
        current, last_year = calls_of("localhost")

        assert current.live and last_year.live
        assert current.state() == CallState.OPEN and current.is_open()
        assert last_year.state() == CallState.RESULTS
        assert current.year == last_year.year + 1
        assert current.results_on > current.closes_at.date()
        # The deadline respects the 21 days counted from the announcement.
        assert deadline_problem(current.first_published_at, current.closes_at) is None
        assert deadline_problem(last_year.first_published_at, last_year.closes_at) is None

    def test_the_current_call_announces_tasks_criteria_attachments_and_its_regulations(self, demo):
        current = calls_of("localhost").first()
        titles = [task.title for task in current.tasks.all()]

        assert any("wsparcia dziennego" in title for title in titles)
        assert any("opiekuńcze" in title for title in titles)
        assert any("rodzin" in title.casefold() for title in titles)
        assert any("posiłk" in title for title in titles)
        assert {task.form for task in current.tasks.all()} == {"support", "entrustment"}
        assert all(task.last_year_spending for task in current.tasks.all())
        assert any(task.min_own_contribution > 0 for task in current.tasks.all())
        assert sum(criterion.max_points for criterion in current.criteria.all()) >= 60
        assert current.criteria.filter(name__startswith="Kalkulacja kosztów").exists()
        assert current.required_attachments.filter(mandatory=True).exists()
        assert current.required_attachments.filter(mandatory=False).exists()
        regulations = current.documents.get().document
        assert regulations.collection.name == "MOPS Jasło"
        with regulations.file.open("rb") as handle:
            assert kind_of(handle.read()) == PDF

    def test_pulawy_has_a_smaller_open_call(self, demo):
        call = calls_of("pulawy.localhost").get()

        assert call.is_open()
        assert 1 <= call.tasks.count() <= 2
        assert call.total_funds < calls_of("localhost").first().total_funds

    def test_organisations_have_valid_numbers_members_and_verifications(self, demo):
        organisations = Organisation.objects.all()

        assert organisations.count() == 4
        for organisation in organisations:
            assert identifiers.clean_nip(organisation.nip) == organisation.nip
            assert identifiers.clean_regon(organisation.regon) == organisation.regon
            assert identifiers.clean_krs(organisation.krs) == organisation.krs
            assert identifiers.clean_iban(organisation.iban) == organisation.iban
            assert organisation.representatives.exists()
            assert organisation.memberships.filter(role=MemberRole.ADMIN).exists()
        jaslo = Centre.for_site(Site.objects.get(hostname="localhost", port=8000))
        shared = get_user_model().objects.get(email="ngo@jaslo.demo.pomost.local")
        assert Organisation.objects.of_member(shared, roles=[MemberRole.ADMIN]).count() == 2
        assert Membership.objects.filter(role=MemberRole.EDITOR).exists()
        assert Organisation.objects.filter(verifications__centre=jaslo, verifications__verified=True).count() == 3
        assert Organisation.objects.filter(verifications__isnull=True).count() == 1

    def test_members_sign_in_with_the_demo_password(self, demo, client):
        for email in MEMBERS:
            assert client.login(email=email, password=PASSWORD), email
            client.logout()
        assert "ngo@jaslo.demo.pomost.local" in demo

    def test_submitted_offers_are_frozen_with_checksums_that_recompute(self, demo):
        submitted = Offer.objects.exclude(status__in=[OfferStatus.DRAFT, OfferStatus.WITHDRAWN])

        assert {offer.call.state() for offer in submitted} == {CallState.OPEN, CallState.RESULTS}
        for offer in submitted:
            version = offer.latest_version()
            assert version.checksum == checksum(version.content)
            assert offer.number and offer.grant_requested <= offer.task.funds
            assert offer.call.opens_at <= offer.submitted_at < offer.call.closes_at
            for attachment in offer.attachments.all():
                with attachment.file.open("rb") as handle:
                    data = handle.read()
                assert hashlib.sha256(data).hexdigest() == attachment.sha256 and len(data) == attachment.size
            assert len(version.content["attachments"]) == offer.call.required_attachments.filter(mandatory=True).count()

    def test_last_years_call_received_offers_in_its_past_window(self, demo):
        last_year = calls_of("localhost")[1]

        decided = [OfferStatus.AGREEMENT, OfferStatus.SETTLED, OfferStatus.NOT_GRANTED]
        assert last_year.offers.filter(status__in=decided).count() == 3
        assert all(offer.created_at < offer.submitted_at for offer in last_year.offers.all())

    def test_last_years_offers_were_reviewed_formally_one_after_a_correction(self, demo):
        last_year = calls_of("localhost")[1]
        offers = last_year.offers.all()

        assert last_year.formal_checks.count() == 5 and last_year.correction_days == 7
        for offer in offers:
            assert not unmet_requirements(offer)
            assert last_year.closes_at < offer.formal_decision.decided_at < timezone.now()
        corrected = CorrectionRequest.objects.get(offer__call=last_year)
        assert corrected.sections == ["resources"] and corrected.corrected_version.number == 2
        changes = version_diff(corrected.version.content, corrected.corrected_version.content)
        assert [change.section for change in changes] == ["IV. Doświadczenie i zasoby"]
        assert corrected.requested_at < corrected.corrected_version.created_at < corrected.due_at

    def test_last_years_committee_sits_with_the_exception_and_declared(self, demo):
        committee = calls_of("localhost")[1].committee

        assert committee.chair().user.email == "dotacje@jaslo.demo.pomost.local"
        assert committee.no_ngo_exception and not composition_problems(committee)
        declarations = Declaration.objects.filter(member__committee=committee)
        assert declarations.count() == 2 * 3 and declarations.filter(conflict=True).count() == 1

    def test_last_years_committee_scored_recommended_and_adopted_its_opinion(self, demo):
        committee = calls_of("localhost")[1].committee

        assert committee.opinion_adopted_at and all(member.attended for member in committee.members.all())
        scores = Score.objects.filter(offer__call=committee.call)
        # Two members on three offers, but the coordinator declared a conflict on one.
        assert scores.count() == 5 and all(score.submitted for score in scores)
        assert scores.exclude(cut_reason="").count() == 1
        assert CriterionScore.objects.filter(score__in=scores).exclude(justification="").exists()
        [ranking, *rest] = ranking_of(committee)
        for task_ranking in [ranking, *rest]:
            assert task_ranking.recommended <= task_ranking.task.funds
            assert all(entry.extra["recommended"] is not None for entry in task_ranking.entries)
        assert not adoption_problems(committee)

    def test_last_years_results_are_published_on_the_call_page(self, demo, client):
        last_year = calls_of("localhost")[1]

        assert last_year.progress == "results" and last_year.decision.reference.startswith("Zarządzenie nr 9/")
        for grant in last_year.decision.grants.all():
            assert grant.amount == grant.offer.recommendation.amount
            assert grant.amount == grant.offer.grant_requested or grant.reason
        assert "Przyznane dotacje" in client.get(last_year.url, HTTP_HOST="localhost").content.decode()

    def test_every_grant_of_last_year_has_its_agreement_and_a_cut_one_its_updated_budget(self, demo):
        last_year = calls_of("localhost")[1]
        granted = [grant for grant in last_year.decision.grants.select_related("offer") if grant.awarded]

        assert granted and all(grant.offer.status in (OfferStatus.AGREEMENT, OfferStatus.SETTLED) for grant in granted)
        for grant in granted:
            agreement = grant.offer.agreement
            assert agreement.amount == grant.amount
            assert sum(Decimal(item["amount"]) for item in agreement.instalments) == grant.amount
            if grant.amount < grant.offer.grant_requested:
                assert agreement.budget_update.accepted
                lines = agreement.budget_update.lines
                assert sum(Decimal(line["from_grant"]) for line in lines) == grant.amount
        assert any(grant.offer.agreement.budget_update for grant in granted)

    def test_last_years_reports_follow_the_calendar(self, demo):
        # Which reports exist depends on the day the demo is loaded: the tasks run in this year.
        today = timezone.localdate()
        agreements = list(Agreement.objects.filter(offer__call=calls_of("localhost")[1]).order_by("offer__number"))
        for agreement in agreements:
            partial = agreement.reports.filter(kind=ReportKind.PARTIAL)
            if agreement.partial_report_on and agreement.partial_report_on < today:
                assert partial.get().accepted and not reports.late(partial.get())
            else:
                assert not partial.exists()
        settled = [agreement for agreement in agreements if agreement.settled]
        ended = [agreement for agreement in agreements if agreement.ends_on < today - datetime.timedelta(days=1)]
        assert len(settled) == (1 if ended else 0)
        for agreement in settled:
            assert agreement.returned > 0 and agreement.offer.status == OfferStatus.SETTLED
        # Every other agreement still waits for its final report.
        waiting = [agreement for agreement in agreements if agreement not in settled]
        assert waiting and not any(agreement.reports.filter(kind=ReportKind.FINAL).exists() for agreement in waiting)

    def test_a_small_grant_is_open_for_comments_and_another_has_its_agreement(self, demo, client):
        grants = SmallGrant.objects.filter(centre__site__hostname="localhost")
        [current] = [grant for grant in grants if small_grants.comments_open(grant)]
        assert current.comments.count() == 1
        assert grants.get(status=SmallGrantStatus.AGREEMENT).agreement_number
        page = client.get("/male-granty/", HTTP_HOST="localhost").content.decode()
        assert current.title in page

    def test_drafts_are_partly_filled_or_complete_but_not_submitted(self, demo):
        drafts = Offer.objects.filter(status=OfferStatus.DRAFT)

        assert drafts.count() == 3
        problems = {
            offer.organisation.name: validate_draft(offer, list(offer.attachments.all()))[1] for offer in drafts
        }
        complete = [name for name, found in problems.items() if not found]
        assert sorted(complete) == ["Spółdzielnia Socjalna „Wspólny Stół”", "Stowarzyszenie „Razem dla Puław”"]
        halfway = Offer.objects.get(status=OfferStatus.DRAFT, organisation__name__contains="Przystań")
        assert "declarations" not in halfway.draft
        # What was typed is kept as typed, the slip included.
        assert halfway.draft["costs"]["lines"][0]["total"] == "3 600,00"

    def test_second_run_adds_nothing(self, demo):
        before = counts()

        second = load_demo()

        assert counts() == before
        assert "Nothing to do" in second


def test_without_demo_users_only_the_calls_are_created():
    load_demo("--no-demo-users")

    assert CallPage.objects.live().count() == 3
    assert not Organisation.objects.exists() and not Offer.objects.exists()
