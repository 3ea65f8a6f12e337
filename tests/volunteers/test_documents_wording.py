"""The agreement and the certificate read right in Polish and never state the impossible:
no gendered forms for a person whose gender is unknown, one date for one day's work,
decimal commas, at most 24 certified hours a day, and no certificate offered or served
when nothing was approved."""

# The fixtures are shared with test_documents by import; pytest passes them as arguments.
# ruff: noqa: F401, F811

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_documents import (
    agreement_html,
    centre,
    log,
    make_agreement,
    pdf_text,
    polish_date,
    task,
    volunteer,
)
from volunteers.documents import pdfs
from volunteers.models import HoursStatus

pytestmark = pytest.mark.django_db

GENDERED = ("urodzon", "zamieszkał", "działając", "zwaną", "zwanym", "Panem", "Panią", "wykonywał/", "przepracował")


def certificate_html(volunteer, centre):
    with translation.override("pl"):
        return render_to_string("volunteers/pdf/certificate.html", pdfs.certificate_context(volunteer, centre))


def test_agreement_names_the_parties_in_a_table_without_gendered_forms(volunteer, task):
    html = agreement_html(make_agreement(volunteer, task))

    assert not [word for word in GENDERED if word in html]
    assert "Wolontariusz" in html and "Łucja Żółkiewska-Gęś" in html
    assert "Data urodzenia" in html and "Adres zamieszkania" in html


def test_one_day_agreement_gives_one_date(jaslo, volunteer):
    day = datetime.date(2026, 12, 5)
    one_day = make_task(make_task_index(jaslo), "Zbiórka świąteczna", start_date=day)

    text = pdf_text(pdfs.agreement_pdf(make_agreement(volunteer, one_day)))

    assert "w dniu 5 grudnia 2026 r." in text
    assert "od 5 grudnia 2026" not in text


def test_certificate_has_no_gendered_forms_and_one_date_for_one_day(centre, volunteer, task):
    log(volunteer, task, "2.5", days_ago=4)

    html = certificate_html(volunteer, centre)

    assert not [word for word in GENDERED if word in html]
    assert f"w dniu {polish_date(days_from_today(-4))} r." in html
    assert " od " not in html.split("Okres", 1)[1].split("</tr>", 1)[0]
    assert "2,5" in html and "2.5" not in html


def test_certificate_gives_the_period_for_several_days(centre, volunteer, task):
    log(volunteer, task, "1", days_ago=9)
    log(volunteer, task, "1", days_ago=2)

    html = certificate_html(volunteer, centre)

    assert f"od {polish_date(days_from_today(-9))} r. do {polish_date(days_from_today(-2))} r." in html


def test_certificate_caps_each_day_at_24_hours_whatever_is_stored(centre, volunteer, task, jaslo):
    """Three approved entries of 24 h on one day, written past the services."""
    other = make_task(task.get_parent().specific, "Festyn", start_date=days_from_today(-3))
    for hours_task in (task, task, other):
        log(volunteer, hours_task, "24", days_ago=3)
    log(volunteer, task, "1,5".replace(",", "."), days_ago=5)

    context = pdfs.certificate_context(volunteer, centre)
    text = pdf_text(pdfs.certificate_pdf(volunteer, centre))

    assert context["total_display"] == "25,5"
    assert sum(float(row["hours"].replace(",", ".")) for row in context["tasks"]) == 25.5
    assert "72" not in text and "25,5" in text


def test_certificate_counts_hours_not_entries(centre, volunteer, task):
    for days_ago in (2, 4, 9):
        log(volunteer, task, "1.25", days_ago=days_ago)

    html = certificate_html(volunteer, centre)

    assert "Liczba wpisów" not in html
    assert "3,75" in html


def test_certificate_url_without_approved_hours_answers_with_a_friendly_page(client, centre, volunteer, task):
    log(volunteer, task, "4", status=HoursStatus.SUBMITTED)
    client.force_login(volunteer.user)

    response = client.get(f"/wolontariat/moje/zaswiadczenie/{centre.pk}/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "nie ma czego poświadczyć" in response.content.decode()


def test_hours_page_offers_the_certificate_only_once_hours_are_approved(client, centre, volunteer, task):
    entry = log(volunteer, task, "4", status=HoursStatus.SUBMITTED)
    client.force_login(volunteer.user)
    link = f'href="/wolontariat/moje/zaswiadczenie/{centre.pk}/"'

    assert link not in client.get("/wolontariat/moje/godziny/").content.decode()
    entry.status = HoursStatus.APPROVED
    entry.save()
    assert link in client.get("/wolontariat/moje/godziny/").content.decode()
