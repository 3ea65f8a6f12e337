"""An offer's dossier for auditors (Step 7, point 8): one ZIP with everything the centre holds
on the offer, from the submission to the settlement.

Inside: every submitted version exactly as its checksum was computed, the attachments, the
formal review, the committee members' declarations on the offer, their scores per criterion,
the result, the updated budgets, the agreement as PDF and the reports. A manifest lists each
file with its SHA-256, so an auditor can tell that nothing was changed after the download; it
also says what the dossier lacks (a file missing from the storage is named there, never left
out in silence).
"""

import csv
import hashlib
import io
import json
import zipfile

from django.conf import settings
from django.utils import timezone, translation

from core.spreadsheets import neutralise
from ngo_grants.agreement_pdf import agreement_pdf
from ngo_grants.models import Agreement, Offer
from ngo_grants.resources import FormalResource, ReportResource, ResultResource, ScoreResource, spreadsheet
from ngo_grants.sections import serialise

# The step exports that already say, in the officers' own columns, what became of the offer.
STEP_SHEETS = (
    ("ocena-formalna.csv", FormalResource),
    ("oceny-komisji.csv", ScoreResource),
    ("wynik.csv", ResultResource),
    ("sprawozdania.csv", ReportResource),
)


def dossier_name(offer):
    return f"teczka-oferty-{(offer.number or str(offer.pk)).replace('/', '-')}.zip"


def dossier(offer):
    """The ZIP's bytes. Raises core.pdf.PdfUnavailable when the agreement cannot be rendered:
    a dossier without its agreement would mislead an auditor."""
    files, missing = [], []
    with translation.override(settings.LANGUAGE_CODE):
        for version in offer.versions.order_by("number"):
            files.append((f"wersje/wersja-{version.number}.json", serialise(version.content)))
        for attachment in offer.attachments.all():
            name = f"zalaczniki/{attachment.pk}-{attachment.original_name}"
            try:
                with attachment.file.open("rb") as handle:
                    files.append((name, handle.read()))
            except (FileNotFoundError, ValueError):
                missing.append(name)
        single = Offer.objects.filter(pk=offer.pk)
        for name, resource in STEP_SHEETS:
            files.append((name, spreadsheet(resource, single, "csv", name.removesuffix(".csv"))))
        files.append(("oswiadczenia-czlonkow-komisji.csv", _declarations(offer)))
        updates = [_sent(update, lines=update.lines, schedule=update.schedule) for update in offer.budget_updates.all()]
        if updates:
            files.append(("aktualizacje-budzetu.json", _json(updates)))
        agreement = Agreement.objects.filter(offer=offer).select_related("centre", "budget_update").first()
        if agreement is not None:
            files.append((f"umowa-{agreement.number.replace('/', '-')}.pdf", agreement_pdf(agreement)))
            reports = [
                _sent(
                    report,
                    kind=report.kind,
                    actions=report.actions,
                    results=report.results,
                    lines=report.lines,
                    grant_used=str(report.grant_used),
                    to_return=str(report.to_return),
                )  # fmt: skip
                for report in agreement.reports.all()
            ]
            if reports:
                files.append(("sprawozdania.json", _json(reports)))
        files.append(("SPIS.txt", _manifest(offer, files, missing).encode("utf-8")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            archive.writestr(name, content)
    return out.getvalue()


def _declarations(offer):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["członek komisji", "rodzaj członkostwa", "konflikt interesów", "podstawa", "wyjaśnienie",
                     "złożono"])  # fmt: skip
    declarations = offer.declarations.select_related("member__user").order_by("declared_at", "pk")
    for declaration in declarations:
        member = declaration.member
        writer.writerow(
            [
                neutralise(member.user.get_full_name() or member.user.email),
                member.get_kind_display(),
                "tak" if declaration.conflict else "nie",
                declaration.get_ground_display(),
                neutralise(declaration.reason),
                timezone.localtime(declaration.declared_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return out.getvalue().encode("utf-8")


def _sent(item, **fields):
    """What an organisation sent and the centre's answer, as plain values."""
    return {
        "submitted_at": timezone.localtime(item.submitted_at).isoformat(),
        "accepted": item.accepted,
        "decided_at": timezone.localtime(item.decided_at).isoformat() if item.decided_at else None,
        "remarks": item.remarks,
        **fields,
    }


def _json(value):
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")


def _manifest(offer, files, missing):
    lines = [
        f"Teczka oferty nr {offer.number}: {offer.title}",
        f"Organizacja: {offer.organisation.name}",
        f"Konkurs: {offer.call.title}",
        f"Stan oferty: {offer.get_status_display()}",
        f"Wygenerowano: {timezone.localtime():%Y-%m-%d %H:%M} (czas polski)",
        "",
        "Pliki i ich skróty SHA-256:",
    ]
    lines += [f"{hashlib.sha256(content).hexdigest()}  {name}" for name, content in files]
    if missing:
        lines += ["", "Brak w magazynie plików (zgłoś administratorowi):", *missing]
    return "\n".join(lines) + "\n"
