"""Signal handlers, connected in AccountsConfig.ready(): role groups follow the centres, and
the audit log hears about sign-ins, two-factor changes and every role granted or removed.

Only people who can enter the admin are logged (`accounts.mfa.requires_mfa`): the log is
there to hold staff accountable, and residents' sign-ins are none of a supervisor's business.
A failed sign-in is logged only when the address typed belongs to such a person; anything else
typed into the login form (often a password in the wrong field) is never stored. The address
itself is not stored either: the entry points at the account.
"""

from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.db import connections

from accounts.audit import record
from accounts.mfa import requires_mfa
from accounts.models import AuditKind, CentreRole
from accounts.roles import sync_all_centres, sync_centre_roles

# The centre being deleted: its role removals are logged without it, as it will be gone.
_deleting_centre = ContextVar("pomost_deleting_centre", default=None)


def section_page_saved(sender, instance, created=False, raw=False, **kwargs):
    """A new page of a type that carries section rights (a call index) gets them at once."""
    from core.models import Centre

    if not created or raw:
        return
    site = instance.get_site()
    centre = Centre.objects.filter(site=site).first() if site else None
    if centre is not None:
        sync_centre_roles(centre)


def centre_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_centre_roles(instance)


def site_saved(sender, instance, raw=False, **kwargs):
    # A centre's rights hang on its site's home page; a new home page takes them over.
    from core.models import Centre

    centre = Centre.objects.filter(site=instance).first()
    if centre is not None and not raw:
        sync_centre_roles(centre)


def centre_deleting(sender, instance, **kwargs):
    from django.contrib.auth.models import Group

    # The groups would otherwise outlive the centre, still holding rights on its pages.
    token = _deleting_centre.set(instance.pk)
    try:
        Group.objects.filter(centre_role__centre=instance).delete()
    finally:
        _deleting_centre.reset(token)


def group_deleting(sender, instance, **kwargs):
    centre_role = CentreRole.objects.filter(group=instance).select_related("centre").first()
    if centre_role is None:
        return
    for user in instance.user_set.all():
        _record_role_change(AuditKind.ROLE_REMOVED, user, centre_role)


def user_deleting(sender, instance, **kwargs):
    # Deleting an account drops its memberships without a signal. The entry will not point at
    # the account that is going away (Django empties such references), so it names the person.
    for centre_role in CentreRole.objects.filter(group__user=instance).select_related("centre", "group"):
        _record_role_change(AuditKind.ROLE_REMOVED, None, centre_role, person=str(instance))


def memberships_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """User.groups changed, from either side (user.groups.add, group.user_set.remove, clear)."""
    if action == "pre_clear":
        # post_clear does not say what was removed; remember it now.
        related = instance.user_set if reverse else instance.groups
        instance._audit_cleared_pks = set(related.values_list("pk", flat=True))
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_audit_cleared_pks", set())
    elif action not in ("post_add", "post_remove"):
        return
    if not pk_set:
        return
    kind = AuditKind.ROLE_GRANTED if action == "post_add" else AuditKind.ROLE_REMOVED
    if reverse:
        centre_role = CentreRole.objects.filter(group=instance).select_related("centre").first()
        if centre_role is not None:
            for user in get_user_model().objects.filter(pk__in=pk_set):
                _record_role_change(kind, user, centre_role)
    else:
        for centre_role in CentreRole.objects.filter(group_id__in=pk_set).select_related("centre"):
            _record_role_change(kind, instance, centre_role)


def _record_role_change(kind, user, centre_role, **extra):
    details = {"role": centre_role.role, "group": centre_role.group.name, **extra}
    centre = centre_role.centre
    if _deleting_centre.get() == centre.pk:
        centre, details["centre"] = None, str(centre_role.centre)
    record(kind, subject_user=user, centre=centre, details=details)


def logged_in(sender, request, user, **kwargs):
    if requires_mfa(user):
        record(AuditKind.LOGIN, request=request, actor=user, subject_user=user)


def login_failed(sender, credentials, request=None, **kwargs):
    typed = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not isinstance(typed, str) or not typed:
        return
    user = get_user_model().objects.filter(email__iexact=typed.strip()).first()
    if user is not None and requires_mfa(user):
        record(AuditKind.LOGIN_FAILED, request=request, subject_user=user, details={"step": "password"})


def mfa_failed(sender, request, user, authenticator, **kwargs):
    # The password was right and the code wrong: the password may be known to someone else.
    if requires_mfa(user):
        details = {"step": "two-factor", "method": authenticator.type}
        record(AuditKind.LOGIN_FAILED, request=request, subject_user=user, details=details)


def _mfa_change(kind):
    def handler(sender, request, user, authenticator, **kwargs):
        if requires_mfa(user):
            record(kind, request=request, subject_user=user, details={"method": authenticator.type})

    return handler


mfa_added = _mfa_change(AuditKind.MFA_ADDED)
mfa_removed = _mfa_change(AuditKind.MFA_REMOVED)
mfa_reset = _mfa_change(AuditKind.MFA_RESET)


def migrated(sender, using, **kwargs):
    """After every `migrate`, groups pick up rights added to accounts.roles.RIGHTS since."""
    from core.models import Centre

    tables = connections[using].introspection.table_names()
    if CentreRole._meta.db_table in tables and Centre._meta.db_table in tables:
        sync_all_centres()
