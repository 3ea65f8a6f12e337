"""The social workers' beneficiaries screen: the families, people with disabilities and seniors
a centre supports, each with their needs on one page.

Rows come from `Beneficiary.objects.visible_to(user)` (the centre's coordinators and
supervisor), so another centre's record is not found (404). Needs are added and edited on
their own short form reached from the beneficiary's page, which a social worker reads like a
file: the person, then each need with its matches. Every opening of a record (its page, its
edit form, a need's form) and every change is written to the access log
(`services.access_log`), which the supervisor reads in "Access log".
"""

import django_filters
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from accounts.permissions import centres_for
from core.filters import ModelChoiceFilter
from core.text import search_words
from volunteers.models import (
    AccessAction,
    Beneficiary,
    BeneficiaryKind,
    District,
    Match,
    Need,
    NeedStatus,
)
from volunteers.roles import VOLUNTEERING_STAFF
from volunteers.services import access_log
from volunteers.viewsets.beneficiaries_forms import BeneficiaryForm, NeedForm

NAMESPACE = "beneficiaries"


def staff_centres(user):
    return centres_for(user, *VOLUNTEERING_STAFF).order_by("short_name", "pk")


def _centre_districts(request):
    return District.objects.filter(centre__in=centres_for(request.user, *VOLUNTEERING_STAFF)).select_related("centre")


class BeneficiaryFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind"), choices=BeneficiaryKind.choices, empty_label=gettext_lazy("All")
    )
    district = ModelChoiceFilter(label=gettext_lazy("District"), queryset=_centre_districts)
    need_status = django_filters.ChoiceFilter(
        label=gettext_lazy("Has a need that is"),
        choices=NeedStatus.choices,
        method="filter_need_status",
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = Beneficiary
        fields = ["kind", "district", "need_status"]

    def filter_need_status(self, queryset, name, value):
        return queryset.filter(pk__in=Need.objects.filter(status=value).values("beneficiary"))


class BeneficiaryIndexView(IndexView):
    page_title = gettext_lazy("Beneficiaries")
    default_ordering = "name"

    def get_base_queryset(self):
        return (
            Beneficiary.objects.visible_to(self.request.user)
            .select_related("district")
            .annotate(open_needs=Count("needs", filter=Q(needs__status=NeedStatus.OPEN)))
        )

    def search_queryset(self, queryset):
        """Every word must match the name, the first name, the phone or the address."""
        if not self.is_searching:
            return queryset
        for word in search_words(self.search_query):
            queryset = queryset.filter(
                Q(name__icontains=word)
                | Q(first_name__icontains=word)
                | Q(phone__icontains=word)
                | Q(address__icontains=word)
            )
        return queryset

    @cached_property
    def columns(self):
        field = Beneficiary._meta.get_field
        return [
            TitleColumn(
                "name",
                label=capfirst(field("name").verbose_name),
                accessor="name",
                url_name=f"{NAMESPACE}:detail",
                sort_key="name",
            ),
            Column("kind", label=capfirst(field("kind").verbose_name), accessor="get_kind_display", sort_key="kind"),
            Column("district", label=capfirst(field("district").verbose_name), accessor="district.name"),
            Column("phone", label=capfirst(field("phone").verbose_name), accessor="phone"),
            Column("open_needs", label=_("Open needs"), accessor="open_needs", sort_key="open_needs"),
        ]

    @cached_property
    def header_buttons(self):
        transfer = HeaderButton(_("Import and export"), url=reverse(f"{NAMESPACE}:transfer"), icon_name="download")
        return [*super().header_buttons, transfer]


class BeneficiaryMixin(WagtailAdminTemplateMixin):
    """The model permission first (others are turned away with 403), then the row: the record
    must be one of the person's centres', or it is not found."""

    permission = "volunteers.view_beneficiary"
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.centres = staff_centres(request.user)
        pk = kwargs.get("pk")
        self.beneficiary = (
            get_object_or_404(Beneficiary.objects.visible_to(request.user).select_related("district"), pk=pk)
            if pk is not None
            else None
        )
        return super().dispatch(request, *args, **kwargs)

    def detail_url(self):
        return reverse(f"{NAMESPACE}:detail", args=[self.beneficiary.pk])

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items, {"url": reverse(f"{NAMESPACE}:index"), "label": _("Beneficiaries")}]
        if self.beneficiary is not None and not isinstance(self, BeneficiaryDetailView):
            items.append({"url": self.detail_url(), "label": self.beneficiary.name})
        return [*items, {"url": "", "label": self.get_page_title()}]

    def log(self, action, detail=""):
        access_log.record(self.request.user, self.beneficiary, action, detail)


def changed_fields(form):
    """The labels of the fields a saved form changed, for the access log's detail."""
    return ", ".join(str(form.fields[name].label) for name in form.changed_data)


def need_label(need):
    return _("need no. %(id)s (%(category)s)") % {"id": need.pk, "category": need.get_category_display()}


class FormScreen(BeneficiaryMixin, TemplateView):
    """A form on its own admin page; `saved()` does the work of a valid POST."""

    template_name = "volunteers/admin/beneficiaries/form.html"
    submit_label = gettext_lazy("Save")

    def get(self, request, *args, **kwargs):
        detail = self.opening_detail()
        if detail is not None:
            self.log(AccessAction.VIEWED, detail)
        return self.render_to_response(self.get_context_data(form=self.make_form()))

    def post(self, request, *args, **kwargs):
        form = self.make_form(data=request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        with transaction.atomic():
            target = self.saved(form)
        return redirect(target)

    def opening_detail(self):
        """The log's detail for a GET of this form; None when it shows no record (a new one)."""
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            submit_label=self.submit_label,
            cancel_url=self.detail_url() if self.beneficiary else reverse(f"{NAMESPACE}:index"),
        )
        return context


class BeneficiaryCreateView(FormScreen):
    permission = "volunteers.add_beneficiary"
    page_title = gettext_lazy("Register a beneficiary")

    def make_form(self, data=None):
        return BeneficiaryForm(data, centres=self.centres)

    def saved(self, form):
        self.beneficiary = form.save()
        self.log(AccessAction.CREATED)
        messages.success(self.request, _("%(name)s registered. Add their needs below.") % {"name": self.beneficiary})
        return self.detail_url()


class BeneficiaryEditView(FormScreen):
    permission = "volunteers.change_beneficiary"
    page_title = gettext_lazy("Edit beneficiary")

    def make_form(self, data=None):
        return BeneficiaryForm(data, instance=self.beneficiary, centres=self.centres)

    def opening_detail(self):
        return _("edit form")

    def saved(self, form):
        form.save()
        self.log(AccessAction.CHANGED, changed_fields(form))
        messages.success(self.request, _("Changes to %(name)s saved.") % {"name": self.beneficiary})
        return self.detail_url()


class NeedFormView(FormScreen):
    """Adding a need (no `need_pk`) or editing one of this beneficiary's needs."""

    def dispatch(self, request, *args, **kwargs):
        need_pk = kwargs.get("need_pk")
        self.permission = "volunteers.change_need" if need_pk else "volunteers.add_need"
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def need(self):
        need_pk = self.kwargs.get("need_pk")
        if need_pk is None:
            return Need(beneficiary=self.beneficiary)
        return get_object_or_404(Need.objects.visible_to(self.request.user), pk=need_pk, beneficiary=self.beneficiary)

    def get_page_title(self):
        return _("Edit need") if self.need.pk else _("Add a need")

    def make_form(self, data=None):
        return NeedForm(data, instance=self.need)

    def opening_detail(self):
        return need_label(self.need) if self.need.pk else None

    def saved(self, form):
        adding = self.need.pk is None
        need = form.save()
        if adding:
            self.log(AccessAction.CHANGED, _("need added: %(need)s") % {"need": need_label(need)})
        else:
            self.log(AccessAction.CHANGED, f"{need_label(need)}: {changed_fields(form)}")
        messages.success(self.request, _("Need saved: %(need)s.") % {"need": need.get_category_display()})
        return self.detail_url()


def volunteer_name(match):
    if match.volunteer is None:
        return _("(volunteer's data erased)")
    return match.volunteer.user.get_full_name() or match.volunteer.user.email


class BeneficiaryDetailView(BeneficiaryMixin, TemplateView):
    """The record, its needs and each need's matches. Opening it is written to the log."""

    template_name = "volunteers/admin/beneficiaries/detail.html"
    page_title = gettext_lazy("Beneficiary")

    def get(self, request, *args, **kwargs):
        self.log(AccessAction.VIEWED)
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.beneficiary.name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        needs = list(
            Need.objects.visible_to(user)
            .filter(beneficiary=self.beneficiary)
            .select_related("language", "disability")
            .prefetch_related("skills")
        )
        matches = {}
        for match in (
            Match.objects.visible_to(user).filter(need__in=needs).select_related("volunteer__user").order_by("pk")
        ):
            matches.setdefault(match.need_id, []).append((match, volunteer_name(match)))
        slot_labels = dict(NeedForm.base_fields["times"].choices)
        context.update(
            beneficiary=self.beneficiary,
            needs=[
                {
                    "need": need,
                    "times": [slot_labels.get(value, value) for value in need.times],
                    "matches": matches.get(need.pk, []),
                }
                for need in needs
            ],
            can_edit=user.has_perm("volunteers.change_beneficiary"),
            can_delete=user.has_perm("volunteers.delete_beneficiary"),
            can_add_need=user.has_perm("volunteers.add_need"),
            can_edit_need=user.has_perm("volunteers.change_need"),
        )
        return context


class BeneficiaryDeleteView(BeneficiaryMixin, TemplateView):
    """Deleting a record and its needs, after a confirmation; one with matches is kept (the
    matches are the volunteers' history too), and its needs can be closed instead."""

    permission = "volunteers.delete_beneficiary"
    template_name = "volunteers/admin/beneficiaries/delete.html"
    page_title = gettext_lazy("Delete beneficiary")

    def has_matches(self):
        return Match.objects.filter(need__beneficiary=self.beneficiary).exists()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(beneficiary=self.beneficiary, has_matches=self.has_matches(), cancel_url=self.detail_url())
        return context

    def post(self, request, *args, **kwargs):
        if self.has_matches():
            messages.error(request, _("This beneficiary has matches and cannot be deleted. Close their needs instead."))
            return redirect(self.detail_url())
        with transaction.atomic():
            self.log(AccessAction.DELETED)
            name = self.beneficiary.name
            self.beneficiary.needs.all().delete()
            self.beneficiary.delete()
        messages.success(request, _("%(name)s deleted.") % {"name": name})
        return redirect(f"{NAMESPACE}:index")


class BeneficiaryURLFinder(ModelAdminURLFinder):
    def construct_edit_url(self, instance):
        return reverse(f"{NAMESPACE}:detail", args=[instance.pk])


class BeneficiaryViewSet(ModelViewSet):
    model = Beneficiary
    name = NAMESPACE
    url_prefix = "podopieczni"
    icon = "group"
    menu_label = gettext_lazy("Beneficiaries")
    menu_order = 150
    index_view_class = BeneficiaryIndexView
    list_per_page = 50
    filterset_class = BeneficiaryFilterSet
    # Searching is done by BeneficiaryIndexView.search_queryset; this only switches the box on.
    search_fields = ["name"]
    url_finder_class = BeneficiaryURLFinder
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_urlpatterns(self):
        from volunteers.viewsets import beneficiaries_transfer as transfer

        return [
            path("", self.index_view, name="index"),
            path("wyniki/", self.index_results_view, name="index_results"),
            path("dodaj/", BeneficiaryCreateView.as_view(), name="add"),
            path("<int:pk>/", BeneficiaryDetailView.as_view(), name="detail"),
            path("<int:pk>/edycja/", BeneficiaryEditView.as_view(), name="edit"),
            path("<int:pk>/usun/", BeneficiaryDeleteView.as_view(), name="delete"),
            path("<int:pk>/potrzeby/dodaj/", NeedFormView.as_view(), name="add_need"),
            path("<int:pk>/potrzeby/<int:need_pk>/", NeedFormView.as_view(), name="edit_need"),
            path("wymiana/", transfer.BeneficiaryTransferView.as_view(), name="transfer"),
            path("wymiana/zatwierdz/", transfer.ConfirmBeneficiaryImportView.as_view(), name="confirm_import"),
            path(
                "wymiana/eksport/<int:centre_id>/<slug:fmt>/", transfer.BeneficiaryExportView.as_view(), name="export"
            ),
        ]

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("history_url_name", "usage_url_name", "copy_url_name", "inspect_url_name"):
            view_kwargs[name] = None
        return view_kwargs

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="volunteers",
            codename__in=[
                "view_beneficiary",
                "add_beneficiary",
                "change_beneficiary",
                "delete_beneficiary",
                "add_need",
                "change_need",
            ],
        )
