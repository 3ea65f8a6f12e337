"""Keep each centre's staff inside their own centre where Wagtail itself does not.

Wagtail checks page permissions when a page is edited, but a few screens only look at the
page a user names in the URL. The access matrix (tests/security/) found these; each hook
below closes one of them.
"""

from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy


@hooks.register("construct_page_chooser_queryset")
def only_pages_the_user_may_explore(pages, request):
    """The page chooser lists every page of every site by default; staff see their centre's."""
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=PagePermissionPolicy().explorable_instances(request.user).values("pk"))


@hooks.register("before_move_page")
def only_moves_the_user_may_make(request, page_to_move, destination):
    """Wagtail's move confirmation shows both pages' titles before checking the permission."""
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
