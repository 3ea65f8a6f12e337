"""On real transactions (PostgreSQL): a mail exists exactly when the action that wrote it was
saved, and goes out only after the commit."""

import pytest
from django.core import mail
from django.db import transaction

from core import mail as outbox
from core.models import OutgoingMail
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


class ActionFailed(Exception):
    """Raised inside the action's transaction to roll it back, as any error would."""


def test_the_mail_rolls_back_with_the_action_that_wrote_it():
    with pytest.raises(ActionFailed), transaction.atomic():
        UserFactory(email="anna@example.org")
        outbox.send(to="anna@example.org", subject="Witamy", text="Konto założone.")
        raise ActionFailed

    assert not OutgoingMail.objects.exists()
    assert mail.outbox == []


def test_the_mail_leaves_only_after_the_action_commits():
    with transaction.atomic():
        UserFactory(email="anna@example.org")
        outbox.send(to="anna@example.org", subject="Witamy", text="Konto założone.")
        assert mail.outbox == [], "nothing goes out before the commit"

    assert [message.to for message in mail.outbox] == [["anna@example.org"]]
