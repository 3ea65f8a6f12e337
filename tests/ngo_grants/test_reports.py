"""Reports under a grant agreement (Step 7, point 6): the final report once the task has ended,
the partial one the centre calls for on 30 days' notice, the actual costs beside the agreed ones
with the overrun explained and the grant to return, the officer's acceptance or return, the
settlement and the organisation's record, and the reminders before and after each due date."""

import datetime
import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from accounts.models import AuditEntry, AuditKind, Role
from ngo_grants.models import Agreement, MemberKind, ReportKind, ReportReminder
from ngo_grants.services import agreements, committee, scoring
from ngo_grants.services import reports as service
from ngo_grants.workflow import OfferStatus
from tests.accounts.helpers import make_staff
from tests.ngo_grants import make_call
from tests.ngo_grants.agreement_helpers import ended, terms, writer
from tests.ngo_grants.review_helpers import accepted, close_call
from tests.ngo_grants.staff_helpers import submitted_offer
from tests.security.world import make_user

pytestmark = pytest.mark.django_db

D = Decimal
# The full grant's lines: 9 000 zł of the grant on the first, 1 000 zł own funds on the second.
AS_AGREED = [(D("9000"), D("9000"), D("0")), (D("1000"), D("0"), D("1000"))]
ACTIONS = "Odwiedziny u 38 seniorów od lutego do listopada."
RESULTS = "Zaplanowano 40 osób i 1 200 godzin; objęto 38 osób, 1 150 godzin."


@pytest.fixture
def agreement(granted, officer):
    _reduced, full = granted
    return agreements.prepare_agreement(full, user=officer, **terms(full))


def file(agreement, actual=AS_AGREED, explanations=("", ""), kind=ReportKind.FINAL, user=None):
    return service.submit_report(
        agreement,
        user=user or writer(agreement.offer),
        kind=kind,
        actions=ACTIONS,
        results=RESULTS,
        actual=actual,
        explanations=list(explanations),
    )


def test_the_final_report_waits_for_the_end_of_the_task_and_only_writers_file_it(agreement, officer):
    with pytest.raises(service.ReportRefused, match="po zakończeniu"):
        file(agreement)
    ended(agreement)
    for user in (officer, make_user("obcy@example.org")):
        with pytest.raises(PermissionDenied):
            file(agreement, user=user)
    with pytest.raises(service.ReportRefused) as refused:
        service.submit_report(agreement, user=writer(agreement.offer), kind=ReportKind.FINAL, actions=" ",
                              results=RESULTS, actual=AS_AGREED, explanations=["", ""])  # fmt: skip
    assert refused.value.field == "actions"

    report = file(agreement)

    assert (report.grant_used, report.to_return) == (D("9000"), D("0"))
    assert report.lines[0]["agreed"]["total"] == "9000.00" and report.lines[0]["actual"]["total"] == "9000"
    with pytest.raises(service.ReportRefused, match="czeka"):
        file(agreement)


def test_a_line_over_the_allowed_overrun_is_explained_and_the_excess_goes_back(agreement):
    ended(agreement)
    # The first line cost 9 990 zł (11% over, 10% allowed), all of it from the grant: 9 000.
    over = [(D("9990"), D("9000"), D("990")), (D("600"), D("0"), D("600"))]
    with pytest.raises(service.ReportRefused) as refused:
        file(agreement, over)
    assert refused.value.field == "line_0_explanation" and "9 900,00" in refused.value.message.replace("\xa0", " ")
    with pytest.raises(service.ReportRefused) as refused:
        file(agreement, [(D("9000"), D("8000"), D("900")), AS_AGREED[1]])
    assert refused.value.field == "line_0_total"
    with pytest.raises(service.ReportRefused, match="przekazała"):
        file(agreement, [AS_AGREED[0], (D("1000"), D("500"), D("500"))])

    # Less spent than agreed: the grant not used goes back.
    report = file(agreement, [(D("8200"), D("8200"), D("0")), AS_AGREED[1]])
    assert report.to_return == D("800")


def test_the_officer_returns_a_report_with_remarks_and_accepting_the_final_one_settles_the_grant(
    agreement, officer, jaslo
):
    ended(agreement)
    first = file(agreement)
    with pytest.raises(PermissionDenied):
        service.decide_report(first, user=make_staff("dyrektor2@example.org", jaslo, Role.SUPERVISOR), accepted=True)
    with pytest.raises(service.ReportRefused) as refused:
        service.decide_report(first, user=officer, accepted=False)
    assert refused.value.field == "remarks"
    mail.outbox.clear()
    service.decide_report(first, user=officer, accepted=False, remarks="Prosimy dołączyć listę uczestników.")
    assert "Prosimy dołączyć listę uczestników." in mail.outbox[-1].body
    with pytest.raises(service.ReportRefused, match="rozpatrzone"):
        service.decide_report(first, user=officer, accepted=True)

    second = file(agreement, [(D("8500"), D("8500"), D("0")), AS_AGREED[1]])
    service.decide_report(second, user=officer, accepted=True)

    agreement.refresh_from_db()
    assert agreement.settled and agreement.returned == D("500") and agreement.settled_by == officer
    assert agreement.offer.status == OfferStatus.SETTLED
    assert "500,00" in mail.outbox[-1].body.replace("\xa0", " ")
    entry = AuditEntry.objects.get(kind=AuditKind.GRANT_SETTLED)
    assert entry.actor == officer and agreement.number in entry.details["summary"]
    with pytest.raises(service.ReportRefused, match="rozliczona"):
        file(agreement)


def test_the_partial_report_is_called_for_on_30_days_notice_and_settles_nothing(agreement, officer):
    Agreement.objects.filter(pk=agreement.pk).update(partial_report_on=None)
    agreement.refresh_from_db()
    today = timezone.localdate()
    with pytest.raises(service.ReportRefused, match="30 dni"):
        service.call_partial_report(agreement, user=officer, due=today + datetime.timedelta(days=29))
    with pytest.raises(service.ReportRefused, match="przed sprawozdaniem końcowym"):
        service.call_partial_report(agreement, user=officer, due=agreement.final_report_on)
    with pytest.raises(PermissionDenied):
        service.call_partial_report(agreement, user=writer(agreement.offer), due=today + datetime.timedelta(days=40))
    with pytest.raises(service.ReportRefused, match="nie wezwał"):
        file(agreement, kind=ReportKind.PARTIAL)

    mail.outbox.clear()
    service.call_partial_report(agreement, user=officer, due=today + datetime.timedelta(days=30))
    assert "sprawozdanie-czesciowe" in mail.outbox[-1].body

    report = file(agreement, [(D("4000"), D("4000"), D("0")), (D("500"), D("0"), D("500"))], kind=ReportKind.PARTIAL)
    assert report.to_return == 0 and report.grant_used == D("4000")
    service.decide_report(report, user=officer, accepted=True)
    agreement.refresh_from_db()
    assert not agreement.settled and agreement.offer.status == OfferStatus.AGREEMENT
    assert "złożyła" in service.partial_call_blocked(agreement)


def test_the_agreement_refuses_a_partial_report_date_without_30_days_notice(granted, officer):
    _reduced, full = granted
    soon = timezone.localdate() + datetime.timedelta(days=10)
    with pytest.raises(agreements.AgreementRefused) as refused:
        agreements.prepare_agreement(full, user=officer, **terms(full, partial_report_on=soon))
    assert refused.value.field == "partial_report_on"


def test_reminders_go_a_week_before_and_after_the_due_date_once_each(agreement):
    ended(agreement, days_ago=0)  # the task ended today: the final report is due in 30 days
    due = agreement.final_report_on
    today = timezone.localdate()
    mail.outbox.clear()

    assert service.queue_reminders(due - datetime.timedelta(days=8)) == 0
    assert service.queue_reminders(due - datetime.timedelta(days=7)) == 1
    assert service.queue_reminders(due - datetime.timedelta(days=3)) == 0  # sent already
    assert "Przypomnienie" in mail.outbox[-1].subject
    assert service.queue_reminders(due + datetime.timedelta(days=1)) == 1
    assert "zaległe" in mail.outbox[-1].subject.lower()
    assert service.queue_reminders(due + datetime.timedelta(days=9)) == 0
    assert set(ReportReminder.objects.values_list("stage", flat=True)) == {"before", "after"}
    assert today <= due


def test_no_reminder_for_a_report_filed_and_the_command_is_safe_to_repeat(agreement):
    ended(agreement, days_ago=25)  # due in 5 days
    file(agreement)
    assert service.queue_reminders() == 0
    ReportReminder.objects.all().delete()
    agreement.reports.all().delete()
    out = io.StringIO()
    call_command("send_report_reminders", stdout=out)
    call_command("send_report_reminders", stdout=out)
    assert ReportReminder.objects.count() == 1 and "Queued 1 report reminder." in out.getvalue()


def test_a_report_after_its_due_date_is_marked_late(agreement):
    ended(agreement, days_ago=31)
    report = file(agreement)
    assert service.late(report)


def test_the_organisations_pages_of_the_report(client, agreement, officer):
    ended(agreement)
    offer = agreement.offer
    url = f"/oferty/{offer.pk}/sprawozdanie-koncowe/"
    client.force_login(writer(offer))
    hub = BeautifulSoup(client.get(f"/oferty/{offer.pk}/").content.decode(), "html.parser")
    assert hub.find("a", href=url)
    assert client.get(f"/oferty/{offer.pk}/sprawozdanie-roczne/").status_code == 404

    data = {"actions": ACTIONS, "results": RESULTS}
    for index, amounts in enumerate([("9990", "9000", "990"), ("1000", "0", "1000")]):
        data.update({f"line_{index}_{key}": value for key, value in zip(agreements.AMOUNTS, amounts, strict=True)})
    refused = BeautifulSoup(client.post(url, data).content.decode(), "html.parser")
    assert "wyjaśnij" in refused.select_one("#id_line_0_explanation").find_parent().get_text().lower()
    assert refused.select_one("#id_line_0_total")["value"] == "9990"
    assert refused.select_one("#id_actions").get_text().strip() == ACTIONS

    data["line_0_explanation"] = "Podwyżka cen przejazdów."
    response = client.post(url, data, follow=True)
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.select_one(".report-sent .over-limit") and "Podwyżka cen przejazdów." in page.get_text()
    assert not page.select_one(".report-form")

    client.force_login(officer)
    assert client.get(url).status_code == 404  # staff read reports in the admin


def test_the_officers_reports_screen_returns_accepts_and_calls_for_a_partial_report(client, agreement, officer):
    ended(agreement)
    report = file(agreement)
    url = f"/admin/oferty/{agreement.offer.pk}/sprawozdania/"
    client.force_login(officer)
    screen = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    assert screen.select_one(".report-decision-form") and screen.select_one(".partial-call-form") is None

    prefix = f"report-{report.pk}"
    refused = client.post(url, {"form": "report", "report": report.pk, f"{prefix}-decision": "return"})
    assert "organizacja" in BeautifulSoup(refused.content.decode(), "html.parser").select_one(".error-message").text
    assert client.post(url, {"form": "report", "report": "99999999999999999999"}).status_code == 404
    response = client.post(url, {"form": "report", "report": report.pk, f"{prefix}-decision": "accept"})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.settled


def test_a_later_committee_sees_the_settlement_in_the_organisations_record(client, agreement, officer, jaslo):
    ended(agreement)
    service.decide_report(file(agreement, [(D("8800"), D("8800"), D("0")), AS_AGREED[1]]), user=officer, accepted=True)
    later = make_call(agreement.offer.call.get_parent(), title="Konkurs uzupełniający")
    submitted = submitted_offer(later, agreement.offer.organisation, title="Dalsze wsparcie")
    close_call(later)
    offer = accepted(submitted, officer)
    member = make_staff("czlonkini@example.org", jaslo, Role.GRANTS_OFFICER)
    seat = committee.appoint(committee.committee_of(later), user=officer, person=member, kind=MemberKind.STAFF)
    committee.declare(seat, offer, conflict=False)
    assert list(scoring.earlier_record(offer)) == [agreement.offer]

    client.force_login(member)
    page = BeautifulSoup(client.get(f"/komisja/oferty/{offer.pk}/").content.decode(), "html.parser")
    record = page.select_one(".earlier-record").get_text(" ", strip=True).replace("\xa0", " ")
    assert "rozliczona" in record and "zwrócono 200,00 zł" in record


def test_no_partial_report_is_called_for_once_the_task_has_ended(agreement, officer):
    ended(agreement)
    with pytest.raises(service.ReportRefused, match="zakończyło"):
        service.call_partial_report(agreement, user=officer, due=timezone.localdate() + datetime.timedelta(days=30))
