"""The access log of beneficiaries' records: one append-only row per opening or change.

Every staff screen that shows or changes a beneficiary calls `record`; the rows keep readable
labels of who and whom, so they stay meaningful after the account or the record is gone, and
`BeneficiaryAccess` refuses to be changed or deleted (see its model).
"""

from volunteers.models import AccessAction, BeneficiaryAccess

__all__ = ["AccessAction", "record", "record_many", "user_label"]


def user_label(user):
    """ "Anna Kowalska <anna@example.org>", or the address alone when the name is empty."""
    name = user.get_full_name().strip()
    return f"{name} <{user.email}>"[:254] if name else user.email[:254]


def _entry(user, label, beneficiary, action, detail):
    return BeneficiaryAccess(
        centre_id=beneficiary.centre_id,
        beneficiary_id=beneficiary.pk,
        beneficiary_label=str(beneficiary)[:120],
        user=user,
        user_label=label,
        action=AccessAction(action),
        detail=str(detail)[:200],
    )


def record(user, beneficiary, action, detail=""):
    """Write who did `action` to `beneficiary`'s record, and when; returns the entry."""
    entry = _entry(user, user_label(user), beneficiary, action, detail)
    entry.save()
    return entry


def record_many(user, beneficiaries, action, detail=""):
    """One entry per beneficiary in a single insert (an import of thousands of records)."""
    label = user_label(user)
    entries = [_entry(user, label, beneficiary, action, detail) for beneficiary in beneficiaries]
    return BeneficiaryAccess.objects.bulk_create(entries, batch_size=500)
