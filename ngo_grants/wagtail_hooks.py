"""The grants officers' screens in the Wagtail admin, under one menu item.

Each lists only the person's own centre's offers (scoped querysets), and the menu shows only
the screens the person's rights allow (accounts.roles.RIGHTS).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from ngo_grants.viewsets.offers import OfferViewSet
from ngo_grants.viewsets.organisations import OrganisationViewSet


class GrantsGroup(ViewSetGroup):
    menu_label = _("Open calls")
    menu_icon = "doc-full"
    menu_order = 270
    items = (OfferViewSet, OrganisationViewSet)


@hooks.register("register_admin_viewset")
def register_grants():
    return GrantsGroup()
