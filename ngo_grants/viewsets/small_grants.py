"""The grants officers' small-grant screens: the centre's small-grant offers with the year's
planned grant funds (the base of the share small grants may take), and each offer's screen to
publish it for comments, read the comments, decide and prepare the agreement. The supervisor
reads; the services check again."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from accounts.models import Role
from core.scoping import centres_for
from ngo_grants.models import GrantPlan, SmallGrant, SmallGrantStatus
from ngo_grants.roles import GRANTS_STAFF, is_grants_officer
from ngo_grants.services import small_grants as service
from ngo_grants.small_grant_forms import GRANT, GrantPlanForm, SmallAgreementForm, SmallGrantDecisionForm
from ngo_grants.small_grant_rules import rules_on
from ngo_grants.viewsets.common import OFFERS, StaffScreen

INDEX = f"{OFFERS}:small_grants"


class SmallGrantsView(StaffScreen, TemplateView):
    template_name = "ngo_grants/admin/small_grants.html"
    page_title = gettext_lazy("Small grants")
    index_label = gettext_lazy("Offers")

    @cached_property
    def centres(self):
        """The centres whose plan this person sets: those where they are a grants officer."""
        return centres_for(self.request.user, Role.GRANTS_OFFICER)

    def post(self, request, *args, **kwargs):
        centre = self.centres.first()
        if centre is None:
            raise PermissionDenied
        form = GrantPlanForm(request.POST)
        if form.is_valid():
            GrantPlan.objects.update_or_create(
                centre=centre, year=form.cleaned_data["year"],
                defaults={"planned_funds": form.cleaned_data["planned_funds"]},
            )  # fmt: skip
            messages.success(request, _("The year's planned grant funds were saved."))
            return redirect(INDEX)
        return self.render_to_response(self.get_context_data(plan_form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        grants = SmallGrant.objects.visible_to(self.request.user).select_related("organisation", "centre")
        year = timezone.localdate().year
        context.update(
            grants=grants,
            plans=GrantPlan.objects.filter(centre__in=centres_for(self.request.user, *GRANTS_STAFF)).order_by("-year"),
            rules=rules_on(timezone.localdate()),
        )
        if self.centres.exists():
            context.setdefault("plan_form", GrantPlanForm(initial={"year": year}))
        return context


class SmallGrantView(StaffScreen, TemplateView):
    template_name = "ngo_grants/admin/small_grant.html"
    page_title = gettext_lazy("Small grant")
    index_url_name = INDEX
    index_label = gettext_lazy("Small grants")

    @cached_property
    def grant(self):
        grants = SmallGrant.objects.visible_to(self.request.user).select_related("organisation", "centre")
        return get_object_or_404(grants, pk=self.kwargs["pk"])

    @cached_property
    def may_act(self):
        return is_grants_officer(self.request.user, self.grant.centre_id)

    def get_page_subtitle(self):
        return self.grant.number

    def post(self, request, *args, **kwargs):
        if not self.may_act:
            raise PermissionDenied
        grant, action = self.grant, request.POST.get("form")
        if action == "publish":
            try:
                service.publish(grant, user=request.user)
            except service.SmallGrantRefused as refused:
                messages.error(request, refused.message)
            else:
                messages.success(request, _("The offer is published for 7 days of comments."))
            return redirect(f"{OFFERS}:small_grant", pk=grant.pk)
        if action == "agreement":
            form = SmallAgreementForm(request.POST, prefix="agreement")
            if form.is_valid():
                try:
                    service.prepare_agreement(grant, user=request.user, number=form.cleaned_data["number"])
                except service.SmallGrantRefused as refused:
                    form.add_error(refused.field or None, refused.message)
                else:
                    messages.success(request, _("The agreement was prepared; the organisation can download it."))
                    return redirect(f"{OFFERS}:small_grant", pk=grant.pk)
            return self.render_to_response(self.get_context_data(agreement_form=form))
        form = SmallGrantDecisionForm(request.POST, prefix="decision")
        if form.is_valid():
            data = form.cleaned_data
            try:
                service.decide(grant, user=request.user, granted=data["decision"] == GRANT, amount=data["amount"],
                               reason=data["reason"])  # fmt: skip
            except service.SmallGrantRefused as refused:
                form.add_error(refused.field or None, refused.message)
            else:
                messages.success(request, _("The decision was saved; the organisation is told."))
                return redirect(f"{OFFERS}:small_grant", pk=grant.pk)
        return self.render_to_response(self.get_context_data(decision_form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        grant = self.grant
        context.update(
            grant=grant,
            comments=grant.comments.all(),
            public_url=reverse("ngo_grants:small_grant", args=[grant.pk]),
            rules=rules_on(timezone.localdate(grant.filed_at)),
            comments_open=service.comments_open(grant),
        )
        if self.may_act and grant.status == SmallGrantStatus.PUBLISHED and not service.comments_open(grant):
            initial = {"amount": grant.amount_requested}
            context.setdefault("decision_form", SmallGrantDecisionForm(prefix="decision", initial=initial))
        if self.may_act and grant.status == SmallGrantStatus.GRANTED:
            context.setdefault("agreement_form", SmallAgreementForm(prefix="agreement"))
        return context
