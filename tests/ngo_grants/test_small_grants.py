"""Small grants (Step 7, point 7; art. 19a as amended from 1 September 2026): the dated limits
per task, per organisation a year and as a share of the year's plan, the transitional rule for
offers filed before the amendment, publication for 7 days of anyone's comments, the decision
after them, and the agreement; each step with who may and who may not."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from accounts.models import Role
from core.models import Centre
from ngo_grants.models import GrantPlan, MemberRole, SmallGrantStatus
from ngo_grants.services import small_grants as service
from ngo_grants.small_grant_rules import RULE_SETS, rules_on
from tests.accounts.helpers import make_staff
from tests.ngo_grants import make_organisation
from tests.security.world import make_user

pytestmark = pytest.mark.django_db

D = Decimal
AMENDMENT = datetime.date(2026, 9, 1)


def at(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def organisation(centre):
    return make_organisation(name="Fundacja Mały Krok", centres=[centre])


def writer(organisation):
    return organisation.memberships.get(role=MemberRole.ADMIN).user


def file(organisation, centre, grant=None, *, now=None, days=60, other=None, starts_in=30):
    """`organisation`'s offer of one cost line: `grant` from the grant (15 000 zł) and `other`
    from its own funds (1 000 zł), for `days` days starting `starts_in` days after `now`."""
    grant = D("15000") if grant is None else grant
    other = D("1000") if other is None else other
    now = now or timezone.now()
    starts_on = timezone.localdate(now) + datetime.timedelta(days=starts_in)
    return service.file_offer(
        user=writer(organisation),
        organisation=organisation,
        centre=centre,
        title="Wakacje w mieście",
        public_task="pomoc społeczna",
        description="Zajęcia dla 20 dzieci w lipcu.",
        results="20 dzieci, 15 dni zajęć.",
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=days - 1),
        lines=[("Opieka i zajęcia", grant + other, grant, other)],
        now=now,
    )


def published(grant, officer, when=None):
    return service.publish(grant, user=officer, now=when or timezone.now())


def after_comments(grant):
    return grant.comments_until + datetime.timedelta(seconds=1)


def test_the_rules_in_force_on_the_day_of_filing_apply():
    assert rules_on(AMENDMENT - datetime.timedelta(days=1)).per_task == D("10000")
    assert rules_on(AMENDMENT).per_task == D("20000")
    assert [rules.since for rules in RULE_SETS] == sorted(rules.since for rules in RULE_SETS)
    earlier, current = rules_on(AMENDMENT - datetime.timedelta(days=1)), rules_on(AMENDMENT)
    assert (earlier.max_days, earlier.per_organisation_year, earlier.share_of_plan) == (90, D("20000"), D("20"))
    assert (current.max_days, current.per_organisation_year, current.share_of_plan) == (None, D("40000"), D("30"))


def test_per_task_and_period_limits_around_the_amendment(organisation, centre):
    before, after = at(AMENDMENT - datetime.timedelta(days=1)), at(AMENDMENT)
    with pytest.raises(service.SmallGrantRefused, match="10.000,00"):
        file(organisation, centre, D("10000.01"), now=before)
    with pytest.raises(service.SmallGrantRefused) as refused:
        file(organisation, centre, D("9000"), now=before, days=91)
    assert refused.value.field == "ends_on"
    assert file(organisation, centre, D("10000"), now=before, days=90).amount_requested == D("10000")

    with pytest.raises(service.SmallGrantRefused, match="20.000,00"):
        file(organisation, centre, D("20000.01"), now=after)
    assert file(organisation, centre, D("20000"), now=after, days=200).number.startswith("MG/2026/")


def test_only_a_writer_of_a_verified_organisation_files(organisation, centre, pulawy):
    with pytest.raises(PermissionDenied):
        service.file_offer(user=make_user("obcy@example.org"), organisation=organisation, centre=centre, title="x",
                           public_task="x", description="x", results="x", starts_on=datetime.date(2027, 3, 1),
                           ends_on=datetime.date(2027, 3, 5), lines=[("x", D(1), D(1), D(0))])  # fmt: skip
    with pytest.raises(service.SmallGrantRefused, match="zweryfikował"):
        file(organisation, Centre.for_site(pulawy))
    with pytest.raises(service.SmallGrantRefused) as refused:
        file(organisation, centre, starts_in=3)
    assert refused.value.field == "starts_on"


def test_publication_comments_decision_and_agreement(organisation, centre, officer, jaslo):
    grant = file(organisation, centre)
    assert grant.status == SmallGrantStatus.FILED
    with pytest.raises(PermissionDenied):
        service.publish(grant, user=writer(organisation))
    grant = published(grant, officer)
    assert timezone.localtime(grant.comments_until).date() == timezone.localdate() + datetime.timedelta(days=7)

    service.comment(grant, name="Anna Sąsiadka", email="", text="Świetny pomysł, brakuje takich zajęć.")
    with pytest.raises(service.SmallGrantRefused, match="7"):  # too early: comments still open
        service.decide(grant, user=officer, granted=True, amount=D("15000"))
    with pytest.raises(service.SmallGrantRefused, match="zamknięte"):
        service.comment(grant, name="Ktoś", email="", text="Za późno.", now=after_comments(grant))

    head = make_staff("dyrektor@example.org", jaslo, Role.SUPERVISOR)
    with pytest.raises(PermissionDenied):
        service.decide(grant, user=head, granted=True, amount=D("15000"), now=after_comments(grant))
    with pytest.raises(service.SmallGrantRefused, match="planowan"):  # no plan for the year yet
        service.decide(grant, user=officer, granted=True, amount=D("15000"), now=after_comments(grant))
    GrantPlan.objects.create(centre=centre, year=grant.starts_on.year, planned_funds=D("200000"))
    with pytest.raises(service.SmallGrantRefused) as refused:
        service.decide(grant, user=officer, granted=True, amount=D("14000"), now=after_comments(grant))
    assert refused.value.field == "reason"

    mail.outbox.clear()
    grant = service.decide(grant, user=officer, granted=True, amount=D("15000"), now=after_comments(grant))
    assert grant.status == SmallGrantStatus.GRANTED and "15 000,00" in mail.outbox[-1].body.replace("\xa0", " ")
    with pytest.raises(service.SmallGrantRefused):
        service.decide(grant, user=officer, granted=False, reason="x", now=after_comments(grant))
    grant = service.prepare_agreement(grant, user=officer, number="ZSS.526.MG.1.2027")
    assert grant.status == SmallGrantStatus.AGREEMENT
    with pytest.raises(service.SmallGrantRefused):
        service.prepare_agreement(grant, user=officer, number="again")


def test_the_yearly_limits_count_the_grants_awarded(organisation, centre, officer):
    other = make_organisation(name="Stowarzyszenie Obok", number=1, centres=[centre])
    year = (timezone.localdate() + datetime.timedelta(days=30)).year
    GrantPlan.objects.create(centre=centre, year=year, planned_funds=D("100000"))  # 30% = 30 000 zł

    def award(organisation, amount):
        grant = published(file(organisation, centre, amount), officer)
        return service.decide(grant, user=officer, granted=True, amount=amount, now=after_comments(grant))

    award(organisation, D("20000"))
    # The organisation's own year: 40 000 zł; the centre's share: 30 000 zł, so 10 000 zł left.
    with pytest.raises(service.SmallGrantRefused, match="30%"):
        file(organisation, centre, D("10000.01"))
    # Two offers that fit when filed: the second decision finds the share taken by the first.
    first = published(file(other, centre, D("10000")), officer)
    second = published(file(organisation, centre, D("10000")), officer)
    service.decide(first, user=officer, granted=True, amount=D("10000"), now=after_comments(first))
    with pytest.raises(service.SmallGrantRefused, match="0,00"):
        service.decide(second, user=officer, granted=True, amount=D("10000"), now=after_comments(second))
    with pytest.raises(service.SmallGrantRefused, match="0,00"):
        file(organisation, centre, D("1"))
    assert service.awarded_in(centre, year) == D("30000")


def test_the_public_pages_and_the_comment_form(client, organisation, centre, officer):
    grant = file(organisation, centre)
    url = f"/male-granty/{grant.pk}/"
    assert client.get(url).status_code == 404  # not published yet
    client.force_login(writer(organisation))
    assert client.get(url).status_code == 200
    client.logout()

    published(grant, officer)
    listing = BeautifulSoup(client.get("/male-granty/").content.decode(), "html.parser")
    assert listing.select_one(".small-grants-open").find("a", href=url)
    refused = BeautifulSoup(client.post(url, {"name": "", "text": "Dobry pomysł."}).content.decode(), "html.parser")
    assert refused.select_one("#id_text").get_text().strip() == "Dobry pomysł." and refused.select_one(".error-summary")
    response = client.post(url, {"name": "Jan Kowalski", "email": "jan@example.org", "text": "Dobry pomysł."})
    page = BeautifulSoup(client.get(response["Location"]).content.decode(), "html.parser")
    comment = page.select_one(".small-grant-comment").get_text()
    assert "Jan Kowalski" in comment and "jan@example.org" not in page.get_text()


def test_the_filing_page_keeps_what_was_typed_and_files(client, organisation, centre):
    client.force_login(writer(organisation))
    starts_on = timezone.localdate() + datetime.timedelta(days=20)
    data = {
        "organisation": organisation.pk,
        "title": "Wakacje w mieście",
        "public_task": "pomoc społeczna",
        "description": "Zajęcia dla dzieci.",
        "results": "20 dzieci.",
        "starts_on": starts_on.isoformat(),
        "ends_on": (starts_on + datetime.timedelta(days=10)).isoformat(),
        "line_2_name": "Opieka",
        "line_2_total": "25 000",
        "line_2_from_grant": "25 000,00",
        "line_2_from_other": "0",
    }
    page = BeautifulSoup(client.post("/male-granty/nowy/", data).content.decode(), "html.parser")
    assert "20 000,00" in page.select_one(".error-summary").get_text().replace("\xa0", " ")
    assert page.select_one("#id_line_2_total")["value"] == "25 000"
    data.update({"line_2_total": "12000", "line_2_from_grant": "11000", "line_2_from_other": "100"})
    page = BeautifulSoup(client.post("/male-granty/nowy/", data).content.decode(), "html.parser")
    assert page.select_one("#id_line_2_total").find_parent().select_one(".field-error")
    data["line_2_from_other"] = "1000"
    response = client.post("/male-granty/nowy/", data)
    assert response.status_code == 302 and organisation.small_grants.get().amount_requested == D("11000")


def test_the_officers_screens_publish_and_decide(client, organisation, centre, officer):
    grant = file(organisation, centre)
    client.force_login(officer)
    listing = BeautifulSoup(client.get("/admin/oferty/male-granty/").content.decode(), "html.parser")
    assert grant.number in listing.select_one(".small-grants-listing").get_text()
    url = f"/admin/oferty/male-granty/{grant.pk}/"
    assert client.post(url, {"form": "publish"}).status_code == 302
    grant.refresh_from_db()
    assert grant.status == SmallGrantStatus.PUBLISHED
    response = client.post("/admin/oferty/male-granty/", {"year": "2027", "planned_funds": "150 000"})
    assert response.status_code == 302 and GrantPlan.objects.get(centre=centre, year=2027).planned_funds == 150000
