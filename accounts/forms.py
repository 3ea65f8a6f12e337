from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.forms import AddEmailForm
from allauth.usersessions.adapter import get_adapter as get_usersessions_adapter
from allauth.usersessions.models import UserSession
from django import forms
from django.utils.translation import gettext_lazy as _


class ChangeEmailForm(AddEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("New e-mail address")


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account will be deleted permanently and cannot be restored."),
        error_messages={"required": _("Tick the box to confirm that you want to delete your account.")},
    )

    def delete_account(self, request):
        """Sign the person out everywhere, then delete the user.

        The database cascades to everything that belongs to the account (e-mail addresses,
        two-factor authenticators, session records).
        """
        user = request.user
        get_usersessions_adapter().end_sessions(UserSession.objects.filter(user_id=user.pk))
        get_account_adapter(request).logout(request)
        user.delete()
