"""The coordinators' volunteers screen: the centre's volunteers and each one's profile on one
screen, with the checks, applications, hours and agreements of the person's own centres.

A centre sees a volunteer only once they applied to one of its tasks or the centre imported
them (see volunteers.permissions); anybody else's profile is not there (404). The forms on
the profile screen post to the views of `people_actions`.
"""

import django_filters
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q, Value
from django.db.models.functions import Replace
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, path, reverse
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

from accounts.permissions import centres_for
from core.filters import ModelChoiceFilter
from core.text import search_words
from volunteers import services, workplace
from volunteers.admin_forms import AgreementForm, AgreementSignedForm, ClearanceForm
from volunteers.models import (
    Agreement,
    Application,
    ApplicationStatus,
    Availability,
    ConsentKind,
    DayPart,
    District,
    HoursEntry,
    HoursStatus,
    Skill,
    VolunteerProfile,
    Weekday,
)
from volunteers.roles import VOLUNTEERING_STAFF

NAMESPACE = "volunteer_people"


def centre_profiles(user):
    """Volunteers of the centres where `user` coordinates or supervises (every volunteer for
    a superuser). Unlike `profiles_visible_to`, never the person's own profile as such."""
    if user.is_superuser:
        return VolunteerProfile.objects.all()
    centres = centres_for(user, *VOLUNTEERING_STAFF)
    applied = Application.objects.filter(centre__in=centres).values("volunteer")
    imported = VolunteerProfile.objects.filter(centres__centre__in=centres).values("pk")
    return VolunteerProfile.objects.filter(Q(pk__in=applied) | Q(pk__in=imported))


def profile_centres(user, profile):
    """The person's centres that know this volunteer: where they applied or were imported."""
    applied = Application.objects.filter(volunteer=profile).values("centre")
    imported = profile.centres.values("centre")
    known = Q(pk__in=applied) | Q(pk__in=imported)
    return centres_for(user, *VOLUNTEERING_STAFF).filter(known).select_related("site").order_by("short_name", "pk")


def _permissions(*codenames):
    """The permissions the group editor lists for these screens (roles get them from RIGHTS)."""
    return Permission.objects.filter(content_type__app_label="volunteers", codename__in=codenames)


def optional_url(name, *args, query=""):
    """A link to a screen another part of the project provides; None until it exists."""
    try:
        return reverse(name, args=args) + query
    except NoReverseMatch:
        return None


def _districts_of_centres(request):
    return District.objects.filter(centre__in=centres_for(request.user, *VOLUNTEERING_STAFF)).select_related("centre")


class VolunteerFilterSet(WagtailFilterSet):
    skill = ModelChoiceFilter(
        label=gettext_lazy("Skill or interest"), field_name="skills", queryset=Skill.objects.all()
    )
    district = ModelChoiceFilter(label=gettext_lazy("District"), field_name="districts", queryset=_districts_of_centres)

    attention = django_filters.ChoiceFilter(
        label=gettext_lazy("Needs attention"), choices=workplace.ATTENTION_CHOICES, method="filter_attention"
    )

    class Meta:
        model = VolunteerProfile
        fields = ["skill", "district", "attention"]

    def filter_attention(self, queryset, name, value):
        return workplace.needing_attention(self.request.user, value, queryset)


def _name(profile):
    return profile.user.get_full_name() or profile.user.email


class VolunteerIndexView(IndexView):
    page_title = gettext_lazy("Volunteers")
    default_ordering = "user__last_name"

    def get_base_queryset(self):
        return centre_profiles(self.request.user).select_related("user").prefetch_related("districts")

    def search_queryset(self, queryset):
        """Every word must match the name, the e-mail or the phone; a phone matches with or
        without spaces and dashes ("600100200" finds "600 100 200")."""
        if not self.is_searching:
            return queryset
        compact_phone = Replace(Replace("phone", Value(" "), Value("")), Value("-"), Value(""))
        queryset = queryset.annotate(compact_phone=compact_phone)
        for word in search_words(self.search_query):
            match = (
                Q(user__first_name__icontains=word)
                | Q(user__last_name__icontains=word)
                | Q(user__email__icontains=word)
                | Q(phone__icontains=word)
            )
            digits = word.replace("-", "")
            if digits:
                match |= Q(compact_phone__icontains=digits)
            queryset = queryset.filter(match)
        return queryset

    @cached_property
    def columns(self):
        field = VolunteerProfile._meta.get_field
        return [
            TitleColumn(
                "name",
                label=_("Full name"),
                accessor=_name,
                url_name=f"{NAMESPACE}:detail",
                sort_key="user__last_name",
            ),
            Column("email", label=_("E-mail address"), accessor="user.email", sort_key="user__email"),
            Column("phone", label=capfirst(field("phone").verbose_name), accessor="phone"),
            Column("age", label=_("Age"), accessor="age"),
            Column(
                "districts",
                label=capfirst(field("districts").verbose_name),
                accessor=lambda profile: ", ".join(district.name for district in profile.districts.all()),
            ),
        ]


class PeopleAccessMixin:
    """The model permission first (editors and others are turned away), then the row: the
    profile must be one of the person's centres' volunteers, or it is not found."""

    permission = "volunteers.view_volunteerprofile"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.profile = get_object_or_404(centre_profiles(request.user).select_related("user"), pk=kwargs["pk"])
        self.centres = profile_centres(request.user, self.profile)
        return super().dispatch(request, *args, **kwargs)

    def detail_url(self):
        return reverse(f"{NAMESPACE}:detail", args=[self.profile.pk])

    def get_breadcrumbs_items(self):
        index = {"url": reverse(f"{NAMESPACE}:index"), "label": VolunteerIndexView.page_title}
        items = [*self.breadcrumbs_items, index]
        if self.page_title != VolunteerDetailView.page_title:
            items.append({"url": self.detail_url(), "label": _name(self.profile)})
        return [*items, {"url": "", "label": self.get_page_title()}]

    def get_page_subtitle(self):
        return _name(self.profile)


def availability_grid(profile):
    """[(day label, [(part label, available), …]), …] for a week × parts-of-day table."""
    slots = set(Availability.objects.filter(profile=profile).values_list("weekday", "part"))
    return [(day.label, [(part.label, (day.value, part.value) in slots) for part in DayPart]) for day in Weekday]


def centre_section(profile, centre, can_prepare):
    """What one centre knows about the volunteer: its checks, applications, hours and the
    agreements for the tasks the volunteer was accepted for."""
    applications = list(
        Application.objects.filter(volunteer=profile, centre=centre).select_related("task").order_by("-created_at")
    )
    agreements = {a.task_id: a for a in Agreement.objects.filter(volunteer=profile, centre=centre)}
    accepted = [a.task for a in applications if a.status == ApplicationStatus.ACCEPTED]
    tasks = []
    for task in accepted:
        agreement = agreements.get(task.pk)
        tasks.append(
            {
                "task": task,
                "required": services.documents.agreement_required(task),
                "agreement": agreement,
                "pdf_url": agreement and optional_url("volunteer_documents:agreement", agreement.pk),
                # Several forms share the page: each gets its own ids.
                "prepare_form": (
                    AgreementForm(initial=_agreement_initial(agreement), auto_id=f"id_task{task.pk}_%s")
                    if can_prepare
                    else None
                ),
                "sign_form": (
                    AgreementSignedForm(auto_id=f"id_signed{task.pk}_%s")
                    if agreement and not agreement.is_signed
                    else None
                ),
            }
        )
    return {
        "centre": centre,
        "clearances": services.profile.clearance_state(profile, centre),
        "applications": applications,
        "hours_total": services.hours.approved_total(HoursEntry.objects.filter(volunteer=profile, centre=centre)),
        "tasks": tasks,
    }


def _agreement_initial(agreement):
    if agreement is None:
        return {}
    return {"scope": agreement.scope, "manner": agreement.manner, "costs_waived": agreement.costs_waived}


class VolunteerDetailView(PeopleAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "volunteers/admin/volunteer_detail.html"
    page_title = gettext_lazy("Volunteer profile")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        profile, user = self.profile, self.request.user
        consents = [services.profile.active_consent(profile, kind) for kind in ConsentKind]
        can_record = user.has_perm("volunteers.add_clearance")
        can_prepare = user.has_perm("volunteers.add_agreement")
        context.update(
            profile=profile,
            name=_name(profile),
            skills=list(profile.skills.all()),
            districts=list(profile.districts.all()),
            days=availability_grid(profile),
            parts=DayPart.choices,
            consents=[consent for consent in consents if consent is not None],
            sections=[centre_section(profile, centre, can_prepare) for centre in self.centres],
            clearance_form=ClearanceForm(centres=self.centres) if can_record and self.centres else None,
            can_sign=user.has_perm("volunteers.change_agreement"),
            hours_url=optional_url("volunteer_hours:index", query=f"?volunteer={profile.pk}"),
            # Offered only when there is something to certify in a centre this person decides for.
            certificate_url=(
                optional_url("volunteer_documents:certificate", profile.pk)
                if HoursEntry.objects.filter(
                    volunteer=profile,
                    status=HoursStatus.APPROVED,
                    centre__in=centres_for(user, *VOLUNTEERING_STAFF),
                ).exists()
                else None
            ),
            applications_url=reverse("volunteer_applications:index"),
        )
        return context


class VolunteerURLFinder(ModelAdminURLFinder):
    def construct_edit_url(self, instance):
        return reverse(f"{NAMESPACE}:detail", args=[instance.pk])


class VolunteerViewSet(ModelViewSet):
    model = VolunteerProfile
    name = NAMESPACE
    url_prefix = "wolontariusze"
    icon = "user"
    menu_label = gettext_lazy("Volunteers")
    menu_order = 200
    index_view_class = VolunteerIndexView
    list_per_page = 50
    filterset_class = VolunteerFilterSet
    # Searching is done by VolunteerIndexView.search_queryset; this only switches the box on.
    search_fields = ["user__last_name"]
    url_finder_class = VolunteerURLFinder
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_urlpatterns(self):
        from volunteers.viewsets.people_actions import AgreementView, ClearanceView, SignAgreementView

        # Profiles are written by the volunteers themselves; here they are only read, and
        # the centre adds its checks and agreements.
        return [
            path("", self.index_view, name="index"),
            path("wyniki/", self.index_results_view, name="index_results"),
            path("<int:pk>/", VolunteerDetailView.as_view(), name="detail"),
            path("<int:pk>/weryfikacja/", ClearanceView.as_view(), name="clearance"),
            path("<int:pk>/porozumienie/<int:task_pk>/", AgreementView.as_view(), name="agreement"),
            path("<int:pk>/porozumienie/<int:task_pk>/podpisane/", SignAgreementView.as_view(), name="sign"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add_url_name", "edit_url_name", "delete_url_name", "history_url_name", "usage_url_name"):
            view_kwargs[name] = None
        return view_kwargs

    def get_permissions_to_register(self):
        return _permissions("view_volunteerprofile")
