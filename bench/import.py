"""Measure the volunteer import: check and import N rows of a spreadsheet (10,000 by default,
the most a file may hold).

    .venv/bin/python bench/import.py [--rows 10000]

Builds a throw-away SQLite database with the demo centres, makes a CSV file of `--rows`
volunteers for Jasło, and prints the seconds the check (the dry run the coordinator sees
first) and the import took, with their SQL query counts. The tests assert only that the
query counts do not grow with the rows (tests/volunteers/test_transfer_import.py); how long
it takes is this script's business, so a slow CI machine never fails a build.
"""

import argparse
import csv
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The folder holds bench/volunteers.py, which shares its name with the Django app.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from bench.pages import build, setup_django  # noqa: E402


def volunteer_file(count):
    """A CSV file as a coordinator would export it from a spreadsheet: every row clean."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["imię", "nazwisko", "e-mail", "telefon", "data urodzenia", "adres", "umiejętności", "dzielnice",
                     "języki", "prawo jazdy", "samochód"])  # fmt: skip
    for n in range(count):
        writer.writerow(
            [f"Imię{n}", f"Nazwisko{n}", f"osoba{n}@wolontariat.example", f"600 {n:06d}"[:11], "1990-01-01", "",
             "Zakupy", "Śródmieście", "", "tak", "nie"]
        )  # fmt: skip
    return out.getvalue().encode("utf-8-sig")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp) / "bench.sqlite3")
        build(0)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from core.models import Centre
        from core.spreadsheets import read_table
        from volunteers import services
        from volunteers.models import District, Skill
        from volunteers.transfer.importing import check_volunteers

        centre = Centre.objects.get(site__hostname="localhost")
        Skill.objects.get_or_create(name="Zakupy")
        District.objects.get_or_create(centre=centre, name="Śródmieście")
        content = volunteer_file(args.rows)

        started = time.perf_counter()
        with CaptureQueriesContext(connection) as checking:
            check = check_volunteers(read_table(content), centre)
        checked = time.perf_counter() - started
        if not check.is_clean:
            sys.exit(f"the generated file did not pass the check: {check.errors[:3]}")
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as importing:
            count = services.transfer.import_volunteers(check, centre)
        imported = time.perf_counter() - started

    print(f"{args.rows} rows: check {checked:.1f} s ({len(checking)} queries), "
          f"import of {count} volunteers {imported:.1f} s ({len(importing)} queries)")  # fmt: skip


if __name__ == "__main__":
    main()
