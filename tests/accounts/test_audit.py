"""The audit log: staff sign-ins, two-factor changes and role changes, with who, when and
from where; readable by supervisors and superusers, changeable by nobody."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, RequestFactory
from django.utils import timezone

from accounts.audit import acting
from accounts.models import AuditEntry, AuditKind, CentreRole, Role
from accounts.roles import grant_role, revoke_role
from core.models import Centre
from tests.accounts.helpers import PASSWORD, admin_client, make_person, make_staff
from tests.support import totp_code

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"


@pytest.fixture(autouse=True)
def empty_cache():
    # Rate limits and used two-factor codes live in the cache.
    cache.clear()


@pytest.fixture
def people(jaslo, pulawy):
    people = {
        "supervisor": make_staff("kierownik@jaslo.example.org", jaslo, Role.SUPERVISOR),
        "editor": make_staff("redaktor@jaslo.example.org", jaslo, Role.EDITOR),
        "pulawy_supervisor": make_staff("kierownik@pulawy.example.org", pulawy, Role.SUPERVISOR),
        "resident": make_person("anna@example.org", mfa=False),
        "superuser": make_person("admin@example.org", is_superuser=True, is_staff=True),
    }
    AuditEntry.objects.all().delete()
    return people


def entries(kind):
    return list(AuditEntry.objects.filter(kind=kind).order_by("pk"))


def as_user(user, **headers):
    return admin_client(Client(**headers), user)


# --- role changes ------------------------------------------------------------------------


def test_a_role_granted_in_the_team_screen_is_logged_with_actor_ip_and_browser(people, jaslo):
    supervisor = as_user(people["supervisor"], REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT=BROWSER)
    supervisor.post(
        "/admin/team/", {"email": "anna@example.org", "centre": Centre.for_site(jaslo).pk, "role": "editor"}
    )
    [entry] = entries(AuditKind.ROLE_GRANTED)
    assert entry.actor == people["supervisor"]
    assert entry.subject_user == people["resident"]
    assert entry.centre == Centre.for_site(jaslo)
    assert entry.details["role"] == "editor"
    assert entry.ip == "203.0.113.7"
    assert entry.user_agent == BROWSER


def test_a_role_removed_in_the_team_screen_is_logged(people, jaslo):
    centre_role = CentreRole.objects.get(centre__site=jaslo, role=Role.EDITOR)
    as_user(people["supervisor"], REMOTE_ADDR="203.0.113.8").post(
        f"/admin/team/{centre_role.pk}/remove/{people['editor'].pk}/"
    )
    [entry] = entries(AuditKind.ROLE_REMOVED)
    assert (entry.actor, entry.subject_user, entry.ip) == (people["supervisor"], people["editor"], "203.0.113.8")
    assert entry.description == "Redaktor"


def wagtail_user_form(user, groups):
    return {
        "email": user.email,
        # Wagtail's user form requires both names.
        "first_name": "Ewa",
        "last_name": "Nowak",
        "is_active": "on",
        "groups": [group.pk for group in groups],
    }


def test_role_changes_in_wagtails_own_user_editor_are_logged_with_the_actor(people, jaslo, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "accounts.audit.AuditRequestMiddleware"]
    moderators = CentreRole.objects.get(centre__site=jaslo, role=Role.MODERATOR).group
    editors = CentreRole.objects.get(centre__site=jaslo, role=Role.EDITOR).group
    editor = people["editor"]
    admin = as_user(people["superuser"], REMOTE_ADDR="198.51.100.4")
    response = admin.post(f"/admin/users/edit/{editor.pk}/", wagtail_user_form(editor, [moderators]))
    assert response.status_code == 302, response.content.decode()[:3000]
    [granted] = entries(AuditKind.ROLE_GRANTED)
    [removed] = entries(AuditKind.ROLE_REMOVED)
    assert (granted.details["role"], removed.details["role"]) == ("moderator", "editor")
    for entry in (granted, removed):
        assert (entry.actor, entry.subject_user, entry.ip) == (people["superuser"], editor, "198.51.100.4")
    assert set(editor.groups.all()) == {moderators} and editors not in editor.groups.all()


def test_without_the_middleware_wagtails_user_editor_still_names_the_actor(people, jaslo):
    moderators = CentreRole.objects.get(centre__site=jaslo, role=Role.MODERATOR).group
    editor = people["editor"]
    as_user(people["superuser"]).post(f"/admin/users/edit/{editor.pk}/", wagtail_user_form(editor, [moderators]))
    [granted] = entries(AuditKind.ROLE_GRANTED)
    assert granted.actor == people["superuser"]


def test_role_changes_from_code_are_logged_without_an_actor(people, pulawy):
    grant_role(people["resident"], pulawy, Role.GRANTS_OFFICER)
    revoke_role(people["resident"], pulawy, Role.GRANTS_OFFICER)
    [granted] = entries(AuditKind.ROLE_GRANTED)
    [removed] = entries(AuditKind.ROLE_REMOVED)
    assert granted.actor is None and granted.ip is None
    assert removed.subject_user == people["resident"] and removed.centre == Centre.for_site(pulawy)


def test_changes_from_the_groups_side_and_clearing_are_logged(people, jaslo):
    group = CentreRole.objects.get(centre__site=jaslo, role=Role.COORDINATOR).group
    group.user_set.add(people["resident"], people["superuser"])
    assert {e.subject_user for e in entries(AuditKind.ROLE_GRANTED)} == {people["resident"], people["superuser"]}
    group.user_set.clear()
    people["editor"].groups.clear()
    removed = entries(AuditKind.ROLE_REMOVED)
    assert sorted(e.subject_user.email for e in removed) == [
        "admin@example.org",
        "anna@example.org",
        "redaktor@jaslo.example.org",
    ]


def test_granting_a_role_twice_logs_it_once(people, jaslo):
    grant_role(people["editor"], jaslo, Role.EDITOR)
    assert entries(AuditKind.ROLE_GRANTED) == []


def test_groups_that_are_not_roles_are_not_logged(people):
    Group.objects.create(name="Lista mailingowa").user_set.add(people["resident"])
    assert not AuditEntry.objects.exists()


def test_deleting_a_role_group_logs_the_removal_of_its_members(people, jaslo):
    CentreRole.objects.get(centre__site=jaslo, role=Role.EDITOR).group.delete()
    [entry] = entries(AuditKind.ROLE_REMOVED)
    assert entry.subject_user == people["editor"] and entry.centre == Centre.for_site(jaslo)


def test_deleting_a_centre_logs_the_removals_under_the_centres_name(people, jaslo):
    jaslo.delete()
    removed = entries(AuditKind.ROLE_REMOVED)
    assert {e.subject_user for e in removed} == {people["supervisor"], people["editor"]}
    assert {(e.centre, e.details["centre"]) for e in removed} == {(None, "MOPS Jasło")}
    assert removed[0].description.endswith("(MOPS Jasło)")


def test_deleting_a_staff_account_logs_its_roles_removed_under_its_name(people, jaslo):
    people["editor"].delete()
    [entry] = entries(AuditKind.ROLE_REMOVED)
    assert entry.subject_user is None and entry.centre == Centre.for_site(jaslo)
    assert entry.description == "Redaktor (redaktor@jaslo.example.org)"
    assert entry in AuditEntry.objects.visible_to(people["supervisor"])


def test_an_account_deleted_by_its_own_request_leaves_no_dangling_reference(people, jaslo):
    editor = people["editor"]
    request = RequestFactory().post("/konto/usun-konto/")
    request.user = editor
    with acting(request):
        editor.delete()
    [entry] = entries(AuditKind.ROLE_REMOVED)
    assert entry.actor is None and entry.subject_user is None
    connection.check_constraints()


# --- sign-ins and two-factor changes -------------------------------------------------------


def sign_in(client, email, password=PASSWORD, code=None):
    response = client.post("/konto/login/", {"login": email, "password": password})
    if code is not None and response.status_code == 302 and "/2fa/" in response["Location"]:
        response = client.post(response["Location"], {"code": code})
    return response


def test_a_staff_sign_in_is_logged_after_the_second_factor(people):
    client = Client(REMOTE_ADDR="192.0.2.10", HTTP_USER_AGENT=BROWSER)
    sign_in(client, "redaktor@jaslo.example.org", code=totp_code())
    assert "_auth_user_id" in client.session
    [entry] = entries(AuditKind.LOGIN)
    assert (entry.actor, entry.subject_user, entry.ip, entry.user_agent) == (
        people["editor"],
        people["editor"],
        "192.0.2.10",
        BROWSER,
    )


def test_a_wrong_password_for_a_staff_account_is_logged_without_what_was_typed(people):
    sign_in(Client(REMOTE_ADDR="192.0.2.11"), "Redaktor@Jaslo.example.org", password="zgadywane-haslo")
    [entry] = entries(AuditKind.LOGIN_FAILED)
    assert (entry.subject_user, entry.actor, entry.ip) == (people["editor"], None, "192.0.2.11")
    assert entry.details == {"step": "password"}
    assert "zgadywane" not in str(entry.details) + entry.user_agent


def test_a_wrong_two_factor_code_is_logged(people):
    sign_in(Client(), "redaktor@jaslo.example.org", code="000000" if totp_code() != "000000" else "111111")
    [entry] = entries(AuditKind.LOGIN_FAILED)
    assert entry.subject_user == people["editor"] and entry.details["step"] == "two-factor"
    assert entry.description == "błędny kod weryfikacji dwuetapowej"
    assert entries(AuditKind.LOGIN) == []


def test_residents_and_unknown_addresses_leave_no_trace(people):
    sign_in(Client(), "anna@example.org")
    sign_in(Client(), "anna@example.org", password="zle")
    sign_in(Client(), "nieznany@example.org", password="haslo-ktore-ktos-wpisal-w-zle-pole")
    assert not AuditEntry.objects.exists()


def test_two_factor_changes_of_staff_are_logged(people):
    editor = people["editor"]
    request = RequestFactory().post("/konto/2fa/", REMOTE_ADDR="192.0.2.12")
    request.user = editor
    totp = Authenticator.objects.get(user=editor, type=Authenticator.Type.TOTP)
    codes = Authenticator.objects.get(user=editor, type=Authenticator.Type.RECOVERY_CODES)
    authenticator_removed.send(sender=Authenticator, request=request, user=editor, authenticator=totp)
    authenticator_added.send(sender=Authenticator, request=request, user=editor, authenticator=totp)
    authenticator_reset.send(sender=Authenticator, request=request, user=editor, authenticator=codes)
    kinds = [(e.kind, e.description, e.actor, e.ip) for e in AuditEntry.objects.order_by("pk")]
    assert kinds == [
        (AuditKind.MFA_REMOVED, "aplikacja uwierzytelniająca", editor, "192.0.2.12"),
        (AuditKind.MFA_ADDED, "aplikacja uwierzytelniająca", editor, "192.0.2.12"),
        (AuditKind.MFA_RESET, "kody zapasowe", editor, "192.0.2.12"),
    ]


# --- reading the log in the admin ----------------------------------------------------------


def listed(response):
    html = BeautifulSoup(response.content.decode(), "html.parser")
    return [" ".join(td.get_text(" ", strip=True) for td in row.select("td")) for row in html.select("tbody tr")]


@pytest.fixture
def log(people, jaslo, pulawy):
    grant_role(people["resident"], jaslo, Role.COORDINATOR)
    grant_role(people["superuser"], pulawy, Role.EDITOR)
    sign_in(Client(), "redaktor@jaslo.example.org", code=totp_code())
    return {
        "jaslo": AuditEntry.objects.get(centre__site=jaslo),
        "pulawy": AuditEntry.objects.get(centre__site=pulawy),
        "login": AuditEntry.objects.get(kind=AuditKind.LOGIN),
    }


def test_a_supervisor_reads_own_centres_log(people, log):
    rows = listed(as_user(people["supervisor"]).get("/admin/audit/"))
    assert len(rows) == 2
    assert any("Nadano rolę" in row and "anna@example.org" in row for row in rows)
    assert any("Logowanie" in row and "redaktor@jaslo.example.org" in row for row in rows)
    assert not any("MOPS Puławy" in row for row in rows)


def test_the_log_filters_by_event_and_date(people, log):
    supervisor = as_user(people["supervisor"])
    assert len(listed(supervisor.get("/admin/audit/", {"kind": "login"}))) == 1
    # The filter reads days in Polish time; the UTC date differs from it around midnight.
    today = timezone.localdate(log["login"].at).isoformat()
    assert len(listed(supervisor.get("/admin/audit/", {"at_from": today, "at_to": today}))) == 2
    assert listed(supervisor.get("/admin/audit/", {"at_to": "2020-01-01"})) == []


def test_a_supervisor_opens_an_entry_of_own_centre_only(people, log):
    supervisor = as_user(people["supervisor"])
    details = supervisor.get(f"/admin/audit/inspect/{log['jaslo'].pk}/")
    assert details.status_code == 200 and "Koordynator / pracownik socjalny" in details.content.decode()
    assert supervisor.get(f"/admin/audit/inspect/{log['pulawy'].pk}/").status_code == 404


def test_superusers_read_every_entry(people, log):
    assert len(listed(as_user(people["superuser"]).get("/admin/audit/"))) == 3


def test_nobody_adds_changes_or_deletes_entries(people, log):
    pk = log["jaslo"].pk
    for user in (people["supervisor"], people["superuser"]):
        client = as_user(user)
        page = client.get("/admin/audit/").content.decode()
        assert "/admin/audit/new/" not in page and f"/admin/audit/edit/{pk}/" not in page
        assert f"/admin/audit/delete/{pk}/" not in client.get(f"/admin/audit/inspect/{pk}/").content.decode()
        for url in ["/admin/audit/new/", f"/admin/audit/edit/{pk}/", f"/admin/audit/delete/{pk}/"]:
            assert client.get(url).status_code == 404, url
            assert client.post(url, {"kind": "login"}).status_code == 404, url
    assert AuditEntry.objects.filter(pk=pk, kind=AuditKind.ROLE_GRANTED).exists()


def test_entries_cannot_be_changed_in_code_either(log):
    entry = log["jaslo"]
    entry.kind = AuditKind.LOGIN
    with pytest.raises(ValueError, match="never changed"):
        entry.save()


def test_staff_without_the_supervisor_role_cannot_read_the_log(people, log):
    editor = as_user(people["editor"])
    assert editor.get("/admin/audit/")["Location"] == "/admin/"
    assert "/admin/audit/" not in editor.get("/admin/").content.decode()
    assert "/admin/audit/" in as_user(people["supervisor"]).get("/admin/").content.decode()


# --- staff decisions on volunteering ---------------------------------------------------------


@pytest.fixture
def decisions(people, jaslo):
    """An application of Anna Kowalska to a long task of MOPS Jasło and its coordinator."""
    from tests.volunteers import days_from_today, make_task, make_task_index
    from tests.volunteers.test_profile import make_volunteer
    from volunteers.models import Application

    coordinator = make_staff("koordynator@jaslo.example.org", jaslo, Role.COORDINATOR)
    task = make_task(
        make_task_index(jaslo), "Świetlica", kind="recurring", start_date=days_from_today(-5),
        end_date=days_from_today(60), weekdays=[1, 3],
    )  # fmt: skip
    resident = people["resident"]
    resident.first_name, resident.last_name = "Anna", "Kowalska"
    resident.save()
    application = Application.objects.create(
        task=task, volunteer=make_volunteer(resident), centre=Centre.for_site(jaslo)
    )
    AuditEntry.objects.all().delete()
    return {"coordinator": coordinator, "task": task, "application": application, "centre": Centre.for_site(jaslo)}


def test_accepting_and_declining_in_the_admin_are_logged(people, decisions):
    coordinator = as_user(decisions["coordinator"], REMOTE_ADDR="203.0.113.20")
    accepted = decisions["application"]
    coordinator.post("/admin/zgloszenia/przyjmij/", {"application": accepted.pk})
    coordinator.post(
        "/admin/zgloszenia/odrzuc/",
        {"application": accepted.pk, "step": "confirm", "reason": "Grupa jest już pełna."},
    )

    [accept] = entries(AuditKind.APPLICATION_ACCEPTED)
    [decline] = entries(AuditKind.APPLICATION_DECLINED)
    assert (accept.actor, accept.subject_user, accept.centre, accept.ip) == (
        decisions["coordinator"], people["resident"], decisions["centre"], "203.0.113.20",
    )  # fmt: skip
    assert accept.description == "Świetlica"
    assert decline.description == "Świetlica – powód: Grupa jest już pełna."


def test_a_recorded_check_and_a_signed_agreement_are_logged(people, decisions):
    from tests.volunteers import days_from_today
    from volunteers import services
    from volunteers.models import ApplicationStatus, ClearanceKind

    coordinator = as_user(decisions["coordinator"])
    profile = decisions["application"].volunteer
    coordinator.post(
        f"/admin/wolontariusze/{profile.pk}/weryfikacja/",
        {"kind": ClearanceKind.CRIMINAL_RECORD, "checked_on": days_from_today(-1).isoformat(), "result": "clear"},
    )
    decisions["application"].status = ApplicationStatus.ACCEPTED
    decisions["application"].save()
    agreement = services.documents.prepare_agreement(profile, decisions["task"], decisions["coordinator"])
    coordinator.post(
        f"/admin/wolontariusze/{profile.pk}/porozumienie/{decisions['task'].pk}/podpisane/",
        {"signed_on": days_from_today(0).isoformat()},
    )

    [check] = entries(AuditKind.CLEARANCE_RECORDED)
    assert (check.actor, check.subject_user, check.centre) == (
        decisions["coordinator"],
        people["resident"],
        decisions["centre"],
    )
    assert check.description.startswith("Informacja z Krajowego Rejestru Karnego: brak wpisu")
    [signed] = entries(AuditKind.AGREEMENT_SIGNED)
    assert signed.subject_user == people["resident"] and signed.details["agreement"] == agreement.pk
    assert signed.description.startswith("Świetlica (podpisano ")


def test_an_import_of_volunteers_is_logged_with_who_and_how_many(people, decisions):
    from tests.volunteers.test_transfer_import import CONFIRM, INDEX, csv_file

    coordinator = as_user(decisions["coordinator"], REMOTE_ADDR="203.0.113.21")
    rows = [["Jan", "Nowak", "jan.nowak@example.org", "600 100 200", "2001-12-31", "", "", "", "", "nie", "tak"]]
    checked = coordinator.post(
        INDEX, {"file": SimpleUploadedFile("lista.csv", csv_file(rows)), "centre": decisions["centre"].pk}
    )
    token = BeautifulSoup(checked.content.decode(), "html.parser").find("input", attrs={"name": "token"})["value"]
    coordinator.post(CONFIRM, {"token": token})

    [entry] = entries(AuditKind.VOLUNTEERS_IMPORTED)
    assert (entry.actor, entry.centre, entry.ip) == (decisions["coordinator"], decisions["centre"], "203.0.113.21")
    assert entry.details["count"] == 1 and entry.description == "1 wolontariusz"


def test_the_supervisors_audit_screen_lists_staff_decisions(people, decisions):
    from volunteers import services

    services.applications.accept(decisions["application"], decisions["coordinator"])

    rows = listed(as_user(people["supervisor"]).get("/admin/audit/", {"kind": "application_accepted"}))

    assert len(rows) == 1
    assert "Zgłoszenie przyjęte" in rows[0] and "Świetlica" in rows[0] and "Anna Kowalska" in rows[0]
