from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.forms import AddEmailForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.usersessions.adapter import get_adapter as get_usersessions_adapter
from allauth.usersessions.models import UserSession
from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

# RFC 5321: no mail server delivers to a longer address, and the column holds no more.
EMAIL_MAX_LENGTH = 254


def refuse_long_addresses(field):
    """Refuse an address too long to store, with a message at the field.

    allauth's e-mail field has no limit of its own: a longer address was cut to the column's
    254 characters when saved and the confirmation went to that cut address. No `maxlength`
    in the HTML either, since the browser would cut a pasted address just as silently.
    """
    field.max_length = EMAIL_MAX_LENGTH
    field.validators.append(
        MaxLengthValidator(
            EMAIL_MAX_LENGTH,
            message=_(
                "An e-mail address can have at most %(limit_value)d characters and this one has "
                "%(show_value)d. Check that it is typed correctly."
            ),
        )
    )


class SignupForm(AllauthSignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        refuse_long_addresses(self.fields["email"])


class ChangeEmailForm(AddEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("New e-mail address")
        refuse_long_addresses(self.fields["email"])


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
