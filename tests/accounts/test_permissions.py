"""Who sees what: `centres_for`, `visible_to`, and the centre team screen a supervisor manages."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from accounts.models import AuditEntry, AuditKind, CentreRole, Role
from accounts.permissions import centres_for, roles_in
from accounts.roles import grant_role
from core.models import Centre
from tests.accounts.helpers import admin_client, make_person, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(jaslo, pulawy):
    return {
        "jaslo_supervisor": make_staff("kierownik@jaslo.example.org", jaslo, Role.SUPERVISOR),
        "jaslo_editor": make_staff("redaktor@jaslo.example.org", jaslo, Role.EDITOR, Role.MODERATOR),
        "pulawy_supervisor": make_staff("kierownik@pulawy.example.org", pulawy, Role.SUPERVISOR),
        "pulawy_coordinator": make_staff("koordynator@pulawy.example.org", pulawy, Role.COORDINATOR),
        "resident": make_person("anna@example.org", mfa=False),
        "superuser": make_person("admin@example.org", is_superuser=True, is_staff=True),
    }


def as_user(user):
    return admin_client(Client(), user)


def names(centres):
    return sorted(str(centre) for centre in centres)


def test_centres_for_gives_the_centres_where_the_user_holds_a_role(people):
    assert names(centres_for(people["jaslo_editor"])) == ["MOPS Jasło"]
    assert names(centres_for(people["jaslo_editor"], Role.MODERATOR)) == ["MOPS Jasło"]
    assert names(centres_for(people["jaslo_editor"], Role.SUPERVISOR)) == []
    assert names(centres_for(people["superuser"], Role.SUPERVISOR)) == ["MOPS Jasło", "MOPS Puławy"]
    assert names(centres_for(people["resident"])) == []
    assert names(centres_for(AnonymousUser())) == []


def test_an_inactive_account_sees_nothing(people):
    editor = people["jaslo_editor"]
    editor.is_active = False
    editor.save()
    assert names(centres_for(editor)) == []


def test_roles_in_lists_the_roles_held_in_one_centre(people, jaslo, pulawy):
    assert roles_in(people["jaslo_editor"], Centre.for_site(jaslo)) == {Role.EDITOR, Role.MODERATOR}
    assert roles_in(people["jaslo_editor"], Centre.for_site(pulawy)) == set()


def test_visible_to_scopes_centre_roles_to_the_supervisors_centre(people, jaslo):
    visible = CentreRole.objects.visible_to(people["jaslo_supervisor"])
    assert {role.centre.site_id for role in visible} == {jaslo.pk}
    assert not CentreRole.objects.visible_to(people["jaslo_editor"]).exists()
    assert CentreRole.objects.visible_to(people["superuser"]).count() == 2 * len(Role)
    # Another role can be asked for explicitly.
    assert CentreRole.objects.visible_to(people["jaslo_editor"], roles=[Role.EDITOR]).count() == len(Role)


def test_visible_to_scopes_the_audit_log(people, jaslo, pulawy):
    AuditEntry.objects.all().delete()
    jaslo_centre, pulawy_centre = Centre.for_site(jaslo), Centre.for_site(pulawy)
    in_jaslo = AuditEntry.objects.create(kind=AuditKind.ROLE_GRANTED, centre=jaslo_centre)
    in_pulawy = AuditEntry.objects.create(kind=AuditKind.ROLE_GRANTED, centre=pulawy_centre)
    jaslo_login = AuditEntry.objects.create(kind=AuditKind.LOGIN, subject_user=people["jaslo_editor"])
    pulawy_login = AuditEntry.objects.create(kind=AuditKind.LOGIN, subject_user=people["pulawy_coordinator"])
    admin_login = AuditEntry.objects.create(kind=AuditKind.LOGIN, subject_user=people["superuser"])

    assert set(AuditEntry.objects.visible_to(people["jaslo_supervisor"])) == {in_jaslo, jaslo_login}
    assert set(AuditEntry.objects.visible_to(people["pulawy_supervisor"])) == {in_pulawy, pulawy_login}
    assert not AuditEntry.objects.visible_to(people["jaslo_editor"]).exists()
    assert set(AuditEntry.objects.visible_to(people["superuser"])) == {
        in_jaslo,
        in_pulawy,
        jaslo_login,
        pulawy_login,
        admin_login,
    }


def test_a_person_in_two_centres_is_seen_by_both_supervisors_for_sign_ins_only(people, jaslo, pulawy):
    AuditEntry.objects.all().delete()
    both = people["jaslo_editor"]
    grant_role(both, pulawy, Role.EDITOR)
    login = AuditEntry.objects.create(kind=AuditKind.LOGIN, subject_user=both)
    granted_in_jaslo = AuditEntry.objects.create(
        kind=AuditKind.ROLE_GRANTED, subject_user=both, centre=Centre.for_site(jaslo)
    )
    assert login in AuditEntry.objects.visible_to(people["pulawy_supervisor"])
    assert granted_in_jaslo not in AuditEntry.objects.visible_to(people["pulawy_supervisor"])


# --- the "Centre team" screen ---------------------------------------------------------


def team_table(response, centre_name):
    html = BeautifulSoup(response.content.decode(), "html.parser")
    for section in html.select("section"):
        if section.h2 and section.h2.get_text(strip=True) == centre_name:
            return {
                row.select("td")[1].get_text(strip=True): [
                    li.contents[0].strip() for li in row.select("td")[2].select("li")
                ]
                for row in section.select("tbody tr")
            }
    return None


def test_a_supervisor_sees_own_centres_team_only(people):
    response = as_user(people["jaslo_supervisor"]).get("/admin/team/")
    assert response.status_code == 200
    assert team_table(response, "MOPS Jasło") == {
        "kierownik@jaslo.example.org": ["Kierownik"],
        "redaktor@jaslo.example.org": ["Redaktor", "Moderator"],
    }
    assert team_table(response, "MOPS Puławy") is None
    assert "pulawy.example.org" not in response.content.decode()


def test_a_superuser_sees_every_centres_team(people):
    response = as_user(people["superuser"]).get("/admin/team/")
    assert team_table(response, "MOPS Jasło") is not None
    assert team_table(response, "MOPS Puławy") == {
        "kierownik@pulawy.example.org": ["Kierownik"],
        "koordynator@pulawy.example.org": ["Koordynator / pracownik socjalny"],
    }


def test_only_supervisors_find_the_team_screen(people):
    editor = as_user(people["jaslo_editor"])
    assert editor.get("/admin/team/")["Location"] == "/admin/"
    assert "/admin/team/" not in editor.get("/admin/").content.decode()
    assert "/admin/team/" in as_user(people["jaslo_supervisor"]).get("/admin/").content.decode()
    assert Client().get("/admin/team/")["Location"].startswith("/konto/login/")


def test_a_supervisor_grants_a_role_to_an_existing_account(people, jaslo):
    supervisor = as_user(people["jaslo_supervisor"])
    centre = Centre.for_site(jaslo)
    response = supervisor.post(
        "/admin/team/", {"email": " Anna@Example.org ", "centre": centre.pk, "role": Role.COORDINATOR}, follow=True
    )
    assert "ma teraz rolę „Koordynator / pracownik socjalny”" in response.content.decode()
    assert roles_in(people["resident"], centre) == {Role.COORDINATOR}


def test_granting_explains_unknown_addresses_and_roles_already_held(people, jaslo):
    supervisor = as_user(people["jaslo_supervisor"])
    centre = Centre.for_site(jaslo)
    response = supervisor.post("/admin/team/", {"email": "nikt@example.org", "centre": centre.pk, "role": "editor"})
    assert response.status_code == 200
    assert "Żadne aktywne konto nie używa tego adresu" in response.content.decode()
    response = supervisor.post(
        "/admin/team/", {"email": "redaktor@jaslo.example.org", "centre": centre.pk, "role": "editor"}
    )
    assert "Ta osoba ma już tę rolę w tym ośrodku." in response.content.decode()


def test_a_supervisor_cannot_grant_a_role_in_another_centre(people, pulawy):
    supervisor = as_user(people["jaslo_supervisor"])
    response = supervisor.post(
        "/admin/team/", {"email": "anna@example.org", "centre": Centre.for_site(pulawy).pk, "role": "supervisor"}
    )
    assert response.status_code == 200
    assert not people["resident"].groups.exists()


def test_a_supervisor_removes_a_role_after_confirming(people, jaslo):
    supervisor = as_user(people["jaslo_supervisor"])
    editor = people["jaslo_editor"]
    centre_role = CentreRole.objects.get(centre__site=jaslo, role=Role.MODERATOR)
    url = f"/admin/team/{centre_role.pk}/remove/{editor.pk}/"
    assert "Odebrać osobie" in supervisor.get(url).content.decode()
    assert roles_in(editor, centre_role.centre) == {Role.EDITOR, Role.MODERATOR}
    supervisor.post(url)
    assert roles_in(editor, centre_role.centre) == {Role.EDITOR}


def test_a_supervisor_cannot_touch_another_centres_team(people, pulawy):
    supervisor = as_user(people["jaslo_supervisor"])
    coordinator = people["pulawy_coordinator"]
    centre_role = CentreRole.objects.get(centre__site=pulawy, role=Role.COORDINATOR)
    url = f"/admin/team/{centre_role.pk}/remove/{coordinator.pk}/"
    assert supervisor.get(url).status_code == 404
    assert supervisor.post(url).status_code == 404
    assert roles_in(coordinator, centre_role.centre) == {Role.COORDINATOR}


def test_removing_a_role_the_person_does_not_hold_is_not_found(people, jaslo):
    centre_role = CentreRole.objects.get(centre__site=jaslo, role=Role.GRANTS_OFFICER)
    url = f"/admin/team/{centre_role.pk}/remove/{people['resident'].pk}/"
    assert as_user(people["jaslo_supervisor"]).post(url).status_code == 404


def test_a_supervisor_cannot_remove_their_own_supervisor_role(people, jaslo):
    me = people["jaslo_supervisor"]
    centre_role = CentreRole.objects.get(centre__site=jaslo, role=Role.SUPERVISOR)
    response = as_user(me).post(f"/admin/team/{centre_role.pk}/remove/{me.pk}/", follow=True)
    assert "Nie możesz odebrać sobie roli kierownika" in response.content.decode()
    assert roles_in(me, centre_role.centre) == {Role.SUPERVISOR}
