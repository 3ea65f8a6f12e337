from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Website")

    def ready(self):
        # The news items that publish the outcomes of open calls.
        from home import outcomes  # noqa: F401
