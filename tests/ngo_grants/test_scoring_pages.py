"""The committee's assessment through its pages: the member's score form, the others' scores
shown only after one's own, the chair's ranking with amounts and adoption, the officer's
assignment preview, and the protocol PDF (also when the renderer is down)."""

import pypdf
import pytest
from bs4 import BeautifulSoup

from accounts.models import Role
from ngo_grants.models import Assignment, ConflictGround, Recommendation, Score
from ngo_grants.services import committee as committee_service
from tests.accounts.helpers import make_staff
from tests.ngo_grants.scoring_helpers import panel, score

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(call, officer, centre):
    return panel(call, officer, centre)


def page(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def score_data(offer, points=("8", "7"), amount="9000,00", action="submit", **extra):
    data = {"action": action, "proposed_amount": amount, "cut_reason": "", "remarks": "", **extra}
    for criterion, value in zip(offer.call.criteria.all(), points, strict=True):
        data.setdefault(f"points_{criterion.pk}", value)
        data.setdefault(f"justification_{criterion.pk}", "")
    return data


def test_a_member_scores_and_then_reads_the_others(client, board):
    first, second = board.members
    offer = board.offers[0]
    score(first, offer, points=(9, 9))
    client.force_login(second.user)
    url = f"/komisja/oferty/{offer.pk}/"

    before = page(client.get(url))
    assert before.select_one(".member-scores") is None
    assert before.find("a", href=f"/komisja/oferty/{offer.pk}/ocena/")

    saved = client.post(f"{url}ocena/", score_data(offer, action="save"))
    assert saved.status_code == 302 and not Score.objects.get(member=second).submitted
    assert page(client.get(f"{url}ocena/")).select_one(f"#id_points_{offer.call.criteria.first().pk}")["value"] == "8"
    response = client.post(f"{url}ocena/", score_data(offer))
    assert response.status_code == 302 and Score.objects.get(member=second).submitted

    after = page(client.get(url))
    assert [row.select("td")[-2].get_text() for row in after.select(".member-scores tbody tr")] == ["18", "15"]
    # Once submitted, the form sends the member back to the offer.
    assert client.get(f"{url}ocena/").status_code == 302


def test_broken_rules_are_shown_at_their_fields_and_nothing_typed_is_lost(client, board):
    offer = board.offers[0]
    client.force_login(board.members[0].user)
    [first, second] = offer.call.criteria.all()

    soup = page(
        client.post(
            f"/komisja/oferty/{offer.pk}/ocena/",
            score_data(offer, points=("2", "11"), amount="8000", remarks="Dobra kadra, słaby budżet."),
        )
    )

    assert "Uzasadnij" in soup.select_one(f"#id_justification_{first.pk}_error").get_text()
    assert soup.select_one(f"#id_points_{second.pk}_error")
    assert soup.select_one("#id_remarks").get_text().strip() == "Dobra kadra, słaby budżet."
    assert soup.select_one("#id_proposed_amount")["value"] == "8000"
    assert not Score.objects.exists()


def test_a_cut_without_a_reason_is_refused_at_the_reason(client, board):
    offer = board.offers[0]
    client.force_login(board.members[0].user)

    soup = page(client.post(f"/komisja/oferty/{offer.pk}/ocena/", score_data(offer, amount="100")))

    assert "mniej" in soup.select_one("#id_cut_reason_error").get_text()


def test_a_conflicted_member_gets_403_on_the_score_and_an_expert_has_no_form(client, board):
    member, offer = board.members[0], board.offers[0]
    committee_service.declare(member, offer, conflict=True, ground=ConflictGround.DOUBT, reason="Sąsiad prezesa.")
    client.force_login(member.user)
    assert client.get(f"/komisja/oferty/{offer.pk}/ocena/").status_code == 403
    assert client.post(f"/komisja/oferty/{offer.pk}/ocena/", score_data(offer)).status_code == 403

    client.force_login(board.expert.user)
    assert client.get(f"/komisja/oferty/{offer.pk}/ocena/").status_code == 302
    assert not Score.objects.exists()


def test_the_chair_records_amounts_and_adopts_the_opinion(client, board, call, officer):
    for offer in board.offers:
        for member in [board.chair, *board.members]:
            score(member, offer)
    first, second = board.offers
    url = f"/komisja/konkursy/{call.pk}/ranking/"
    client.force_login(officer)

    soup = page(client.get(url))
    assert len(soup.select(".ranking tbody tr")) == 2
    assert soup.select_one(".adoption-problems")
    too_much = {"action": "recommend", f"recommend-amount_{first.pk}": "9000,01", f"recommend-note_{first.pk}": "",
                f"recommend-amount_{second.pk}": "0", f"recommend-note_{second.pk}": "Słabsza oferta."}  # fmt: skip
    refused = page(client.post(url, too_much))
    assert refused.select_one(f"#id_recommend-amount_{first.pk}_error")
    assert refused.select_one(f"#id_recommend-note_{second.pk}")["value"] == "Słabsza oferta."
    client.post(url, {**too_much, f"recommend-amount_{first.pk}": "9000"})
    assert {item.offer: str(item.amount) for item in Recommendation.objects.all()} == {first: "9000.00", second: "0.00"}

    response = client.post(
        url, {"action": "adopt", "adopt-meeting_on": "2026-12-01", "adopt-present": [str(board.chair.pk)]}
    )
    assert response.status_code == 302
    adopted = page(client.get(url))
    assert adopted.select_one(".recommend-form") is None and adopted.select_one(".notice")


def test_only_the_chair_opens_the_ranking(client, board, call):
    client.force_login(board.members[0].user)
    assert client.get(f"/komisja/konkursy/{call.pk}/ranking/").status_code == 403
    assert client.get(f"/komisja/konkursy/{call.pk}/protokol.pdf").status_code == 403


def test_the_protocol_lists_members_declarations_scores_and_recommendations(client, board, call, officer):
    offer = board.offers[0]
    score(board.chair, offer, points=(9, 4), justification="Budżet zawyżony.")
    client.force_login(officer)

    response = client.get(f"/komisja/konkursy/{call.pk}/protokol.pdf")

    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in pypdf.PdfReader(__import__("io").BytesIO(response.content)).pages)
    assert "PROJEKT" in text and "Budżet zawyżony." in text
    assert board.members[0].user.get_full_name() in text
    # The grants staff of the centre download the same document from the admin.
    assert client.get(f"/admin/oferty/konkursy/{call.pk}/protokol.pdf")["Content-Type"] == "application/pdf"


def test_the_protocol_explains_in_polish_when_the_renderer_is_down(client, board, call, officer, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError("renderer down")

    monkeypatch.setattr("core.pdf.HTML.write_pdf", fail)
    client.force_login(officer)

    assert client.get(f"/komisja/konkursy/{call.pk}/protokol.pdf").status_code == 503
    assert client.get(f"/admin/oferty/konkursy/{call.pk}/protokol.pdf").status_code == 503


def test_the_officer_previews_and_confirms_a_random_assignment(client, call, officer, centre, jaslo):
    call.assignment, call.reviewers_per_offer = "random", 1
    call.save(update_fields=["assignment", "reviewers_per_offer"])
    board = panel(call, officer, centre, assign=False)
    url = f"/admin/oferty/konkursy/{call.pk}/przydzial/"
    client.force_login(officer)

    soup = page(client.get(url))
    previewed = [row.select("td")[2].get_text() for row in soup.select(".assignment-plan tbody tr")]
    form = {field["name"]: field["value"] for field in soup.select(".assign-form input")}
    client.post(url, form)

    made = {(item.offer.number, str(item.member)) for item in Assignment.objects.select_related("offer", "member")}
    assert {(offer.number, name) for offer, name in zip(board.offers, previewed, strict=True)} == made
    # The same confirmation twice changes nothing more and says why.
    again = client.post(url, form, follow=True)
    assert "zmienił" in again.content.decode() and Assignment.objects.count() == 2

    supervisor = make_staff("dyrektor@example.org", jaslo, Role.SUPERVISOR)
    client.force_login(supervisor)
    assert page(client.get(url)).select_one(".assign-form") is None
    refused = client.post(url, form)
    assert refused.status_code == 302 and refused.url == "/admin/"  # Wagtail's answer to PermissionDenied
    assert Assignment.objects.count() == 2
