#!/usr/bin/env bash
# Fuzz the content API v1 with schemathesis against a running server (issue 8, finding 9).
#
#   .ci/schemathesis.sh [VENV]        VENV defaults to .venv
#
# A fresh SQLite database in a temporary directory, migrated and filled by
# load_demo; the site under gunicorn with DEBUG off on a free loopback port;
# schemathesis run against the project's own schema (/api/v1/schema/), with a
# fixed seed, MAX_EXAMPLES cases per operation (default 15) in the examples,
# coverage and fuzzing phases within MAX_TIME seconds (default 180; 3,600 to
# 11,000 cases on 2 shared cores), with the server-error and response-conformance
# checks (status code, content type, headers, body against the schema: issue 9,
# "the schema is the contract"). Exits non-zero on any server error or check
# failure (or if fewer than MIN_CASES cases ran); the server is always stopped.
# Wagtail's v2 ships no schema: tests/security/test_input_validation.py fuzzes
# its query parameters with hypothesis instead.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${1:-.venv}"
MAX_EXAMPLES="${MAX_EXAMPLES:-15}"
MIN_CASES="${MIN_CASES:-1000}"
SEED="${SEED:-20260801}"
MAX_TIME="${MAX_TIME:-180}"
PY="$VENV/bin/python"
ST="$VENV/bin/schemathesis"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  [ -n "${KEEP_WORK:-}" ] && echo "kept ${work}" || rm -rf "$work"
}
trap cleanup EXIT INT TERM

export DJANGO_SETTINGS_MODULE=cms.settings.dev
export DEBUG=false
export DATABASE_URL="sqlite:///${work}/db.sqlite3"
export MEDIA_ROOT="${work}/media"
export ALLOWED_HOSTS="127.0.0.1"
export SERBIAN_CYRILLIC_AUTO_TRANSLATE=true
# Local memory cache and no rate limit: the fuzzer sends thousands of requests from one address.
unset REDIS_URL API_THROTTLE_RATE
export API_THROTTLE_BURST="" API_THROTTLE_SUSTAINED=""
export API_CACHE_SECONDS=0

if [ -n "${REUSE_WORK:-}" ]; then
  # For local iterations only: the database and media of an earlier run kept with KEEP_WORK=1.
  cp "${REUSE_WORK}/db.sqlite3" "${work}/db.sqlite3"
  cp -r "${REUSE_WORK}/media" "${work}/media"
  "$PY" manage.py migrate --noinput -v0  # migrations added since that run
else
  echo "==> Fresh database in ${work}"
  "$PY" manage.py migrate --noinput -v0
  "$PY" manage.py load_demo >"${work}/load_demo.log" 2>&1 || { tail -n 40 "${work}/load_demo.log"; exit 1; }
fi

port="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:${port}"
echo "==> Server on ${base} (gunicorn, DEBUG off)"
# No request-line limit: gunicorn's own 414 (an HTML page for URIs over 4 KiB) would be
# counted against the API's schema; what is under test is the application's answer.
"$VENV/bin/gunicorn" cms.wsgi:application --bind "127.0.0.1:${port}" --workers 2 --threads 2 \
  --limit-request-line 0 --timeout 60 --access-logfile /dev/null --error-logfile - >"${work}/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
  curl -fsS -o /dev/null "${base}/api/v1/schema/" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { tail -n 40 "${work}/server.log"; exit 1; }
  sleep 1
done

CHECKS="not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance"
echo "==> schemathesis: ${CHECKS}, seed ${SEED}, ${MAX_EXAMPLES} examples per operation"
status=0
"$ST" run "${base}/api/v1/schema/" --url "${base}" \
  --checks "$CHECKS" \
  --max-examples "$MAX_EXAMPLES" --seed "$SEED" \
  --phases examples,coverage,fuzzing --max-time "$MAX_TIME" \
  --workers 2 --request-timeout 30 --suppress-health-check all \
  --generation-database none --no-color \
  --report junit,ndjson --report-dir "${work}/report" || status=$?

# Count cases, server errors and failed checks from the event stream (every request, its response and checks).
counts="$("$PY" - "${work}/report" <<'PY'
import collections, json, pathlib, sys

statuses = collections.Counter()
errors = []
failures = collections.Counter()
examples = {}
for path in pathlib.Path(sys.argv[1]).glob("*.ndjson"):
    for line in path.read_text().splitlines():
        scenario = json.loads(line).get("ScenarioFinished")
        if not scenario:
            continue
        # A scenario that errored before sending anything has no interactions.
        recorder = scenario.get("recorder") or {}
        interactions = recorder.get("interactions") or {}
        for interaction in interactions.values():
            code = (interaction.get("response") or {}).get("status_code", 0)
            statuses[code] += 1
            request = interaction.get("request") or {}
            if code >= 500 or code == 0:
                errors.append(f"{code} {request.get('method')} {request.get('uri')}")
        # Check results are recorded per case: {case id: [{name, status, failure_info}]}.
        for case_id, checks in (recorder.get("checks") or {}).items():
            for check in checks:
                if check.get("status") != "failure":
                    continue
                name = check.get("name", "?")
                failures[name] += 1
                failure = (check.get("failure_info") or {}).get("failure") or {}
                detail = f"{failure.get('operation', '')}: {failure.get('title', '')} {failure.get('message', '')}"
                request = (interactions.get(case_id) or {}).get("request") or {}
                examples.setdefault((name, detail[:300]), f"{request.get('method')} {request.get('uri')}")
print("statuses:", dict(sorted(statuses.items())), file=sys.stderr)
for error in errors[:20]:
    print("server error:", error, file=sys.stderr)
print("check failures:", dict(sorted(failures.items())), file=sys.stderr)
for (name, detail), where in list(examples.items())[:30]:
    print(f"failed {name}: {detail} at {where}", file=sys.stderr)
print(sum(statuses.values()), len(errors), sum(failures.values()))
PY
)"
read -r cases server_errors check_failures <<<"$counts"
echo "==> ${cases} generated cases, ${server_errors} server errors, ${check_failures} check failures (schemathesis exit ${status})"
if grep -q "Traceback" "${work}/server.log"; then
  echo "==> server log tracebacks:"; grep -B2 -A15 "Traceback" "${work}/server.log" | tail -n 60
fi

if [ "$status" != 0 ] || [ "${server_errors:-1}" != 0 ] || [ "${check_failures:-1}" != 0 ]; then
  echo "FAILED: server errors, check failures or a schemathesis failure"; exit 1
fi
if [ "${cases:-0}" -lt "$MIN_CASES" ]; then
  echo "FAILED: only ${cases} cases (at least ${MIN_CASES} required)"; exit 1
fi
echo "==> OK: ${cases} cases, 0 server errors, 0 conformance violations"
