"""Wagtail admin viewsets: the centre's team and the read-only audit log."""

import django_filters
from django import forms
from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from accounts.admin_views import MANAGE_TEAM, RemoveRoleView, TeamView
from accounts.models import AuditEntry, AuditKind


class TeamViewSet(ViewSet):
    name = "team"
    icon = "group"
    menu_label = _("Centre team")
    menu_order = 850
    add_to_admin_menu = True

    def get_urlpatterns(self):
        return [
            path("", TeamView.as_view(), name="index"),
            path("<int:centre_role_id>/remove/<int:user_id>/", RemoveRoleView.as_view(), name="remove"),
        ]

    @cached_property
    def menu_item_class(self):
        return type("TeamMenuItem", (MenuItem,), {"is_shown": lambda item, request: request.user.has_perm(MANAGE_TEAM)})


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Viewing needs the model's view permission; adding, changing and deleting are refused to
    everyone, superusers included: the audit log is written by code, never by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)


class AuditEntryFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Event"), choices=AuditKind.choices, widget=forms.RadioSelect, empty_label=_("All")
    )
    at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = AuditEntry
        fields = ["kind", "at"]


class AuditIndexView(IndexView):
    page_title = _("Audit log")

    def get_base_queryset(self):
        return AuditEntry.objects.visible_to(self.request.user).select_related("actor", "subject_user", "centre")


class AuditInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(AuditEntry.objects.visible_to(self.request.user), pk=unquote(str(self.pk)))

    def get_field_label(self, field_name, field):
        return _("Details") if field_name == "description" else super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        if field_name == "at":
            # In the admin's time zone, as the listing shows it.
            return date_format(localtime(self.object.at), "DATETIME_FORMAT")
        value = super().get_field_display_value(field_name, field)
        return "—" if value in (None, "") else value


class AuditLogViewSet(ModelViewSet):
    model = AuditEntry
    name = "audit"
    icon = "history"
    menu_label = _("Audit log")
    menu_order = 860
    add_to_admin_menu = True
    index_view_class = AuditIndexView
    inspect_view_class = AuditInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = AuditEntryFilterSet
    inspect_view_fields = ["at", "kind", "subject_user", "actor", "centre", "ip", "user_agent", "description"]

    @cached_property
    def list_display(self):
        return [
            "at",
            "kind",
            "subject_user",
            Column("description", label=_("Details")),
            "centre",
            "actor",
            "ip",
        ]

    def get_urlpatterns(self):
        # Listing and details only: no add, edit, delete, copy, history or usage views exist.
        conv = self.pk_path_converter
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{conv}:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add_url_name", "edit_url_name", "delete_url_name", "history_url_name", "usage_url_name"):
            view_kwargs[name] = None
        return view_kwargs

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename="view_auditentry")
