"""Compile and check the translation catalogues without needing GNU gettext to run the site.

`compile` writes .mo files with Babel (pure Python), so `make run` works on a machine
without gettext. `check` (CI) fails when a message is untranslated or fuzzy, when the
source code has strings the catalogue does not list yet, or when the catalogue lists strings
the source does not show (those parts use xgettext through Django's makemessages).
"""

import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

IGNORED = [".venv", "staticfiles", "media", "tests", "bench", "node_modules"]


def catalogue_files():
    for locale_path in settings.LOCALE_PATHS:
        yield from sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po"))


def read_catalogue(path):
    # Plural rules come from the catalogue's own Plural-Forms header (Django's four Polish
    # forms), not from Babel's locale data, so the .mo matches what makemessages wrote.
    with open(path, "rb") as handle:
        return read_po(handle, abort_invalid=True)


def compiled(catalogue):
    buffer = io.BytesIO()
    write_mo(buffer, catalogue, use_fuzzy=False)
    return buffer.getvalue()


def problems_in(catalogue):
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        label = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        if message.fuzzy:
            problems.append(f"fuzzy: {label!r}")
        elif not all(strings):
            problems.append(f"untranslated: {label!r}")
    return problems


def message_ids(catalogue):
    return {
        (message.id if isinstance(message.id, str) else message.id[0], message.context)
        for message in catalogue
        if message.id
    }


class Command(BaseCommand):
    help = "Compile (.po → .mo) or check the translation catalogues."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["compile", "check"])

    def handle(self, *args, action, **options):
        files = list(catalogue_files())
        if not files:
            raise CommandError("No .po files found in LOCALE_PATHS.")
        if action == "compile":
            for path in files:
                path.with_suffix(".mo").write_bytes(compiled(read_catalogue(path)))
            self.stdout.write(f"Compiled {len(files)} catalogue(s).")
            return
        self.check_catalogues(files)

    def check_catalogues(self, files):
        failures = []
        for path in files:
            catalogue = read_catalogue(path)
            failures += [f"{path}: {problem}" for problem in problems_in(catalogue)]
            missing, unused = self.compare_with_source(path, catalogue)
            failures += [f"{path}: not in the catalogue yet (run `make messages`): {msgid!r}" for msgid, _ in missing]
            # An entry makemessages cannot find is either dead or built from a variable (a
            # context in a constant, say): the next `make messages` would drop it and the page
            # would fall back to English, so both are reported now.
            failures += [
                f"{path}: not found in the source (write the text out in the call, or run `make messages`): {msgid!r}"
                for msgid, _ in unused
            ]
            mo_path = path.with_suffix(".mo")
            if not mo_path.exists() or mo_path.read_bytes() != compiled(catalogue):
                failures.append(f"{path}: not compiled (run `manage.py translations compile`)")
        if failures:
            raise CommandError("Translations are incomplete:\n" + "\n".join(failures))
        self.stdout.write(f"{len(files)} catalogue(s) complete, compiled and in sync with the source.")

    def compare_with_source(self, path, catalogue):
        """Messages the code uses that the committed catalogue lacks, and entries of the
        catalogue that makemessages does not find in the code.

        makemessages always writes next to the sources, so it runs on the real catalogue
        and the committed file is put back afterwards, whatever happens.
        """
        language = path.parent.parent.name
        backup = path.read_bytes()
        try:
            call_command(
                "makemessages",
                locale=[language],
                domain=path.stem,
                ignore_patterns=IGNORED,
                no_location=True,
                no_obsolete=True,
                verbosity=0,
            )
            fresh = read_catalogue(path)
        finally:
            path.write_bytes(backup)
        used, listed = message_ids(fresh), message_ids(catalogue)
        return sorted(used - listed, key=str), sorted(listed - used, key=str)
