"""The volunteering part of `manage.py load_demo`: vocabulary, districts and tasks of both centres."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Site

from volunteers.models import District, Skill, TaskIndexPage, TaskPage

pytestmark = pytest.mark.django_db


def load_demo():
    out = io.StringIO()
    call_command("load_demo", "--no-demo-users", stdout=out)
    return out.getvalue()


def tasks_of(hostname):
    site = Site.objects.get(hostname=hostname, port=8000)
    return TaskPage.objects.live().descendant_of(site.root_page)


def counts():
    return {
        "skills": Skill.objects.count(),
        "districts": District.objects.count(),
        "indexes": TaskIndexPage.objects.count(),
        "tasks": TaskPage.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """One demo load for the module, rolled back after it; each test runs in its own savepoint."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield load_demo()
            transaction.set_rollback(True)
        Site.clear_site_root_paths_cache()


def test_demo_has_the_skills_vocabulary_and_districts_of_both_towns(demo):
    assert Skill.objects.count() >= 15
    assert {"Gamrat", "Hankówka", "Śródmieście"} <= set(
        District.objects.filter(centre__site__hostname="localhost").values_list("name", flat=True)
    )
    assert {"Włostowice", "Osiedle Niebrzegów"} <= set(
        District.objects.filter(centre__site__hostname="pulawy.localhost").values_list("name", flat=True)
    )


def test_each_centre_has_a_task_index_in_the_menu(demo):
    for hostname in ["localhost", "pulawy.localhost"]:
        site = Site.objects.get(hostname=hostname, port=8000)
        index = TaskIndexPage.objects.child_of(site.root_page).get()
        assert index.slug == "zadania"
        assert index.show_in_menus and index.live


def test_jaslo_has_eight_open_tasks_and_pulawy_three_in_varied_forms(demo):
    jaslo, pulawy = tasks_of("localhost"), tasks_of("pulawy.localhost")

    assert TaskPage.open_for_applications().descendant_of(jaslo.first().get_site().root_page).count() >= 8
    assert TaskPage.open_for_applications().descendant_of(pulawy.first().get_site().root_page).count() >= 3
    assert {"Zbiórka „Pomóż dzieciom przetrwać zimę”", "Pomoc w świetlicy wsparcia dziennego"} <= {
        task.title for task in jaslo
    }
    assert "Aktywatorium – popołudnia z dziećmi" in {task.title for task in pulawy}
    assert {task.kind for task in jaslo} == {"one_off", "recurring"}
    assert len({task.category for task in jaslo}) >= 5
    assert any(task.requires_clearance for task in jaslo)
    assert any(task.min_age == 18 for task in jaslo)
    assert any(task.suitable_for_minors for task in jaslo)
    assert any(task.is_past for task in jaslo)
    assert any(task.status == "closed" for task in jaslo)
    # Each centre's tasks use its own districts.
    assert all(task.district.centre.site.hostname == "pulawy.localhost" for task in pulawy)
    assert all(task.skills.exists() for task in jaslo)


def test_loading_again_creates_nothing_and_brings_back_a_deleted_task(demo):
    before = counts()

    assert "Nothing to do" in load_demo()
    assert counts() == before

    tasks_of("localhost").get(slug="inwentaryzacja-magazynu-darow").delete()
    assert "1 page" in load_demo()
    assert counts() == before
