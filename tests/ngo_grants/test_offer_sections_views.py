"""Writing an offer through its pages, without JavaScript: the hub, each section saved as typed
(post/redirect/get), errors after the first save, rows added and removed with buttons, who may
write, and a submitted offer read-only without losing what was typed."""

import re
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from ngo_grants.models import OfferVersion
from ngo_grants.sections import SECTIONS
from ngo_grants.workflow import OfferStatus
from tests.ngo_grants import complete_draft, make_organisation
from tests.ngo_grants.writing import draft_fixture, draft_post, post_data, section_url, signed_in  # noqa: F401 (fixture)
from tests.security.world import grant_role

pytestmark = pytest.mark.django_db


def page(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def values(soup, name):
    control = soup.find(attrs={"name": name})
    return control.get_text().strip() if control.name == "textarea" else control.get("value")


def test_a_section_never_saved_shows_its_number_title_and_initial_values_without_errors(draft):
    draft.admin.first_name, draft.admin.last_name = "Maria", "Nowak"
    draft.admin.save()
    soup = page(signed_in(draft.admin).get(section_url(draft, "offeror")))
    assert soup.h1.get_text() == "II. Oferent"
    assert values(soup, "offeror-contact_name") == "Maria Nowak"
    assert values(soup, "offeror-contact_email") == draft.admin.email
    assert soup.select_one(".error-summary") is None
    buttons = [button.get_text() for button in soup.select(".form-actions button")]
    assert buttons == ["Zapisz", "Zapisz i przejdź do następnej sekcji"]


def test_saving_keeps_exactly_what_was_typed_even_invalid_and_comes_back_with_its_errors(draft):
    client = signed_in(draft.editor)
    typed = {"starts_on": "30.02.2027", "ends_on": "", "synopsis": "Pomoc  <b>seniorom</b> ", "results_description": ""}
    response = client.post(section_url(draft, "task"), post_data("task", typed))
    assert response.status_code == 302 and response["Location"] == section_url(draft, "task")
    draft.refresh_from_db()
    assert draft.draft["task"] == {**typed, "actions": [], "results": []}
    soup = page(client.get(response["Location"]))
    assert "Zapisano o" in soup.select_one(".messages").get_text()
    assert values(soup, "task-synopsis") == "Pomoc  <b>seniorom</b>"
    assert values(soup, "task-starts_on") == "30.02.2027"
    summary = soup.select_one(".error-summary").get_text()
    assert "Data zakończenia" in summary and "co najmniej 1 działanie" in summary
    assert soup.find(id="id_task-ends_on")["aria-invalid"] == "true"
    assert soup.find(id="id_task-ends_on_error") is not None


def test_save_and_go_to_next_section_leads_through_the_form_and_ends_on_the_hub(draft):
    client = signed_in(draft.admin)
    full = complete_draft(draft.task)
    for section, following in zip(SECTIONS, [*SECTIONS[1:], None], strict=True):
        data = {**draft_post(draft, section.key, full), "action": "next"}
        response = client.post(section_url(draft, section.key), data)
        assert response["Location"] == (section_url(draft, following.key) if following else f"/oferty/{draft.pk}/")
    soup = page(client.get(f"/oferty/{draft.pk}/"))
    states = [item.select_one(".section-state").get_text() for item in soup.select(".offer-sections .state-complete")]
    assert len(states) == len(SECTIONS)
    assert "Wszystkie sekcje są kompletne" in soup.select_one(".offer-problems").get_text()


def test_add_a_row_without_javascript_saves_and_shows_one_more_empty_row(draft):
    client = signed_in(draft.editor)
    line = complete_draft(draft.task)["costs"]["lines"][0]
    data = {**post_data("costs", rows={"lines": [line]}), "add_row": "lines"}
    response = client.post(section_url(draft, "costs"), data)
    assert response["Location"] == f"{section_url(draft, 'costs')}?add=lines#costs-lines-rows"
    soup = page(client.get(response["Location"]))
    rows = soup.select("#costs-lines-rows [data-rows] > [data-row]")
    assert len(rows) == 2
    assert values(soup, "costs-lines-0-name") == line["name"]
    assert values(soup, "costs-lines-1-name") in (None, "")
    assert soup.select_one("#id_costs-lines-1-name_error") is None
    draft.refresh_from_db()
    assert len(draft.draft["costs"]["lines"]) == 1


def test_a_row_marked_for_removal_is_dropped_on_saving(draft):
    client = signed_in(draft.editor)
    lines = complete_draft(draft.task)["costs"]["lines"]
    data = {**post_data("costs", rows={"lines": lines}), "costs-lines-0-DELETE": "on"}
    client.post(section_url(draft, "costs"), data)
    draft.refresh_from_db()
    assert [line["name"] for line in draft.draft["costs"]["lines"]] == [lines[1]["name"]]


def test_the_costs_section_shows_totals_of_the_saved_lines(draft):
    client = signed_in(draft.editor)
    lines = complete_draft(draft.task)["costs"]["lines"]
    lines.append({**lines[1], "total": "sto", "from_other": "1,50"})
    client.post(section_url(draft, "costs"), post_data("costs", rows={"lines": lines}))
    soup = page(client.get(section_url(draft, "costs")))
    totals = {output["data-total"]: output.get_text() for output in soup.select("output[data-total]")}
    assert totals == {
        "total": "10\xa0000,00\xa0zł",
        "from_grant": "9\xa0000,00\xa0zł",
        "from_other": "1\xa0001,50\xa0zł",
    }


def test_the_offeror_section_shows_the_organisations_record_above_the_contact_fields(draft):
    soup = page(signed_in(draft.editor).get(section_url(draft, "offeror")))
    facts = soup.select_one(".organisation-facts")
    assert draft.organisation.nip in facts.get_text() and "Maria Nowak (prezes zarządu)" in facts.get_text()
    assert facts.find_next("input", attrs={"name": "offeror-contact_name"}) is not None
    assert soup.select_one("#offeror-partners-rows") is not None


def test_an_unknown_section_is_not_found(draft):
    assert signed_in(draft.admin).get(f"/oferty/{draft.pk}/budzet/").status_code == 404


def test_members_of_other_organisations_and_grants_staff_cannot_open_the_sections(draft, jaslo):
    outsider = make_organisation(number=1).memberships.get().user
    officer = make_organisation(number=2).memberships.get().user
    grant_role(officer, jaslo, "grants_officer")
    for user in (outsider, officer):
        client = signed_in(user)
        assert client.get(section_url(draft, "basic")).status_code == 404
        assert client.post(section_url(draft, "basic"), post_data("basic", {"title": "Przejęta"})).status_code == 404
    assert signed_in(officer).get(f"/oferty/{draft.pk}/").status_code == 200
    draft.refresh_from_db()
    assert draft.draft["basic"]["title"] != "Przejęta"


def test_a_submitted_offer_is_read_only_and_a_late_save_shows_what_was_typed(draft):
    draft.status = OfferStatus.SUBMITTED
    draft.save()
    client = signed_in(draft.editor)
    soup = page(client.get(section_url(draft, "basic")))
    assert soup.find(attrs={"name": "basic-title"}).has_attr("disabled")
    assert not soup.select(".form-actions button")
    response = client.post(section_url(draft, "basic"), post_data("basic", {"title": "Spóźniona zmiana"}))
    soup = page(response)
    assert "nie zapisano" in soup.select_one(".messages").get_text()
    assert values(soup, "basic-title") == "Spóźniona zmiana"
    draft.refresh_from_db()
    assert draft.draft["basic"]["title"] == draft.task.title


def test_the_hub_shows_each_sections_state_the_deadline_and_the_problems_linked_to_their_fields(draft):
    client = signed_in(draft.admin)
    client.post(section_url(draft, "resources"), post_data("resources", {"experience": "", "resources": "Lokal"}))
    soup = page(client.get(f"/oferty/{draft.pk}/"))
    items = soup.select(".state-new, .state-invalid, .state-complete")
    states = {item.a.get_text(): item.select_one(".section-state").get_text() for item in items}
    assert states["I. Podstawowe informacje"] == "– kompletna"
    assert states["IV. Doświadczenie i zasoby"] == "– do poprawienia"
    assert states["V.A. Kalkulacja przewidywanych kosztów"] == "– nierozpoczęta"
    assert re.search(r"zostało: \d+", soup.select_one(".offer-facts").get_text())
    links = {a.get_text(): a["href"] for a in soup.select(".offer-problems li a")}
    assert links["IV. Doświadczenie i zasoby – Dotychczasowa działalność i doświadczenie: To pole jest wymagane."] == (
        f"/oferty/{draft.pk}/resources/#id_resources-experience"
    )
    hrefs = {a["href"] for a in soup.select("a")}
    assert {f"/oferty/{draft.pk}/zalaczniki/", f"/oferty/{draft.pk}/zloz/"} <= hrefs


def test_the_hub_of_a_submitted_offer_shows_the_frozen_version(draft):
    draft.status = OfferStatus.SUBMITTED
    draft.number = "1/2027"
    draft.save()
    content = {"organisation": {"name": "Zamrożona nazwa", "representatives": []}, "sections": {}, "budget": {}}
    OfferVersion.objects.create(offer=draft, number=1, content=content, checksum="f" * 64)
    soup = page(signed_in(draft.editor).get(f"/oferty/{draft.pk}/"))
    assert "Zamrożona nazwa" in soup.select_one(".offer-content").get_text()
    assert "f" * 64 in soup.get_text()
    assert soup.select_one(".offer-sections") is None


def test_the_script_is_loaded_with_the_pages_csp_nonce(draft):
    response = signed_in(draft.editor).get(section_url(draft, "costs"))
    script = page(response).find("script", src=re.compile("ngo_grants/offer.js"))
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert script["nonce"] == nonce


def test_ten_thousand_cost_rows_keep_the_first_two_hundred_with_an_error_at_the_row_set(draft):
    client = Client(enforce_csrf_checks=True)
    client.force_login(draft.editor)
    token = page(client.get(section_url(draft, "costs"))).find(attrs={"name": "csrfmiddlewaretoken"})["value"]
    line = complete_draft(draft.task)["costs"]["lines"][0]
    rows = [{**line, "name": f"Koszt {index}"} for index in range(10_000)]
    data = {"csrfmiddlewaretoken": token, **post_data("costs", rows={"lines": rows})}
    body = urlencode(data)  # as browsers send a form
    response = client.post(section_url(draft, "costs"), body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302
    draft.refresh_from_db()
    kept = draft.draft["costs"]["lines"]
    assert len(kept) == 200 and kept[0]["name"] == "Koszt 0" and kept[-1]["name"] == "Koszt 199"
    soup = page(client.get(response["Location"]))
    assert "najwyżej 200 pozycji" in soup.select_one("#costs-lines-rows_error").get_text()
    assert "najwyżej 200 pozycji" in soup.select_one(".error-summary").get_text()
    assert "więcej pól" in soup.select_one(".messages").get_text()


def test_a_multipart_post_too_big_to_read_changes_nothing_and_says_so(draft):
    client = signed_in(draft.editor)
    client.post(section_url(draft, "basic"), post_data("basic", {"title": "Przed"}))
    data = {**post_data("basic", {"title": "Po"}), **{f"pole{index}": "x" for index in range(10_001)}}
    response = client.post(section_url(draft, "basic"), data, follow=True)
    assert "nie można było odczytać" in page(response).select_one(".messages").get_text()
    draft.refresh_from_db()
    assert draft.draft["basic"]["title"] == "Przed"
