"""Importing a centre's own list of volunteers (checked by `volunteers.transfer.importing`).

Each row becomes an account (the e-mail address, names, no usable password, the address not
yet confirmed), a volunteer profile and a link to the centre, so its coordinators see the
person at once. The person signs in later by resetting the password, which also confirms the
address. Everything is created in one transaction with a few bulk inserts: 10,000 rows take
seconds, and a failure leaves nothing half-imported.
"""

import secrets

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import transaction

from volunteers.models import CentreVolunteer, VolunteerProfile
from volunteers.services import decisions

BATCH = 500


@transaction.atomic
def import_volunteers(check, centre, actor=None):
    """Create the volunteers of a clean `ImportCheck` for `centre`; returns how many. The
    import is written to the audit log as `actor`'s (by default, the signed-in person's).

    An address that got an account between the check and now makes the unique constraint
    fail, and the whole import is rolled back (the caller checks the file again).
    """
    if not check.is_clean:
        raise ValueError("only a clean check can be imported")
    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(
                email=candidate.email,
                first_name=candidate.first_name,
                last_name=candidate.last_name,
                # What set_unusable_password() stores, made faster for thousands of rows.
                password=UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30),
            )
            for candidate in check.candidates
        ],
        batch_size=BATCH,
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, verified=False, primary=True) for user in users], batch_size=BATCH
    )
    profiles = VolunteerProfile.objects.bulk_create(
        [
            VolunteerProfile(
                user=user,
                birth_date=candidate.birth_date,
                phone=candidate.phone,
                address=candidate.address,
                driving_licence=candidate.driving_licence,
                has_car=candidate.has_car,
                matching_note=candidate.matching_note,
                gender=candidate.gender,
                regular_help=candidate.regular_help,
            )
            for user, candidate in zip(users, check.candidates, strict=True)
        ],
        batch_size=BATCH,
    )
    SkillLink, DistrictLink = VolunteerProfile.skills.through, VolunteerProfile.districts.through
    pairs = list(zip(profiles, check.candidates, strict=True))
    SkillLink.objects.bulk_create(
        [SkillLink(volunteerprofile=p, skill_id=skill) for p, c in pairs for skill in c.skill_ids], batch_size=BATCH
    )
    DistrictLink.objects.bulk_create(
        [DistrictLink(volunteerprofile=p, district_id=district) for p, c in pairs for district in c.district_ids],
        batch_size=BATCH,
    )
    LanguageLink, DisabilityLink = VolunteerProfile.languages.through, VolunteerProfile.disability_experience.through
    LanguageLink.objects.bulk_create(
        [LanguageLink(volunteerprofile=p, language_id=language) for p, c in pairs for language in c.language_ids],
        batch_size=BATCH,
    )
    DisabilityLink.objects.bulk_create(
        [DisabilityLink(volunteerprofile=p, disabilitykind_id=kind) for p, c in pairs for kind in c.disability_ids],
        batch_size=BATCH,
    )
    CentreVolunteer.objects.bulk_create(
        [CentreVolunteer(centre=centre, volunteer=profile) for profile in profiles], batch_size=BATCH
    )
    decisions.volunteers_imported(centre, len(profiles), actor)
    return len(profiles)
