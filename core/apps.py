from django.apps import AppConfig


class CoreConfig(AppConfig):
    """App-neutral code every other app builds on: mail, PDF, text and upload checks.

    It imports no other app of the project, so accounts, volunteers and ngo_grants can all
    use it without importing each other.
    """

    name = "core"
    verbose_name = "Pomost"

    def ready(self):
        from core.text import install_form_check

        install_form_check()
