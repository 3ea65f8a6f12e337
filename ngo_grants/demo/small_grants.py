"""Small grants in Jasło (art. 19a), through the services the pages use: the centre's planned
grant funds for this year and the next, one small grant decided earlier this year with its
agreement, and one offer in its 7-day comment period with a resident's comment, so the public
page, the comment form and the officer's screens all have something to show. A centre that
has small grants already is left as it is.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.demo.staff import staff_email
from accounts.models import Role
from core.models import Centre
from ngo_grants.models import GrantPlan, Organisation, SmallGrant
from ngo_grants.services import small_grants

# Planned for organisations in the budget resolutions (the base of the 30% share).
PLANNED = {-1: Decimal("600000"), 0: Decimal("620000"), 1: Decimal("650000")}

DECIDED = {
    "organisation": "Spółdzielnia Socjalna „Wspólny Stół”",
    "title": "Wigilia dla samotnych seniorów z Osiedla Gamrat",
    "public_task": "pomoc społeczna, w tym pomoc rodzinom i osobom w trudnej sytuacji życiowej",
    "description": "Przygotowanie i podanie wieczerzy wigilijnej dla 40 samotnych seniorów, z dowozem osób "
    "z niepełnosprawnością i paczkami dla tych, którzy nie mogą przyjść.",
    "results": "40 seniorów na wieczerzy, 15 paczek dowiezionych do domów.",
    "lines": [("Produkty spożywcze", "4200", "3800", "400"), ("Transport osób i paczek", "900", "900", "0")],
}
OPEN = {
    "organisation": "Fundacja „Złota Jesień”",
    "title": "Zimowe spacery i gimnastyka dla seniorów",
    "public_task": "działalność na rzecz osób w wieku emerytalnym",
    "description": "Dwa razy w tygodniu przez sześć tygodni: spacery z kijkami po parku miejskim i zajęcia "
    "gimnastyczne w świetlicy, prowadzone przez fizjoterapeutkę, dla 25 seniorów.",
    "results": "25 seniorów w 12 spotkaniach; ocena sprawności na początku i na końcu cyklu.",
    "lines": [
        ("Wynagrodzenie fizjoterapeutki", "7200", "7200", "0"),
        ("Kije do nordic walking", "2500", "2000", "500"),
        ("Wynajem sali", "1200", "0", "1200"),
    ],  # fmt: skip
}
COMMENT = ("Maria z Osiedla Sikorskiego", "Bardzo potrzebne zajęcia – zimą seniorzy prawie nie wychodzą z domu.")


def build(builder):
    if not builder.with_users or "jaslo" not in builder.sites:
        return
    centre = Centre.for_site(builder.sites["jaslo"])
    officer = get_user_model().objects.filter(email=staff_email("jaslo", Role.GRANTS_OFFICER)).first()
    if officer is None or SmallGrant.objects.filter(centre=centre).exists():
        return
    today = timezone.localdate()
    for offset, planned in PLANNED.items():
        GrantPlan.objects.get_or_create(centre=centre, year=today.year + offset, defaults={"planned_funds": planned})

    filed_at = _at(today - datetime.timedelta(days=60), 10)
    decided = _file(centre, DECIDED, filed_at, starts_in=20, days=2)
    if decided is not None:
        small_grants.publish(decided, user=officer, now=filed_at + datetime.timedelta(days=2))
        decided.refresh_from_db()
        after = decided.comments_until + datetime.timedelta(hours=10)
        small_grants.decide(decided, user=officer, granted=True, amount=decided.amount_requested, now=after)
        small_grants.prepare_agreement(decided, user=officer, number=f"ZSS.526.MG.1.{today.year}", now=after)
        builder.created["small grant"] += 1

    filed_at = _at(today - datetime.timedelta(days=3), 9)
    current = _file(centre, OPEN, filed_at, starts_in=25, days=42)
    if current is not None:
        current = small_grants.publish(current, user=officer, now=filed_at + datetime.timedelta(days=1))
        small_grants.comment(current, name=COMMENT[0], email="", text=COMMENT[1], now=timezone.now())
        builder.created["small grant"] += 1


def _file(centre, spec, filed_at, *, starts_in, days):
    organisation = Organisation.objects.filter(name=spec["organisation"]).first()
    if organisation is None:
        return None
    writer = organisation.memberships.order_by("pk").first().user
    starts_on = timezone.localdate(filed_at) + datetime.timedelta(days=starts_in)
    return small_grants.file_offer(
        user=writer,
        organisation=organisation,
        centre=centre,
        title=spec["title"],
        public_task=spec["public_task"],
        description=spec["description"],
        results=spec["results"],
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=days - 1),
        lines=[(name, Decimal(total), Decimal(grant), Decimal(other)) for name, total, grant, other in spec["lines"]],
        now=filed_at,
    )


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
