"""Fixtures and helpers for the tests of writing an offer: a fresh draft of an organisation
verified by MOPS Jasło, its administrator and editor, and POST data as the form sends it."""

import pytest
from django.test import Client

from core.models import Centre
from ngo_grants.models import MemberRole
from ngo_grants.services.offers import start_offer
from tests.ngo_grants import add_member, make_call, make_call_index, make_organisation


@pytest.fixture(name="draft")
def draft_fixture(jaslo):
    """A draft just started by the organisation's administrator (only "basic" is filled)."""
    call = make_call(make_call_index(jaslo))
    organisation = make_organisation(centres=[Centre.for_site(jaslo)])
    admin = organisation.memberships.get().user
    offer = start_offer(user=admin, organisation=organisation, task=call.tasks.get())
    offer.admin = admin
    offer.editor = add_member(organisation, role=MemberRole.EDITOR)
    return offer


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def section_url(offer, key):
    return f"/oferty/{offer.pk}/{key}/"


def post_data(key, values=None, rows=None):
    """{section-field: value} for the section `key`, rows under their row set's prefix."""
    data = {f"{key}-{name}": value for name, value in (values or {}).items()}
    for name, items in (rows or {}).items():
        prefix = f"{key}-{name}"
        data[f"{prefix}-TOTAL_FORMS"] = str(len(items))
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        for index, row in enumerate(items):
            data.update({f"{prefix}-{index}-{field}": value for field, value in row.items()})
    return data


def draft_post(offer, key, draft):
    """The POST data of section `key` as filled in `draft` (e.g. complete_draft(task))."""
    values = {name: value for name, value in draft[key].items() if isinstance(value, str)}
    rows = {name: value for name, value in draft[key].items() if isinstance(value, list)}
    return post_data(key, values, rows)
