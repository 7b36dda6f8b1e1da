#!/usr/bin/env bash
# A client generated from the schema, used as a client developer would use it:
# dump /api/v1/schema/ (English, as served), generate a Python client with
# openapi-python-client, and run tests/client/ against a live server with it.
#
# openapi-python-client has dependencies of its own (typer, pydantic, ruamel...):
# it lives in a tool venv beside the project's (.venv-tools/openapi-client/,
# reused while it holds the pinned version). The generated package needs only
# httpx, attrs and python-dateutil, which the project's venv has (requirements.txt).
#
# Usage: .ci/generated_client.sh VENV   (e.g. .ci/generated_client.sh .venv)
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${1:?usage: .ci/generated_client.sh VENV}"
GENERATOR_VERSION=0.29.1
TOOL_VENV=.venv-tools/openapi-client
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
export PIP_DISABLE_PIP_VERSION_CHECK=1

if ! "$VENV/bin/python" -c "import attrs, dateutil, httpx" 2>/dev/null; then
  echo "$VENV lacks httpx, attrs or python-dateutil (the generated client's dependencies): run make setup" >&2
  exit 1
fi

generator="$TOOL_VENV/bin/openapi-python-client"
if [ "$("$generator" --version 2>/dev/null || true)" != "openapi-python-client version: ${GENERATOR_VERSION}" ]; then
  echo "Installing openapi-python-client ${GENERATOR_VERSION} into ${TOOL_VENV}"
  rm -rf "$TOOL_VENV"
  "$PYTHON" -m venv "$TOOL_VENV"
  "$TOOL_VENV/bin/python" -m pip install --quiet "openapi-python-client==${GENERATOR_VERSION}"
fi
"$generator" --version

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# What /api/v1/schema/ serves: EnglishSchemaView renders it in English (--lang en),
# the same postprocessing hooks run; tests/client/ checks that the two are equal.
DJANGO_SETTINGS_MODULE=cms.settings.test "$VENV/bin/python" manage.py spectacular \
  --lang en --format openapi-json --file "$work/schema.json" --validate

cat >"$work/config.yaml" <<'EOF'
project_name_override: cms-api-client
package_name_override: cms_api_client
# The generator would run ruff on its output; the tool venv has none, and style is not the point.
post_hooks: []
EOF
# A warning means an endpoint or a model was left out of the client: fail.
"$generator" generate --path "$work/schema.json" --config "$work/config.yaml" \
  --output-path "$work/client/cms_api_client" --meta none --fail-on-warning

GENERATED_CLIENT_DIR="$work/client" GENERATED_CLIENT_SCHEMA="$work/schema.json" \
  "$VENV/bin/pytest" -p no:randomly -q tests/client/
