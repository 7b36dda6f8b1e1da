"""Production settings fail at start-up, with a clear message, instead of on the first request.

Each case imports cms.settings.production in a fresh interpreter with a controlled environment,
the way gunicorn or manage.py would on a server.
"""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SECRET = "x" * 20 + "production-settings-test-secret-key-0123456789"


def run(code: str, **env: str) -> subprocess.CompletedProcess:
    """Run Python code with production settings and only the given environment (plus PATH)."""
    environment = {"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "cms.settings.production", **env}
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "cms.settings.production", **env}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def closed_port() -> int:
    """A local TCP port nobody listens on: connections to it are refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


LOAD_SETTINGS = (
    "import django; django.setup(); from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
)


def test_production_refuses_to_start_without_database_url():
    result = run(LOAD_SETTINGS, SECRET_KEY=SECRET)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DATABASE_URL" in result.stderr


def test_production_accepts_an_explicit_sqlite_database_url(tmp_path):
    result = run(LOAD_SETTINGS, SECRET_KEY=SECRET, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_check_deploy_fails_clearly_when_the_database_does_not_answer():
    result = manage(
        "check",
        "--deploy",
        SECRET_KEY=SECRET,
        DATABASE_URL=f"postgres://nobody@127.0.0.1:{closed_port()}/nothing",
    )
    assert result.returncode != 0
    assert "cms.E001" in result.stderr
    assert "does not answer" in result.stderr


def test_the_wsgi_application_refuses_to_load_when_the_database_does_not_answer():
    """What gunicorn imports: a worker that cannot reach the database must not boot."""
    result = run(
        "import cms.wsgi",
        SECRET_KEY=SECRET,
        DATABASE_URL=f"postgres://nobody@127.0.0.1:{closed_port()}/nothing",
    )
    assert result.returncode != 0
    assert "does not answer" in result.stderr


def test_the_wsgi_application_loads_when_the_database_answers(tmp_path):
    result = run(
        "import cms.wsgi; print('loaded')", SECRET_KEY=SECRET, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}"
    )
    assert result.returncode == 0, result.stderr
    assert "loaded" in result.stdout


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, (31536000, True, True, True)),
        (
            {
                "SECURE_HSTS_SECONDS": "3600",
                "SECURE_HSTS_INCLUDE_SUBDOMAINS": "false",
                "SECURE_HSTS_PRELOAD": "false",
                "SECURE_SSL_REDIRECT": "false",
            },
            (3600, False, False, False),
        ),
    ],
)
def test_hsts_and_ssl_redirect_come_from_the_environment(tmp_path, env, expected):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, s.SECURE_SSL_REDIRECT)"
    )
    result = run(code, SECRET_KEY=SECRET, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(value) for value in expected]


def test_check_deploy_reports_no_issue_with_a_sane_environment(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=SECRET,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        ALLOWED_HOSTS="cms.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
