from wagtail import hooks

from core.admin_views import OutgoingMailViewSet


@hooks.register("register_admin_viewset")
def register_outgoing_mail_viewset():
    return OutgoingMailViewSet()
