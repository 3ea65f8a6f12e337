"""The grants officer's agreement screen for a granted offer: the organisation's updated budget
beside the offer's own (accepted as the annex or returned with remarks) and the agreement's
terms; once prepared, its PDF. The supervisor reads; the services check again."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ngo_grants.agreement_forms import ACCEPT, AgreementForm, UpdateDecisionForm
from ngo_grants.roles import is_grants_officer
from ngo_grants.services import agreements as service
from ngo_grants.viewsets.common import OFFERS
from ngo_grants.viewsets.review import OfferScreen


class AgreementView(OfferScreen):
    template_name = "ngo_grants/admin/agreement.html"
    page_title = gettext_lazy("Agreement")

    @cached_property
    def may_act(self):
        return is_grants_officer(self.request.user, self.offer.centre_id)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        if not self.may_act:
            raise PermissionDenied
        offer = self.offer
        if request.POST.get("form") == "update":
            form = UpdateDecisionForm(request.POST, prefix="update")
            update = service.latest_update(offer)
            if update is not None and form.is_valid():
                try:
                    service.decide_update(update, user=request.user, accepted=form.cleaned_data["decision"] == ACCEPT,
                                          remarks=form.cleaned_data["remarks"])  # fmt: skip
                except service.AgreementRefused as refused:
                    form.add_error(refused.field or None, refused.message)
                else:
                    messages.success(request, _("The decision on the updated budget was saved."))
                    return redirect(f"{OFFERS}:agreement", pk=offer.pk)
            return self.render_to_response(self.get_context_data(update_form=form))
        form = AgreementForm(request.POST, offer=offer, prefix="agreement")
        if form.is_valid():
            data = form.cleaned_data
            try:
                service.prepare_agreement(
                    offer,
                    user=request.user,
                    number=data["number"],
                    instalments=form.instalments(),
                    overrun_percent=data["overrun_percent"],
                    partial_report_on=data["partial_report_on"],
                )
            except service.AgreementRefused as refused:
                form.add_error(refused.field or None, refused.message)
            else:
                messages.success(request, _("The agreement was prepared; the organisation can download it."))
                return redirect(f"{OFFERS}:agreement", pk=offer.pk)
        return self.render_to_response(self.get_context_data(agreement_form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        offer = self.offer
        update = service.latest_update(offer)
        problem = service.agreement_problem(offer)
        context.update(
            offer=offer,
            grant=service.grant_of(offer),
            update=update,
            diff=service.line_diff(offer, update) if update else None,
            agreement=getattr(offer, "agreement", None),
            problem=problem,
        )
        if self.may_act and update is not None and update.accepted is None:
            context.setdefault("update_form", UpdateDecisionForm(prefix="update"))
        if self.may_act and problem is None:
            context.setdefault("agreement_form", AgreementForm(offer=offer, prefix="agreement"))
        return context
