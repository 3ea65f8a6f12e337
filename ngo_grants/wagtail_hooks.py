"""The open calls in the Wagtail admin: the grants officers' screens under one menu item
(each lists only the person's own centre's offers, and the menu shows only the screens the
person's rights allow, accounts.roles.RIGHTS), and the page history entry that says when and
why publishing a call was refused (see CallPage.publish).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.log_actions import LogFormatter

from ngo_grants.models.calls import PUBLICATION_REFUSED
from ngo_grants.viewsets.offers import OfferViewSet
from ngo_grants.viewsets.organisations import OrganisationViewSet


@hooks.register("register_log_actions")
def register_publication_refused(actions):
    @actions.register_action(PUBLICATION_REFUSED)
    class PublicationRefused(LogFormatter):
        label = _("Publication refused")

        def format_message(self, log_entry):
            return _("Not published: %(reason)s") % {"reason": log_entry.data.get("reason", "")}


class GrantsGroup(ViewSetGroup):
    menu_label = _("Open calls")
    menu_icon = "doc-full"
    menu_order = 270
    items = (OfferViewSet, OrganisationViewSet)


@hooks.register("register_admin_viewset")
def register_grants():
    return GrantsGroup()
