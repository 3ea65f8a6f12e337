"""`load_demo`'s volunteers: complete profiles, every state of applications and hours, checks
and agreements, all within the site's rules; loading again adds nothing; the logins work."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import Site

from accounts.demo.users import PASSWORD
from core.models import Centre
from volunteers import services
from volunteers.demo.people import PEOPLE, volunteer_email
from volunteers.models import (
    Agreement,
    Application,
    ApplicationStatus,
    Clearance,
    HoursEntry,
    HoursStatus,
    TaskPage,
    VolunteerProfile,
)

pytestmark = pytest.mark.django_db


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def counts():
    return {
        "users": get_user_model().objects.count(),
        "profiles": VolunteerProfile.objects.count(),
        "applications": Application.objects.count(),
        "hours": HoursEntry.objects.count(),
        "agreements": Agreement.objects.count(),
        "clearances": Clearance.objects.count(),
    }


def centre(hostname):
    return Centre.for_site(Site.objects.get(hostname=hostname, port=8000))


def profile(email):
    return VolunteerProfile.objects.get(user__email=email)


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """One demo load for the class, rolled back after it; each test runs in its own savepoint."""
    with django_db_blocker.unblock(), override_settings(POMOST_ALLOW_DEMO_USERS=True):
        with transaction.atomic():
            yield load_demo()
            transaction.set_rollback(True)
        Site.clear_site_root_paths_cache()


class TestDemoVolunteers:
    def test_every_demo_volunteer_has_a_complete_profile(self, demo):
        emails = [volunteer_email(key, n) for key, people in PEOPLE.items() for n in range(1, len(people) + 1)]
        assert len(emails) >= 8
        for email in emails:
            volunteer = profile(email)
            assert services.profile.is_profile_complete(volunteer), email
            assert volunteer.user.get_full_name()
            assert volunteer.availability.exists() and volunteer.skills.exists() and volunteer.districts.exists()
            assert volunteer.user.emailaddress_set.filter(verified=True, primary=True).exists()

    def test_applications_and_hours_are_in_every_state_with_reasons(self, demo):
        assert set(Application.objects.values_list("status", flat=True)) == set(ApplicationStatus.values)
        assert set(HoursEntry.objects.values_list("status", flat=True)) == set(HoursStatus.values)
        assert all(
            Application.objects.filter(status=ApplicationStatus.DECLINED).values_list("decline_reason", flat=True)
        )
        assert all(HoursEntry.objects.filter(status=HoursStatus.REJECTED).values_list("reject_reason", flat=True))
        assert Application.objects.filter(centre=centre("pulawy.localhost")).exists()

    def test_demo_respects_the_rules_of_the_site(self, demo):
        today = timezone.localdate()
        for task in TaskPage.objects.all():
            accepted = task.applications.filter(status=ApplicationStatus.ACCEPTED).count()
            assert accepted <= task.places, task.title
            if task.applications.filter(status=ApplicationStatus.WAITING).exists():
                assert accepted == task.places, task.title
        for entry in HoursEntry.objects.select_related("task"):
            assert entry.task.start_date <= entry.date <= min(entry.task.last_date, today)
            assert entry.task.applications.filter(volunteer=entry.volunteer, status="accepted").exists()
        for application in Application.objects.filter(status__in=["accepted", "submitted", "waiting"]):
            assert services.applications.missing_for_application(application.volunteer, application.task) == []
            assert application.centre == application.task.centre

    def test_a_minor_with_guardian_consent_and_checks_valid_and_expired(self, demo):
        minors = [volunteer for volunteer in VolunteerProfile.objects.all() if volunteer.is_minor]
        assert minors and all(minor.guardian_consent_at and minor.guardian_name for minor in minors)
        jaslo = centre("localhost")
        states = {
            volunteer.user.email: {status.state for status in services.profile.clearance_state(volunteer, jaslo)}
            for volunteer in VolunteerProfile.objects.filter(clearances__centre=jaslo).distinct()
        }
        assert {services.profile.VALID} in states.values()
        assert {services.profile.EXPIRED} in states.values()
        # The one accepted for work with children has every check valid.
        for application in Application.objects.filter(task__requires_clearance=True, status="accepted"):
            assert services.profile.has_valid_clearances(application.volunteer, application.task.centre)

    def test_agreements_one_signed_and_one_waiting_for_signature_for_long_work(self, demo):
        agreements = list(Agreement.objects.select_related("task"))
        assert {agreement.is_signed for agreement in agreements} == {True, False}
        for agreement in agreements:
            assert services.documents.agreement_required(agreement.task)
            assert agreement.signed_on is None or agreement.signed_on <= timezone.localdate()
            assert (agreement.starts_on, agreement.ends_on) == (agreement.task.start_date, agreement.task.last_date)

    def test_loading_again_creates_nothing(self, demo):
        before = counts()

        output = load_demo()

        assert counts() == before
        assert "Nothing to do" in output

    def test_the_command_lists_the_volunteer_logins_without_skipping_anything(self, demo):
        assert volunteer_email("jaslo", 1) in demo
        assert volunteer_email("pulawy", 1) in demo
        assert "skipped" not in demo

    def test_a_demo_volunteer_signs_in_and_sees_applications_and_hours(self, demo):
        cache.clear()
        client = Client(HTTP_HOST="localhost:8000")
        email = volunteer_email("jaslo", 1)

        response = client.post("/konto/login/", {"login": email, "password": PASSWORD})

        assert response.status_code == 302 and "/2fa/" not in response["Location"]
        dashboard = client.get("/wolontariat/moje/")
        assert dashboard.status_code == 200
        page = dashboard.content.decode()
        for application in profile(email).applications.select_related("task"):
            assert application.task.title in page


# Outside the class: it needs a database without the demo.
def test_no_demo_volunteers_without_demo_users(settings):
    settings.POMOST_ALLOW_DEMO_USERS = True

    output = load_demo("--no-demo-users")

    assert not VolunteerProfile.objects.exists()
    assert volunteer_email("jaslo", 1) not in output
