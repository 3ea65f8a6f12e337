"""Two coordinators accept at the same moment: the task's row lock keeps places from being exceeded."""

import threading

import pytest
from django.db import connection

from accounts.models import Role
from accounts.roles import grant_role
from tests.volunteers import make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers import services
from volunteers.models import Application, ApplicationStatus

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_simultaneous_accepts_never_exceed_the_places(jaslo):
    task = make_task(make_task_index(jaslo), "Jedno miejsce", places=1)
    coordinators = [make_resident(f"koordynator{i}@example.org") for i in range(2)]
    for coordinator in coordinators:
        grant_role(coordinator, jaslo, Role.COORDINATOR)
    applications = [services.applications.apply(make_volunteer(), task) for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes = []

    def accept(application, coordinator):
        try:
            barrier.wait()
            services.applications.accept(application, coordinator)
            outcomes.append("accepted")
        except services.applications.ApplicationRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=pair) for pair in zip(applications, coordinators, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["accepted", "refused"]
    assert Application.objects.filter(task=task, status=ApplicationStatus.ACCEPTED).count() == 1
