"""The access log of beneficiaries' records: every opening and change by staff is written,
the centre's supervisor reads, filters and exports it, and nobody can change or delete it —
not in the admin, not through the ORM. Coordinators and the other centre see none of it."""

import csv
import datetime
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from accounts.models import Role
from tests.accounts.helpers import make_staff
from tests.volunteers.matching_helpers import make_beneficiary, make_need
from volunteers.models import AccessAction, BeneficiaryAccess, ImmutableRecord
from volunteers.services import access_log

pytestmark = pytest.mark.django_db

LOG = "/admin/rejestr-dostepu/"
RECORDS = "/admin/podopieczni/"


@pytest.fixture
def family(jaslo):
    return make_beneficiary(jaslo, "Nowakowie")


@pytest.fixture
def coordinator(jaslo):
    return make_staff("anna.koordynatorka@example.org", jaslo, Role.COORDINATOR)


@pytest.fixture
def supervisor(jaslo):
    return make_staff("kierowniczka@example.org", jaslo, Role.SUPERVISOR)


def signed_in(client, user):
    client.force_login(user)
    return client


def rows(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in soup.select("table tbody tr")]


# --- Writing --------------------------------------------------------------------------------


def test_opening_a_record_writes_who_when_and_what(client, coordinator, family):
    coordinator.first_name, coordinator.last_name = "Anna", "Kowalska"
    coordinator.save()
    before = timezone.now()

    signed_in(client, coordinator).get(f"{RECORDS}{family.pk}/")

    entry = BeneficiaryAccess.objects.get()
    assert entry.action == AccessAction.VIEWED
    assert entry.user == coordinator and entry.user_label == "Anna Kowalska <anna.koordynatorka@example.org>"
    assert entry.beneficiary_id == family.pk and entry.beneficiary_label == "Nowakowie"
    assert entry.centre_id == family.centre_id and entry.at >= before


def test_opening_the_edit_form_and_a_need_is_logged_and_saving_is_a_change(client, coordinator, family):
    need = make_need(family)
    admin = signed_in(client, coordinator)

    admin.get(f"{RECORDS}{family.pk}/edycja/")
    admin.get(f"{RECORDS}{family.pk}/potrzeby/{need.pk}/")
    admin.post(
        f"{RECORDS}{family.pk}/edycja/",
        {
            "kind": family.kind,
            "name": family.name,
            "first_name": "Barbara",
            "phone": family.phone,
            "address": family.address,
            "district": family.district_id,
        },
    )

    actions = list(BeneficiaryAccess.objects.order_by("pk").values_list("action", flat=True))
    assert actions == [AccessAction.VIEWED, AccessAction.VIEWED, AccessAction.CHANGED]
    assert "imię dla wolontariusza" in BeneficiaryAccess.objects.get(action=AccessAction.CHANGED).detail.lower()


def test_registering_and_deleting_are_logged_and_the_entry_outlives_the_record(client, jaslo, coordinator):
    from tests.volunteers.test_beneficiaries_admin import beneficiary_data

    admin = signed_in(client, coordinator)
    admin.post(f"{RECORDS}dodaj/", beneficiary_data(jaslo))
    created = BeneficiaryAccess.objects.get()
    admin.post(f"{RECORDS}{created.beneficiary_id}/usun/")

    assert [e.action for e in BeneficiaryAccess.objects.order_by("pk")] == [
        AccessAction.CREATED,
        AccessAction.DELETED,
    ]
    assert BeneficiaryAccess.objects.filter(beneficiary_label="Zofia Wiśniewska").count() == 2


def test_the_listing_itself_writes_nothing(client, coordinator, family):
    signed_in(client, coordinator).get(RECORDS)

    assert not BeneficiaryAccess.objects.exists()


# --- Nobody changes it ----------------------------------------------------------------------


def test_the_log_cannot_be_changed_or_deleted_through_the_orm(coordinator, family):
    entry = access_log.record(coordinator, family, AccessAction.VIEWED)

    entry.action = AccessAction.EXPORTED
    with pytest.raises(ImmutableRecord):
        entry.save()
    with pytest.raises(ImmutableRecord):
        entry.delete()
    with pytest.raises(ImmutableRecord):
        BeneficiaryAccess.objects.update(user_label="ktoś inny")
    with pytest.raises(ImmutableRecord):
        BeneficiaryAccess.objects.all().delete()
    assert BeneficiaryAccess.objects.get().action == AccessAction.VIEWED


@pytest.mark.parametrize("name", ["add", "edit", "delete", "copy", "inspect", "history"])
def test_the_admin_has_no_screen_to_change_the_log(name):
    with pytest.raises(NoReverseMatch):
        reverse(f"access_log:{name}", args=[1]) if name != "add" else reverse("access_log:add")


@pytest.mark.parametrize("suffix", ["dodaj/", "1/", "1/edytuj/", "1/usun/", "edit/1/", "delete/1/"])
def test_posts_to_the_log_are_refused_and_change_nothing(client, supervisor, family, suffix):
    entry = access_log.record(supervisor, family, AccessAction.VIEWED)

    response = signed_in(client, supervisor).post(f"{LOG}{suffix}", {"action": "deleted", "user_label": "X"})

    assert response.status_code in (404, 405)
    assert list(BeneficiaryAccess.objects.values_list("pk", "action", "user_label")) == [
        (entry.pk, AccessAction.VIEWED, entry.user_label)
    ]


def test_the_listing_offers_no_edit_or_delete_links(client, supervisor, family):
    access_log.record(supervisor, family, AccessAction.VIEWED)

    soup = BeautifulSoup(signed_in(client, supervisor).get(LOG).content.decode(), "html.parser")

    links = [a["href"] for a in soup.select("main a[href]")]
    assert not [href for href in links if "usun" in href or "delete" in href or "edit" in href]


# --- Reading: the supervisor only -----------------------------------------------------------


def test_supervisor_reads_the_centres_log(client, supervisor, coordinator, family):
    access_log.record(coordinator, family, AccessAction.VIEWED)

    table = rows(signed_in(client, supervisor).get(LOG))

    assert len(table) == 1
    assert "anna.koordynatorka@example.org" in table[0][1] and "otwarcie" in table[0][2] and table[0][3] == "Nowakowie"


def test_coordinators_cannot_read_the_log(client, coordinator, family):
    access_log.record(coordinator, family, AccessAction.VIEWED)
    admin = signed_in(client, coordinator)

    for url in (LOG, f"{LOG}wyniki/", f"{LOG}eksport/csv/"):
        response = admin.get(url)
        # Wagtail turns a refused permission into a redirect to the dashboard.
        assert response.status_code in (302, 403) and "Nowakowie" not in response.content.decode()


def test_another_centres_supervisor_sees_none_of_it(client, pulawy, coordinator, family):
    access_log.record(coordinator, family, AccessAction.VIEWED)
    other = signed_in(client, make_staff("kierownik.pulawy@example.org", pulawy, Role.SUPERVISOR))

    response = other.get(LOG)
    assert response.status_code == 200 and rows(response) == []
    assert "Nowakowie" not in response.content.decode()
    assert "Nowakowie" not in other.get(f"{LOG}eksport/csv/").content.decode("utf-8-sig")


def test_supervisor_filters_by_who_beneficiary_action_and_date(client, jaslo, supervisor, coordinator, family):
    seniors = make_beneficiary(jaslo, "Jan Zieliński")
    colleague = make_staff("drugi.koordynator@example.org", jaslo, Role.COORDINATOR)
    access_log.record(coordinator, family, AccessAction.VIEWED)
    access_log.record(colleague, seniors, AccessAction.CHANGED)
    access_log.record(colleague, family, AccessAction.EXPORTED)
    admin = signed_in(client, supervisor)

    def labels(**query):
        return sorted((row[1], row[2], row[3]) for row in rows(admin.get(LOG, query)))

    assert [who for who, _what, _whom in labels(user=colleague.pk)] == [colleague.email, colleague.email]
    assert [whom for _who, _what, whom in labels(beneficiary=seniors.pk)] == ["Jan Zieliński"]
    assert [what for _who, what, _whom in labels(action=AccessAction.EXPORTED)] == ["eksport"]
    today = timezone.localdate()
    assert len(labels(at_from=today.isoformat(), at_to=today.isoformat())) == 3
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    assert labels(at_from=tomorrow) == []


def test_supervisor_exports_the_filtered_log_as_csv_and_xlsx(client, supervisor, coordinator, family):
    access_log.record(coordinator, family, AccessAction.VIEWED)
    access_log.record(coordinator, family, AccessAction.CHANGED, "telefon")
    admin = signed_in(client, supervisor)

    response = admin.get(f"{LOG}eksport/csv/", {"action": AccessAction.CHANGED})
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert response["Content-Disposition"].startswith("attachment;")
    assert table[0] == ["kiedy", "kto", "co", "podopieczny", "szczegóły", "ośrodek"]
    assert len(table) == 2 and table[1][2] == "zmiana" and table[1][3] == "Nowakowie" and table[1][4] == "telefon"

    workbook = openpyxl.load_workbook(io.BytesIO(admin.get(f"{LOG}eksport/xlsx/").content))
    values = list(workbook.active.values)
    assert len(values) == 3 and isinstance(values[1][0], datetime.datetime)


def test_exporting_beneficiaries_writes_an_exported_entry(client, coordinator, family):
    response = signed_in(client, coordinator).get(f"{RECORDS}wymiana/eksport/{family.centre_id}/csv/")

    assert response.status_code == 200
    entry = BeneficiaryAccess.objects.get()
    assert (entry.action, entry.beneficiary_id, entry.user) == (AccessAction.EXPORTED, family.pk, coordinator)
