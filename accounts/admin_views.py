"""The "Centre team" screens of the Wagtail admin: a supervisor sees who holds which role in
their centre, grants a role to an existing account and removes one. Superusers see every
centre. Everything is looked up through `centres_for(user, SUPERVISOR)`, so another centre's
team is simply not there (404)."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts import audit
from accounts.models import CentreRole, Role
from accounts.permissions import centres_for
from accounts.roles import grant_role, revoke_role

MANAGE_TEAM = "accounts.manage_team"


class GrantRoleForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"), max_length=254)
    centre = forms.ModelChoiceField(label=gettext_lazy("Centre"), queryset=None, empty_label=None)
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=Role.choices)

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres
        self.person = None

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        self.person = get_user_model().objects.filter(email=email, is_active=True).first()
        if self.person is None:
            raise forms.ValidationError(
                _("No active account uses this address. Ask the person to create an account on the site first.")
            )
        return email

    def clean(self):
        data = super().clean()
        centre, role = data.get("centre"), data.get("role")
        if self.person and centre and role and self._holds(centre, role):
            self.add_error("role", _("This person already has this role in this centre."))
        return data

    def _holds(self, centre, role):
        return self.person.groups.filter(centre_role__centre=centre, centre_role__role=role).exists()


class TeamAccessMixin:
    """Only people with the team permission (supervisors, superusers) get past; what they see
    is limited to the centres they supervise."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(MANAGE_TEAM):
            raise PermissionDenied
        self.centres = centres_for(request.user, Role.SUPERVISOR).select_related("site").order_by("short_name", "pk")
        return super().dispatch(request, *args, **kwargs)


class TeamView(TeamAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/admin/team.html"
    page_title = gettext_lazy("Centre team")
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def post(self, request, *args, **kwargs):
        form = GrantRoleForm(request.POST, centres=self.centres)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        centre, role = form.cleaned_data["centre"], Role(form.cleaned_data["role"])
        with audit.acting(request):
            grant_role(form.person, centre, role)
        messages.success(
            request,
            _("%(person)s now has the role “%(role)s” in %(centre)s.")
            % {"person": form.person, "role": role.label, "centre": centre},
        )
        return redirect("team:index")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", GrantRoleForm(centres=self.centres))
        context["teams"] = [(centre, _members(centre)) for centre in self.centres]
        return context


class RemoveRoleView(TeamAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/admin/remove_role.html"
    page_title = gettext_lazy("Remove a role")
    header_icon = "group"

    def get_breadcrumbs_items(self):
        team = {"url": reverse("team:index"), "label": TeamView.page_title}
        return [*self.breadcrumbs_items, team, {"url": "", "label": self.page_title}]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.centre_role_id, self.user_id = kwargs["centre_role_id"], kwargs["user_id"]

    def get_targets(self):
        centre_role = get_object_or_404(
            CentreRole.objects.filter(centre__in=self.centres).select_related("centre", "group"), pk=self.centre_role_id
        )
        person = get_object_or_404(centre_role.group.user_set, pk=self.user_id)
        return centre_role, person

    def get(self, request, *args, **kwargs):
        centre_role, person = self.get_targets()
        return self.render_to_response(self.get_context_data(centre_role=centre_role, person=person))

    def post(self, request, *args, **kwargs):
        centre_role, person = self.get_targets()
        if person == request.user and centre_role.role == Role.SUPERVISOR and not request.user.is_superuser:
            messages.error(request, _("You cannot remove your own supervisor role; ask another supervisor."))
            return redirect("team:index")
        with audit.acting(request):
            revoke_role(person, centre_role.centre, centre_role.role)
        messages.success(
            request,
            _("%(person)s no longer has the role “%(role)s” in %(centre)s.")
            % {"person": person, "role": centre_role.get_role_display(), "centre": centre_role.centre},
        )
        return redirect("team:index")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = reverse("team:remove", args=[self.centre_role_id, self.user_id])
        return context


def _members(centre):
    """[(user, [CentreRole, …]), …] of the centre, people sorted by name, roles in Role order."""
    order = {value: index for index, value in enumerate(Role.values)}
    people = {}
    for centre_role in CentreRole.objects.filter(centre=centre).prefetch_related("group__user_set"):
        for person in centre_role.group.user_set.all():
            people.setdefault(person, []).append(centre_role)
    rows = [(person, sorted(roles, key=lambda r: order[r.role])) for person, roles in people.items()]
    return sorted(rows, key=lambda row: (row[0].last_name.lower(), row[0].first_name.lower(), row[0].email))
