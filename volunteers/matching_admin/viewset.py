"""The matching screens' URLs (namespace `matches`) and their "Matching" menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.base import ViewSet

from volunteers.matching_admin.common import NAMESPACE, may_match
from volunteers.matching_admin.matches import MatchDetailView, MatchIndexView
from volunteers.matching_admin.plan import NeedCandidatesView, OpenNeedsView, PlanView


class MatchingViewSet(ViewSet):
    name = NAMESPACE
    url_prefix = "dopasowania"
    icon = "group"

    def get_urlpatterns(self):
        return [
            path("", MatchIndexView.as_view(), name="index"),
            path("<int:pk>/", MatchDetailView.as_view(), name="detail"),
            path("plan/", PlanView.as_view(), name="plan"),
            path("potrzeby/", OpenNeedsView.as_view(), name="open_needs"),
            path("potrzeby/<int:pk>/", NeedCandidatesView.as_view(), name="need"),
        ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return may_match(request.user)


def matching_menu_item():
    """ "Matching" in the admin menu, beside "Volunteering", for the centres' volunteering staff."""
    items = [
        StaffMenuItem(_("Plan"), reverse(f"{NAMESPACE}:plan"), name="matching-plan", icon_name="tasks", order=100),
        StaffMenuItem(
            _("Needs without a volunteer"),
            reverse(f"{NAMESPACE}:open_needs"),
            name="matching-open-needs",
            icon_name="warning",
            order=200,
        ),
        StaffMenuItem(
            _("Matches"), reverse(f"{NAMESPACE}:index"), name="matching-matches", icon_name="link", order=300
        ),
    ]
    return SubmenuMenuItem(_("Matching"), Menu(items=items), name="matching", icon_name="group", order=260)
