"""Reports racing each other on real PostgreSQL transactions in real threads: a report sent
from two tabs at once is filed once, and a final report accepted twice at once settles the
grant once (one audit entry, one mail)."""

from decimal import Decimal

import pytest

from accounts.models import AuditEntry, AuditKind
from ngo_grants.models import Report, ReportKind
from ngo_grants.services import agreements
from ngo_grants.services import reports as service
from tests.ngo_grants.agreement_helpers import ended, terms, writer
from tests.support import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

AS_AGREED = [(Decimal("9000"), Decimal("9000"), Decimal("0")), (Decimal("1000"), Decimal("0"), Decimal("1000"))]


@pytest.fixture
def agreement(granted, officer):
    _reduced, full = granted
    return ended(agreements.prepare_agreement(full, user=officer, **terms(full)))


def file(agreement):
    return service.submit_report(agreement, user=writer(agreement.offer), kind=ReportKind.FINAL, actions="A.",
                                 results="R.", actual=AS_AGREED, explanations=["", ""])  # fmt: skip


def test_a_report_sent_from_two_tabs_is_filed_once(agreement):
    outcomes = run_together([lambda: file(agreement)] * 3)

    assert sum(isinstance(outcome, Report) for outcome in outcomes) == 1, outcomes
    assert all(isinstance(outcome, service.ReportRefused) for outcome in outcomes if not isinstance(outcome, Report))
    assert Report.objects.count() == 1


def test_a_final_report_accepted_twice_at_once_settles_once(agreement, officer):
    report = file(agreement)

    outcomes = run_together([lambda: service.decide_report(report, user=officer, accepted=True)] * 2)

    assert sum(isinstance(outcome, service.ReportRefused) for outcome in outcomes) == 1, outcomes
    assert AuditEntry.objects.filter(kind=AuditKind.GRANT_SETTLED).count() == 1
