"""A frozen offer shown as people read it: sections with labels, tables with złoty."""

import pytest
from django.template.loader import render_to_string

from ngo_grants.money import format_zloty
from ngo_grants.sections import validate_draft
from tests.ngo_grants.test_sections import offer  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("9000.00", "9\u00a0000,00\u00a0zł"),
        ("1234567.5", "1\u00a0234\u00a0567,50\u00a0zł"),
        ("0", "0,00\u00a0zł"),
        (None, ""),
    ],
)
def test_zloty_are_grouped_with_a_comma(value, text):
    assert format_zloty(value) == text


def test_offer_content_shows_every_section_and_the_cost_lines(offer):  # noqa: F811
    content, _problems = validate_draft(offer)
    html = render_to_string("ngo_grants/includes/offer_content.html", {"content": content})
    assert "III. Zadanie publiczne" in html or "III. The public task" in html
    assert "Wynagrodzenie opiekunki" in html
    assert "9\u00a0000,00\u00a0zł" in html
    assert offer.organisation.nip in html
