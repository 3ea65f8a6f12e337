"""The small-grant forms survive hostile input (tests/security/hostile.py): the organisation's
offer, anyone's comment, and the officer's decision, agreement and the year's planned funds;
what they store stays within the limits."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.models import Role
from core.models import Centre
from ngo_grants.models import GrantPlan, MemberRole, SmallGrant, SmallGrantComment, SmallGrantStatus
from ngo_grants.services import small_grants
from ngo_grants.small_grant_rules import rules_on
from tests.accounts.helpers import make_staff
from tests.ngo_grants import make_organisation
from tests.security.hostile import assert_form_survives_hostile_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(jaslo):
    return Centre.for_site(jaslo)


@pytest.fixture
def organisation(centre):
    return make_organisation(name="Fundacja Mały Krok", centres=[centre])


@pytest.fixture
def officer(jaslo):
    return make_staff("dotacje@example.org", jaslo, Role.GRANTS_OFFICER)


def filed(organisation, centre):
    starts_on = timezone.localdate() + datetime.timedelta(days=20)
    return small_grants.file_offer(
        user=organisation.memberships.get(role=MemberRole.ADMIN).user, organisation=organisation, centre=centre,
        title="Wakacje", public_task="pomoc społeczna", description="Opis.", results="Wyniki.", starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=9), lines=[("Opieka", Decimal(5000), Decimal(5000), Decimal(0))],
    )  # fmt: skip


def test_small_grant_offer_form_survives_hostile_input(client, organisation):
    client.force_login(organisation.memberships.get(role=MemberRole.ADMIN).user)
    starts_on = timezone.localdate() + datetime.timedelta(days=20)
    # The five cost rows are the same code: the first is swept, the others sent empty.
    empty_rows = {f"line_{index}_{key}": "" for index in range(1, 5) for key in ("name", "total", "from_grant",
                                                                                  "from_other")}  # fmt: skip
    outcome = assert_form_survives_hostile_input(
        client,
        "/male-granty/nowy/",
        fields={
            "organisation": str(organisation.pk),
            "title": "Wakacje w mieście",
            "public_task": "pomoc społeczna",
            "description": "Zajęcia dla dzieci.",
            "results": "20 dzieci.",
            "starts_on": starts_on.isoformat(),
            "ends_on": (starts_on + datetime.timedelta(days=9)).isoformat(),
            "line_0_name": "Opieka",
            "line_0_total": "6000",
            "line_0_from_grant": "5000",
            "line_0_from_other": "1000",
        },
        fixed_data=empty_rows,
        prepare=lambda: SmallGrant.objects.all().delete(),
        max_examples=5,
    )
    assert outcome["redirected"] > 0 and outcome["refused"] > 0
    cap = rules_on(timezone.localdate()).per_task
    assert all(0 < grant.amount_requested <= cap for grant in SmallGrant.objects.all())


def test_comment_form_survives_hostile_input(client, organisation, centre, officer):
    grant = small_grants.publish(filed(organisation, centre), user=officer)
    outcome = assert_form_survives_hostile_input(
        client,
        f"/male-granty/{grant.pk}/",
        fields={"name": "Jan Kowalski", "email": "jan@example.org", "text": "Dobry pomysł."},
        max_examples=5,
    )
    assert outcome["redirected"] > 0 and outcome["refused"] > 0
    assert all(comment.name.strip() and comment.text.strip() for comment in SmallGrantComment.objects.all())


def test_officers_small_grant_forms_survive_hostile_input(client, organisation, centre, officer):
    grant = filed(organisation, centre)
    small_grants.publish(grant, user=officer, now=timezone.now() - datetime.timedelta(days=9))
    GrantPlan.objects.create(centre=centre, year=grant.starts_on.year, planned_funds=Decimal("100000"))
    client.force_login(officer)
    url = f"/admin/oferty/male-granty/{grant.pk}/"

    def reopen():
        SmallGrant.objects.filter(pk=grant.pk).update(status=SmallGrantStatus.PUBLISHED, amount_granted=None,
                                                      reason="", agreement_number="")  # fmt: skip

    decided = assert_form_survives_hostile_input(
        client,
        url,
        fields={"decision-decision": "grant", "decision-amount": "4500", "decision-reason": "Koszty zawyżone."},
        fixed_data={"form": "decision"},
        form_context_name="decision_form",
        prepare=reopen,
        max_examples=5,
    )
    assert decided["redirected"] > 0 and decided["refused"] > 0
    grant.refresh_from_db()
    assert grant.amount_granted is None or 0 < grant.amount_granted <= grant.amount_requested

    def granted():
        SmallGrant.objects.filter(pk=grant.pk).update(status=SmallGrantStatus.GRANTED, amount_granted=4500)

    granted()
    agreed = assert_form_survives_hostile_input(
        client,
        url,
        fields={"agreement-number": "ZSS.526.MG.1.2027"},
        fixed_data={"form": "agreement"},
        form_context_name="agreement_form",
        prepare=granted,
        max_examples=5,
    )
    assert agreed["redirected"] > 0 and agreed["refused"] > 0

    planned = assert_form_survives_hostile_input(
        client,
        "/admin/oferty/male-granty/",
        fields={"year": "2027", "planned_funds": "150 000,00"},
        form_context_name="plan_form",
        max_examples=5,
    )
    assert planned["redirected"] > 0 and planned["refused"] > 0
