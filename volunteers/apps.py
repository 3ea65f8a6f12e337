from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("Volunteering")

    def ready(self):
        # Receivers: erasing a profile keeps approved hours anonymously (signals), and
        # volunteers are told when a task they are on changes or is cancelled (notices).
        from volunteers import notices, signals  # noqa: F401
