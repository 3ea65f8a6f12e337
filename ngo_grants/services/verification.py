"""A centre's decision on an organisation: verified (its offers to the centre's calls may be
submitted) or refused, with a note saying why.

Each centre decides for itself: the decision is one `Verification` row per organisation and
centre, so what one centre decides never changes another's. Only the centre's grants officers
decide; the decision and its audit entry are written in one transaction.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.audit import record
from accounts.models import AuditKind, Role
from core.scoping import centres_for
from ngo_grants.models import Verification


def deciding_centres(user):
    """The centres in which `user` may verify organisations."""
    return centres_for(user, Role.GRANTS_OFFICER)


def decide_verification(organisation, centre, *, user, verified, note=""):
    """Record `centre`'s decision on `organisation`; returns the `Verification`."""
    if not deciding_centres(user).filter(pk=centre.pk).exists():
        raise PermissionDenied
    with transaction.atomic():
        verification, _created = Verification.objects.update_or_create(
            organisation=organisation,
            centre=centre,
            defaults={"verified": verified, "note": note, "decided_by": user, "decided_at": timezone.now()},
        )
        with translation.override(settings.LANGUAGE_CODE):
            summary = _("%(organisation)s (NIP %(nip)s)") % {"organisation": organisation.name, "nip": organisation.nip}
            if note:
                summary = _("%(summary)s – note: %(note)s") % {"summary": summary, "note": note}
        record(
            AuditKind.NGO_VERIFIED if verified else AuditKind.NGO_REFUSED,
            actor=user,
            centre=centre,
            details={"organisation": organisation.pk, "summary": summary},
        )
    return verification
