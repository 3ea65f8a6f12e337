"""Demo accounts: in each centre one member of staff per role, and a few residents.

Every demo account has the demo password and a verified e-mail address. Staff must sign in to
the admin with a code from an authenticator app; all demo staff (and the demo administrator)
share one authenticator secret, TOTP_SECRET, so a single entry in a phone app serves them all.
Like the password, it is published in README and only ever exists on demo installations.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model

from accounts.demo.users import EMAIL as ADMIN_EMAIL
from accounts.demo.users import PASSWORD
from accounts.mfa import set_up_totp
from accounts.models import Role
from accounts.roles import grant_role

TOTP_SECRET = "POMOSTDEMOPOMOSTDEMOPOMOSTDEMO22"  # noqa: S105 - published on purpose, like the password

# The part of each staff address before the @: the role as the centre would say it.
MAILBOXES = {
    Role.EDITOR: "redaktor",
    Role.MODERATOR: "moderator",
    Role.COORDINATOR: "koordynator",
    Role.GRANTS_OFFICER: "dotacje",
    Role.SUPERVISOR: "kierownik",
}

STAFF = {
    "jaslo": {
        Role.EDITOR: ("Magdalena", "Wójcik"),
        Role.MODERATOR: ("Tomasz", "Kaczmarek"),
        Role.COORDINATOR: ("Agnieszka", "Zielińska"),
        Role.GRANTS_OFFICER: ("Paweł", "Mazur"),
        Role.SUPERVISOR: ("Barbara", "Kowalska"),
    },
    "pulawy": {
        Role.EDITOR: ("Katarzyna", "Lis"),
        Role.MODERATOR: ("Marek", "Dudek"),
        Role.COORDINATOR: ("Joanna", "Sikora"),
        Role.GRANTS_OFFICER: ("Michał", "Baran"),
        Role.SUPERVISOR: ("Elżbieta", "Wróbel"),
    },
}

RESIDENTS = [
    ("anna.mieszkanka@demo.pomost.local", "Anna", "Kwiatkowska"),
    ("piotr.mieszkaniec@demo.pomost.local", "Piotr", "Górski"),
    ("zofia.mieszkanka@demo.pomost.local", "Zofia", "Pawlak"),
]


def staff_email(centre_key, role):
    return f"{MAILBOXES[role]}@{centre_key}.demo.pomost.local"


def build(builder):
    if not builder.with_users:
        return
    rows = []
    for centre_key, people in STAFF.items():
        site = builder.sites[centre_key]
        for role, (first_name, last_name) in people.items():
            email = staff_email(centre_key, role)
            user = _person(builder, email, first_name, last_name)
            if user is not None:
                grant_role(user, site, role)
                set_up_totp(user, TOTP_SECRET)
            rows.append((site.site_name, str(role.label), email))
    for email, first_name, last_name in RESIDENTS:
        _person(builder, email, first_name, last_name)
        rows.append(("", "—", email))
    _admin_second_factor(builder)
    builder.logins.extend(_table(rows))


def _person(builder, email, first_name, last_name):
    """A new verified account, or None when the address is taken (whatever it became since)."""
    model = get_user_model()
    if model.objects.filter(email=email).exists():
        return None
    user = model.objects.create_user(email, PASSWORD, first_name=first_name, last_name=last_name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    builder.created["user"] += 1
    return user


def _admin_second_factor(builder):
    """The demo administrator enters the admin like the staff: verified address, same secret."""
    admin = get_user_model().objects.filter(email=ADMIN_EMAIL).first()
    if admin is None:
        return
    if not EmailAddress.objects.filter(user=admin, email=ADMIN_EMAIL).exists():
        EmailAddress.objects.create(user=admin, email=ADMIN_EMAIL, verified=True, primary=True)
    if not Authenticator.objects.filter(user=admin).exists():
        set_up_totp(admin, TOTP_SECRET)
        builder.created["authenticator app"] += 1


def _table(rows):
    header = ("Centre", "Role", "E-mail (password " + PASSWORD + ")")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(2)]
    lines = [f"Demo staff and residents; staff codes come from the authenticator secret {TOTP_SECRET}:"]
    lines += [f"  {centre:<{widths[0]}}  {role:<{widths[1]}}  {email}" for centre, role, email in [header, *rows]]
    return lines
