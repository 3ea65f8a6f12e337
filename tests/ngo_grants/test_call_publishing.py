"""Art. 13: a call goes live only when its deadline is at least 21 calendar days (Polish
time) after the announcement — through the editor's Publish button, a scheduled publication,
the moderators' approval, or any code that publishes a revision.

The moments sit on the edges: a minute before and after midnight, and the nights the clocks
change in Europe/Warsaw (28 March and 31 October 2027).
"""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from ngo_grants.deadlines import WARSAW, deadline_problem
from ngo_grants.models import CallPage
from ngo_grants.models.calls import PUBLICATION_REFUSED
from tests.accounts.helpers import make_person
from tests.ngo_grants import make_call_index

pytestmark = pytest.mark.django_db


def warsaw(*args, fold=0):
    return datetime.datetime(*args, tzinfo=WARSAW, fold=fold)


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment.astimezone(datetime.UTC))


@pytest.mark.parametrize(
    ("published", "closes", "allowed"),
    [
        # Spring: the night of 27/28 March 2027 has 23 hours.
        (warsaw(2027, 3, 7, 23, 59), warsaw(2027, 3, 28, 0, 0), True),
        (warsaw(2027, 3, 8, 0, 0), warsaw(2027, 3, 28, 0, 0), False),
        (warsaw(2027, 3, 7, 23, 59), warsaw(2027, 3, 27, 23, 59), False),
        (warsaw(2027, 3, 7, 0, 0), warsaw(2027, 3, 28, 3, 0), True),
        # Autumn: the night of 30/31 October 2027 has 25 hours; 2:30 happens twice.
        (warsaw(2027, 10, 10, 23, 59), warsaw(2027, 10, 31, 2, 30), True),
        (warsaw(2027, 10, 10, 23, 59), warsaw(2027, 10, 31, 2, 30, fold=1), True),
        (warsaw(2027, 10, 11, 0, 0), warsaw(2027, 10, 31, 23, 59), False),
        (warsaw(2027, 10, 10, 0, 0), warsaw(2027, 10, 30, 23, 59), False),
        # Across the turn of the year.
        (warsaw(2026, 12, 11, 8, 0), warsaw(2027, 1, 1, 0, 0), True),
        (warsaw(2026, 12, 11, 8, 0), warsaw(2026, 12, 31, 23, 59), False),
    ],
)
def test_deadline_is_counted_in_polish_calendar_days(published, closes, allowed):
    assert (deadline_problem(published, closes) is None) == allowed


def test_moments_in_utc_are_read_as_polish_days_whatever_zone_is_active():
    # 22:59 UTC on 7 March is 23:59 in Warsaw (winter time), 23:00 UTC is already 8 March.
    closes = datetime.datetime(2027, 3, 27, 23, 0, tzinfo=datetime.UTC)  # 28 March, 00:00 in Warsaw
    with timezone.override("UTC"):
        assert deadline_problem(datetime.datetime(2027, 3, 7, 22, 59, tzinfo=datetime.UTC), closes) is None
        assert deadline_problem(datetime.datetime(2027, 3, 7, 23, 0, tzinfo=datetime.UTC), closes) is not None


def test_refusal_says_which_day_is_the_earliest_deadline_in_polish():
    with translation.override("pl"):
        message = deadline_problem(warsaw(2027, 3, 8, 0, 0), warsaw(2027, 3, 28, 0, 0))
    assert message == (
        "Termin składania ofert musi przypadać co najmniej 21 dni po ogłoszeniu: "
        "dla konkursu ogłoszonego 08.03.2027 – 29.03.2027 lub później."
    )


# --- The editor ----------------------------------------------------------------------------


@pytest.fixture
def index(jaslo):
    return make_call_index(jaslo)


@pytest.fixture
def superuser(jaslo):
    return make_person("admin@jaslo.example.org", is_superuser=True, is_staff=True)


def call_form(title="Konkurs 2027", slug="konkurs-2027", **fields):
    """What the editor's create/edit form posts for a call with one task and one criterion."""
    data = {
        "title": title,
        "slug": slug,
        "year": "2027",
        "results_on": "2027-05-31",
        "legal_basis": "art. 11 i 13 ustawy o działalności pożytku publicznego i o wolontariacie",
        "intro": rich_text("<p>Zapraszamy organizacje.</p>"),
        "opens_at": "2027-03-08 08:00",
        "closes_at": "2027-03-29 15:30",
        "conditions": rich_text(""),
        "evaluation_rules": rich_text(""),
        "go_live_at": "",
        "expire_at": "",
        "tasks": inline_formset(
            [
                {
                    "title": "Wsparcie seniorów",
                    "description": "Usługi opiekuńcze.",
                    "funds": "50000.00",
                    "form": "support",
                    "min_own_contribution": "10",
                    "starts_on": "2027-04-01",
                    "ends_on": "2027-12-31",
                    "last_year_spending": "",
                }
            ]
        ),
        "criteria": inline_formset([{"name": "Jakość", "description": "", "max_points": "10"}]),
        "required_attachments": inline_formset([]),
        "documents": inline_formset([]),
        "formal_checks": inline_formset([{"question": "Podpisana przez osoby upoważnione", "description": ""}]),
        "correction_days": "7",
        "assignment": "all",
        "reviewers_per_offer": "2",
        "aggregation": "mean",
        "justify_below": "50",
        "disagreement": "20",
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def publish_new_call(user, index, moment, **fields):
    with at(moment):
        client = Client()
        client.force_login(user)
        return client.post(
            f"/admin/pages/add/ngo_grants/callpage/{index.pk}/", {**call_form(**fields), "action-publish": "1"}
        )


def closes_at_errors(response):
    form = response.context["form"]
    return [str(error) for error in form.errors.get("closes_at", [])]


def test_editor_publishes_a_minute_before_midnight_with_the_deadline_on_the_night_the_clocks_change(index, superuser):
    response = publish_new_call(superuser, index, warsaw(2027, 3, 7, 23, 59), closes_at="2027-03-28 00:00")
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    call = CallPage.objects.get(slug="konkurs-2027")
    assert call.live
    assert timezone.localtime(call.closes_at, WARSAW) == warsaw(2027, 3, 28, 0, 0)


def test_editor_publishing_a_minute_after_midnight_is_refused_at_the_deadline_field(index, superuser):
    response = publish_new_call(superuser, index, warsaw(2027, 3, 8, 0, 0), closes_at="2027-03-28 00:00")
    assert response.status_code == 200
    assert closes_at_errors(response) == [
        "Termin składania ofert musi przypadać co najmniej 21 dni po ogłoszeniu: "
        "dla konkursu ogłoszonego 08.03.2027 – 29.03.2027 lub później."
    ]
    assert not CallPage.objects.exists()


def test_editor_publishing_in_late_october_counts_the_long_night_as_one_day(index, superuser):
    fields = {"opens_at": "2027-10-11 08:00", "results_on": "2027-12-15"}
    refused = publish_new_call(superuser, index, warsaw(2027, 10, 11, 0, 1), closes_at="2027-10-31 23:59", **fields)
    assert closes_at_errors(refused)
    accepted = publish_new_call(superuser, index, warsaw(2027, 10, 10, 23, 59), closes_at="2027-10-31 00:30", **fields)
    assert accepted.status_code == 302
    assert CallPage.objects.get().live


def test_a_scheduled_publication_is_counted_from_its_go_live_moment(index, superuser):
    early = {"closes_at": "2027-03-30 12:00", "go_live_at": "2027-03-10 09:00"}
    refused = publish_new_call(superuser, index, warsaw(2027, 3, 1, 10, 0), **early)
    assert closes_at_errors(refused) and not CallPage.objects.exists()

    scheduled = publish_new_call(
        superuser, index, warsaw(2027, 3, 1, 10, 0), closes_at="2027-03-31 08:00", go_live_at="2027-03-10 09:00"
    )
    assert scheduled.status_code == 302
    call = CallPage.objects.get()
    assert not call.live and call.get_latest_revision().approved_go_live_at is not None


def test_the_editor_checks_the_order_of_the_dates(index, superuser):
    response = publish_new_call(
        superuser,
        index,
        warsaw(2027, 3, 1, 10, 0),
        opens_at="2027-04-30 08:00",
        closes_at="2027-04-20 12:00",
        results_on="2027-04-20",
        tasks=inline_formset(
            [
                {
                    "title": "Zadanie",
                    "description": "Opis.",
                    "funds": "1000",
                    "form": "support",
                    "min_own_contribution": "0",
                    "starts_on": "2027-06-01",
                    "ends_on": "2027-05-01",
                    "last_year_spending": "",
                }
            ]
        ),  # fmt: skip
    )
    form = response.context["form"]
    assert form.errors["closes_at"] == ["Termin składania ofert musi być późniejszy niż początek przyjmowania ofert."]
    assert form.errors["results_on"] == ["Wyniki ogłasza się po terminie składania ofert, w jednym z kolejnych dni."]
    assert form.formsets["tasks"].forms[0].errors["ends_on"] == ["Zadanie nie może się skończyć, zanim się zacznie."]
    assert not CallPage.objects.exists()


def test_a_live_call_can_be_corrected_after_its_announcement(index, superuser):
    publish_new_call(superuser, index, warsaw(2027, 3, 1, 10, 0), closes_at="2027-03-29 15:30")
    call = CallPage.objects.get()
    with at(warsaw(2027, 3, 20, 9, 0)):
        client = Client()
        client.force_login(superuser)
        response = client.post(
            f"/admin/pages/{call.pk}/edit/",
            {**call_form(title="Konkurs 2027 (poprawiony)"), "action-publish": "1"},
        )
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.live and call.title == "Konkurs 2027 (poprawiony)"


# --- Paths without the editor's form ---------------------------------------------------------


def draft_call(index, closes_at, **fields):
    call = CallPage(
        title="Konkurs 2027",
        slug="konkurs-2027",
        year=2027,
        legal_basis="art. 13 ustawy",
        intro="<p>Zapraszamy.</p>",
        opens_at=closes_at - datetime.timedelta(days=20),
        closes_at=closes_at,
        results_on=(closes_at + datetime.timedelta(days=30)).date(),
        live=False,
        **fields,
    )
    index.add_child(instance=call)
    return call


def refusals(call):
    return PageLogEntry.objects.filter(page=call, action=PUBLICATION_REFUSED)


def test_the_scheduler_running_after_midnight_does_not_publish_a_call_that_became_too_short(index):
    call = draft_call(index, warsaw(2027, 3, 28, 10, 0), go_live_at=warsaw(2027, 3, 7, 23, 50))
    with at(warsaw(2027, 3, 1, 12, 0)):
        call.save_revision().publish()
    assert not CallPage.objects.get(pk=call.pk).live

    with at(warsaw(2027, 3, 8, 0, 10)):
        call_command("publish_scheduled")

    call.refresh_from_db()
    assert not call.live
    assert call.get_latest_revision().approved_go_live_at is None, "the schedule is dropped, not retried"
    with translation.override("pl"):
        assert "29.03.2027" in refusals(call).get().message


def test_the_scheduler_on_time_publishes_the_call(index):
    call = draft_call(index, warsaw(2027, 3, 28, 10, 0), go_live_at=warsaw(2027, 3, 7, 23, 50))
    with at(warsaw(2027, 3, 1, 12, 0)):
        call.save_revision().publish()
    with at(warsaw(2027, 3, 7, 23, 55)):
        call_command("publish_scheduled")
    call.refresh_from_db()
    assert call.live and not refusals(call).exists()


def test_code_that_publishes_a_revision_directly_cannot_make_the_call_live(index):
    call = draft_call(index, warsaw(2027, 3, 28, 10, 0))
    with at(warsaw(2027, 3, 8, 9, 0)):
        revision = call.save_revision()
        with pytest.raises(ValidationError) as refused:
            PublishPageRevisionAction(revision).execute(skip_permission_checks=True)
    assert "closes_at" in refused.value.message_dict
    assert not CallPage.objects.get(pk=call.pk).live
