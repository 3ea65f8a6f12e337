"""The supervisor's access log: who opened, changed, registered, deleted or exported which
beneficiary's record, and when.

Only the centre's supervisor reads it (the model permission, then
`BeneficiaryAccess.objects.visible_to`, which is scoped to supervisors); coordinators are
refused (403). There is no add, edit or delete screen: the listing, its filters and the
export of what the filters show are the only URLs, and the model refuses changes anyway.
"""

import django_filters
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from import_export.fields import Field
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from core.filters import ModelChoiceFilter
from core.spreadsheets import FORMATS, CentreResource, content_type
from core.text import search_words
from volunteers.models import AccessAction, Beneficiary, BeneficiaryAccess

NAMESPACE = "access_log"
PERMISSION = "volunteers.view_beneficiaryaccess"


def _people(request):
    """Who appears in the person's centres' log."""
    seen = BeneficiaryAccess.objects.visible_to(request.user).values("user")
    return get_user_model().objects.filter(pk__in=seen).order_by("last_name", "first_name", "pk")


def _beneficiaries(request):
    """The records in the person's centres' log that still exist."""
    seen = BeneficiaryAccess.objects.visible_to(request.user).values("beneficiary")
    return Beneficiary.objects.filter(pk__in=seen)


class AccessLogFilterSet(WagtailFilterSet):
    user = ModelChoiceFilter(label=gettext_lazy("Who"), queryset=_people)
    beneficiary = ModelChoiceFilter(label=gettext_lazy("Beneficiary"), queryset=_beneficiaries)
    action = django_filters.ChoiceFilter(
        label=gettext_lazy("What"),
        choices=AccessAction.choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )
    at = django_filters.DateFromToRangeFilter(label=gettext_lazy("When"), widget=DateRangePickerWidget)

    class Meta:
        model = BeneficiaryAccess
        fields = ["user", "beneficiary", "action", "at"]


def supervisor_only(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _when(entry):
    return date_format(localtime(entry.at), "SHORT_DATETIME_FORMAT")


class AccessLogIndexView(IndexView):
    page_title = gettext_lazy("Access log")
    default_ordering = "-at"

    def dispatch(self, request, *args, **kwargs):
        supervisor_only(request)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return BeneficiaryAccess.objects.visible_to(self.request.user)

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        for word in search_words(self.search_query):
            queryset = queryset.filter(Q(beneficiary_label__icontains=word) | Q(user_label__icontains=word))
        return queryset

    @cached_property
    def columns(self):
        field = BeneficiaryAccess._meta.get_field
        return [
            Column("at", label=capfirst(field("at").verbose_name), accessor=_when, sort_key="at"),
            Column("user_label", label=capfirst(field("user_label").verbose_name), accessor="user_label"),
            Column("action", label=capfirst(field("action").verbose_name), accessor="get_action_display"),
            Column("beneficiary_label", label=_("Beneficiary"), accessor="beneficiary_label"),
            Column("detail", label=capfirst(field("detail").verbose_name), accessor="detail"),
        ]

    @cached_property
    def header_buttons(self):
        query = self.request.GET.urlencode()
        suffix = f"?{query}" if query else ""
        return [
            HeaderButton(
                _("Download %(format)s") % {"format": fmt.upper()},
                url=reverse(f"{NAMESPACE}:export", args=[fmt]) + suffix,
                icon_name="download",
            )
            for fmt in FORMATS
        ]


class AccessLogResource(CentreResource):
    """The log as the supervisor filtered it; fixed Polish headers like every export."""

    COLUMNS = (("at", "kiedy"), ("user_label", "kto"), ("action", "co"), ("beneficiary_label", "podopieczny"))

    def __init__(self, *, native):
        super().__init__(None, native=native)
        columns = (*self.COLUMNS, ("detail", "szczegóły"), ("centre", "ośrodek"))
        self.fields = {key: Field(attribute=key, column_name=header) for key, header in columns}

    def export_field(self, field, instance, **kwargs):
        if field.attribute == "at":
            return self.moment(instance.at)
        if field.attribute == "action":
            return instance.get_action_display()
        if field.attribute == "centre":
            return instance.centre.display_name
        return getattr(instance, field.attribute)


class AccessLogExportView(View):
    """What the listing shows with the same filters, as XLSX or CSV."""

    http_method_names = ["get"]

    def get(self, request, fmt):
        supervisor_only(request)
        if fmt not in FORMATS:
            raise Http404
        queryset = BeneficiaryAccess.objects.visible_to(request.user).select_related("centre")
        filters = AccessLogFilterSet(request.GET, queryset=queryset, request=request)
        rows = filters.qs if filters.is_valid() else queryset.none()
        with translation.override(settings.LANGUAGE_CODE):
            dataset = AccessLogResource(native=fmt == "xlsx").export(rows.order_by("-at", "-pk"))
            dataset.title = "rejestr"
            data = FORMATS[fmt]().export_data(dataset)
        name = f"rejestr-dostepu-{timezone.localdate().isoformat()}.{fmt}"
        response = HttpResponse(data.encode("utf-8") if isinstance(data, str) else data, content_type=content_type(fmt))
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "private, no-store"
        return response


class AccessLogViewSet(ModelViewSet):
    model = BeneficiaryAccess
    name = NAMESPACE
    url_prefix = "rejestr-dostepu"
    icon = "history"
    menu_label = gettext_lazy("Access log")
    menu_order = 160
    index_view_class = AccessLogIndexView
    list_per_page = 100
    filterset_class = AccessLogFilterSet
    # Searching is done by AccessLogIndexView.search_queryset; this only switches the box on.
    search_fields = ["beneficiary_label"]
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_urlpatterns(self):
        # Reading only: the log has no add, edit or delete screen.
        return [
            path("", self.index_view, name="index"),
            path("wyniki/", self.index_results_view, name="index_results"),
            path("eksport/<slug:fmt>/", AccessLogExportView.as_view(), name="export"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in (
            "add_url_name",
            "edit_url_name",
            "delete_url_name",
            "history_url_name",
            "usage_url_name",
            "copy_url_name",
            "inspect_url_name",
        ):
            view_kwargs[name] = None
        return view_kwargs

    def get_permissions_to_register(self):
        return Permission.objects.filter(content_type__app_label="volunteers", codename="view_beneficiaryaccess")
