"""Local development: debug on, demo hosts allowed, mail printed to the console."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-used-in-production"  # noqa: S105
# `pulawy.localhost` resolves to 127.0.0.1 in browsers, which lets the second demo centre
# live beside the first one without editing /etc/hosts.
ALLOWED_HOSTS = ["127.0.0.1", "localhost", ".localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SERVE_MEDIA = True
# Static files straight from the source folders, also under gunicorn (bench/), without
# running collectstatic first.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
