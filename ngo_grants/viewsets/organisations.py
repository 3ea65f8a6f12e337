"""The grants officers' organisations screen: the organisations that write or made offers to
the centre's calls, any registered organisation found by its name, NIP or KRS, and the
centre's decision on each (verified or refused, with a note).

An organisation belongs to no centre, so any grants staff may read its registry data; the
verification shown and decided is only ever the person's own centre's (`Verification` is one
row per organisation and centre). Supervisors read; grants officers decide.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView

from core.text import search_words
from ngo_grants.models import Offer, Organisation, Verification
from ngo_grants.services.verification import decide_verification, deciding_centres
from ngo_grants.viewsets.common import (
    ORGANISATIONS,
    ReadingViewSet,
    StaffScreen,
    moment,
    staff_centres,
    staff_offers,
)
from ngo_grants.viewsets.verification_forms import REFUSED, VERIFIED, VerificationForm
from ngo_grants.workflow import RECEIVED, OfferStatus

KRS_SEARCH = "https://wyszukiwarka-krs.ms.gov.pl/"
NOT_VERIFIED = "none"
DECIDE = ("ngo_grants.add_verification", "ngo_grants.change_verification")


def state_label(verification):
    if verification is None:
        return _("not verified yet")
    return _("verified") if verification.verified else _("refused")


class OrganisationFilterSet(WagtailFilterSet):
    verification = django_filters.ChoiceFilter(
        label=gettext_lazy("Verification by your centre"),
        choices=[
            (VERIFIED, gettext_lazy("verified")),
            (REFUSED, gettext_lazy("refused")),
            (NOT_VERIFIED, gettext_lazy("not verified yet")),
        ],
        method="filter_verification",
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = Organisation
        fields = ["verification"]

    def filter_verification(self, queryset, name, value):
        decided = Verification.objects.visible_to(self.request.user)
        if value == NOT_VERIFIED:
            return queryset.exclude(pk__in=decided.values("organisation"))
        return queryset.filter(pk__in=decided.filter(verified=value == VERIFIED).values("organisation"))


class OrganisationIndexView(IndexView):
    page_title = gettext_lazy("Organisations")
    default_ordering = "name"

    @cached_property
    def centres(self):
        return list(staff_centres(self.request.user))

    def get_base_queryset(self):
        """Searching looks through every registered organisation (an organisation may ask to
        be verified before it starts an offer); otherwise those with offers to the centre."""
        offers = Offer.objects.visible_to(self.request.user)
        organisations = Organisation.objects.all()
        if not self.is_searching:
            organisations = organisations.filter(pk__in=offers.values("organisation"))
        ours = Q(offers__centre__in=self.centres)
        return organisations.annotate(
            submitted=Count("offers", filter=ours & Q(offers__status__in=RECEIVED)),
            drafts=Count("offers", filter=ours & Q(offers__status=OfferStatus.DRAFT)),
        )

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        for word in search_words(self.search_query):
            digits = word.replace("-", "")
            queryset = queryset.filter(
                Q(name__icontains=word) | Q(nip__startswith=digits) | Q(krs__endswith=digits) | Q(regon=digits)
            )
        return queryset

    def paginate_queryset(self, queryset, page_size):
        # The centre's decisions on the organisations of this page, in one query.
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        rows = list(object_list)
        decided = {}
        for verification in Verification.objects.visible_to(self.request.user).filter(organisation__in=rows):
            decided.setdefault(verification.organisation_id, {})[verification.centre_id] = verification
        for organisation in rows:
            states = [(centre, decided.get(organisation.pk, {}).get(centre.pk)) for centre in self.centres]
            if len(states) == 1:
                organisation.verification_state = state_label(states[0][1])
            else:
                organisation.verification_state = "; ".join(f"{c}: {state_label(v)}" for c, v in states)
        page.object_list = rows
        return paginator, page, rows, is_paginated

    @cached_property
    def columns(self):
        field = Organisation._meta.get_field
        return [
            TitleColumn(
                "name",
                label=capfirst(field("name").verbose_name),
                accessor="name",
                url_name=f"{ORGANISATIONS}:detail",
                sort_key="name",
            ),
            Column("nip", label=capfirst(field("nip").verbose_name), accessor="nip"),
            Column("krs", label=capfirst(field("krs").verbose_name), accessor=lambda o: o.krs or "—"),
            Column("city", label=capfirst(field("city").verbose_name), accessor="city"),
            Column("verification", label=_("Verification"), accessor="verification_state"),
            Column("submitted", label=_("Offers submitted"), accessor="submitted", sort_key="submitted"),
            Column("drafts", label=_("Offers being written"), accessor="drafts", sort_key="drafts"),
        ]


class OrganisationDetailView(StaffScreen, TemplateView):
    """The organisation's registry data and the centre's decision, with its form."""

    permission = "ngo_grants.view_organisation"
    header_icon = "group"
    template_name = "ngo_grants/admin/organisation_detail.html"
    page_title = gettext_lazy("Organisation")
    index_url_name = f"{ORGANISATIONS}:index"
    index_label = gettext_lazy("Organisations")

    @cached_property
    def organisation(self):
        return get_object_or_404(Organisation, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return self.organisation.name

    @cached_property
    def deciding(self):
        """The centres in which the person decides (none for supervisors)."""
        if not self.request.user.has_perms(DECIDE):
            return deciding_centres(self.request.user).none()
        return deciding_centres(self.request.user).order_by("short_name", "pk")

    def make_form(self, data=None):
        centres = self.deciding
        initial = {}
        current = Verification.objects.filter(organisation=self.organisation, centre__in=centres).first()
        if current is not None:
            initial = {"centre": current.centre_id, "decision": VERIFIED if current.verified else REFUSED}
            initial["note"] = current.note
        return VerificationForm(data, centres=centres, initial=initial)

    def get(self, request, *args, **kwargs):
        form = self.make_form() if self.deciding.exists() else None
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        if not self.deciding.exists():
            raise PermissionDenied
        form = self.make_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        centre = form.cleaned_data["centre"]
        decide_verification(
            self.organisation, centre, user=request.user, verified=form.verified, note=form.cleaned_data["note"]
        )
        words = _("%(organisation)s: %(state)s by %(centre)s.")
        state = _("verified") if form.verified else _("refused")
        messages.success(request, words % {"organisation": self.organisation.name, "state": state, "centre": centre})
        return redirect(f"{ORGANISATIONS}:detail", pk=self.organisation.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation, user = self.organisation, self.request.user
        centres = list(staff_centres(user))
        decided = {
            verification.centre_id: verification
            for verification in Verification.objects.visible_to(user)
            .filter(organisation=organisation)
            .select_related("decided_by")
        }
        context.update(
            organisation=organisation,
            representatives=organisation.representatives.all(),
            members=organisation.memberships.count(),
            krs_search=KRS_SEARCH,
            verifications=[
                {
                    "centre": centre,
                    "state": state_label(decided.get(centre.pk)),
                    "verification": decided.get(centre.pk),
                    "when": moment(decided[centre.pk].decided_at) if centre.pk in decided else "",
                }
                for centre in centres
            ],
            offers=staff_offers(user).filter(organisation=organisation).select_related("call", "task"),
            drafts=Offer.objects.visible_to(user).filter(organisation=organisation, status=OfferStatus.DRAFT).count(),
        )
        return context


class OrganisationViewSet(ReadingViewSet):
    model = Organisation
    name = ORGANISATIONS
    url_prefix = "organizacje"
    icon = "group"
    menu_label = gettext_lazy("Organisations")
    menu_order = 200
    index_view_class = OrganisationIndexView
    list_per_page = 50
    filterset_class = OrganisationFilterSet
    # Searching is done by OrganisationIndexView.search_queryset; this only switches the box on.
    search_fields = ["name"]

    def get_urlpatterns(self):
        # Organisations register and keep their own data; here the centre only decides.
        return [
            path("", self.index_view, name="index"),
            path("wyniki/", self.index_results_view, name="index_results"),
            path("<int:pk>/", OrganisationDetailView.as_view(), name="detail"),
        ]

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="ngo_grants",
            codename__in=["view_organisation", "view_verification", "add_verification", "change_verification"],
        )
