"""The grants officers' offers screen: every submitted (or withdrawn) offer to the centre's
calls, filtered by call, task, state and organisation, and each offer read-only as frozen.

Rows come from `staff_offers(user)`, so another centre's offer, or a draft, is not found (404)
and the filters offer only the centre's own calls and tasks. Nothing here changes an offer.
"""

import django_filters
from django import forms
from django.contrib.auth.models import Permission
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.widgets.button import HeaderButton

from core.filters import IdChoiceField, ModelChoiceFilter
from core.spreadsheets import FORMATS
from core.text import search_words
from ngo_grants.models import CallPage, CallProgress, Offer, PublicTask, Verification
from ngo_grants.money import format_zloty
from ngo_grants.sections import checksum
from ngo_grants.services.review import annulment_ground
from ngo_grants.viewsets.common import (
    OFFERS,
    ReadingViewSet,
    StaffScreen,
    centre_calls,
    moment,
    staff_offers,
)
from ngo_grants.viewsets.offer_files import EXPORTS
from ngo_grants.workflow import RECEIVED, OfferStatus


def _calls(request):
    return CallPage.objects.filter(pk__in=staff_offers(request.user).values("call")).order_by("-year", "title", "pk")


def _tasks(request):
    seen = staff_offers(request.user).values("task")
    return PublicTask.objects.filter(pk__in=seen).select_related("call").order_by("call__title", "sort_order", "pk")


class TaskChoiceField(IdChoiceField):
    """Tasks of different calls often share a title; the call tells them apart."""

    def label_from_instance(self, task):
        return f"{task.title} ({task.call.title})"


class TaskFilter(ModelChoiceFilter):
    field_class = TaskChoiceField


class OfferFilterSet(WagtailFilterSet):
    call = ModelChoiceFilter(label=gettext_lazy("Call"), queryset=_calls)
    task = TaskFilter(label=gettext_lazy("Public task"), queryset=_tasks)
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[(status, status.label) for status in (*RECEIVED, OfferStatus.WITHDRAWN)],
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = Offer
        fields = ["call", "task", "status"]


def money_column(name, label, sort_key):
    return Column(name, label=label, accessor=lambda offer: format_zloty(getattr(offer, name)), sort_key=sort_key)


class OfferIndexView(IndexView):
    page_title = gettext_lazy("Offers")
    default_ordering = "number"

    def get_base_queryset(self):
        return staff_offers(self.request.user).select_related("organisation", "task", "call")

    def search_queryset(self, queryset):
        """Every word must match the organisation's name, NIP or KRS, the number or the title."""
        if not self.is_searching:
            return queryset
        for word in search_words(self.search_query):
            queryset = queryset.filter(
                Q(organisation__name__icontains=word)
                | Q(organisation__nip__icontains=word)
                | Q(organisation__krs__icontains=word)
                | Q(number__icontains=word)
                | Q(title__icontains=word)
            )
        return queryset

    @cached_property
    def columns(self):
        field = Offer._meta.get_field
        return [
            TitleColumn(
                "number",
                label=capfirst(field("number").verbose_name),
                accessor="number",
                url_name=f"{OFFERS}:detail",
                sort_key="number",
            ),
            Column(
                "organisation", label=_("Organisation"), accessor="organisation.name", sort_key="organisation__name"
            ),
            Column("title", label=capfirst(field("title").verbose_name), accessor="title"),
            Column("task", label=_("Public task"), accessor="task.title", sort_key="task__title"),
            money_column("grant_requested", _("Grant requested"), "grant_requested"),
            money_column("total_cost", _("Total cost"), "total_cost"),
            money_column("own_contribution", _("Own contribution and other sources"), "own_contribution"),
            Column(
                "submitted_at",
                label=capfirst(field("submitted_at").verbose_name),
                accessor=lambda offer: moment(offer.submitted_at),
                sort_key="submitted_at",
            ),
            Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        ]

    @cached_property
    def header_buttons(self):
        calls = HeaderButton(_("Calls, tasks and exports"), url=reverse(f"{OFFERS}:calls"), icon_name="download")
        return [*super().header_buttons, calls]


class OfferDetailView(StaffScreen, TemplateView):
    """The offer as submitted: its latest frozen version, checked against its checksum."""

    template_name = "ngo_grants/admin/offer_detail.html"
    page_title = gettext_lazy("Offer")
    index_label = gettext_lazy("Offers")

    def get_page_subtitle(self):
        return self.offer.number

    def get(self, request, *args, **kwargs):
        self.offer = get_object_or_404(
            staff_offers(request.user).select_related("organisation", "call", "task", "centre", "submitted_by"),
            pk=kwargs["pk"],
        )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        offer = self.offer
        version = offer.latest_version()
        context.update(
            offer=offer,
            version=version,
            checksum_holds=version is not None and checksum(version.content) == version.checksum,
            verification=Verification.objects.filter(organisation=offer.organisation, centre=offer.centre).first(),
            attachments=offer.attachments.select_related("required"),
            organisation_url=reverse("grant_organisations:detail", args=[offer.organisation_id]),
        )
        return context


class CallSummaryView(StaffScreen, TemplateView):
    """The centre's calls with the offers per public task, and the downloads of each call."""

    template_name = "ngo_grants/admin/calls.html"
    page_title = gettext_lazy("Calls, tasks and exports")
    index_label = gettext_lazy("Offers")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        offers = staff_offers(self.request.user)
        counts = {
            row["task"]: row
            for row in offers.values("task").annotate(
                submitted=Count("pk", filter=Q(status__in=RECEIVED)),
                withdrawn=Count("pk", filter=Q(status=OfferStatus.WITHDRAWN)),
            )
        }
        index = reverse(f"{OFFERS}:index")
        calls = []
        for call in centre_calls(self.request.user).order_by("-year", "title", "pk").prefetch_related("tasks"):
            tasks = [
                {
                    "task": task,
                    "submitted": counts.get(task.pk, {}).get("submitted", 0),
                    "withdrawn": counts.get(task.pk, {}).get("withdrawn", 0),
                    "url": f"{index}?task={task.pk}",
                }
                for task in call.tasks.all()
            ]
            downloads = [
                (label, fmt.upper(), reverse(f"{OFFERS}:export", args=[call.pk, what, fmt]))
                for what, (_resource, _title, label) in EXPORTS.items()
                for fmt in FORMATS
            ]
            calls.append(
                {
                    "call": call,
                    "tasks": tasks,
                    "url": f"{index}?call={call.pk}",
                    "downloads": downloads,
                    "committee_url": reverse(f"{OFFERS}:committee", args=[call.pk]),
                    "annulment_url": reverse(f"{OFFERS}:annulment", args=[call.pk])
                    if call.progress == CallProgress.ANNULLED or annulment_ground(call)
                    else "",
                }
            )
        context["calls"] = calls
        return context


class OfferViewSet(ReadingViewSet):
    model = Offer
    name = OFFERS
    url_prefix = "oferty"
    icon = "doc-full"
    menu_label = gettext_lazy("Offers")
    menu_order = 100
    index_view_class = OfferIndexView
    list_per_page = 50
    filterset_class = OfferFilterSet
    # Searching is done by OfferIndexView.search_queryset; this only switches the box on.
    search_fields = ["title"]

    def get_urlpatterns(self):
        # Reading only: offers are written and submitted by organisations, never here.
        from ngo_grants.viewsets import agreements, committee, offer_files, review, small_grants

        return [
            path("", self.index_view, name="index"),
            path("wyniki/", self.index_results_view, name="index_results"),
            path("konkursy/", CallSummaryView.as_view(), name="calls"),
            path("male-granty/", small_grants.SmallGrantsView.as_view(), name="small_grants"),
            path("male-granty/<int:pk>/", small_grants.SmallGrantView.as_view(), name="small_grant"),
            path("konkursy/<int:call_id>/uniewaznienie/", review.AnnulmentView.as_view(), name="annulment"),
            path("konkursy/<int:call_id>/komisja/", committee.CommitteeView.as_view(), name="committee"),
            path("konkursy/<int:call_id>/przydzial/", committee.AssignmentView.as_view(), name="assignment"),
            path("konkursy/<int:call_id>/protokol.pdf", committee.protocol, name="protocol"),
            path("konkursy/<int:call_id>/decyzja/", committee.DecisionView.as_view(), name="decision"),
            path("konkursy/<int:call_id>/uzasadnienia/", committee.ReasonsRegisterView.as_view(), name="reasons"),
            path(
                "konkursy/<int:call_id>/komisja/<int:member_id>/usun/",
                committee.remove_member,
                name="committee_remove",
            ),
            path("<int:pk>/", OfferDetailView.as_view(), name="detail"),
            path("<int:pk>/ocena-formalna/", review.FormalReviewView.as_view(), name="formal_review"),
            path("<int:pk>/wersje/", review.VersionDiffView.as_view(), name="versions"),
            path("<int:pk>/umowa/", agreements.AgreementView.as_view(), name="agreement"),
            path("<int:pk>/sprawozdania/", agreements.ReportsView.as_view(), name="reports"),
            path("<int:pk>/tresc.json", offer_files.VersionJSONView.as_view(), name="version_json"),
            path("<int:pk>/teczka.zip", offer_files.DossierView.as_view(), name="dossier"),
            path(
                "<int:pk>/zalaczniki/<int:attachment_pk>/",
                offer_files.AttachmentDownloadView.as_view(),
                name="attachment",
            ),
            path("eksport/<int:call_id>/<slug:what>/<slug:fmt>/", offer_files.ExportView.as_view(), name="export"),
        ]

    def get_permissions_to_register(self):
        return Permission.objects.filter(content_type__app_label="ngo_grants", codename="view_offer")
