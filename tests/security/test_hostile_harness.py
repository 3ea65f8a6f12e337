"""The hostile-input harness catches each kind of broken form (forms in tests/security/broken_urls.py)."""

from collections import Counter, defaultdict

import pytest

from tests.security import hostile
from tests.security.hostile import assert_form_survives_hostile_input

pytestmark = pytest.mark.urls("tests.security.broken_urls")

FIELDS = {"name": "Anna Nowak", "email": "anna@example.com", "age": "42", "password": "Sane-Passw0rd-91"}


@pytest.fixture(autouse=True)
def uncounted(monkeypatch):
    """Throw-away forms stay out of the run's count of hostile inputs."""
    monkeypatch.setattr(hostile, "TALLY", defaultdict(Counter))


@pytest.fixture(autouse=True)
def whole_catalogue(monkeypatch):
    """The harness's own defects are found with every value, on either database's pass."""
    monkeypatch.setattr(hostile, "SWEEP_PAYLOADS", hostile.PAYLOADS)
    monkeypatch.setattr(hostile, "SWEEP_CHOICE_PAYLOADS", hostile.CHOICE_PAYLOADS)


def test_the_postgresql_pass_sweeps_what_a_database_may_take_differently():
    assert hostile.sweep_payloads(on_postgres=False) == (hostile.PAYLOADS, hostile.CHOICE_PAYLOADS)
    payloads, choices = hostile.sweep_payloads(on_postgres=True)
    for value in ("\x00", "przed\x00po", "\ud800", "9" * 400, "1e309", "%", "_%_", "A" * hostile.LONG, ""):
        assert value in payloads
    assert not set(hostile.MARKUP) & set(payloads + choices)
    assert set(choices) <= set(payloads) and "9" * 400 in choices
    assert set(payloads) <= set(hostile.PAYLOADS)
    assert hostile.examples_on_this_pass(30, on_postgres=False) == 30
    assert hostile.examples_on_this_pass(30, on_postgres=True) == 15


def survives(client, url, **options):
    return assert_form_survives_hostile_input(client, url, fields=FIELDS, max_examples=5, **options)


def test_a_sound_form_passes_and_the_report_counts_what_happened(db, client):
    report = survives(client, "/sound/")

    assert report["refused"] > 0
    assert report["redirected"] > 0
    assert hostile.TALLY["POST /sound/"] == report
    assert report.total() > 4 * len(hostile.PAYLOADS)


@pytest.mark.parametrize(
    ("defect", "complaint"),
    [
        ("crashes", "server error"),
        ("echoes", "unescaped markup"),
        ("forgets", "lost what was typed"),
        ("english", "English error message"),
        ("bare_errors", 'not in <p class="field-error"'),
        ("leaks_password", "secret field 'password' was echoed"),
    ],
)
def test_a_broken_form_fails_the_harness(db, client, defect, complaint):
    with pytest.raises(AssertionError, match=complaint):
        survives(client, f"/{defect}/")


def test_a_single_field_form_refused_as_a_whole_passes_when_it_comes_back_with_the_message(db, client):
    report = assert_form_survives_hostile_input(
        client, "/closed/", fields={"message": "Chętnie pomogę."}, max_examples=5
    )

    assert report["refused"] > 0


@pytest.mark.parametrize(
    ("defect", "complaint"),
    [("drops_the_form", "lost its field 'message'"), ("forgets_the_message", "lost what was typed in 'message'")],
)
def test_a_single_field_form_that_loses_the_refused_answer_fails_the_harness(db, client, defect, complaint):
    with pytest.raises(AssertionError, match=complaint):
        assert_form_survives_hostile_input(
            client, f"/closed/{defect}/", fields={"message": "Chętnie pomogę."}, max_examples=5
        )


def test_a_form_without_fields_gets_hostile_stray_parameters(db, client):
    report = assert_form_survives_hostile_input(client, "/closed/", fields={}, check_form_page=False, max_examples=5)

    # "next" decides where a redirect goes and gets the whole catalogue; "id" and "confirm"
    # a value of each kind.
    assert report.total() > len(hostile.PAYLOADS) + 2 * len(hostile.CHOICE_PAYLOADS)
    with pytest.raises(AssertionError, match="redirect off the site"):
        assert_form_survives_hostile_input(
            client, "/redirect/", method="get", fields={}, check_form_page=False, max_examples=5
        )


def test_a_select_gets_a_value_of_each_kind_and_still_every_number(db, client):
    fields = {"name": "Anna Nowak", "district": "1"}
    report = assert_form_survives_hostile_input(client, "/district/", fields=fields, max_examples=5)

    # The free-text field gets the whole catalogue, the select only CHOICE_PAYLOADS.
    assert len(hostile.PAYLOADS) < report.total() < 2 * len(hostile.PAYLOADS)
    with pytest.raises(AssertionError, match="server error"):
        assert_form_survives_hostile_input(client, "/district/looks_up_the_raw_id/", fields=fields, max_examples=1)


def test_an_open_redirect_fails_the_harness(db, client):
    with pytest.raises(AssertionError, match="redirect off the site"):
        assert_form_survives_hostile_input(
            client, "/redirect/", method="get", fields={"next": "/"}, check_form_page=False, max_examples=5
        )


def test_a_misspelt_field_name_fails_instead_of_testing_nothing(db, client):
    with pytest.raises(AssertionError, match="no control named"):
        assert_form_survives_hostile_input(client, "/sound/", fields={**FIELDS, "username": "anna"})


def test_a_server_error_keeps_its_traceback(db, client):
    with pytest.raises(AssertionError) as failure:
        survives(client, "/crashes/")

    assert isinstance(failure.value.__cause__, ValueError)


def test_hypothesis_finds_a_flaw_that_only_a_combination_of_fields_triggers(db, client):
    with pytest.raises(AssertionError, match="server error") as failure:
        assert_form_survives_hostile_input(client, "/chokes_on_two_errors/", fields=FIELDS, max_examples=200)

    assert "hostile_combinations(" in "\n".join(getattr(failure.value, "__notes__", []))
