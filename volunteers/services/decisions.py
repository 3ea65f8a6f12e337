"""Staff decisions on volunteering, written to the centre's audit log (accounts.audit).

Each entry is written inside the decision's own transaction, so a decision is never made
without its entry. The summary is worded in the site's language once, when it is written:
the supervisor later reads what was decided, even if the task has been renamed or deleted.
"""

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.audit import record
from accounts.models import AuditKind


def _log(kind, words, *, actor, centre, subject_user=None, **details):
    with translation.override(settings.LANGUAGE_CODE):
        summary = words()
    record(kind, actor=actor, subject_user=subject_user, centre=centre, details={**details, "summary": summary})


def application_accepted(application, actor):
    _log(
        AuditKind.APPLICATION_ACCEPTED,
        lambda: application.task.title,
        actor=actor,
        centre=application.centre,
        subject_user=application.volunteer.user,
        application=application.pk,
    )


def application_declined(application, actor):
    _log(
        AuditKind.APPLICATION_DECLINED,
        lambda: (
            _("%(task)s – reason: %(reason)s") % {"task": application.task.title, "reason": application.decline_reason}
        ),
        actor=actor,
        centre=application.centre,
        subject_user=application.volunteer.user,
        application=application.pk,
    )


def clearance_recorded(clearance, actor):
    _log(
        AuditKind.CLEARANCE_RECORDED,
        lambda: (
            _("%(check)s: %(result)s (checked on %(date)s)")
            % {
                "check": clearance.get_kind_display(),
                "result": clearance.get_result_display(),
                "date": date_format(clearance.checked_on),
            }
        ),
        actor=actor,
        centre=clearance.centre,
        subject_user=clearance.profile.user,
        clearance=clearance.pk,
    )


def agreement_signed(agreement, actor):
    _log(
        AuditKind.AGREEMENT_SIGNED,
        lambda: (
            _("%(task)s (signed on %(date)s)")
            % {"task": agreement.task.title, "date": date_format(agreement.signed_on)}
        ),
        actor=actor,
        centre=agreement.centre,
        subject_user=agreement.volunteer.user,
        agreement=agreement.pk,
    )


def volunteers_imported(centre, count, actor=None):
    """Without `actor`, the person whose request is being served (see accounts.audit)."""
    _log(
        AuditKind.VOLUNTEERS_IMPORTED,
        lambda: ngettext("%(count)s volunteer", "%(count)s volunteers", count) % {"count": count},
        actor=actor,
        centre=centre,
        count=count,
    )
