"""Hard constraints: a pair that fails one is never proposed, and staff see which one.

Every check returns the `Reason` that excludes the pair, or None. `exclusions` returns all
that apply, so a coordinator reads the whole story for one candidate, not only the first.
"""

from volunteers.matching.data import Need, Volunteer
from volunteers.matching.reasons import Reason


def district(volunteer: Volunteer, need: Need):
    if need.district not in volunteer.districts:
        return Reason("district", (need.district,))
    return None


def overlap(volunteer: Volunteer, need: Need):
    if not volunteer.slots & need.slots:
        return Reason("no_overlap")
    return None


def capacity(volunteer: Volunteer, need: Need):
    if volunteer.capacity <= 0:
        return Reason("capacity")
    return None


def clearance(volunteer: Volunteer, need: Need):
    # Every check must still be valid on the first day of work, not only today.
    valid = volunteer.clearance_valid_until
    if need.child_involved and (valid is None or valid < need.start):
        return Reason("clearance", (need.start,))
    return None


def age(volunteer: Volunteer, need: Need):
    if volunteer.age < need.minimum_age:
        return Reason("age", (need.minimum_age,))
    return None


def gender(volunteer: Volunteer, need: Need):
    # A volunteer who did not say is not presumed to match a stated preference.
    if need.preferred_gender and volunteer.gender != need.preferred_gender:
        return Reason("gender", (need.preferred_gender,))
    return None


def language(volunteer: Volunteer, need: Need):
    if need.language and need.language not in volunteer.languages:
        return Reason("language", (need.language,))
    return None


def disability(volunteer: Volunteer, need: Need):
    if need.disability and need.disability not in volunteer.disability_experience:
        return Reason("disability", (need.disability,))
    return None


def licence(volunteer: Volunteer, need: Need):
    if need.needs_licence and not volunteer.has_licence:
        return Reason("licence")
    return None


def car(volunteer: Volunteer, need: Need):
    if need.needs_car and not volunteer.has_car:
        return Reason("car")
    return None


# Where and when first: the unmatched-need explanation reads them in this order.
PLACE_AND_TIME = (district, overlap)
REQUIREMENTS = (clearance, age, gender, language, disability, licence, car)
CHECKS = (*PLACE_AND_TIME, capacity, *REQUIREMENTS)


def exclusions(volunteer: Volunteer, need: Need, checks=CHECKS) -> tuple[Reason, ...]:
    return tuple(reason for check in checks if (reason := check(volunteer, need)))
