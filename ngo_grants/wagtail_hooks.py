"""The calls' place in the Wagtail admin: the page history says when and why publishing a
call was refused (see CallPage.publish)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from ngo_grants.models.calls import PUBLICATION_REFUSED


@hooks.register("register_log_actions")
def register_publication_refused(actions):
    @actions.register_action(PUBLICATION_REFUSED)
    class PublicationRefused(LogFormatter):
        label = _("Publication refused")

        def format_message(self, log_entry):
            return _("Not published: %(reason)s") % {"reason": log_entry.data.get("reason", "")}
