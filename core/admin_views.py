"""The "Outgoing e-mails" screen of the Wagtail admin: mail the server has not taken yet, with
the last error and the number of attempts, and a button to send it again.

Who sees which mail: superusers see all; anyone else sees the mails of the sites where their
group holds the `core.view_outgoingmail` site permission (accounts.roles gives it to each
centre's supervisor for their own centre's site). That is Wagtail's own per-site permission,
so this app scopes by centre without importing the app that defines roles. Failed background
jobs (django-tasks) carry no centre, so only superusers see and re-run them.

Bodies are never shown: a mail may hold someone's password-reset link.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import GroupSitePermission, Site

from core import mail
from core.models import MailStatus, OutgoingMail

LISTED = 200


def mail_sites(user):
    """The Sites whose mails `user` may see (every site for superusers)."""
    if not (user.is_authenticated and user.is_active):
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    granted = GroupSitePermission.objects.filter(
        group__user=user, permission__content_type__app_label="core", permission__codename="view_outgoingmail"
    )
    return Site.objects.filter(pk__in=granted.values("site"))


def mails_visible_to(user):
    if user.is_superuser:
        return OutgoingMail.objects.all()
    return OutgoingMail.objects.filter(site__in=mail_sites(user))


def may_see_mail(user):
    return user.is_superuser or mail_sites(user).exists()


class MailAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_see_mail(request.user):
            raise PermissionDenied
        self.mails = mails_visible_to(request.user)
        return super().dispatch(request, *args, **kwargs)


class OutgoingMailView(MailAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/outgoing_mail.html"
    page_title = gettext_lazy("Outgoing e-mails")
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        undelivered = self.mails.undelivered()
        context = super().get_context_data(**kwargs)
        context["mails"] = undelivered.order_by("-created_at", "-pk")[:LISTED]
        context["total"] = undelivered.count()
        context["failed"] = undelivered.filter(status=MailStatus.FAILED).count()
        context["listed"] = LISTED
        if self.request.user.is_superuser:
            context["failed_jobs"] = DBTaskResult.objects.failed().order_by("-finished_at")[:LISTED]
        return context


class SendAgainView(MailAccessMixin, View):
    """POST: one mail (`pk`) or every failed one the person sees back into the queue."""

    def post(self, request, pk=None):
        if pk is not None:
            chosen = self.mails.filter(pk=get_object_or_404(self.mails.undelivered(), pk=pk).pk)
        else:
            chosen = self.mails.filter(status=MailStatus.FAILED)
        count = mail.send_again(chosen)
        messages.success(
            request,
            ngettext("%(count)d e-mail is being sent again.", "%(count)d e-mails are being sent again.", count)
            % {"count": count},
        )
        return redirect("outgoing_mail:index")


class RunJobAgainView(View):
    """POST: a failed background job queued again with its arguments (superusers only); the
    failed result is removed, the new run has its own."""

    def post(self, request, result_id):
        if not request.user.is_superuser:
            raise PermissionDenied
        result = get_object_or_404(DBTaskResult.objects.failed(), pk=result_id)
        try:
            # The job as the code declares it today (its current backend), not as it was queued.
            job = import_string(result.task_path)
        except ImportError:
            job = None
        if not isinstance(job, Task):
            messages.error(request, _("This job no longer exists in the code, so it cannot be run again."))
            return redirect("outgoing_mail:index")
        job.enqueue(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
        result.delete()
        messages.success(request, _("The job has been queued again."))
        return redirect("outgoing_mail:index")


class OutgoingMailViewSet(ViewSet):
    name = "outgoing_mail"
    icon = "mail"
    menu_label = gettext_lazy("Outgoing e-mails")
    menu_order = 870
    add_to_admin_menu = True
    url_prefix = "poczta"

    def get_urlpatterns(self):
        return [
            path("", OutgoingMailView.as_view(), name="index"),
            path("<int:pk>/wyslij-ponownie/", SendAgainView.as_view(), name="send_again"),
            path("wyslij-ponownie-nieudane/", SendAgainView.as_view(), name="send_failed_again"),
            path("zadania/<uuid:result_id>/uruchom-ponownie/", RunJobAgainView.as_view(), name="run_job_again"),
        ]

    @cached_property
    def menu_item_class(self):
        return type("OutgoingMailMenuItem", (MenuItem,), {"is_shown": lambda item, request: may_see_mail(request.user)})
