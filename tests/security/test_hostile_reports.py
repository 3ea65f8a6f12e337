"""The forms of reports under a grant agreement survive hostile input (tests/security/hostile.py):
the organisation's final report, the officer's decision on it and the call for a partial
report; what they store stays within the rules."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.models import Role
from core.models import Centre
from ngo_grants.models import Agreement, Report, ReportKind
from ngo_grants.services import agreements, reports
from tests.accounts.helpers import make_staff
from tests.ngo_grants import make_call, make_call_index
from tests.ngo_grants.agreement_helpers import decide_two, ended, terms, writer
from tests.security.hostile import assert_form_survives_hostile_input

pytestmark = pytest.mark.django_db

AS_AGREED = (("9000", "9000", "0"), ("1000", "0", "1000"))


@pytest.fixture
def officer(jaslo):
    return make_staff("dotacje@example.org", jaslo, Role.GRANTS_OFFICER)


@pytest.fixture
def agreement(jaslo, officer):
    _reduced, full = decide_two(make_call(make_call_index(jaslo)), officer, Centre.for_site(jaslo), jaslo)
    return agreements.prepare_agreement(full, user=officer, **terms(full))


def line_fields(index):
    return {f"line_{index}_{key}": value for key, value in zip(agreements.AMOUNTS, AS_AGREED[index], strict=True)}


def test_report_form_survives_hostile_input(client, agreement):
    ended(agreement)
    client.force_login(writer(agreement.offer))
    # Every cost line is the same four fields: the first is swept, the second sent as is.
    fields = {"actions": "Odwiedziny u 38 seniorów.", "results": "38 z 40 osób.", **line_fields(0)}
    fields["line_0_explanation"] = ""

    outcome = assert_form_survives_hostile_input(
        client,
        f"/oferty/{agreement.offer_id}/sprawozdanie-koncowe/",
        fields=fields,
        fixed_data={**line_fields(1), "line_1_explanation": ""},
        prepare=lambda: Report.objects.all().delete(),
        max_examples=5,
    )

    assert outcome["redirected"] > 0 and outcome["refused"] > 0
    for report in Report.objects.all():
        assert Decimal("0") <= report.to_return <= agreement.amount
        assert sum(Decimal(line["actual"]["from_grant"]) for line in report.lines) <= agreement.amount


def test_report_decision_and_partial_call_survive_hostile_input(client, agreement, officer):
    ended(agreement)
    actual = [tuple(Decimal(value) for value in line) for line in AS_AGREED]
    report = reports.submit_report(agreement, user=writer(agreement.offer), kind=ReportKind.FINAL, actions="A.",
                                   results="R.", actual=actual, explanations=["", ""])  # fmt: skip
    client.force_login(officer)
    url = f"/admin/oferty/{agreement.offer_id}/sprawozdania/"
    prefix = f"report-{report.pk}"

    decided = assert_form_survives_hostile_input(
        client,
        url,
        fields={f"{prefix}-decision": "return", f"{prefix}-remarks": "Prosimy o listę uczestników."},
        fixed_data={"form": "report", "report": str(report.pk)},
        form_context_name="decision_form",
        prepare=lambda: Report.objects.filter(pk=report.pk).update(accepted=None, decided_at=None, remarks=""),
        max_examples=5,
    )
    assert decided["redirected"] > 0 and decided["refused"] > 0
    assert not Agreement.objects.get(pk=agreement.pk).settled

    Report.objects.all().delete()
    start, end = agreements.period_of(agreement.offer)
    Agreement.objects.filter(pk=agreement.pk).update(starts_on=start, ends_on=end, partial_report_on=None)
    due = timezone.localdate() + datetime.timedelta(days=45)
    called = assert_form_survives_hostile_input(
        client,
        url,
        fields={"partial-due": due.isoformat()},
        fixed_data={"form": "partial"},
        form_context_name="partial_form",
        max_examples=5,
    )
    assert called["redirected"] > 0 and called["refused"] > 0
    partial_on = Agreement.objects.get(pk=agreement.pk).partial_report_on
    assert partial_on >= timezone.localdate() + datetime.timedelta(days=30)
