"""allauth adapters: e-mails speak for the centre whose site the person is using.

One installation serves several centres, so "the site" is the Wagtail Site of the request,
and its name is the centre's (core.models.Centre), not Django's sites framework.
"""

from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import parseaddr

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.models import Site

from core.models import Centre

# allauth labels its e-mail fields "Email", which Wagtail (listed earlier in INSTALLED_APPS)
# translates as "Email". Naming the msgid here puts it in our catalogue, which wins.
ALLAUTH_WORDING = [gettext_noop("Email")]


@dataclass(frozen=True)
class MailSite:
    """What allauth's e-mail templates call `current_site`: a name and a host."""

    name: str
    domain: str


def centre_for_request(request):
    site = Site.find_for_request(request) if request is not None else None
    return Centre.for_site(site) if site is not None else None


def site_for_request(request):
    centre = centre_for_request(request)
    name = centre.display_name if centre is not None else settings.WAGTAIL_SITE_NAME
    domain = request.get_host() if request is not None else ""
    return MailSite(name=name, domain=domain)


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "Too many unsuccessful attempts. To protect your account, signing in is paused for 15 minutes. "
            "If you have forgotten your password, you can reset it."
        ),
        "rate_limited": _("Too many attempts in a short time. Please wait a few minutes and try again."),
    }

    def send_mail(self, template_prefix, email, context_data):
        request = context.request
        mail_context = {"current_site": site_for_request(request), "centre": centre_for_request(request)}
        super().send_mail(template_prefix, email, {**mail_context, **context_data})

    def format_email_subject(self, subject):
        return f"[{site_for_request(context.request).name}] {subject}"

    def get_from_email(self):
        # Residents see the centre as the sender; the address stays the configured one.
        _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
        return str(Address(display_name=site_for_request(context.request).name, addr_spec=address))


class MFAAdapter(DefaultMFAAdapter):
    # Staff may switch the authenticator app off (e.g. to move it to a new phone): the
    # admin stays closed to them until they set one up again (accounts.middleware).

    def _get_site_name(self):
        # Shown as the issuer in authenticator apps: "MOPS Jasło", not a host name.
        return site_for_request(context.request).name
