"""The coordinators' volunteering screens in the Wagtail admin, under one menu item.

Every screen lists only its own centre's data (the querysets are scoped with `visible_to`),
and the menu shows only the screens the person's rights allow.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from volunteers import workplace
from volunteers.documents.admin import VolunteerDocumentsViewSet
from volunteers.hours.admin import HoursViewSet
from volunteers.matching_admin.viewset import MatchingViewSet, matching_menu_item
from volunteers.transfer.admin import TransferViewSet
from volunteers.viewsets.access_log import AccessLogViewSet
from volunteers.viewsets.applications import ApplicationViewSet
from volunteers.viewsets.beneficiaries import BeneficiaryViewSet
from volunteers.viewsets.people import VolunteerViewSet


class VolunteeringGroup(ViewSetGroup):
    menu_label = _("Volunteering")
    menu_icon = "group"
    menu_order = 250
    items = (
        ApplicationViewSet,
        VolunteerViewSet,
        HoursViewSet,
        TransferViewSet,
        BeneficiaryViewSet,
        AccessLogViewSet,
    )


@hooks.register("register_admin_viewset")
def register_volunteering():
    return VolunteeringGroup()


@hooks.register("register_admin_viewset")
def register_volunteer_documents():
    # PDF downloads only, reached from the volunteer's profile: no menu item.
    return VolunteerDocumentsViewSet()


# The coordinator's counts of what waits for them, first on the admin's home page.
hooks.register("construct_homepage_panels", workplace.homepage_panels)


@hooks.register("register_admin_viewset")
def register_matching():
    return MatchingViewSet()


@hooks.register("register_admin_menu_item")
def register_matching_menu():
    # Plan, needs without a volunteer and matches under one "Matching" item.
    return matching_menu_item()
