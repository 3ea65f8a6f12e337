"""What a coordinator records on a volunteer's profile screen: a child-protection check, the
terms of an agreement, and that the agreement was signed.

Each URL shows its form on a page of its own for GET (the profile screen embeds the same
forms); POST validates, calls the service and goes back to the profile. A refusal of the
service (wrong centre, a signed agreement, a future date) is shown on the form.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from volunteers import services
from volunteers.admin_forms import AgreementForm, AgreementSignedForm, ClearanceForm
from volunteers.models import Agreement, Application, ApplicationStatus, ClearanceResult
from volunteers.viewsets.people import PeopleAccessMixin, optional_url


class ProfileActionView(PeopleAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET shows the form, POST records it; subclasses name the form and the service call."""

    template_name = "volunteers/admin/profile_action.html"
    action_permission = None
    submit_label = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.action_permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, data=None):
        raise NotImplementedError

    def perform(self, form):
        """Call the service; return the success message."""
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        self.prepare()
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        self.prepare()
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                message = self.perform(form)
            except services.applications.ApplicationRefused as refusal:
                form.add_error(None, refusal.message)
            else:
                messages.success(request, message)
                return redirect(self.detail_url())
        return self.render_to_response(self.get_context_data(form=form))

    def prepare(self):
        """Look up what the URL names beyond the profile (404 when it is not there)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            profile=self.profile,
            action_url=self.request.path,
            back_url=self.detail_url(),
            submit_label=self.submit_label,
        )
        return context


class ClearanceView(ProfileActionView):
    action_permission = "volunteers.add_clearance"
    page_title = gettext_lazy("Record a child-protection check")
    submit_label = gettext_lazy("Record the check")

    def prepare(self):
        if not self.centres:
            raise Http404

    def get_form(self, data=None):
        return ClearanceForm(data, centres=self.centres)

    def perform(self, form):
        data = form.cleaned_data
        clearance = services.clearances.record_clearance(
            self.profile, data["centre"], self.request.user, data["kind"], data["checked_on"], data["result"]
        )
        if clearance.result == ClearanceResult.ENTRY_FOUND:
            # An entry is never "valid until": the volunteer may not work with children at all.
            return _(
                "Recorded: %(check)s – entry found. The volunteer cannot work with children until it is clarified."
            ) % {"check": clearance.get_kind_display()}
        return _("Recorded: %(check)s, valid until %(date)s.") % {
            "check": clearance.get_kind_display(),
            "date": date_format(clearance.expires_on),
        }

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "rodo_note": True}


class AgreementTaskMixin:
    """The task must be one of the person's centres' tasks the volunteer was accepted for."""

    def prepare(self):
        accepted = Application.objects.visible_to(self.request.user).filter(
            volunteer=self.profile, task_id=self.kwargs["task_pk"], status=ApplicationStatus.ACCEPTED
        )
        application = get_object_or_404(accepted.select_related("task"))
        self.task = application.task
        self.agreement = Agreement.objects.filter(volunteer=self.profile, task=self.task).first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            task=self.task,
            agreement=self.agreement,
            required=services.documents.agreement_required(self.task),
            pdf_url=self.agreement and optional_url("volunteer_documents:agreement", self.agreement.pk),
        )
        return context


class AgreementView(AgreementTaskMixin, ProfileActionView):
    action_permission = "volunteers.add_agreement"
    page_title = gettext_lazy("Prepare the agreement")
    submit_label = gettext_lazy("Save the agreement")

    def get_form(self, data=None):
        agreement = self.agreement
        initial = (
            {"scope": agreement.scope, "manner": agreement.manner, "costs_waived": agreement.costs_waived}
            if agreement
            else {}
        )
        return AgreementForm(data, initial=initial)

    def perform(self, form):
        data = form.cleaned_data
        services.documents.prepare_agreement(
            self.profile,
            self.task,
            self.request.user,
            scope=data["scope"],
            manner=data["manner"],
            costs_waived=data["costs_waived"],
        )
        return _("The agreement for “%(task)s” is ready to print and sign.") % {"task": self.task.title}


class SignAgreementView(AgreementTaskMixin, ProfileActionView):
    action_permission = "volunteers.change_agreement"
    page_title = gettext_lazy("Record the agreement as signed")
    submit_label = gettext_lazy("Record as signed")

    def prepare(self):
        super().prepare()
        if self.agreement is None:
            raise Http404

    def get_form(self, data=None):
        return AgreementSignedForm(data)

    def perform(self, form):
        services.documents.record_agreement_signed(self.agreement, self.request.user, form.cleaned_data["signed_on"])
        return _("The agreement for “%(task)s” is recorded as signed.") % {"task": self.task.title}
