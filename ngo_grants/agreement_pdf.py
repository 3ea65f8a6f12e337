"""The agreement as a PDF, on the framework template of 2018, with the accepted updated budget
as its annex; always in Polish, whoever asks for it."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.utils import translation

from core.pdf import render_pdf
from ngo_grants.services.agreements import amounts_of


def agreement_pdf(agreement):
    offer = agreement.offer
    update = agreement.budget_update
    lines = update.lines if update else offer.latest_version().content["sections"]["costs"]["lines"]
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "agreement": agreement,
            "offer": offer,
            "organisation": offer.organisation,
            "representatives": offer.organisation.representatives.all(),
            "centre": agreement.centre,
            "call": offer.call,
            "task": offer.task,
            "lines": [{"name": line["name"], **amounts_of(line)} for line in lines],
            "update": update,
            "instalments": instalments_of(agreement),
        }
        return render_pdf("ngo_grants/pdf/agreement.html", context)


def instalments_of(agreement):
    return [
        {"due": datetime.date.fromisoformat(item["due"]), "amount": Decimal(item["amount"])}
        for item in agreement.instalments
    ]


def agreement_name(agreement):
    return "umowa-" + agreement.number.replace("/", "-") + ".pdf"
