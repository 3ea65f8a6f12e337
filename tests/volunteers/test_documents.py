"""The agreement and the certificate as PDFs: what they say, and who may download them.

PDF text is read back with pypdf. Fixed wording is compared through gettext in Polish, so
the tests hold before and after the catalogue is translated; the data (names with Polish
letters, dates, hours) is compared as it is.
"""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import formats, translation
from django.utils.translation import gettext
from pypdf import PdfReader

from accounts.models import Role
from accounts.roles import grant_role
from core.models import Centre
from core.pdf import offline_fetcher
from tests.accounts.helpers import make_staff
from tests.factories import make_image
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers.documents import pdfs
from volunteers.models import Agreement, Application, ApplicationStatus, HoursEntry, HoursStatus

pytestmark = pytest.mark.django_db

NAME = ("Łucja", "Żółkiewska-Gęś")
ADDRESS = "ul. Źródlana 5/7, 38-200 Jasło"


def pdf_text(content):
    assert content.startswith(b"%PDF-")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


def polish(msgid):
    with translation.override("pl"):
        return gettext(msgid)


def polish_date(day):
    with translation.override("pl"):
        return formats.date_format(day, "DATE_FORMAT")


@pytest.fixture
def centre(jaslo):
    return Centre.for_site(jaslo)


@pytest.fixture
def centre_b(pulawy):
    return Centre.for_site(pulawy)


@pytest.fixture
def volunteer(jaslo):
    user = make_resident("lucja@example.org")
    user.first_name, user.last_name = NAME
    user.save()
    return make_volunteer(user, address=ADDRESS)


@pytest.fixture
def task(jaslo):
    return make_task(
        make_task_index(jaslo),
        "Świetlica – pomoc w lekcjach",
        kind="recurring",
        start_date=days_from_today(-20),
        end_date=days_from_today(40),
        weekdays=[0, 2],
    )


def make_agreement(volunteer, task, **fields):
    defaults = {
        "centre": task.centre,
        "scope": "Pomoc dzieciom w odrabianiu lekcji, zajęcia z języka polskiego.",
        "starts_on": task.start_date,
        "ends_on": task.last_date,
    }
    return Agreement.objects.create(volunteer=volunteer, task=task, **{**defaults, **fields})


def log(volunteer, task, hours, status=HoursStatus.APPROVED, days_ago=3):
    return HoursEntry.objects.create(
        volunteer=volunteer,
        task=task,
        task_title=task.title,
        centre=task.centre,
        date=days_from_today(-days_ago),
        hours=Decimal(hours),
        status=status,
    )


def agreement_html(agreement):
    with translation.override("pl"):
        return render_to_string("volunteers/pdf/agreement.html", pdfs.agreement_context(agreement))


# --- The agreement ---------------------------------------------------------------------------


def test_agreement_names_both_parties_with_polish_letters_intact(centre, volunteer, task):
    agreement = make_agreement(volunteer, task)

    text = pdf_text(pdfs.agreement_pdf(agreement))

    assert "Łucja Żółkiewska-Gęś" in text
    assert ADDRESS in text
    assert polish_date(volunteer.birth_date) in text
    assert centre.name in text and "Jaśle" in text
    assert "ul. Dmowskiego 3, 38-200 Jasło" in text
    assert "Pomoc dzieciom w odrabianiu lekcji, zajęcia z języka polskiego." in text
    assert f"{polish_date(task.start_date)}" in text and f"{polish_date(task.last_date)}" in text


def test_agreement_has_every_clause_the_act_requires(volunteer, task):
    agreement = make_agreement(volunteer, task, manner="Dwa razy w tygodniu po południu.")

    text = pdf_text(pdfs.agreement_pdf(agreement))
    html = agreement_html(agreement)

    for heading in ("Scope of work", "Manner of work", "Period of work", "Health and safety", "Costs",
                    "Accident insurance", "Termination", "Final provisions"):  # fmt: skip
        assert polish(heading) in text
    for number in range(1, 9):
        assert f"§ {number}." in text
    assert "Dwa razy w tygodniu po południu." in text
    for clause in ("scope", "manner", "period", "safety", "costs", "insurance", "termination", "final"):
        assert f'class="clause clause-{clause}"' in html
    assert 'class="termination-notice"' in html and 'class="termination-at-once"' in html
    assert 'class="signature signature-centre"' in html and 'class="signature signature-volunteer"' in html
    assert "signature-guardian" not in html


def test_costs_clause_says_reimbursed_or_waived_as_recorded(volunteer, task):
    agreement = make_agreement(volunteer, task)
    assert 'class="costs-reimbursed"' in agreement_html(agreement)

    agreement.costs_waived = True
    agreement.save()

    html = agreement_html(agreement)
    assert 'class="costs-waived"' in html and "costs-reimbursed" not in html


def test_work_up_to_30_days_is_insured_by_the_centre(volunteer, task):
    agreement = make_agreement(volunteer, task, starts_on=days_from_today(1), ends_on=days_from_today(30))

    html = agreement_html(agreement)

    assert 'class="insurance-short"' in html and "insurance-long" not in html
    assert "ZUS" not in pdf_text(pdfs.agreement_pdf(agreement))


def test_work_over_30_days_points_to_the_statutory_accident_benefits(volunteer, task):
    agreement = make_agreement(volunteer, task, starts_on=days_from_today(1), ends_on=days_from_today(31))

    html = agreement_html(agreement)

    assert 'class="insurance-long"' in html and "insurance-short" not in html
    assert "ZUS" in pdf_text(pdfs.agreement_pdf(agreement))


def test_a_minor_signs_with_the_guardians_consent(volunteer, task):
    volunteer.birth_date = days_from_today(-16 * 366)
    volunteer.guardian_name = "Bożena Żółkiewska"
    volunteer.save()

    agreement = make_agreement(volunteer, task)

    assert "signature-guardian" in agreement_html(agreement)
    assert "Bożena Żółkiewska" in pdf_text(pdfs.agreement_pdf(agreement))


def test_signed_agreement_shows_the_place_and_date_of_signing(volunteer, task):
    agreement = make_agreement(volunteer, task, signed_on=days_from_today(-1))

    assert f"Jasło, {polish_date(days_from_today(-1))}" in pdf_text(pdfs.agreement_pdf(agreement))


def test_markup_typed_into_the_terms_is_printed_as_text(volunteer, task):
    agreement = make_agreement(volunteer, task, scope='<img src="http://example.com/x.png"> <b>Zakupy</b>')

    html = agreement_html(agreement)

    assert "&lt;img src=&quot;http://example.com/x.png&quot;&gt;" in html
    assert '<img src="http://example.com/x.png">' not in html


def test_the_renderer_fetches_nothing_from_outside():
    fetcher = offline_fetcher()

    for url in ("http://example.com/logo.png", "https://example.com/a.css", "file:///etc/passwd", "ftp://x/y"):
        with pytest.raises(ValueError):
            fetcher(url)
    assert fetcher("data:text/plain;base64,QQ==").read() == b"A"


def test_the_centres_logo_is_embedded_not_linked(centre, volunteer, task):
    centre.logo = make_image("Logo MOPS")
    centre.save()

    html = agreement_html(make_agreement(volunteer, task))

    assert 'src="data:image/png;base64,' in html


# --- The certificate ---------------------------------------------------------------------------


def test_certificate_states_the_approved_total_in_polish_format(centre, volunteer, task):
    log(volunteer, task, "10.5", days_ago=9)
    log(volunteer, task, "2", days_ago=2)
    log(volunteer, task, "4", status=HoursStatus.SUBMITTED, days_ago=1)
    log(volunteer, task, "7", status=HoursStatus.REJECTED, days_ago=5)

    text = pdf_text(pdfs.certificate_pdf(volunteer, centre))

    assert "Łucja Żółkiewska-Gęś" in text
    assert "Świetlica – pomoc w lekcjach" in text
    assert "12,5" in text and "23,5" not in text and "16,5" not in text
    assert polish_date(days_from_today(-9)) in text and polish_date(days_from_today(-2)) in text
    assert polish_date(days_from_today(-1)) not in text.split(polish("CERTIFICATE"), 1)[1]


def test_certificate_counts_only_the_issuing_centres_hours(centre, centre_b, volunteer, task, pulawy):
    task_b = make_task(make_task_index(pulawy), "Zakupy w Puławach", start_date=days_from_today(-5))
    log(volunteer, task, "3")
    log(volunteer, task_b, "5.25")

    context_a = pdfs.certificate_context(volunteer, centre)
    context_b = pdfs.certificate_context(volunteer, centre_b)

    assert context_a["total"] == Decimal("3") and [row["label"] for row in context_a["tasks"]] == [task.title]
    assert context_b["total"] == Decimal("5.25") and context_b["total_display"] == "5,25"
    assert list(pdfs.certificate_centres(volunteer)) == [centre, centre_b]


def test_certificate_context_takes_the_same_queries_for_1_or_20_sessions(centre, volunteer, task, jaslo):
    other_task = make_task(make_task_index(jaslo, slug="inne", title="Inne"), "Zakupy", start_date=days_from_today(-30))
    log(volunteer, task, "1")

    def queries():
        refreshed = type(volunteer).objects.get(pk=volunteer.pk)
        with CaptureQueriesContext(connection) as captured:
            pdfs.certificate_context(refreshed, Centre.objects.get(pk=centre.pk))
        return len(captured)

    one = queries()
    for day in range(20):
        log(volunteer, task if day % 2 else other_task, "1.5", days_ago=day + 1)
    assert queries() == one


@pytest.mark.parametrize(
    ("hours", "shown"), [("12.50", "12,5"), ("3.00", "3"), ("0.25", "0,25"), ("10", "10"), (None, "0")]
)
def test_hours_are_written_the_polish_way(hours, shown):
    with translation.override("pl"):
        assert pdfs.format_hours(hours) == shown


def test_file_names_are_ascii_but_recognisable(volunteer, task, centre):
    agreement = make_agreement(volunteer, task)

    assert pdfs.agreement_filename(agreement) == f"porozumienie-lucja-zolkiewska-ges-{agreement.pk}.pdf"
    assert pdfs.certificate_filename(volunteer, centre) == "zaswiadczenie-lucja-zolkiewska-ges-mops-jaslo.pdf"


# --- Downloads -----------------------------------------------------------------------------------


def assert_pdf_download(response, prefix):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith(f'attachment; filename="{prefix}') and disposition.endswith('.pdf"')
    assert disposition.isascii()
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    return pdf_text(response.content)


def test_volunteer_downloads_their_own_agreement_and_certificate(client, centre, volunteer, task):
    agreement = make_agreement(volunteer, task)
    log(volunteer, task, "12.5")
    client.force_login(volunteer.user)

    text = assert_pdf_download(client.get(f"/wolontariat/moje/porozumienia/{agreement.pk}/"), "porozumienie-")
    assert "Łucja Żółkiewska-Gęś" in text
    text = assert_pdf_download(client.get(f"/wolontariat/moje/zaswiadczenie/{centre.pk}/"), "zaswiadczenie-")
    assert "12,5" in text


def test_another_volunteer_gets_404_for_someone_elses_documents(client, centre, volunteer, task):
    agreement = make_agreement(volunteer, task)
    log(volunteer, task, "2")
    other = make_volunteer()
    log(other, task, "1")  # a certificate of their own exists, but not this one's
    client.force_login(other.user)

    assert client.get(f"/wolontariat/moje/porozumienia/{agreement.pk}/").status_code == 404
    response = client.get(f"/wolontariat/moje/zaswiadczenie/{centre.pk}/")
    assert "Łucja" not in pdf_text(response.content)


def test_no_certificate_until_the_centre_approved_some_hours(client, centre, volunteer, task):
    log(volunteer, task, "4", status=HoursStatus.SUBMITTED)
    client.force_login(volunteer.user)

    assert client.get(f"/wolontariat/moje/zaswiadczenie/{centre.pk}/").status_code == 404
    assert client.get("/wolontariat/moje/zaswiadczenie/999999/").status_code == 404


def test_coordinator_of_the_centre_downloads_them_in_the_admin(client, centre, volunteer, task, jaslo):
    agreement = make_agreement(volunteer, task)
    Application.objects.create(task=task, volunteer=volunteer, centre=centre, status=ApplicationStatus.ACCEPTED)
    log(volunteer, task, "12.5")
    client.force_login(make_staff("koordynator@example.org", jaslo, Role.COORDINATOR))

    text = assert_pdf_download(
        client.get(f"/admin/wolontariat-dokumenty/porozumienie/{agreement.pk}/"), "porozumienie-"
    )
    assert "Łucja Żółkiewska-Gęś" in text
    url = f"/admin/wolontariat-dokumenty/zaswiadczenie/{volunteer.pk}/"
    assert "12,5" in assert_pdf_download(client.get(url), "zaswiadczenie-")


def test_other_centres_coordinator_gets_404(client, centre, centre_b, volunteer, task, pulawy):
    agreement = make_agreement(volunteer, task)
    Application.objects.create(task=task, volunteer=volunteer, centre=centre, status=ApplicationStatus.ACCEPTED)
    log(volunteer, task, "3")
    client.force_login(make_staff("koordynator.b@example.org", pulawy, Role.COORDINATOR))

    assert client.get(f"/admin/wolontariat-dokumenty/porozumienie/{agreement.pk}/").status_code == 404
    url = f"/admin/wolontariat-dokumenty/zaswiadczenie/{volunteer.pk}/"
    assert client.get(url).status_code == 404
    assert client.get(f"{url}?centre={centre.pk}").status_code == 404


def test_coordinator_of_two_centres_chooses_the_issuing_one(client, centre, centre_b, volunteer, task, jaslo, pulawy):
    task_b = make_task(make_task_index(pulawy), "Zakupy w Puławach", start_date=days_from_today(-5))
    for each in (task, task_b):
        Application.objects.create(task=each, volunteer=volunteer, centre=each.centre, status="accepted")
    log(volunteer, task, "3")
    log(volunteer, task_b, "5.5")
    coordinator = make_staff("koordynator@example.org", jaslo, Role.COORDINATOR)
    grant_role(coordinator, pulawy, Role.COORDINATOR)
    client.force_login(coordinator)
    url = f"/admin/wolontariat-dokumenty/zaswiadczenie/{volunteer.pk}/"

    first = pdf_text(client.get(url).content)
    assert task.title in first and task_b.title not in first
    chosen = pdf_text(client.get(f"{url}?centre={centre_b.pk}").content)
    assert task_b.title in chosen and "5,5" in chosen and task.title not in chosen
    assert client.get(f"{url}?centre=abc").status_code == 404


def test_coordinator_gets_a_word_not_a_certificate_without_approved_hours(client, centre, volunteer, task, jaslo):
    Application.objects.create(task=task, volunteer=volunteer, centre=centre, status=ApplicationStatus.ACCEPTED)
    log(volunteer, task, "3", status=HoursStatus.SUBMITTED)
    client.force_login(make_staff("koordynator@example.org", jaslo, Role.SUPERVISOR))

    response = client.get(f"/admin/wolontariat-dokumenty/zaswiadczenie/{volunteer.pk}/", follow=True)

    assert response.redirect_chain[0][0] == f"/admin/wolontariusze/{volunteer.pk}/"
    assert response["Content-Type"].startswith("text/html")
    assert "nie ma czego poświadczyć" in " ".join(str(message) for message in response.context["messages"])


def test_dashboard_lists_agreements_and_certificates_with_their_links(client, centre, volunteer, task):
    agreement = make_agreement(volunteer, task, signed_on=days_from_today(-2))
    log(volunteer, task, "1")
    client.force_login(volunteer.user)

    page = client.get("/wolontariat/moje/").content.decode()

    assert f'href="/wolontariat/moje/porozumienia/{agreement.pk}/"' in page
    assert f'href="/wolontariat/moje/zaswiadczenie/{centre.pk}/"' in page
    assert 'href="/wolontariat/moje/dane/"' in page and 'href="/wolontariat/profil/usun/"' in page


def test_dashboard_offers_no_certificate_before_approval(client, centre, volunteer, task):
    log(volunteer, task, "1", status=HoursStatus.SUBMITTED)
    client.force_login(volunteer.user)

    page = client.get("/wolontariat/moje/").content.decode()

    assert "/wolontariat/moje/zaswiadczenie/" not in page
