#!/usr/bin/env bash
# Restore check: build the demo site on a fresh PostgreSQL database, record what it serves
# (pages in three locales, API responses, a document, image files), `backup_site`, restore into
# a second fresh database and an empty MEDIA_ROOT with `restore_site`, serve again and compare
# status codes and body hashes. Usage: .ci/restore_check.sh [VENV]   (default .venv)
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and pg_dump/pg_restore on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$(cd "${1:-.venv}" && pwd)"
python="$venv/bin/python"
pg=(psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1)

work="$(mktemp -d)"
suffix="$(date +%s)_$$"
db_a="restore_a_${suffix}"
db_b="restore_b_${suffix}"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  "${pg[@]}" -c "DROP DATABASE IF EXISTS ${db_a}" >/dev/null 2>&1 || true
  "${pg[@]}" -c "DROP DATABASE IF EXISTS ${db_b}" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"${pg[@]}" -c "CREATE DATABASE ${db_a}"
"${pg[@]}" -c "CREATE DATABASE ${db_b}"
mkdir -p "$work/media_a" "$work/media_b" "$work/static"

# Development settings with DEBUG off: media served by Django, as without a front server.
# Pages need no static files served here (an empty STATIC_ROOT keeps WhiteNoise quiet).
export DJANGO_SETTINGS_MODULE=cms.settings.dev DEBUG=false API_CACHE_SECONDS=0 STATIC_ROOT="$work/static"
export SECRET_KEY="restore-check-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export SERBIAN_CYRILLIC_AUTO_TRANSLATE=true
port=$(( 20000 + $$ % 20000 ))
base="http://127.0.0.1:${port}"

use() {  # use DB MEDIA: point the commands and the server at one database and media folder
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$1" MEDIA_ROOT="$2"
}
serve() {
  "$venv/bin/gunicorn" cms.wsgi --bind "127.0.0.1:${port}" --workers 2 --log-level warning &
  server=$!
  for _ in $(seq 1 60); do
    curl -fsS -o /dev/null "$base/sr-latn/" 2>/dev/null && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 1
  done
  echo "the server did not answer on ${base}" >&2
  exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }
# record URLS OUT: "status sha256 url" per address, bodies kept in OUT.d/ to show what differs.
# Volatile parts are normalised: CSRF tokens, and the order of a page's tags in API JSON, which
# the API leaves to the database (unordered; it differs once rows are reloaded by a restore).
record() {
  mkdir -p "$2.d"
  n=0
  while read -r url; do
    n=$((n + 1))
    curl -s -o "$2.d/$n" -w '%{http_code}\n' "$base$url" >"$2.d/$n.status"
  done <"$1"
  "$python" - "$1" "$2" <<'PY'
import hashlib, json, re, sys
from pathlib import Path

urls, out = Path(sys.argv[1]).read_text().split(), Path(sys.argv[2])

def normalise(value):
    if isinstance(value, dict):
        return {key: sorted(map(normalise, item), key=json.dumps) if key == "tags" and isinstance(item, list) else normalise(item)
                for key, item in value.items()}
    return [normalise(item) for item in value] if isinstance(value, list) else value

lines = []
for n, url in enumerate(urls, start=1):
    body_path = Path(f"{out}.d/{n}")
    body = body_path.read_bytes()
    try:
        body = json.dumps(normalise(json.loads(body)), ensure_ascii=False).encode()
    except ValueError:
        body = re.sub(rb'(csrfmiddlewaretoken" value=")[^"]*', rb"\1", body)
    body_path.write_bytes(body)
    status = Path(f"{out}.d/{n}.status").read_text().strip()
    lines.append(f"{status} {hashlib.sha256(body).hexdigest()} {url}")
out.write_text("\n".join(lines) + "\n")
PY
}

echo "==> Demo site on ${db_a}"
use "$db_a" "$work/media_a"
"$python" manage.py migrate --noinput -v0
"$python" manage.py load_demo >/dev/null
# Files: a document, an original image and a rendition (created now, so it is in the backup).
"$python" manage.py shell -v0 -c '
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
document = get_document_model().objects.filter(collection__depth=1).order_by("pk").first() or get_document_model().objects.order_by("pk").first()
image = get_image_model().objects.filter(collection__depth=1).order_by("pk").first() or get_image_model().objects.order_by("pk").first()
print(document.url)
print(image.file.url)
print(image.get_rendition("width-400").url)
' >"$work/files"
echo "files: $(tr '\n' ' ' <"$work/files")"

serve
{
  printf '%s\n' /sr-latn/ /en/ /sr-cyrl/ /sitemap.xml /api/v1/locales/ /api/v1/news/ /api/v1/events/ \
    /api/v1/clusters/ /api/v2/pages/ "/api/v1/search/?q=klaster"
  # Every page the sitemap lists (all three locales), then the files.
  curl -fsS "$base/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed -E 's#</?loc>##g; s#^https?://[^/]*##' | sort -u | head -n 60
  cat "$work/files"
} >"$work/urls"
record "$work/urls" "$work/before"
stop
awk '{print $1}' "$work/before" | sort | uniq -c | sed 's/^/  status /'
grep -q '^200 .* /en/' "$work/before" && grep -q '^200 .* /sr-cyrl/' "$work/before" || { echo "the demo site is incomplete"; cat "$work/before"; exit 1; }
if grep -v '^200 ' "$work/before" | grep -q .; then echo "not every recorded address answers 200:"; grep -v '^200 ' "$work/before"; exit 1; fi

echo "==> Back up"
"$python" manage.py backup_site --to "$work/backup"
ls -l "$work/backup"

echo "==> Restore into ${db_b} and an empty MEDIA_ROOT"
use "$db_b" "$work/media_b"
"$python" manage.py restore_site --from "$work/backup" --noinput
serve
record "$work/urls" "$work/after"
stop

echo "==> Compare $(wc -l <"$work/urls") addresses"
if diff -u "$work/before" "$work/after"; then
  echo "restore check passed: the restored site serves the same pages and files"
else
  echo "restore check FAILED: the restored site differs (above); first lines that differ:"
  for n in $(seq 1 "$(wc -l <"$work/urls")"); do
    cmp -s "$work/before.d/$n" "$work/after.d/$n" && continue
    echo "--- $(sed -n "${n}p" "$work/urls")"
    diff <(tr ',' '\n' <"$work/before.d/$n") <(tr ',' '\n' <"$work/after.d/$n") | head -n 12 || true
  done
  exit 1
fi
