"""Production settings come from the environment and pass Django's deployment checks."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "k3v9-!x2pQ7rT0zW8yB5nM1cL4hJ6gF3dS9aP2oI7uY5tR8eW0qZ",
    "ALLOWED_HOSTS": "mops.jaslo.example,pulawy.example",
    "CSRF_TRUSTED_ORIGINS": "https://mops.jaslo.example",
    "DATABASE_URL": "sqlite:///:memory:",
}


def run(code, **env):
    inherited = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and not k.startswith("AWS_")}
    # Test-only switches (the e2e tests relax Django's async guard) are not part of production.
    full_env = {k: v for k, v in inherited.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    full_env.update(PRODUCTION_ENV)
    full_env.update(env)
    full_env = {k: v for k, v in full_env.items() if v is not None}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120, check=False
    )


SHOW = """
import django, json
django.setup()
from django.conf import settings as s
print(json.dumps({
    "debug": s.DEBUG,
    "hosts": s.ALLOWED_HOSTS,
    "csrf": s.CSRF_TRUSTED_ORIGINS,
    "cache": s.CACHES["default"]["BACKEND"],
    "cache_location": s.CACHES["default"].get("LOCATION"),
    "storage": s.STORAGES["default"]["BACKEND"],
    "storage_options": s.STORAGES["default"].get("OPTIONS", {}),
    "static": s.STORAGES["staticfiles"]["BACKEND"],
    "db": s.DATABASES["default"]["ENGINE"],
    "email_host": s.EMAIL_HOST,
    "tasks": s.TASKS["default"]["BACKEND"],
    "log_stream": s.LOGGING["handlers"]["stdout"]["stream"],
}))
"""


def test_deploy_check_is_clean():
    result = run(
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_secret_key_is_required():
    result = run("import django; django.setup()", SECRET_KEY=None)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_settings_are_read_from_the_environment():
    result = run(
        SHOW,
        REDIS_URL="redis://127.0.0.1:6379/3",
        EMAIL_HOST="smtp.jaslo.example",
        AWS_STORAGE_BUCKET_NAME="pomost-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
        DATABASE_URL="postgres://pomost:secret@db.example:5432/pomost",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)

    assert values["debug"] is False
    assert values["hosts"] == ["mops.jaslo.example", "pulawy.example"]
    assert values["csrf"] == ["https://mops.jaslo.example"]
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["cache_location"] == "redis://127.0.0.1:6379/3"
    assert values["storage"] == "storages.backends.s3.S3Storage"
    assert values["storage_options"]["bucket_name"] == "pomost-media"
    assert values["storage_options"]["endpoint_url"] == "https://s3.example.net"
    assert values["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["db"] == "django.db.backends.postgresql"
    assert values["email_host"] == "smtp.jaslo.example"
    assert values["tasks"] == "django_tasks_db.DatabaseBackend"
    assert values["log_stream"] == "ext://sys.stdout"


def test_without_bucket_media_stay_on_the_local_disk():
    values = json.loads(run(SHOW).stdout)
    assert values["storage"] == "django.core.files.storage.FileSystemStorage"
