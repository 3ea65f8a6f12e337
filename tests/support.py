"""What every test folder shares, defined once: the authenticator app's codes, reading the
test mailbox (Django's locmem backend fills `mail.outbox`) and running jobs at the same moment
in threads (the race tests on PostgreSQL)."""

import re
import threading
import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.db import connection

# The authenticator app of staff made by tests/accounts/helpers.make_staff.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


TOTP_PERIOD = 30
# The server accepts only the current period's code; a code read in a period's last seconds
# may reach it in the next one (a loaded CI machine, a browser between fill and click).
TOTP_MARGIN = 5


def totp_code(secret=TOTP_SECRET, step=0):
    """The code an authenticator app with `secret` shows now (or `step` periods away), read
    as a person would: not in the last seconds of a period, so it is still valid on arrival."""
    left = TOTP_PERIOD - time.time() % TOTP_PERIOD
    if left < TOTP_MARGIN:
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // TOTP_PERIOD + step))


def wrong_code(secret=TOTP_SECRET):
    """A code that fails: the neighbouring time steps' codes are accepted too, so none of them."""
    accepted = {totp_code(secret, step) for step in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in accepted)


def link_in(message):
    """The first link in an e-mail's text."""
    return re.search(r"https?://\S+", message.body).group(0)


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def recipients():
    """Everyone mailed so far, sorted, once per message."""
    return sorted(address for message in mail.outbox for address in message.to)


def run_together(jobs):
    """Run each job in its own thread, all released at once; returns their outcomes in order."""
    barrier = threading.Barrier(len(jobs))
    outcomes = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait()
            outcomes[index] = job()
        except Exception as error:
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
