"""Test runs: fast hashing, mail kept in memory, hosts of both demo centres allowed."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost", ".localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Uploaded and generated images go to a throw-away folder, served by the test server.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="pomost-test-media-"))
SERVE_MEDIA = True
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="pomost-test-private-"))
STORAGES["private"]["OPTIONS"]["location"] = PRIVATE_MEDIA_ROOT  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files straight from the app folders; no collectstatic before tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Keep test output readable: Wagtail and django-tasks log every page save at INFO.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
