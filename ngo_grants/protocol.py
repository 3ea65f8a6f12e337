"""The committee's protocol as a PDF: members and attendance, declarations, every counted
score per member and criterion, the ranking per task and the recommended amounts.

Before the chair adopts the opinion the same document is marked as a draft, so the chair can
read it before the meeting; the text is always Polish, whoever asks for it.
"""

from django.conf import settings
from django.utils import timezone, translation

from core.pdf import render_pdf
from ngo_grants.models import Declaration, Score
from ngo_grants.services import scoring


def protocol_pdf(committee):
    call = committee.call
    counted = {
        score.pk for offer in scoring.scored_offers(committee) for score in scoring.counted_scores(offer, committee)
    }
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "committee": committee,
            "call": call,
            "centre": committee.centre,
            "members": committee.members.select_related("user", "organisation"),
            "criteria": list(call.criteria.all()),
            "declarations": Declaration.objects.filter(member__committee=committee).select_related(
                "member__user", "offer__organisation"
            ),
            "scores": Score.objects.filter(offer__call_id=call.pk, submitted_at__isnull=False)
            .select_related("member__user", "offer")
            .prefetch_related("points")
            .order_by("offer__number", "member__pk"),
            "counted": counted,
            "rankings": scoring.ranking(committee),
            "now": timezone.now(),
        }
        return render_pdf("ngo_grants/pdf/protocol.html", context)


def protocol_name(committee):
    return f"protokol-komisji-{committee.call.slug}.pdf"
