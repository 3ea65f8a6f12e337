"""The volunteer's documents as PDFs: the agreement ("porozumienie", art. 44 of the Act of
24 April 2003 on public benefit activity and volunteering) and the certificate
("zaświadczenie", art. 44 (4)) of the work done and the hours the centre approved.

Both are rendered on every download from what is stored (the agreement's terms, the centre's
details, the approved hours), so they never go stale and no copy of them is kept. They are
legal documents of a Polish public body: rendered in the site's language whatever language
the person browses in.
"""

import base64
import mimetypes
from decimal import Decimal

from anyascii import anyascii
from django.conf import settings
from django.db.models import Sum
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.text import slugify

from core.models import Centre
from core.pdf import PDF_CONTENT_TYPE, render_pdf
from volunteers.models import HoursEntry, HoursStatus
from volunteers.services.documents import LONG_WORK_DAYS
from volunteers.services.hours import MAX_HOURS, format_hours

# Larger logos are left out rather than bloating every PDF.
MAX_LOGO_BYTES = 1024 * 1024
LOGO_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")


def full_name(user):
    return user.get_full_name() or user.email


def ascii_slug(text):
    """An ASCII file-name part: "Łucja Żak" → "lucja-zak" (some mail and download tools
    mangle non-ASCII names in Content-Disposition)."""
    return slugify(anyascii(str(text))) or "dokument"


def centre_address(centre):
    town = " ".join(part for part in (centre.postal_code, centre.city) if part)
    return ", ".join(part for part in (centre.street_address, town) if part)


def logo_data_uri(centre):
    """The centre's logo inlined as a data: URI (the PDF renderer fetches nothing), or ""."""
    if not centre.logo_id:
        return ""
    image = centre.logo
    content_type = mimetypes.guess_type(image.file.name)[0]
    if content_type not in LOGO_TYPES:
        return ""
    try:
        with image.open_file() as file:
            data = file.read(MAX_LOGO_BYTES + 1)
    except (OSError, ValueError):
        return ""
    if len(data) > MAX_LOGO_BYTES:
        return ""
    return f"data:{content_type};base64,{base64.b64encode(data).decode('ascii')}"


def centre_context(centre):
    return {
        "centre": centre,
        "centre_name": centre.name or centre.display_name,
        "centre_address": centre_address(centre),
        "logo": logo_data_uri(centre),
    }


def volunteer_context(profile):
    user = profile.user
    return {"volunteer": profile, "volunteer_name": full_name(user), "volunteer_email": user.email}


# --- Agreement ------------------------------------------------------------------------------


def work_days(agreement):
    """The length of the work in days, counting its first and last day."""
    return (agreement.ends_on - agreement.starts_on).days + 1


def agreement_context(agreement):
    days = work_days(agreement)
    task = agreement.task
    return {
        "agreement": agreement,
        **centre_context(agreement.centre),
        **volunteer_context(agreement.volunteer),
        "task": task,
        "coordinator_name": task.coordinator_name if task else "",
        "days": days,
        "one_day": days == 1,
        # Art. 46 (3): the centre insures the volunteer against accidents for work up to 30
        # days; longer work is covered by the statutory accident benefits (art. 46 (2)).
        "short_work": days <= LONG_WORK_DAYS,
        "long_work_days": LONG_WORK_DAYS,
        # A minor signs with their legal guardian's consent.
        "minor": agreement.volunteer.age_on(agreement.starts_on) < 18,
        "place": agreement.centre.city,
    }


def agreement_pdf(agreement):
    with translation.override(settings.LANGUAGE_CODE):
        return render_pdf("volunteers/pdf/agreement.html", agreement_context(agreement))


def agreement_filename(agreement):
    return f"porozumienie-{ascii_slug(full_name(agreement.volunteer.user))}-{agreement.pk}.pdf"


# --- Certificate ----------------------------------------------------------------------------


def approved_hours(profile, centre):
    return HoursEntry.objects.filter(volunteer=profile, centre=centre, status=HoursStatus.APPROVED)


def certificate_centres(profile):
    """The centres where `profile` has approved hours: each can certify them."""
    centre_ids = HoursEntry.objects.filter(volunteer=profile, status=HoursStatus.APPROVED).values("centre")
    return Centre.objects.filter(pk__in=centre_ids).order_by("pk")


def certified_hours(entries):
    """The approved hours of `entries` per task, each day's hours capped at 24.

    The services refuse more than 24 hours a day, but rows older than that rule, or written
    past the services, may still hold more: a certificate must never state the impossible.
    On a day over 24 hours the tasks are counted in the order of their titles until the day
    is full, so the rows and the total always agree. One query: (task, day) sums.
    """
    by_day = (
        entries.filter(status=HoursStatus.APPROVED)
        .values("task", "task_title", "date")
        .annotate(hours=Sum("hours"))
        .order_by("date", "task_title", "task")
    )
    tasks, left_on, dates = {}, {}, []
    for row in by_day:
        left = left_on.setdefault(row["date"], MAX_HOURS)
        counted = min(row["hours"], left)
        left_on[row["date"]] = left - counted
        if not counted:
            continue
        dates.append(row["date"])
        task = tasks.setdefault((row["task"], row["task_title"]), {"label": row["task_title"], "hours": Decimal("0")})
        task["hours"] += counted
    rows = sorted(tasks.values(), key=lambda task: (-task["hours"], task["label"]))
    total = sum((task["hours"] for task in rows), Decimal("0"))
    return rows, total, (min(dates) if dates else None), (max(dates) if dates else None)


def certificate_context(profile, centre):
    """What the certificate says: the tasks with their approved hours, the period from the
    first to the last approved session (one date for one day's work) and the total, in one
    query whatever the number of sessions. Hours waiting for approval or rejected are not
    certified."""
    rows, total, first, last = certified_hours(approved_hours(profile, centre))
    return {
        **centre_context(centre),
        **volunteer_context(profile),
        "tasks": [{**row, "hours": format_hours(row["hours"])} for row in rows],
        "first_date": first,
        "last_date": last,
        "one_day": first is not None and first == last,
        "total": total,
        "total_display": format_hours(total),
        "issued_on": timezone.localdate(),
        "place": centre.city,
    }


def certificate_pdf(profile, centre):
    with translation.override(settings.LANGUAGE_CODE):
        return render_pdf("volunteers/pdf/certificate.html", certificate_context(profile, centre))


def certificate_filename(profile, centre):
    return f"zaswiadczenie-{ascii_slug(full_name(profile.user))}-{ascii_slug(centre.display_name)}.pdf"


# --- Downloads ------------------------------------------------------------------------------


def attachment(content, filename, content_type=PDF_CONTENT_TYPE):
    """A download of personal data: saved, never shown inline, never kept by a cache."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
