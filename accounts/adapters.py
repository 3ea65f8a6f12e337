"""allauth adapters: e-mails speak for the centre whose site the person is using.

One installation serves several centres, so "the site" is the Wagtail Site of the request,
and its name is the centre's (core.models.Centre), not Django's sites framework. Links in
the e-mails use that Site's own address (hostname and port), whatever host the request came
in on, and the mails go through the outbox (core.mail), so a mail server that is down never
breaks signing up or changing a password.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.models import Site

from core import mail
from core.models import Centre

# allauth labels its e-mail fields "Email", which Wagtail (listed earlier in INSTALLED_APPS)
# translates as "Email". Naming the msgid here puts it in our catalogue, which wins.
ALLAUTH_WORDING = [gettext_noop("Email")]


@dataclass(frozen=True)
class MailSite:
    """What allauth's e-mail templates call `current_site`: a name and a host."""

    name: str
    domain: str


def wagtail_site(request):
    """The Site of the request; without a request (a management command), the default one."""
    site = Site.find_for_request(request) if request is not None else None
    return site or Site.objects.filter(is_default_site=True).first()


def centre_for_request(request):
    site = wagtail_site(request)
    return Centre.for_site(site) if site is not None else None


def site_for_request(request):
    site = wagtail_site(request)
    centre = Centre.for_site(site) if site is not None else None
    name = centre.display_name if centre is not None else settings.WAGTAIL_SITE_NAME
    domain = urlsplit(site.root_url).netloc if site is not None else ""
    return MailSite(name=name, domain=domain)


def on_site(url, site):
    """`url` moved onto the site's own address: allauth builds links from the request's host."""
    if site is None or not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return url
    root, link = urlsplit(site.root_url), urlsplit(url)
    return urlunsplit((root.scheme, root.netloc, link.path, link.query, link.fragment))


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
        """As allauth's, but the rendered message goes to the outbox instead of the mail server."""
        request = context.request
        site = wagtail_site(request)
        mail_context = {
            "request": request,
            "email": email,
            "current_site": site_for_request(request),
            "centre": centre_for_request(request),
        }
        links = {key: on_site(value, site) for key, value in context_data.items() if key.endswith("_url")}
        message = self.render_mail(template_prefix, email, {**mail_context, **context_data, **links})
        mail.queue_message(message, site_id=site.pk if site is not None else None)

    def format_email_subject(self, subject):
        return f"[{site_for_request(context.request).name}] {subject}"

    def get_from_email(self):
        # Residents see the centre as the sender; the address stays the configured one.
        return mail.from_address(site_for_request(context.request).name)


class MFAAdapter(DefaultMFAAdapter):
    # Staff may switch the authenticator app off (e.g. to move it to a new phone): the
    # admin stays closed to them until they set one up again (accounts.middleware).

    def _get_site_name(self):
        # Shown as the issuer in authenticator apps: "MOPS Jasło", not a host name.
        return site_for_request(context.request).name
