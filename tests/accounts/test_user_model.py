"""The e-mail address is the login, unique whatever its letter case."""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.db import IntegrityError, transaction

from accounts.mfa import set_up_totp

User = get_user_model()


def test_email_is_stored_in_lower_case_and_used_to_log_in(db):
    user = User.objects.create_user("Anna.Kowalska@Example.ORG", "dobre-haslo-2026")

    assert user.email == "anna.kowalska@example.org"
    assert authenticate(email="anna.kowalska@example.org", password="dobre-haslo-2026") == user


def test_the_same_address_in_other_letters_is_the_same_person(db):
    User.objects.create_user("anna@example.org", "dobre-haslo-2026")

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("ANNA@example.org", "inne-haslo-2026")


def test_the_database_refuses_a_case_variant_written_around_the_model(db):
    User.objects.create_user("anna@example.org", "dobre-haslo-2026")

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.bulk_create([User(email="Anna@Example.org")])


def test_superuser_can_open_user_management_in_the_admin(client, db):
    admin = User.objects.create_superuser("admin@example.org", "haslo-admina-2026")
    set_up_totp(admin)  # the admin is closed to anyone without two-factor authentication
    User.objects.create_user("wolontariusz@example.org", "haslo-2026")
    client.force_login(admin)

    listing = client.get("/admin/users/")
    assert listing.status_code == 200
    assert "wolontariusz@example.org" in listing.content.decode()
    assert client.get("/admin/users/new/").status_code == 200
