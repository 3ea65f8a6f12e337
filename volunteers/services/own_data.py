"""The volunteer's own data: a copy of everything stored about them (RODO art. 15 and 20) and
erasing their volunteer profile (art. 17).

Erasing keeps the centres' statistics honest: approved hours stay, with no person attached
(anonymous figures are not personal data); everything else about the volunteer goes. The
same clean-up runs when the whole account is deleted, through the `pre_delete` receiver in
`volunteers.signals`, so both paths leave the same trace.
"""

import io
import json
import zipfile
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from core.pdf import PdfUnavailable
from volunteers.models import (
    LIVE_STATES,
    Agreement,
    Application,
    ApplicationStatus,
    CentreVolunteer,
    Clearance,
    HoursEntry,
    HoursStatus,
    Match,
    MatchStatus,
    TaskPage,
)
from volunteers.reasons import describe, from_stored
from volunteers.services import matches as match_services
from volunteers.services import matching
from volunteers.services.applications import _promote_next
from volunteers.services.hours import match_title

EXPORT_FILENAME = "pomost-moje-dane.zip"
MISSING_PDFS_FILENAME = "brakujace-pliki-pdf.txt"


def _iso(value):
    """Dates as YYYY-MM-DD, moments in Warsaw time with their offset; None stays null."""
    if value is None:
        return None
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def _name(user):
    return (user.get_full_name() or user.email) if user else None


def _centre(centre):
    return centre.name or centre.display_name


def own_data(profile):
    """Everything stored about the volunteer, as plain JSON-ready data (Decimals as strings)."""
    user = profile.user
    clearances = Clearance.objects.filter(profile=profile).select_related("centre__site", "checked_by")
    applications = (
        Application.objects.filter(volunteer=profile)
        .select_related("task", "centre__site")
        .prefetch_related("reminders")
        .order_by("created_at", "pk")
    )
    hours = HoursEntry.objects.filter(volunteer=profile).select_related("centre__site").order_by("date", "pk")
    agreements = Agreement.objects.filter(volunteer=profile).select_related("task", "centre__site")
    return {
        "exported_at": _iso(timezone.now()),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "profile": {
            "birth_date": _iso(profile.birth_date),
            "phone": profile.phone,
            "address": profile.address,
            "driving_licence": profile.driving_licence,
            "has_car": profile.has_car,
            "matching_note": profile.matching_note,
            "gender": profile.gender,
            "regular_help": profile.regular_help,
            "max_concurrent": profile.max_concurrent,
            "guardian_name": profile.guardian_name,
            "guardian_email": profile.guardian_email,
            "guardian_consent_at": _iso(profile.guardian_consent_at),
            "standards_acknowledged_at": _iso(profile.standards_acknowledged_at),
            "standards_version": profile.standards_version,
            "created_at": _iso(profile.created_at),
            "updated_at": _iso(profile.updated_at),
        },
        "skills": sorted(profile.skills.values_list("name", flat=True)),
        "languages": sorted(profile.languages.values_list("name", flat=True)),
        "disability_experience": sorted(profile.disability_experience.values_list("name", flat=True)),
        "districts": [
            {"name": district.name, "centre": _centre(district.centre)}
            for district in profile.districts.select_related("centre__site").order_by("centre", "name")
        ],
        "availability": [
            {"weekday": slot.weekday, "day": str(slot.get_weekday_display()), "part": slot.part}
            for slot in profile.availability.all()
        ],
        "consents": [
            {
                "kind": consent.kind,
                "text_version": consent.text_version,
                "given_at": _iso(consent.given_at),
                "withdrawn_at": _iso(consent.withdrawn_at),
            }
            for consent in profile.consents.order_by("given_at", "pk")
        ],
        "clearances": [
            {
                "centre": _centre(clearance.centre),
                "kind": clearance.kind,
                "checked_on": _iso(clearance.checked_on),
                "result": clearance.result,
                "expires_on": _iso(clearance.expires_on),
                "checked_by": _name(clearance.checked_by),
            }
            for clearance in clearances
        ],
        "centres": [
            {"centre": _centre(link.centre), "added_at": _iso(link.added_at)}
            for link in CentreVolunteer.objects.filter(volunteer=profile).select_related("centre__site")
        ],
        "applications": [
            {
                "task": application.task.title,
                "centre": _centre(application.centre),
                "status": application.status,
                "message": application.message,
                "decline_reason": application.decline_reason,
                "created_at": _iso(application.created_at),
                "decided_at": _iso(application.decided_at),
                "reminders": [_iso(reminder.date) for reminder in application.reminders.all()],
            }
            for application in applications
        ],
        "hours": [
            {
                "task": entry.task_title,
                "centre": _centre(entry.centre),
                "date": _iso(entry.date),
                "hours": str(entry.hours),
                "note": entry.note,
                "status": entry.status,
                "reject_reason": entry.reject_reason,
                "created_at": _iso(entry.created_at),
                "decided_at": _iso(entry.decided_at),
            }
            for entry in hours
        ],
        "matches": _matches(profile),
        "agreements": [
            {
                "task": agreement.task.title if agreement.task else None,
                "centre": _centre(agreement.centre),
                "scope": agreement.scope,
                "manner": agreement.manner,
                "starts_on": _iso(agreement.starts_on),
                "ends_on": _iso(agreement.ends_on),
                "costs_waived": agreement.costs_waived,
                "signed_on": _iso(agreement.signed_on),
                "created_at": _iso(agreement.created_at),
            }
            for agreement in agreements
        ],
    }


def _matches(profile):
    """The volunteer's matches as they know them: what and where, the state and its dates,
    their own answers and the outcome; of the beneficiary only the permitted contact of an
    active match, exactly what the match page shows them."""
    matches = (
        Match.objects.filter(volunteer=profile)
        .select_related("need__beneficiary__district", "centre__site")
        .order_by("proposed_at", "pk")
    )
    labels = {}
    rows = []
    for match in matches:
        if match.reasons and match.centre_id not in labels:
            labels[match.centre_id] = matching.load_labels(match.centre)
        rows.append(
            {
                "help": match_title(match),
                "category": match.need.category,
                "district": match.need.beneficiary.district.name,
                "centre": _centre(match.centre),
                "status": match.status,
                "reasons": [describe(reason, labels.get(match.centre_id)) for reason in from_stored(match.reasons)],
                "proposed_at": _iso(match.proposed_at),
                "answered_at": _iso(match.answered_at),
                "decline_reason": match.decline_reason,
                "ended_at": _iso(match.ended_at),
                "outcome": match.outcome,
                "outcome_note": match.outcome_note,
                "cancel_reason": match.cancel_reason,
                "contact": match.permitted_contact,
            }
        )
    return rows


def export_own_data(profile):
    """A ZIP (bytes) with `dane.json` (see `own_data`), every agreement as a PDF, and a
    certificate for each centre where the volunteer has approved hours.

    The data is the point of the export: when the PDF renderer fails, the ZIP still goes out
    with `dane.json` and a note naming the documents to download again later."""
    from volunteers.documents import pdfs

    documents = [
        (f"porozumienia/{pdfs.agreement_filename(agreement)}", partial(pdfs.agreement_pdf, agreement))
        for agreement in Agreement.objects.filter(volunteer=profile).select_related("task", "centre", "volunteer")
    ]
    documents += [
        (
            f"zaswiadczenia/{pdfs.certificate_filename(profile, centre)}",
            partial(pdfs.certificate_pdf, profile, centre),
        )
        for centre in pdfs.certificate_centres(profile)
    ]
    archive_bytes = io.BytesIO()
    with zipfile.ZipFile(archive_bytes, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        data = json.dumps(own_data(profile), ensure_ascii=False, indent=2)
        archive.writestr("dane.json", data.encode("utf-8"))
        missing = []
        for filename, render in documents:
            try:
                archive.writestr(filename, render())
            except PdfUnavailable:
                missing.append(filename)
        if missing:
            archive.writestr(MISSING_PDFS_FILENAME, _missing_pdfs_note(missing).encode("utf-8"))
    return archive_bytes.getvalue()


def _missing_pdfs_note(filenames):
    lines = [
        gettext(
            "These PDF documents could not be prepared because of a technical problem. "
            "Your data in dane.json is complete. Download the archive again later to get them:"
        ),
        "",
        *filenames,
    ]
    return "\n".join(lines) + "\n"


def release_volunteer(profile):
    """What must happen before a volunteer profile is deleted, whichever way it goes.

    Places the volunteer held are handed to the waiting list (the next volunteer is told),
    proposed matches are declined and active ones left (their needs reopen), hours nobody
    approved are deleted, and approved hours lose the volunteer's own note:
    only the figures stay. Called by the `pre_delete` receiver, inside the deletion's
    transaction, before any row is gone.
    """
    held = Application.objects.filter(volunteer=profile, status=ApplicationStatus.ACCEPTED).values_list(
        "task", flat=True
    )
    for task_id in sorted(set(held)):
        # Locked as every transition locks it, so a coordinator accepting at the same moment
        # waits; the freed place goes to the waiting list as when someone withdraws.
        _promote_next(TaskPage.objects.select_for_update().get(pk=task_id))
    # Live matches end as the volunteer's own answer would end them, so each need is open
    # again for someone else rather than held by a match without a volunteer.
    reason = gettext("The volunteer deleted their volunteer profile.")
    for match in Match.objects.filter(volunteer=profile, status__in=LIVE_STATES):
        if match.status == MatchStatus.PROPOSED:
            match_services.decline(match, profile, reason)
        else:
            match_services.leave(match, profile, reason)
    HoursEntry.objects.filter(volunteer=profile).exclude(status=HoursStatus.APPROVED).delete()
    HoursEntry.objects.filter(volunteer=profile, status=HoursStatus.APPROVED).update(note="")


def erase_volunteer(profile):
    """Delete the volunteer profile and with it availability, consents, clearances,
    applications and agreements; approved hours stay, anonymous. The account stays."""
    with transaction.atomic():
        profile.delete()
