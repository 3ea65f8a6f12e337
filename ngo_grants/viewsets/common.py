"""What the grants staff's admin screens share: whose rows they read and who may open them.

Offers are read through `Offer.objects.visible_to(user)` (the centre's grants officers and
supervisor), and only once submitted: a draft is the organisation's private work, so staff
never list it and its URL is not found for them.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from core.scoping import centres_for
from ngo_grants.models import CallPage, Offer
from ngo_grants.roles import GRANTS_STAFF
from ngo_grants.workflow import OfferStatus

OFFERS = "grant_offers"
ORGANISATIONS = "grant_organisations"


def staff_centres(user):
    return centres_for(user, *GRANTS_STAFF).select_related("site__root_page").order_by("short_name", "pk")


def staff_offers(user):
    """The offers to the person's centres' calls that staff may read: submitted or withdrawn."""
    return Offer.objects.visible_to(user).exclude(status=OfferStatus.DRAFT)


def centre_calls(user):
    """The calls published in the person's centres' page trees."""
    inside = Q(pk__in=[])
    for centre in staff_centres(user):
        inside |= Q(path__startswith=centre.site.root_page.path)
    return CallPage.objects.filter(inside)


def moment(value):
    """A date and time as read in Poland (the site's time zone is Europe/Warsaw)."""
    return date_format(localtime(value), "j E Y, H:i") if value else "—"


def private_download(response):
    """Headers of every private file staff download (the response says `attachment`): never
    sniffed into something the browser runs, never kept in a shared cache."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


class StaffScreen(WagtailAdminTemplateMixin):
    """The model permission first (everyone else gets 403); the rows are scoped by the views."""

    permission = "ngo_grants.view_offer"
    header_icon = "doc-full"
    index_url_name = f"{OFFERS}:index"
    index_label = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        index = {"url": reverse(self.index_url_name), "label": self.index_label}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.get_page_title()}]


class ReadingViewSet(ModelViewSet):
    """A model's screens without Wagtail's add, edit, delete, copy, history and usage views:
    staff read offers and organisations here, which the organisations themselves write."""

    copy_view_enabled = False
    inspect_view_enabled = False

    @cached_property
    def url_finder_class(self):
        # Links to a row from elsewhere in the admin (logs, search) lead to its detail page.
        return type("DetailURLFinder", (ModelAdminURLFinder,), {"edit_url_name": self.get_url_name("detail")})

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add", "edit", "delete", "history", "usage", "copy", "inspect"):
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs
