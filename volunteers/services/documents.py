"""The written agreement (art. 44 of the Act): when it is required and recording it.

Work over 30 days needs a written agreement before it starts; shorter work needs one only
if the volunteer asks, so the coordinator may prepare one for any task.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import centres_for
from volunteers.models import Agreement
from volunteers.roles import VOLUNTEERING_STAFF
from volunteers.services import decisions
from volunteers.services.applications import ApplicationRefused

LONG_WORK_DAYS = 30


def agreement_required(task):
    """Whether the task's work lasts over 30 days, counting its first and last day."""
    return (task.last_date - task.start_date).days + 1 > LONG_WORK_DAYS


def signed_agreement(volunteer, task):
    return Agreement.objects.filter(volunteer=volunteer, task=task, signed_on__isnull=False).first()


def agreement_missing(volunteer, task):
    """True while work over 30 days may not start: no signed agreement is recorded."""
    return agreement_required(task) and signed_agreement(volunteer, task) is None


def _check_staff(centre_id, actor):
    if not centres_for(actor, *VOLUNTEERING_STAFF).filter(pk=centre_id).exists():
        raise ApplicationRefused(_("Only the coordinators of the task's centre can prepare its agreements."))


def prepare_agreement(volunteer, task, actor, *, scope="", manner="", costs_waived=False):
    """The agreement for `volunteer` on `task`, created with the task's scope and period the
    first time; later calls update the terms until it is signed."""
    _check_staff(task.centre.pk, actor)
    with transaction.atomic():
        agreement, created = Agreement.objects.select_for_update().get_or_create(
            volunteer=volunteer,
            task=task,
            defaults={
                "centre": task.centre,
                "scope": scope or task.title + "\n" + task.summary,
                "manner": manner,
                "starts_on": task.start_date,
                "ends_on": task.last_date,
                "costs_waived": costs_waived,
            },
        )
        if not created:
            if agreement.is_signed:
                raise ApplicationRefused(_("A signed agreement cannot be changed; prepare an annex on paper."))
            agreement.scope = scope or agreement.scope
            agreement.manner = manner
            agreement.costs_waived = costs_waived
            agreement.save(update_fields=["scope", "manner", "costs_waived"])
    return agreement


def record_agreement_signed(agreement, actor, signed_on=None):
    """The paper agreement has been signed by both parties; work over 30 days may start."""
    _check_staff(agreement.centre_id, actor)
    signed_on = signed_on or timezone.localdate()
    if signed_on > timezone.localdate():
        raise ApplicationRefused(_("The date of signing cannot be in the future."))
    with transaction.atomic():
        agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
        if agreement.is_signed:
            raise ApplicationRefused(_("This agreement has already been recorded as signed."))
        agreement.signed_on = signed_on
        agreement.recorded_by = actor
        agreement.save(update_fields=["signed_on", "recorded_by"])
        decisions.agreement_signed(agreement, actor)
    return agreement
