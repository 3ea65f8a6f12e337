import logging
from contextlib import contextmanager

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.demo.users import demo_login, demo_users_allowed
from home.demo import load_demo

NOISY_LOGGERS = ["wagtail", "django_tasks"]


class Command(BaseCommand):
    help = (
        "Create the demo centres MOPS Jasło and MOPS Puławy with their pages, images and a demo login. "
        "Safe to run again: it only adds what is missing and never changes what exists."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-demo-users",
            action="store_true",
            help="Do not create any demo account (administrator, staff, residents).",
        )

    def handle(self, *args, no_demo_users=False, **options):
        with _quiet_unless_verbose(options["verbosity"]), transaction.atomic():
            builder = load_demo(with_users=demo_users_allowed() and not no_demo_users)
        for line in builder.summary():
            self.stdout.write(line)
        for note in builder.notes:
            self.stdout.write(self.style.WARNING(note))
        for line in _addresses(builder.sites.values()):
            self.stdout.write(line)
        if login := demo_login():
            self.stdout.write(f"Demo login: {login}")
        for line in builder.logins:
            self.stdout.write(line)


@contextmanager
def _quiet_unless_verbose(verbosity):
    """Wagtail logs every page it publishes and every background task; a demo of 40 pages
    would bury the summary (and the login) under hundreds of lines. -v 2 shows them."""
    if verbosity >= 2:
        yield
        return
    loggers = [logging.getLogger(name) for name in NOISY_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _addresses(sites):
    rows = []
    for site in sites:
        # Browsers resolve *.localhost to this machine; 127.0.0.1 is what `make run` prints.
        host = "127.0.0.1" if site.hostname == "localhost" else site.hostname
        root = f"http://{host}:{site.port}/" if site.port != 80 else f"http://{host}/"
        admin = f"(admin: {root}admin/)" if site.is_default_site else ""
        rows.append((f"{site.site_name}:", root, admin))
    if not rows:
        return []
    width = max(len(label) for label, _, _ in rows)
    url_width = max(len(url) for _, url, _ in rows)
    return [f"{label:<{width}} {url:<{url_width}}  {admin}".rstrip() for label, url, admin in rows]
