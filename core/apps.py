from django.apps import AppConfig


class CoreConfig(AppConfig):
    """App-neutral code every other app builds on: the centre, scoped querysets, content
    blocks, mail, PDF, spreadsheets, and the checks of uploads, numbers and text.

    It imports no other app of the project, so accounts, volunteers and ngo_grants can all
    use it without importing each other. On start it makes every text field of every form
    refuse hidden characters (core.text explains why there and not per form).
    """

    name = "core"
    verbose_name = "Pomost"

    def ready(self):
        from core.text import install_form_check

        install_form_check()
