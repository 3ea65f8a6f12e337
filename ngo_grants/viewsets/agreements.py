"""The grants officer's agreement screen for a granted offer: the organisation's updated budget
beside the offer's own (accepted as the annex or returned with remarks) and the agreement's
terms; once prepared, its PDF. Then the reports screen: each report with its costs beside the
agreed ones, accepted or returned, and the call for a partial report. The supervisor reads; the
services check again."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.numbers import parse_id
from ngo_grants.agreement_forms import ACCEPT, AgreementForm, UpdateDecisionForm
from ngo_grants.models import Agreement, Report, ReportKind
from ngo_grants.report_forms import PartialCallForm, ReportDecisionForm
from ngo_grants.roles import is_grants_officer
from ngo_grants.services import agreements as service
from ngo_grants.services import reports
from ngo_grants.viewsets.common import OFFERS
from ngo_grants.viewsets.review import OfferScreen


class GrantScreen(OfferScreen):
    """A screen on a granted offer that the grants staff read and the grants officers act on."""

    @cached_property
    def may_act(self):
        return is_grants_officer(self.request.user, self.offer.centre_id)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())


class AgreementView(GrantScreen):
    template_name = "ngo_grants/admin/agreement.html"
    page_title = gettext_lazy("Agreement")

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


class ReportsView(GrantScreen):
    """The reports under the agreement: the due dates and reminders sent, each report with its
    costs beside the agreed ones, the answer to a report waiting for the centre, and the call
    for a partial report."""

    template_name = "ngo_grants/admin/reports.html"
    page_title = gettext_lazy("Reports")

    @cached_property
    def agreement(self):
        agreements = Agreement.objects.select_related("offer__organisation", "budget_update", "settled_by")
        return get_object_or_404(agreements.prefetch_related("reports", "reminders"), offer=self.offer)

    def post(self, request, *args, **kwargs):
        if not self.may_act:
            raise PermissionDenied
        agreement = self.agreement
        if request.POST.get("form") == "partial":
            form = PartialCallForm(request.POST, agreement=agreement, prefix="partial")
            if form.is_valid():
                try:
                    reports.call_partial_report(agreement, user=request.user, due=form.cleaned_data["due"])
                except reports.ReportRefused as refused:
                    form.add_error("due", refused.message)
                else:
                    messages.success(request, _("The partial report was called for; the organisation is told."))
                    return redirect(f"{OFFERS}:reports", pk=self.offer.pk)
            return self.render_to_response(self.get_context_data(partial_form=form))
        report = get_object_or_404(Report, agreement=agreement, pk=parse_id(request.POST.get("report", "")))
        form = ReportDecisionForm(request.POST, prefix=f"report-{report.pk}")
        if form.is_valid():
            try:
                reports.decide_report(report, user=request.user, accepted=form.cleaned_data["decision"] == ACCEPT,
                                      remarks=form.cleaned_data["remarks"])  # fmt: skip
            except reports.ReportRefused as refused:
                form.add_error(refused.field or None, refused.message)
            else:
                messages.success(request, _("The decision on the report was saved; the organisation is told."))
                return redirect(f"{OFFERS}:reports", pk=self.offer.pk)
        # `decision_form` names the form just sent, with its errors, beside its place in the list.
        return self.render_to_response(self.get_context_data(decision_forms={report.pk: form}, decision_form=form))

    def get_context_data(self, decision_forms=None, **kwargs):
        context = super().get_context_data(**kwargs)
        agreement = self.agreement
        decision_forms = decision_forms or {}
        kinds = []
        for kind in ReportKind:
            sent = reports.reports_of(agreement, kind)
            entries = []
            for report in reversed(sent):
                form = None
                if self.may_act and report.accepted is None:
                    form = decision_forms.get(report.pk) or ReportDecisionForm(prefix=f"report-{report.pk}")
                entries.append({"report": report, "rows": reports.report_rows(report), "form": form,
                                "late": reports.late(report)})  # fmt: skip
            due = reports.due_on(agreement, kind)
            kinds.append({"kind": kind, "label": kind.label, "due": due, "entries": entries})
        context.update(offer=self.offer, agreement=agreement, kinds=kinds, reminders=agreement.reminders.all())
        if self.may_act and reports.partial_call_blocked(agreement) is None:
            context.setdefault("partial_form", PartialCallForm(agreement=agreement, prefix="partial"))
        return context
