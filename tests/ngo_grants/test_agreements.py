"""After the grant (Step 7, point 5): the organisation's updated budget when less was granted,
on the same cost lines and exactly the amount awarded; the officer accepts it or returns it; the
agreement from the framework template with instalments, overrun and reporting dates, and its PDF
with the updated budget as the annex."""

import datetime
import io
from decimal import Decimal

import pypdf
import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied

from accounts.models import Role
from ngo_grants.models import Agreement, BudgetUpdate
from ngo_grants.services import agreements as service
from ngo_grants.workflow import OfferStatus
from tests.accounts.helpers import make_staff
from tests.ngo_grants.agreement_helpers import FITS, terms, writer
from tests.security.world import make_user

pytestmark = pytest.mark.django_db


def test_only_an_offer_granted_less_needs_an_update(granted):
    reduced, full = granted
    assert service.needs_update(reduced) and not service.needs_update(full)
    with pytest.raises(service.AgreementRefused, match="nie wymaga"):
        service.submit_update(full, user=writer(full), amounts=FITS, schedule="Bez zmian.")


def test_an_update_takes_exactly_the_grant_and_keeps_the_own_contribution(granted):
    reduced, _full = granted
    user = writer(reduced)

    with pytest.raises(service.AgreementRefused, match="dokładnie"):
        service.submit_update(
            reduced, user=user, amounts=[FITS[0], (Decimal("1500"), Decimal("500"), Decimal("1000"))], schedule="x"
        )
    with pytest.raises(service.AgreementRefused) as refused:
        service.submit_update(
            reduced, user=user, amounts=[(Decimal("8000"), Decimal("7000"), Decimal("0")), FITS[1]], schedule="x"
        )
    assert refused.value.field == "line_0_total"
    with pytest.raises(service.AgreementRefused, match="Wkład własny"):
        service.submit_update(
            reduced, user=user, amounts=[FITS[0], (Decimal("800"), Decimal("0"), Decimal("800"))], schedule="x"
        )
    with pytest.raises(service.AgreementRefused, match="pozycje kosztorysu"):
        service.submit_update(reduced, user=user, amounts=FITS[:1], schedule="x")
    with pytest.raises(service.AgreementRefused) as refused:
        service.submit_update(reduced, user=user, amounts=FITS, schedule="  ")
    assert refused.value.field == "schedule"

    update = service.submit_update(reduced, user=user, amounts=FITS, schedule="Wizyty od marca zamiast od lutego.")

    assert [line["from_grant"] for line in update.lines] == ["8000", "0"]
    assert [row["after"]["total"] for row in service.line_diff(reduced, update)] == [Decimal("8000"), Decimal("1000")]
    assert [row["before"]["total"] for row in service.line_diff(reduced, update)] == [
        Decimal("9000.00"),
        Decimal("1000.00"),
    ]


def test_only_the_organisations_writers_update_and_one_update_waits_at_a_time(granted, officer):
    reduced, _full = granted
    for user in (make_user("obcy@example.org"), officer):
        with pytest.raises(PermissionDenied):
            service.submit_update(reduced, user=user, amounts=FITS, schedule="x")
    service.submit_update(reduced, user=writer(reduced), amounts=FITS, schedule="Plan A.")
    with pytest.raises(service.AgreementRefused, match="już"):
        service.submit_update(reduced, user=writer(reduced), amounts=FITS, schedule="Plan B.")


def test_a_returned_update_is_sent_again_and_the_accepted_one_opens_the_agreement(granted, officer, jaslo):
    reduced, _full = granted
    first = service.submit_update(reduced, user=writer(reduced), amounts=FITS, schedule="Plan A.")
    assert "zaktualizowany budżet" in service.agreement_problem(reduced)
    with pytest.raises(PermissionDenied):
        service.decide_update(first, user=make_staff("dyrektor2@example.org", jaslo, Role.SUPERVISOR), accepted=True)
    with pytest.raises(service.AgreementRefused) as refused:
        service.decide_update(first, user=officer, accepted=False)
    assert refused.value.field == "remarks"
    service.decide_update(first, user=officer, accepted=False, remarks="Prosimy rozpisać harmonogram na miesiące.")

    second = service.submit_update(reduced, user=writer(reduced), amounts=FITS, schedule="Marzec–listopad, co tydzień.")
    service.decide_update(second, user=officer, accepted=True)

    assert service.agreement_problem(reduced) is None
    agreement = service.prepare_agreement(reduced, user=officer, **terms(reduced))
    assert agreement.budget_update == second and agreement.amount == Decimal("8000")
    assert agreement.own_contribution == Decimal("1000")
    reduced.refresh_from_db()
    assert reduced.status == OfferStatus.AGREEMENT
    with pytest.raises(service.AgreementRefused):
        service.prepare_agreement(reduced, user=officer, **terms(reduced))


def test_instalments_add_up_to_the_grant_within_the_period(granted, officer):
    _reduced, full = granted
    start, end = service.period_of(full)

    with pytest.raises(service.AgreementRefused, match="sumują"):
        service.prepare_agreement(full, user=officer, **terms(full, instalments=[(start, Decimal("8999.99"))]))
    with pytest.raises(service.AgreementRefused) as refused:
        service.prepare_agreement(
            full, user=officer, **terms(full, instalments=[(end + datetime.timedelta(days=1), Decimal("9000"))])
        )
    assert refused.value.field == "due_1"
    with pytest.raises(PermissionDenied):
        service.prepare_agreement(full, user=writer(full), **terms(full))

    agreement = service.prepare_agreement(full, user=officer, **terms(full, instalments=[(start, Decimal("9000"))]))

    assert (agreement.starts_on, agreement.ends_on) == (start, end)
    assert agreement.final_report_on == end + datetime.timedelta(days=30)
    assert agreement.return_by == end + datetime.timedelta(days=15)
    assert agreement.budget_update is None


def test_the_agreement_pdf_for_the_organisation_and_the_staff(client, granted, officer):
    reduced, full = granted
    update = service.submit_update(reduced, user=writer(reduced), amounts=FITS, schedule="Marzec–listopad.")
    service.decide_update(update, user=officer, accepted=True)
    agreement = service.prepare_agreement(reduced, user=officer, **terms(reduced))
    url = f"/oferty/{reduced.pk}/umowa.pdf"

    client.force_login(writer(reduced))
    response = client.get(url)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert agreement.number in text and reduced.organisation.name in text and reduced.organisation.iban in text
    assert "8 000,00" in text.replace("\xa0", " ") and "10,00%" in text
    assert "Marzec–listopad." in text  # the annex: the accepted update
    client.force_login(writer(full))
    assert client.get(url).status_code == 404
    assert client.get(f"/oferty/{full.pk}/umowa.pdf").status_code == 404  # none prepared yet
    client.force_login(officer)
    assert client.get(url)["Content-Type"] == "application/pdf"


def test_the_agreement_pdf_explains_in_polish_when_the_renderer_is_down(client, granted, officer, monkeypatch):
    _reduced, full = granted
    service.prepare_agreement(full, user=officer, **terms(full))

    def fail(*args, **kwargs):
        raise OSError("renderer down")

    monkeypatch.setattr("core.pdf.HTML.write_pdf", fail)
    client.force_login(writer(full))
    assert client.get(f"/oferty/{full.pk}/umowa.pdf").status_code == 503


def test_the_pages_of_the_update_and_the_agreement(client, granted, officer):
    reduced, _full = granted
    client.force_login(writer(reduced))
    url = f"/oferty/{reduced.pk}/aktualizacja-budzetu/"
    assert BeautifulSoup(client.get(f"/oferty/{reduced.pk}/").content.decode(), "html.parser").find("a", href=url)

    data = {"schedule": "Plan."}
    for index, amounts in enumerate([("8000", "8000", "0"), ("1000", "500", "500")]):
        data.update({f"line_{index}_{key}": value for key, value in zip(service.AMOUNTS, amounts, strict=True)})
    refused = BeautifulSoup(client.post(url, data).content.decode(), "html.parser")
    assert "dokładnie" in refused.select_one(".error-summary").get_text()
    assert refused.select_one("#id_line_1_from_grant")["value"] == "500"
    response = client.post(url, {**data, "line_1_from_grant": "0", "line_1_from_other": "1000"})
    assert response.status_code == 302 and BudgetUpdate.objects.get().accepted is None

    client.force_login(officer)
    screen = f"/admin/oferty/{reduced.pk}/umowa/"
    soup = BeautifulSoup(client.get(screen).content.decode(), "html.parser")
    assert soup.select_one(".budget-diff") and soup.select_one(".agreement-form") is None
    client.post(screen, {"form": "update", "update-decision": "accept", "update-remarks": ""})
    start, _end = service.period_of(reduced)
    fields = {"number": "ZSS.1.2027", "overrun_percent": "10", "partial_report_on": "", "due_1": start.isoformat(),
              "amount_1": "8000", "due_2": "", "amount_2": "", "due_3": "", "amount_3": ""}  # fmt: skip
    agreement = {"form": "agreement", **{f"agreement-{name}": value for name, value in fields.items()}}
    half_given = client.post(screen, {**agreement, "agreement-due_2": start.isoformat()})
    missing = BeautifulSoup(half_given.content.decode(), "html.parser")
    assert missing.select_one("#id_agreement-amount_2_error")
    assert client.post(screen, agreement).status_code == 302
    assert Agreement.objects.get().number == "ZSS.1.2027"
