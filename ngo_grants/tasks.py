"""Background jobs of open calls (django-tasks): e-mails to organisations.

They run after the transaction commits and take only ids; each writes its mail into the
outbox (core.mail), which delivers it and retries while the mail server is down.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Site

from core import mail
from core.models import Centre
from ngo_grants.models import (
    Agreement,
    Annulment,
    CorrectionRequest,
    Decision,
    FormalDecision,
    Invitation,
    Offer,
    ReasonsRequest,
    Report,
    ReportKind,
    ReportReminder,
    SmallGrant,
)


def send_email(to, subject, template, context, centre):
    """The one way open-call mails are written: text with an HTML alternative, from the centre."""
    text = render_to_string(f"ngo_grants/email/{template}.txt", context)
    html = render_to_string(f"ngo_grants/email/{template}.html", context)
    mail.send(to=to, subject=subject, text=text, html=html, sender_name=centre.display_name, site_id=centre.site_id)


@task()
def send_submission_confirmation(offer_id):
    """To the member who submitted and to the organisation's address: the number, the time,
    the checksum, the offer's page and its confirmation PDF (both behind the login: the mail
    carries no attachment, so a forwarded mail gives nobody the offer)."""
    offer = Offer.objects.select_related("call", "organisation", "centre__site", "submitted_by").get(pk=offer_id)
    version = offer.latest_version()
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Offer no. %(number)s submitted: %(call)s") % {"number": offer.number, "call": offer.call.title}
        root = offer.centre.site.root_url
        context = {
            "offer": offer,
            "version": version,
            "centre": offer.centre,
            "offer_url": root + reverse("ngo_grants:offer", args=[offer.pk]),
            "pdf_url": root + reverse("ngo_grants:offer_confirmation", args=[offer.pk]),
        }
        for address in offer_recipients(offer):
            send_email(address, subject, "offer_submitted", context, offer.centre)


def offer_recipients(offer):
    """The organisation's address and the member who submitted the offer, once each."""
    recipients = {offer.organisation.email}
    if offer.submitted_by and offer.submitted_by.email:
        recipients.add(offer.submitted_by.email)
    return sorted(recipients)


def _review_mail(offer, subject, template, extra):
    root = offer.centre.site.root_url
    context = {"offer": offer, "centre": offer.centre, "offer_url": root + reverse("ngo_grants:offer", args=[offer.pk])}
    for address in offer_recipients(offer):
        send_email(address, subject, template, {**context, **extra}, offer.centre)


@task()
def send_correction_request(correction_id):
    """What to correct, in which sections, by when: the organisation's only notice of the request."""
    from ngo_grants.services.review import reopenable

    correction = CorrectionRequest.objects.select_related(
        "offer__call", "offer__organisation", "offer__centre__site", "offer__submitted_by"
    ).get(pk=correction_id)
    offer = correction.offer
    with translation.override(settings.LANGUAGE_CODE):
        labels = dict(reopenable())
        subject = _("Offer no. %(number)s: correction requested") % {"number": offer.number}
        extra = {
            "correction": correction,
            "sections": [labels[key] for key in correction.sections if key in labels],
            "due": formats.date_format(timezone.localtime(correction.due_at), "j E Y, H:i"),
        }
        _review_mail(offer, subject, "correction_request", extra)


@task()
def send_formal_decision(decision_id):
    decision = FormalDecision.objects.select_related(
        "offer__call", "offer__organisation", "offer__centre__site", "offer__submitted_by"
    ).get(pk=decision_id)
    offer = decision.offer
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Offer no. %(number)s: %(outcome)s") % {
            "number": offer.number,
            "outcome": decision.get_outcome_display(),
        }
        _review_mail(offer, subject, "formal_decision", {"decision": decision})


@task()
def send_invitation(invitation_id, site_id):
    """The invitation link, from the centre whose site the administrator was using (an
    organisation belongs to no centre). An invitation cancelled before the job ran sends nothing."""
    from ngo_grants.services.organisations import invitation_expires_at

    invitation = (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(pk=invitation_id, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        return
    site = Site.objects.filter(pk=site_id).first() or Site.objects.get(is_default_site=True)
    centre = Centre.for_site(site)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Invitation to the organisation %(organisation)s") % {"organisation": invitation.organisation.name}
        context = {
            "invitation": invitation,
            "organisation": invitation.organisation,
            "inviter": invitation.invited_by,
            "role": invitation.get_role_display(),
            "expires": formats.date_format(timezone.localtime(invitation_expires_at(invitation)), "j E Y, H:i"),
            "accept_url": site.root_url + reverse("ngo_grants:invitation", args=[invitation.token]),
            "centre": centre,
        }
        send_email(invitation.email, subject, "invitation", context, centre)


@task()
def send_annulment(annulment_id):
    """To every organisation whose offer the call received: the call is annulled, and why."""
    annulment = Annulment.objects.select_related("call").get(pk=annulment_id)
    offers = (
        Offer.objects.filter(call=annulment.call)
        .received()
        .select_related("call", "organisation", "centre__site", "submitted_by")
        .order_by("number")
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Annulment of the call: %(call)s") % {"call": annulment.call.title}
        for offer in offers:
            _review_mail(offer, subject, "annulment", {"annulment": annulment})


@task()
def send_results(decision_id):
    """To every organisation the committee assessed: the decision on its offer, the amount and,
    for less than requested, the reason; the results are on the call page."""
    decision = Decision.objects.select_related("call").get(pk=decision_id)
    grants = decision.grants.select_related(
        "offer__call", "offer__organisation", "offer__centre__site", "offer__submitted_by"
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Results of the call: %(call)s") % {"call": decision.call.title}
        call_url = decision.call.get_full_url()
        for grant in grants.order_by("offer__number"):
            _review_mail(grant.offer, subject, "results", {"decision": decision, "grant": grant, "call_url": call_url})


@task()
def send_reasons_answer(request_id):
    """To the organisation: the centre's answer to its request for the reasons of the choice."""
    request = ReasonsRequest.objects.select_related(
        "offer__call", "offer__organisation", "offer__centre__site", "offer__submitted_by"
    ).get(pk=request_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Reasons of the choice: offer no. %(number)s") % {"number": request.offer.number}
        _review_mail(request.offer, subject, "reasons_answer", {"request": request})


def _report_mail(agreement, subject, template, extra):
    from ngo_grants.views.reports import report_url

    offer = agreement.offer
    context = {"agreement": agreement, **extra}
    if "kind" in extra:
        context["report_url"] = offer.centre.site.root_url + report_url(offer, extra["kind"])
    _review_mail(offer, subject, template, context)


def _agreement(pk):
    return Agreement.objects.select_related(
        "offer__call", "offer__organisation", "offer__centre__site", "offer__submitted_by"
    ).get(pk=pk)


@task()
def send_partial_report_call(agreement_id):
    """To the organisation: the centre calls for a partial report, and by when."""
    agreement = _agreement(agreement_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Partial report called for: agreement no. %(number)s") % {"number": agreement.number}
        due = formats.date_format(agreement.partial_report_on, "j E Y")
        _report_mail(agreement, subject, "partial_report_call", {"kind": ReportKind.PARTIAL, "due": due})


@task()
def send_report_reminder(reminder_id):
    """To the organisation: a report falls due within the week, or is overdue."""
    reminder = ReportReminder.objects.get(pk=reminder_id)
    agreement = _agreement(reminder.agreement_id)
    with translation.override(settings.LANGUAGE_CODE):
        if reminder.stage == ReportReminder.Stage.BEFORE:
            subject = _("Reminder: report due under agreement no. %(number)s") % {"number": agreement.number}
        else:
            subject = _("Overdue report under agreement no. %(number)s") % {"number": agreement.number}
        context = {
            "kind": reminder.kind,
            "kind_label": ReportKind(reminder.kind).label,
            "due": formats.date_format(reminder.due_on, "j E Y"),
            "overdue": reminder.stage == ReportReminder.Stage.AFTER,
        }
        _report_mail(agreement, subject, "report_reminder", context)


@task()
def send_report_decision(report_id):
    """To the organisation: its report accepted (the final one settles the grant) or returned
    with the centre's remarks."""
    report = Report.objects.get(pk=report_id)
    agreement = _agreement(report.agreement_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your report under agreement no. %(number)s") % {"number": agreement.number}
        context = {"report": report, "kind": report.kind, "kind_label": report.get_kind_display()}
        _report_mail(agreement, subject, "report_decision", context)


@task()
def send_small_grant_decision(small_grant_id):
    """To the organisation: the centre's decision on its small-grant offer, with the reason."""
    grant = SmallGrant.objects.select_related("organisation", "centre__site", "filed_by").get(pk=small_grant_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Small grant no. %(number)s: the centre's decision") % {"number": grant.number}
        context = {
            "grant": grant,
            "centre": grant.centre,
            "url": grant.centre.site.root_url + reverse("ngo_grants:small_grant", args=[grant.pk]),
        }
        recipients = {grant.organisation.email}
        if grant.filed_by and grant.filed_by.email:
            recipients.add(grant.filed_by.email)
        for address in sorted(recipients):
            send_email(address, subject, "small_grant_decision", context, grant.centre)
