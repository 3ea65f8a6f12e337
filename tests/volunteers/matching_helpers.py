"""Beneficiaries, needs and pool volunteers for the matching tests (shared by their modules)."""

import datetime

from django.utils import timezone

from accounts.models import Role
from accounts.roles import grant_role
from core.models import Centre
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers.models import (
    Availability,
    Beneficiary,
    BeneficiaryKind,
    Clearance,
    ClearanceKind,
    ClearanceResult,
    District,
    Need,
)

ALL_WEEK = [f"{day}-{part}" for day in range(7) for part in ("morning", "afternoon", "evening")]


def centre_of(site):
    return site if isinstance(site, Centre) else Centre.for_site(site)


def district(site, name="Śródmieście"):
    return District.objects.get_or_create(centre=centre_of(site), name=name)[0]


def make_beneficiary(site, name="Nowakowie", kind=BeneficiaryKind.FAMILY, district_name="Śródmieście", **fields):
    centre = centre_of(site)
    values = {
        "first_name": "Anna",
        "phone": "600 200 300",
        "address": "ul. Słoneczna 4, 38-200 Jasło",
        "household_note": "Mama z trójką dzieci, najmłodsze z autyzmem.",
        **fields,
    }
    return Beneficiary.objects.create(
        centre=centre, kind=kind, name=name, district=district(centre, district_name), **values
    )


def make_need(beneficiary, times=("0-afternoon", "2-afternoon"), skills=(), **fields):
    values = {
        "category": "tutoring",
        "hours_per_week": 4,
        "start_date": timezone.localdate(),
        "staff_note": "Uwaga: tylko dla personelu.",
        **fields,
    }
    need = Need.objects.create(beneficiary=beneficiary, times=list(times), **values)
    need.skills.set(skills)
    return need


def pool_volunteer(
    site, email=None, *, districts=("Śródmieście",), slots=(("0", "afternoon"),), cleared=False, **fields
):
    """A volunteer in `site`'s matching pool (regular help, its districts, those slots)."""
    profile = make_volunteer(make_resident(email), regular_help=True, **fields)
    profile.districts.set([district(site, name) for name in districts])
    for weekday, part in slots:
        Availability.objects.create(profile=profile, weekday=int(weekday), part=part)
    if cleared:
        clear(profile, site)
    return profile


def clear(profile, site, days_valid=365):
    today = timezone.localdate()
    for kind in ClearanceKind.values:
        Clearance.objects.create(
            profile=profile,
            centre=centre_of(site),
            kind=kind,
            checked_on=today,
            result=ClearanceResult.CLEAR,
            expires_on=today + datetime.timedelta(days=days_valid),
        )


def coordinator(site, email="koordynatorka@example.org", role=Role.COORDINATOR):
    user = make_resident(email)
    grant_role(user, centre_of(site), role)
    return user
