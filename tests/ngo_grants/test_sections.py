"""The offer's sections validated together: a complete draft passes, its content freezes into
canonical JSON with a checksum anyone can recompute, and each rule across sections speaks."""

import hashlib
import json

import pytest

from ngo_grants.models import Offer
from ngo_grants.sections import checksum, validate_draft
from tests.ngo_grants import complete_draft, make_call, make_call_index, make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(jaslo):
    from core.models import Centre

    call = make_call(make_call_index(jaslo))
    task = call.tasks.get()
    organisation = make_organisation()
    return Offer.objects.create(
        call=call, task=task, organisation=organisation, centre=Centre.for_site(jaslo), draft=complete_draft(task)
    )


def test_complete_draft_gives_content_with_exact_budget(offer):
    content, problems = validate_draft(offer)
    assert problems == []
    assert content["budget"] == {"total": "10000.00", "grant": "9000.00", "other": "1000.00", "own_share": "10.00"}
    assert content["sections"]["costs"]["lines"][0]["total"] == "9000.00"
    assert content["organisation"]["nip"] == offer.organisation.nip


def test_checksum_is_sha256_of_sorted_compact_json(offer):
    content, _problems = validate_draft(offer)
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert checksum(content) == hashlib.sha256(text.encode()).hexdigest()


def test_grant_above_funds_and_low_own_contribution_are_both_reported(offer):
    offer.task.funds = 5000
    offer.task.save()
    lines = offer.draft["costs"]["lines"]
    lines[1].update(from_grant="1000", from_other="0")
    offer.draft["financing"]["own_funds"] = "0"
    content, problems = validate_draft(offer)
    messages = " ".join(str(problem.message) for problem in problems)
    assert content is None
    assert "5\u00a0000,00\u00a0zł" in messages and "10\u00a0000,00\u00a0zł" in messages
    assert "0%" in messages
