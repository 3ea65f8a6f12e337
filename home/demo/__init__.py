"""Demo content for `manage.py load_demo`: two centres, their pages, images and a login.

Each app owns its demo data (accounts.demo, volunteers.demo, home.demo); this module, at the
top of the layering, runs them in order inside one transaction: the administrator, the
centres' sites and pages, their staff, then volunteering, which needs all three, one-to-one
help (beneficiaries, the matching pool, matches), which needs the volunteers, and last the
open calls for NGOs, then the organisations with their offers to those calls, the formal
review of last year's call, its committee's assessment, the published results and the
agreements. A feature adds its demo data by appending a function that takes the DemoBuilder
and counts what it creates in `builder.created[label]` for the summary; `builder.sites["jaslo"]`
and `builder.sites["pulawy"]` give it the centres built before, and `builder.with_users` says
whether it may create accounts.
"""

from accounts.demo import staff, users
from home.demo import jaslo, pulawy
from home.demo.builder import DemoBuilder
from ngo_grants.demo import agreements, calls, organisations, reports, results, review, scoring, small_grants
from volunteers.demo import matching, people, tasks

SECTIONS = [
    users.build,
    jaslo.build,
    pulawy.build,
    staff.build,
    tasks.build,
    people.build,
    matching.build,
    calls.build,
    organisations.build,
    review.build,
    scoring.build,
    results.build,
    agreements.build,
    reports.build,
    small_grants.build,
]


def load_demo(*, with_users):
    builder = DemoBuilder(with_users=with_users)
    builder.ensure_roots()
    builder.remove_wagtail_welcome()
    for section in SECTIONS:
        section(builder)
        # Each section's pages are live before the next one runs, so it can link to them.
        builder.publish_pending()
    return builder


__all__ = ["SECTIONS", "DemoBuilder", "load_demo"]
