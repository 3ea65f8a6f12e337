"""An e-mail address too long to store is refused at the field, never cut short.

It used to be cut to the column's 254 characters when the account was saved, and the
confirmation e-mail went to the cut address, which is somebody else's or nobody's.
"""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.volunteers.test_profile import make_resident

pytestmark = pytest.mark.django_db

PASSWORD = "Dlugie-haslo-2026"
LONG_ADDRESS = "anna.kowalska@" + ".".join(["x" * 60] * 4) + ".pl"  # 260 characters, otherwise valid
LONGEST_ADDRESS = "anna.ko@" + ".".join(["x" * 60] * 4) + ".pl"  # exactly 254


def test_the_addresses_are_as_long_as_they_claim():
    assert len(LONG_ADDRESS) == 260
    assert len(LONGEST_ADDRESS) == 254


def test_sign_up_refuses_an_address_over_254_characters_and_keeps_it_in_the_form(client, jaslo, mailoutbox):
    response = client.post("/konto/signup/", {"email": LONG_ADDRESS, "password1": PASSWORD, "password2": PASSWORD})

    assert response.status_code == 200
    error = str(response.context["form"].errors["email"])
    assert "najwyżej 254 znaki, a ten ma 260" in error
    assert LONG_ADDRESS in response.content.decode()
    assert not get_user_model().objects.exists()
    assert not mailoutbox


def test_sign_up_takes_an_address_of_exactly_254_characters(client, jaslo, mailoutbox):
    response = client.post("/konto/signup/", {"email": LONGEST_ADDRESS, "password1": PASSWORD, "password2": PASSWORD})

    assert response.status_code == 302
    assert get_user_model().objects.get().email == LONGEST_ADDRESS
    assert mailoutbox[0].to == [LONGEST_ADDRESS]


def test_changing_to_an_address_over_254_characters_is_refused(client, jaslo):
    user = make_resident("anna@example.org")
    client.force_login(user)

    response = client.post("/konto/email/", {"action_add": "", "email": LONG_ADDRESS})

    assert response.status_code == 200
    assert "najwyżej 254 znaki" in str(response.context["form"].errors["email"])
    assert not EmailAddress.objects.filter(email__startswith="anna.kowalska@").exists()
