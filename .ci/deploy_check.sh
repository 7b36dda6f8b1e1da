#!/usr/bin/env bash
# `manage.py check --deploy --fail-level WARNING` with the production settings and a sane
# environment: a long random SECRET_KEY, a real database, ALLOWED_HOSTS. Any warning fails.
# Usage: .ci/deploy_check.sh [VENV] [DATABASE_URL]
#   VENV          default .venv
#   DATABASE_URL  default: a fresh SQLite file (the start-up check needs a database that answers)
# Also checks that production refuses to start without DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${1:-.venv}/bin/python"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

export DJANGO_SETTINGS_MODULE=cms.settings.production
export SECRET_KEY="$("$python" -c 'import secrets; print(secrets.token_urlsafe(64))')"
export ALLOWED_HOSTS="cms.example.org"

echo "==> Production refuses to start without DATABASE_URL"
if env -u DATABASE_URL "$python" manage.py check >"$tmp/out" 2>&1; then
  echo "production started without DATABASE_URL"; exit 1
fi
grep -q "DATABASE_URL must be set" "$tmp/out" || { cat "$tmp/out"; exit 1; }
echo "refused, as it should"

echo "==> check --deploy --fail-level WARNING"
export DATABASE_URL="${2:-sqlite:///${tmp}/deploy-check.sqlite3}"
"$python" manage.py check --deploy --fail-level WARNING
