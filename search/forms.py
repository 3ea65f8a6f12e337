from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={
            "max_length": _(
                "The search text is too long: use at most %(limit_value)d characters (you typed %(show_value)d)."
            ),
            "null_characters_not_allowed": _("The search text contains characters that cannot be searched for."),
            "hidden_characters": _("The search text contains characters that cannot be searched for."),
        },
    )
