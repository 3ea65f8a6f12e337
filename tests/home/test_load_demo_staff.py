"""`load_demo`'s accounts: one member of staff per role in each centre, a few residents, and
the logins printed; never with --no-demo-users or where demo users are not allowed."""

import io

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from wagtail.models import Site

from accounts.demo.staff import RESIDENTS, TOTP_SECRET, staff_email
from accounts.models import AuditEntry, Role
from accounts.permissions import roles_in
from core.models import Centre
from tests.support import totp_code

pytestmark = pytest.mark.django_db


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def centre(hostname):
    return Centre.for_site(Site.objects.get(hostname=hostname, port=8000))


def counts():
    return {
        "users": get_user_model().objects.count(),
        "addresses": EmailAddress.objects.count(),
        "authenticators": Authenticator.objects.count(),
        "memberships": get_user_model().groups.through.objects.count(),
        "audit": AuditEntry.objects.count(),
    }


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """One demo load shared by the class, rolled back afterwards (see tests/home/test_load_demo.py)."""
    with django_db_blocker.unblock(), override_settings(POMOST_ALLOW_DEMO_USERS=True):
        with transaction.atomic():
            yield load_demo()
            transaction.set_rollback(True)
        Site.clear_site_root_paths_cache()


class TestDemoAccounts:
    def test_each_centre_has_one_member_of_staff_per_role(self, demo):
        for key, hostname in [("jaslo", "localhost"), ("pulawy", "pulawy.localhost")]:
            for role in Role:
                user = get_user_model().objects.get(email=staff_email(key, role))
                assert roles_in(user, centre(hostname)) == {role}, user.email
                assert user.get_full_name()
        assert staff_email("jaslo", Role.GRANTS_OFFICER) == "dotacje@jaslo.demo.pomost.local"

    def test_every_demo_account_has_a_verified_address_and_the_demo_password(self, demo):
        emails = [staff_email(key, role) for key in ("jaslo", "pulawy") for role in Role]
        emails += [email for email, _first, _last in RESIDENTS] + ["admin@pomost.local"]
        for email in emails:
            user = get_user_model().objects.get(email=email)
            assert user.check_password("pomost-demo"), email
            assert EmailAddress.objects.filter(user=user, email=email, verified=True, primary=True).exists()

    def test_staff_share_the_documented_authenticator_secret_and_residents_have_none(self, demo):
        for email in [staff_email("pulawy", Role.SUPERVISOR), "admin@pomost.local"]:
            totp = Authenticator.objects.get(user__email=email, type=Authenticator.Type.TOTP)
            assert decrypt(totp.data["secret"]) == TOTP_SECRET
        resident = get_user_model().objects.get(email="anna.mieszkanka@demo.pomost.local")
        assert not Authenticator.objects.filter(user=resident).exists()
        assert not resident.groups.exists()

    def test_the_command_prints_every_login(self, demo):
        assert TOTP_SECRET in demo
        assert "MOPS Jasło   Redaktor" in demo
        for key in ("jaslo", "pulawy"):
            for role in Role:
                assert staff_email(key, role) in demo
        assert "anna.mieszkanka@demo.pomost.local" in demo

    def test_a_demo_editor_signs_in_with_the_code_and_reaches_own_centre_only(self, demo):
        cache.clear()
        client = Client(HTTP_HOST="localhost:8000")
        response = client.post(
            "/konto/login/", {"login": "redaktor@pulawy.demo.pomost.local", "password": "pomost-demo"}
        )
        assert "/2fa/" in response["Location"]
        client.post(response["Location"], {"code": totp_code(TOTP_SECRET)})
        listing = client.get("/admin/pages/", follow=True)
        assert listing.status_code == 200
        assert listing.redirect_chain[-1][0] == f"/admin/pages/{centre('pulawy.localhost').site.root_page_id}/"

    def test_a_second_run_creates_nothing(self, demo):
        before = counts()
        second = load_demo()
        assert counts() == before
        assert "Nothing to do" in second
        assert "redaktor@jaslo.demo.pomost.local" in second


# Where POMOST_ALLOW_DEMO_USERS is off (production), tests/home/test_load_demo.py shows that no
# account at all is created; the flag is the same switch.
def test_no_demo_users_flag_creates_no_staff_or_residents(settings):
    settings.POMOST_ALLOW_DEMO_USERS = True
    output = load_demo("--no-demo-users")
    assert counts() == {"users": 0, "addresses": 0, "authenticators": 0, "memberships": 0, "audit": 0}
    assert "demo.pomost.local" not in output and TOTP_SECRET not in output
    # The centres' role groups are there all the same, ready for real staff.
    assert centre("pulawy.localhost").roles.count() == len(Role)
