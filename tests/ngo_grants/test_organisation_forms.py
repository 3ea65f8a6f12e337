"""The organisation form: numbers checked and stored compact, the KRS rule by legal form,
duplicates refused with advice, and the representatives' rows added and removed without
JavaScript, nothing typed lost."""

import pytest
from django.http import QueryDict

from ngo_grants.organisation_forms import (
    ADD_ROW,
    REMOVE_ROW,
    InviteForm,
    OrganisationForm,
    forms_valid,
    organisation_forms,
)
from tests.ngo_grants import NIPS, REGON_14, REGONS, make_organisation

pytestmark = pytest.mark.django_db


def typed(**overrides):
    data = {
        "name": "Stowarzyszenie Razem",
        "legal_form": "association",
        "krs": "0000 136 833",
        "nip": "193-358-95-25",
        "regon": REGONS[0],
        "street": "ul. Kościuszki 26",
        "postcode": "38200",
        "city": "Jasło",
        "email": "biuro@razem.example.org",
        "phone": "+48 13 446 22 10",
        "iban": "61 1090 1014 0000 0712 1981 2874",
        "representatives-TOTAL_FORMS": "1",
        "representatives-INITIAL_FORMS": "0",
        "representatives-0-name": "Maria Nowak",
        "representatives-0-function": "prezes zarządu",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post(data):
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query[key] = value
    return query


def bound(**overrides):
    form, formset, saving = organisation_forms(post(typed(**overrides)))
    assert saving
    return form, formset, forms_valid(form, formset)


def test_numbers_are_stored_compact_whatever_the_spacing():
    form, formset, valid = bound()
    assert valid, form.errors
    assert form.cleaned_data["krs"] == "0000136833"
    assert form.cleaned_data["nip"] == NIPS[0]
    assert form.cleaned_data["iban"] == "PL61109010140000071219812874"
    assert form.cleaned_data["postcode"] == "38-200"
    assert formset.rows() == [{"name": "Maria Nowak", "function": "prezes zarządu"}]


def test_a_14_digit_regon_is_accepted():
    form, _formset, valid = bound(regon=REGON_14)
    assert valid, form.errors


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("nip", "1933589526", "cyfra kontrolna"),
        ("regon", "60046740", "9 albo 14"),
        ("iban", "61 1090 1014 0000 0712 1981 2875", "nieprawidłowy"),
        ("krs", "KRS 136833", "10 cyfr"),
        ("postcode", "3-8200", "38-200"),
        ("phone", "12 34", "od 9 do 15 cyfr"),
        ("phone", "zadzwoń 600100200", "od 9 do 15 cyfr"),
        ("email", "biuro@", "adres e-mail"),
    ],
)
def test_a_wrong_value_is_refused_at_its_field(field, value, message):
    form, _formset, valid = bound(**{field: value})
    assert not valid
    assert message in " ".join(form.errors[field])


def test_krs_is_required_for_an_association():
    form, _formset, valid = bound(krs="")
    assert not valid
    assert "wpisz numer KRS" in form.errors["krs"][0]


@pytest.mark.parametrize("legal_form", ["church", "other"])
def test_krs_may_be_left_empty_by_a_church_legal_person_or_other_form(legal_form):
    form, _formset, valid = bound(krs="", legal_form=legal_form)
    assert valid, form.errors
    assert form.cleaned_data["krs"] == ""


@pytest.mark.parametrize("field", ["nip", "krs"])
def test_an_organisation_already_registered_is_refused_with_advice_to_ask_for_an_invitation(field):
    existing = make_organisation()
    form, _formset, valid = bound(**{field: getattr(existing, field)})
    assert not valid
    assert "Poproś jej administratora o zaproszenie" in form.errors[field][0]


def test_editing_an_organisation_keeps_its_own_numbers():
    existing = make_organisation()
    data = typed(nip=existing.nip, krs=existing.krs, regon=existing.regon)
    form, formset, _saving = organisation_forms(post(data), instance=existing)
    assert forms_valid(form, formset), form.errors


def test_at_least_one_representative_is_needed_and_listed_in_the_summary():
    form, formset, valid = bound(**{"representatives-0-name": "", "representatives-0-function": ""})
    assert not valid
    assert "imię i nazwisko" in formset.forms[0].errors["name"][0]
    assert any("Osoba upoważniona 1" in error for error in form.non_field_errors())


def test_an_empty_second_row_is_skipped_and_a_half_filled_one_is_refused():
    empty_row = {"representatives-TOTAL_FORMS": "2", "representatives-1-name": "", "representatives-1-function": ""}
    _form, formset, valid = bound(**empty_row)
    assert valid and len(formset.rows()) == 1
    half = {**empty_row, "representatives-1-name": "Jan Kowal"}
    _form, formset, valid = bound(**half)
    assert not valid
    assert "funkcję" in formset.forms[1].errors["function"][0]


@pytest.mark.parametrize("count", ["0", "100000", "-1", "dwa", ""])
def test_a_forged_row_count_is_ignored_the_rows_sent_count(count):
    form, formset, valid = bound(**{"representatives-TOTAL_FORMS": count})
    assert valid, form.errors
    assert formset.rows() == [{"name": "Maria Nowak", "function": "prezes zarządu"}]


def test_rows_beyond_the_limit_are_not_read():
    form, formset, _valid = bound(**{"representatives-5000-name": "Ktoś", "representatives-5000-function": "x"})
    assert len(formset.forms) == 1


def test_add_a_person_gives_one_more_row_and_keeps_everything_typed():
    data = typed(**{ADD_ROW: "1", "name": "Coś wpisane", "nip": "zły"})
    form, formset, saving = organisation_forms(post(data))
    assert not saving and not form.is_bound and not formset.is_bound
    assert len(formset.forms) == 2
    assert form.initial["name"] == "Coś wpisane" and form.initial["nip"] == "zły"
    assert formset.forms[0].initial == {"name": "Maria Nowak", "function": "prezes zarządu"}
    assert formset.management_form.initial["TOTAL_FORMS"] == 2


def test_remove_takes_out_that_row_only():
    data = typed(
        **{
            "representatives-TOTAL_FORMS": "3",
            "representatives-1-name": "Jan Kowal",
            "representatives-1-function": "skarbnik",
            "representatives-2-name": "Ewa Lis",
            "representatives-2-function": "członkini zarządu",
            REMOVE_ROW: "1",
        }
    )
    _form, formset, saving = organisation_forms(post(data))
    assert not saving
    assert [row.initial["name"] for row in formset.forms] == ["Maria Nowak", "Ewa Lis"]


def test_removing_the_only_row_leaves_an_empty_one_to_fill():
    _form, formset, _saving = organisation_forms(post(typed(**{REMOVE_ROW: "0"})))
    assert len(formset.forms) == 1 and not formset.forms[0].initial


def test_a_bad_row_number_to_remove_changes_nothing():
    _form, formset, _saving = organisation_forms(post(typed(**{REMOVE_ROW: "99999999999999999999"})))
    assert [row.initial["name"] for row in formset.forms] == ["Maria Nowak"]


def test_edit_form_shows_the_account_in_groups_of_four():
    form = OrganisationForm(instance=make_organisation())
    assert form.initial["iban"] == "PL61 1090 1014 0000 0712 1981 2874"


def test_invite_form_refuses_an_unknown_role():
    form = InviteForm({"email": "anna@example.org", "role": "owner"})
    assert not form.is_valid() and "role" in form.errors
