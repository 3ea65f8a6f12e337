from wagtail import hooks
from wagtail.permissions import register_permission_policy

from accounts.models import AuditEntry
from accounts.viewsets import AuditLogViewSet, ReadOnlyPermissionPolicy, TeamViewSet

register_permission_policy(AuditEntry, ReadOnlyPermissionPolicy(AuditEntry))


@hooks.register("register_admin_viewset")
def register_team_viewset():
    return TeamViewSet()


@hooks.register("register_admin_viewset")
def register_audit_log_viewset():
    return AuditLogViewSet()
