"""The reports under last year's agreements in Jasło, through the services the pages use, as the
calendar allows: a partial report whose due date has passed was filed two days before it and
accepted three days later; the first agreement whose task has ended got its final report (one
cost line a little under the agreed amount, so something goes back) and was settled. The other
agreements wait for their final report, so the organisation's report page and the reminders
have something to show. An agreement that has reports is left as it is.
"""

import datetime
from decimal import ROUND_DOWN, Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.demo.staff import staff_email
from accounts.models import Role
from ngo_grants.demo.calls import LAST_YEAR, find_call
from ngo_grants.models import Agreement, MemberRole, ReportKind
from ngo_grants.services import reports

PARTIAL_ACTIONS = (
    "Od początku zadania prowadzimy zajęcia świetlicowe cztery dni w tygodniu; odbyły się warsztaty "
    "kulinarne i dwa spotkania z rodzicami."
)
PARTIAL_RESULTS = "Zakładano 30 dzieci w zajęciach: uczestniczy 27. Zrealizowano połowę zaplanowanych godzin."
FINAL_ACTIONS = (
    "Zadanie zrealizowano w całości: zajęcia świetlicowe, warsztaty, jednodniowy wyjazd wakacyjny i "
    "spotkanie podsumowujące z rodzinami."
)
FINAL_RESULTS = (
    "Zakładano 30 dzieci i 700 godzin zajęć; objęto 28 dzieci, przeprowadzono 690 godzin. Wyjazd "
    "odbył się dla 24 dzieci, mniej niż planowane 30, stąd niższy koszt transportu."
)
# The final report's first line spent this share of its agreed grant: the rest goes back.
FIRST_LINE_SPENT = Decimal("0.95")


def build(builder):
    if not builder.with_users:
        return
    call = find_call(builder, LAST_YEAR)
    officer = get_user_model().objects.filter(email=staff_email("jaslo", Role.GRANTS_OFFICER)).first()
    if call is None or officer is None:
        return
    today = timezone.localdate()
    settled = False
    for agreement in Agreement.objects.filter(offer__call=call).select_related("offer").order_by("offer__number"):
        if agreement.reports.exists():
            settled = settled or agreement.settled
            continue
        writer = agreement.offer.organisation.memberships.filter(role=MemberRole.ADMIN).first().user
        due = agreement.partial_report_on
        if due is not None and due < today:
            _file(builder, agreement, writer, officer, ReportKind.PARTIAL, due - datetime.timedelta(days=2))
        if not settled and agreement.ends_on < today - datetime.timedelta(days=1):
            filed = min(agreement.ends_on + datetime.timedelta(days=12), today - datetime.timedelta(days=1))
            _file(builder, agreement, writer, officer, ReportKind.FINAL, filed)
            settled = True


def _file(builder, agreement, writer, officer, kind, day):
    lines = reports.agreed_lines(agreement)
    if kind == ReportKind.PARTIAL:
        actual = [_share(line, Decimal("0.5")) for line in lines]
        actions, results = PARTIAL_ACTIONS, PARTIAL_RESULTS
    else:
        actual = [_share(line, FIRST_LINE_SPENT if index == 0 else Decimal("1")) for index, line in enumerate(lines)]
        actions, results = FINAL_ACTIONS, FINAL_RESULTS
    report = reports.submit_report(
        agreement,
        user=writer,
        kind=kind,
        actions=actions,
        results=results,
        actual=actual,
        explanations=[""] * len(lines),
        now=_at(day, 11),
    )
    decided = min(_at(day + datetime.timedelta(days=3), 9), timezone.now())
    reports.decide_report(report, user=officer, accepted=True, now=decided)
    builder.created["report"] += 1


def _share(line, share):
    """A line's actual costs: `share` of its grant and of its other funds, to the grosz."""
    grant = (line["from_grant"] * share).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    other = (line["from_other"] * share).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return grant + other, grant, other


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
