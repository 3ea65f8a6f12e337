from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NgoGrantsConfig(AppConfig):
    name = "ngo_grants"
    verbose_name = _("NGO open calls")
