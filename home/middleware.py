"""Admin screens that Wagtail opens before checking the page permission.

Wagtail's workflow dialogs (act on a task, preview a task's revision, confirm a
cancellation) look the page up by id and may put its title into an error message before
they check what the user may do. Staff of one centre must not learn another centre's page
titles that way, so these views first require the right to edit the page.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.models import Page

GUARDED_VIEWS = {
    "wagtailadmin_pages:workflow_action",
    "wagtailadmin_pages:collect_workflow_action_data",
    "wagtailadmin_pages:confirm_workflow_cancellation",
    "wagtailadmin_pages:workflow_preview",
}


class PageWorkflowGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name not in GUARDED_VIEWS:
            return None
        if not request.user.is_authenticated or request.user.is_superuser:
            # Wagtail itself sends anonymous visitors to the login page.
            return None
        page = get_object_or_404(Page, pk=view_kwargs.get("page_id"))
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return None
