"""Settings shared by every environment; dev, test and production adjust them."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "core",
    "accounts",
    "home",
    "search",
    "volunteers",
    "ngo_grants",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.PrivatePagesMiddleware",
    "accounts.audit.AuditRequestMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StaffMFARequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.middleware.PageWorkflowGuardMiddleware",
    "core.middleware.UnusableNumberMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.display_preferences",
            ],
        },
    },
]

# SQLite is the zero-set-up default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
# The embedded SQLite must take concurrent writes (gunicorn workers, the task worker) without
# "database is locked": WAL lets readers and one writer work at once; BEGIN IMMEDIATE takes the
# write lock when a transaction starts, so two transactions never both read, then both try to
# upgrade to writing (SQLite refuses one at once, whatever the timeout); waiting writers queue
# for up to 20 s. synchronous=NORMAL is safe with WAL (a power cut loses at most the last
# commits, never the database) and spares an fsync per commit.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Which centres a person works in: core.scoping asks accounts without importing it.
POMOST_CENTRES_FOR = "accounts.permissions.centres_for"

# The e-mail address is the login; see accounts.models.User.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# --- Accounts (django-allauth) -------------------------------------------------------
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
MFA_ADAPTER = "accounts.adapters.MFAAdapter"
ACCOUNT_FORMS = {"add_email": "accounts.forms.ChangeEmailForm", "signup": "accounts.forms.SignupForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
# Nobody signs in before proving the address is theirs. The link in the e-mail shows a
# "confirm" button instead of confirming on GET, because mail scanners open links; in the
# browser that signed up, confirming also signs the person in.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# Signup and password reset answer the same for known and unknown addresses; the truth
# goes by e-mail to the address itself.
ACCOUNT_PREVENT_ENUMERATION = True
# One address per person: a change waits for the new address to be verified before it
# replaces the old one.
ACCOUNT_CHANGE_EMAIL = True
# Residents often use shared computers (libraries, the centre's own): the session ends
# with the browser, and changes to e-mail or password are confirmed by e-mail.
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Changing the e-mail address needs a recent sign-in (or the password again), so that a
# borrowed, still signed-in browser cannot take the account over.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 5 * 60
# Rate limits, as "attempts/period/per", for a public site where many residents may share
# one address (a library, the centre's own computers, a mobile operator's NAT): per-IP
# limits are generous, per-account ("key" = the e-mail address) limits are tight.
ACCOUNT_RATE_LIMITS = {
    # Every POST to the login form: stops bulk password spraying from one address.
    "login": "30/m/ip",
    # Wrong passwords, and wrong two-factor codes (allauth counts those here too, per
    # account): 5 per account in 15 minutes keeps guessing a six-digit code hopeless.
    "login_failed": "20/15m/ip,5/15m/key",
    # New accounts: a volunteer recruitment day at the centre is about a dozen an hour.
    "signup": "10/h/ip",
    # Reset e-mails: 3 an hour to one address so nobody's mailbox can be flooded.
    "reset_password": "20/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    # Re-sending a verification e-mail: once every 3 minutes per address.
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    # Re-entering the password before a sensitive change.
    "reauthenticate": "5/5m/user",
}
# Behind a reverse proxy REMOTE_ADDR is the proxy's; set how many proxies append to
# X-Forwarded-For, or every resident would share one per-IP limit.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
LOGIN_URL = "account_login"
# Land where allauth's messages ("signed in as…") are shown; signing out ends on the
# sign-in page, which says so.
LOGIN_REDIRECT_URL = "account_overview"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
WAGTAILADMIN_LOGIN_URL = "account_login"
# Staff manage their password and e-mail through allauth too (rate limits, verification,
# notifications), not through the Wagtail admin's own forms.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# Two-factor authentication: an authenticator app (TOTP) with recovery codes, for anyone;
# required for staff (accounts.middleware.StaffMFARequiredMiddleware). Passkeys stay off:
# allauth's WebAuthn pages need JavaScript and inline configuration blocks.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Adding an e-mail address to an account with 2FA is otherwise blocked; re-authentication
# (above) and verification of the new address give the same protection.
MFA_ALLOW_UNVERIFIED_EMAIL = True
# --- end of accounts ------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Polish first: the public site always speaks Polish (no LocaleMiddleware, so a browser set
# to English does not get English menus around Polish content). The catalogue is ready for
# an English translation; the Wagtail admin follows each user's own language preference.
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("Polish")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = [("pl", _("Polish"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("pl", _("Polish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

# Files only their owners and the centre's staff may read (offer attachments): outside
# MEDIA_ROOT, so no web server or media URL ever serves them; views check, then stream.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor posts many fields for long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Pomost"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "ods"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}

# Background work (e-mails, PDFs, exports, Wagtail's own index updates). Dev and tests run
# tasks at once; production stores them in the database for `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Every e-mail waits in the outbox (core.mail) until the mail server takes it: a failed
# attempt is retried after 1, 2, 4 … minutes; after this many attempts it is marked failed
# and shown to staff under "Outgoing e-mails".
MAIL_MAX_ATTEMPTS = 8
MAIL_RETRY_BASE_SECONDS = 60

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Spreadsheet exports (django-import-export): no cell may run as a formula when opened.
# volunteers.transfer.resources escapes more thoroughly than the library and regardless of this.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True

# Security headers every environment sends; production adds HTTPS-only settings.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Public pages allow scripts and styles from our own origin only, plus per-request nonces.
# The Wagtail admin ships inline styles and scripts of its own, so it is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"), "propagate": False},
        # WeasyPrint and fontTools report every rendering step at INFO: only their problems matter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Pomost <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# ASCII addresses ("/aktualnosci/nagroda-dla-osrodka/") survive e-mail clients and printouts.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
