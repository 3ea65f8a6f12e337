"""Fixtures the call and committee tests share: centre A (Jasło), a call on its site open for
offers now, and its grants officer (signed in with an authenticator app, as the admin asks)."""

import pytest

from accounts.models import Role
from core.models import Centre
from tests.accounts.helpers import make_staff
from tests.ngo_grants import make_call, make_call_index
from tests.ngo_grants.agreement_helpers import decide_two


@pytest.fixture
def centre(jaslo):
    return Centre.for_site(jaslo)


@pytest.fixture
def call(jaslo):
    return make_call(make_call_index(jaslo))


@pytest.fixture
def officer(jaslo):
    return make_staff("dotacje@example.org", jaslo, Role.GRANTS_OFFICER)


@pytest.fixture
def granted(call, officer, centre, jaslo):
    """(reduced, full): the call decided, one offer granted less than it asked, one in full."""
    return decide_two(call, officer, centre, jaslo)
