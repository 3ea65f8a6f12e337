"""The access-matrix harness: every URL pattern × every role, with real objects in the URLs.

A row names one URL pattern (its full route, as Django's resolver spells it), says how to
build a concrete URL for it from the test world (real pages, images, users of two centres)
and what each actor must get. `classify()` turns a response into one of a few outcomes, so
rows state intent ("denied") rather than a particular status code Wagtail happens to use.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.urls import URLPattern, URLResolver, get_resolver

OK = "ok"  # 2xx: the page or file is served
LOGIN = "login"  # an anonymous visitor is sent to the login page
DENIED = "denied"  # 403/404, or a signed-in user is turned away (to login, dashboard, home)
REDIRECT = "redirect"  # a legitimate redirect (logout, preference switch, a step of a flow)
MFA = "mfa"  # a staff user without two-factor authentication is sent to set it up
GONE = "gone"  # 404 for everyone: a pattern that exists only to answer "not found"
NOT_ALLOWED = "not-allowed"  # 405: wrong HTTP method (POST-only endpoints fetched with GET)

STAFF_ROLES = ["editor", "moderator", "coordinator", "grants_officer", "supervisor"]
ACTORS = [
    "visitor",
    "resident",
    "unverified",
    # Residents with volunteer profiles: "volunteer" applied to centre A's task and owns the
    # applications, hours and agreement the rows point at; "volunteer2" applied to centre B.
    "volunteer",
    "volunteer2",
    # Members of organisations (NGOs): "ngo_admin" and "ngo_editor" are the administrator and
    # the editor of the organisation whose offers the rows point at; "ngo_other" administers
    # another organisation.
    "ngo_admin",
    "ngo_editor",
    "ngo_other",
    *[f"{role}@A" for role in STAFF_ROLES],
    *[f"{role}@B" for role in STAFF_ROLES],
    "superuser",
]

LOGIN_PATHS = ("/konto/login/", "/admin/login/")
MFA_PATHS = ("/konto/2fa/totp/activate/", "/konto/2fa/")


# Actors without a session: the unverified resident's login is refused (see client_for).
ANONYMOUS = {"visitor", "unverified"}


def classify(response, actor, requested_path):
    status = response.status_code
    if 200 <= status < 300:
        return OK
    if status == 404:
        return DENIED
    if status == 403:
        return DENIED
    if status == 405:
        return NOT_ALLOWED
    if status in (301, 302, 303, 307, 308):
        target = urlsplit(response["Location"]).path
        if target.startswith(MFA_PATHS):
            return MFA
        if target.startswith(LOGIN_PATHS):
            return LOGIN if actor in ANONYMOUS else DENIED
        if target == requested_path:
            return REDIRECT
        if actor not in ANONYMOUS and requested_path.startswith("/admin/") and target == "/admin/":
            # Wagtail answers a missing permission with a redirect to the dashboard.
            return DENIED
        return REDIRECT
    return f"status {status}"


def expectations(default=None, **overrides):
    """{actor: outcome}: `default` for everyone, then groups and single actors override.

    Group keywords: staff (all staff roles of both centres), staff_a, staff_b, users
    (resident + unverified), residents (signed-in people without a staff role: resident,
    volunteer, volunteer2 and the NGO members), volunteers (volunteer, volunteer2), ngo
    (ngo_admin, ngo_editor, ngo_other), and any role name (both centres); single actors are
    spelled with "_at_": editor_at_A="ok".
    """
    result = dict.fromkeys(ACTORS, default)
    groups = {
        "staff": [a for a in ACTORS if "@" in a],
        "staff_a": [a for a in ACTORS if a.endswith("@A")],
        "staff_b": [a for a in ACTORS if a.endswith("@B")],
        "users": ["resident", "unverified"],
        "residents": ["resident", "volunteer", "volunteer2", "ngo_admin", "ngo_editor", "ngo_other"],
        "volunteers": ["volunteer", "volunteer2"],
        "ngo": ["ngo_admin", "ngo_editor", "ngo_other"],
        **{role: [f"{role}@A", f"{role}@B"] for role in STAFF_ROLES},
    }
    for key in ["staff", "staff_a", "staff_b", "users", "residents", "volunteers", "ngo", *STAFF_ROLES]:
        if key in overrides:
            value = overrides.pop(key)
            for actor in groups[key]:
                result[actor] = value
    for key, value in overrides.items():
        actor = key.replace("_at_", "@")
        if actor not in result:
            raise KeyError(f"unknown actor {actor!r}")
        result[actor] = value
    missing = [actor for actor, outcome in result.items() if outcome is None]
    if missing:
        raise ValueError(f"no expectation for {missing}")
    return result


@dataclass
class Row:
    route: str
    url: object  # a string, or a callable taking the world and returning one
    expect: dict
    method: str = "get"
    data: dict = field(default_factory=dict)
    note: str = ""

    def build_url(self, world):
        return self.url(world) if callable(self.url) else self.url


def all_routes():
    """Every URL pattern of the project as (route, name), e.g. ("admin/pages/<int:page_id>/edit/", "edit")."""

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), pattern.name

    # A project pattern may shadow a third-party one with the same route (the first match
    # wins in Django's resolver); the shadowed one can never answer, so it is listed once.
    seen, routes = set(), []
    for route, name in walk(get_resolver().url_patterns, ""):
        if route not in seen:
            seen.add(route)
            routes.append((route, name))
    return routes
