"""Each section of an offer survives hostile input (tests/security/hostile.py), also 10,000 cost
rows sent every way a client can.

A section saves whatever comes and redirects back to itself (post/redirect/get), so the harness
is given a client that follows that redirect, as a browser does, and is pointed at the form
shown for what was sent: the section's own fields, or the first row of a row set. What was
typed must come back in the form, errors at their fields and in the summary, in Polish."""

from urllib.parse import urlencode

import pytest
from django.test import Client

from ngo_grants.sections import MAX_ROWS
from tests.ngo_grants import complete_draft
from tests.ngo_grants.writing import draft_fixture, draft_post, post_data, section_url  # noqa: F401 (fixture)
from tests.security.hostile import assert_form_survives_hostile_input

pytestmark = pytest.mark.django_db


class FollowingClient:
    """The test client, following the section's redirect; `context["form"]` is the form of
    `rows` (its first row) or the section's own form."""

    def __init__(self, client, rows=None):
        self.client, self.rows = client, rows

    @property
    def raise_request_exception(self):
        return self.client.raise_request_exception

    @raise_request_exception.setter
    def raise_request_exception(self, value):
        self.client.raise_request_exception = value

    def get(self, *args, **kwargs):
        return self.client.get(*args, **kwargs)

    def post(self, *args, **kwargs):
        response = self.client.post(*args, follow=True, **kwargs)
        bound = response.context.get("bound") if response.context is not None else None
        if bound is not None:
            form = bound.form
            if self.rows:
                rows = bound.rowsets[self.rows].forms
                form = rows[0] if rows else None
            response.context = {"form": form}
        return response


def writer(draft):
    client = Client()
    client.force_login(draft.editor)
    return client


def fields_of(draft, key, rows=None):
    """Sane values of section `key` (or of the first row of `rows`) as complete_draft has them."""
    data = draft_post(draft, key, complete_draft(draft.task))
    data = {name: value for name, value in data.items() if not name.endswith(("TOTAL_FORMS", "INITIAL_FORMS"))}
    if rows:
        return {name: value for name, value in data.items() if name.startswith(f"{key}-{rows}-0-")}
    return {name: value for name, value in data.items() if name.count("-") == 1}


SECTIONS = ["basic", "offeror", "task", "resources", "financing", "other", "declarations"]
ROWS = [("task", "actions"), ("task", "results"), ("costs", "lines")]


@pytest.mark.parametrize("key", SECTIONS)
def test_a_sections_own_fields_survive_hostile_input(draft, key):
    fields = fields_of(draft, key)
    if key == "other":
        fields["other-paid_activity"] = "on"
    report = assert_form_survives_hostile_input(
        FollowingClient(writer(draft)), section_url(draft, key), fields=fields, max_examples=15
    )
    assert report["refused"] > 0


@pytest.mark.parametrize(("key", "rows"), ROWS)
def test_the_rows_of_a_section_survive_hostile_input(draft, key, rows):
    everything = draft_post(draft, key, complete_draft(draft.task))
    fields = fields_of(draft, key, rows)
    fixed = {name: value for name, value in everything.items() if name not in fields and "-0-" not in name}
    report = assert_form_survives_hostile_input(
        FollowingClient(writer(draft), rows),
        section_url(draft, key),
        fields=fields,
        fixed_data=fixed,
        max_examples=15,
    )
    assert report["refused"] > 0


def test_the_partners_of_a_joint_offer_survive_hostile_input(draft):
    partner = {"name": "Fundacja Razem", "krs": "0000654321", "address": "ul. Sucha 1, Jasło", "role": "Dowozy"}
    client = writer(draft)
    client.post(section_url(draft, "offeror"), post_data("offeror", rows={"partners": [partner]}))
    fields = {f"offeror-partners-0-{name}": value for name, value in partner.items()}
    report = assert_form_survives_hostile_input(
        FollowingClient(client, "partners"),
        section_url(draft, "offeror"),
        fields=fields,
        fixed_data=fields_of(draft, "offeror"),
        max_examples=15,
    )
    assert report["refused"] > 0


def ten_thousand_lines(draft):
    line = complete_draft(draft.task)["costs"]["lines"][0]
    return post_data("costs", rows={"lines": [{**line, "name": f"Koszt {n}"} for n in range(10_000)]})


@pytest.mark.parametrize("transport", ["urlencoded", "multipart", "autosave"])
def test_ten_thousand_cost_rows_never_end_in_a_server_error_nor_empty_the_draft(draft, transport):
    client = writer(draft)
    client.raise_request_exception = True
    client.post(section_url(draft, "costs"), draft_post(draft, "costs", complete_draft(draft.task)))
    data = ten_thousand_lines(draft)
    url = section_url(draft, "costs")
    if transport == "multipart":
        response = client.post(url, data)
    else:
        extra = {"HTTP_X_AUTOSAVE": "1"} if transport == "autosave" else {}
        response = client.post(url, urlencode(data), content_type="application/x-www-form-urlencoded", **extra)
    assert response.status_code < 500
    draft.refresh_from_db()
    lines = draft.draft["costs"]["lines"]
    if transport == "multipart":
        # Nothing of it could be read: the draft stays as it was.
        assert [line["name"] for line in lines] == ["Wynagrodzenie opiekunki", "Księgowość"]
    else:
        assert len(lines) == MAX_ROWS["lines"] and lines[0]["name"] == "Koszt 0"
    page = client.get(url)
    assert page.status_code == 200
    errors = page.context["bound"].rowsets["lines"].non_form_errors()
    assert (not errors) if transport == "multipart" else "200" in errors[0]
