"""Demo content for `manage.py load_demo`: two centres, their pages, images and a login.

The command runs SECTIONS in order inside one transaction. A later feature adds its demo data
by appending a function that takes the DemoBuilder and counts what it creates in
`builder.created[label]` for the summary; `builder.sites["jaslo"]` and
`builder.sites["pulawy"]` give it the centres built before, and `builder.with_users` says
whether it may create accounts.
"""

from home.demo import accounts, jaslo, pulawy, staff, volunteer_people, volunteers
from home.demo.builder import DemoBuilder

SECTIONS = [
    accounts.build,
    jaslo.build,
    pulawy.build,
    staff.build,
    volunteers.build,
    volunteer_people.build,
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
