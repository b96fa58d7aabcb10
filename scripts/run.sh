#!/usr/bin/env bash
# The run command (make run): set everything up, load the demo and serve it
# on http://127.0.0.1:8000 with a background worker and the periodic jobs.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

BIND=${SESIZARI_BIND:-127.0.0.1:8000}
# Links in the e-mails point where the site is served, unless told otherwise.
export SESIZARI_SITE_URL=${SESIZARI_SITE_URL:-http://$BIND}

ensure_packages "${RUNTIME_PACKAGES[@]}"
ensure_venv requirements.txt
PYTHON="$VENV/bin/python"

mkdir -p var/mail var/media
if [ -z "${SESIZARI_SECRET_KEY:-}" ]; then
    if [ ! -s var/secret_key ]; then
        say "Generating a secret key into var/secret_key"
        (umask 077 && "$PYTHON" -c \
            'import secrets; print(secrets.token_urlsafe(50))' >var/secret_key)
    fi
    SESIZARI_SECRET_KEY=$(cat var/secret_key)
    export SESIZARI_SECRET_KEY
fi

# A PostgreSQL database named in DATABASE_URL is created when missing.
if [[ "${DATABASE_URL:-}" == postgis://* ]]; then
    "$PYTHON" - <<'PY' || die "could not reach or create the database of DATABASE_URL"
import os

import environ
import psycopg
from psycopg import sql

config = environ.Env.db_url_config(os.environ["DATABASE_URL"])
server = {
    "host": config["HOST"] or None,
    "port": config["PORT"] or None,
    "user": config["USER"] or None,
    "password": config["PASSWORD"] or None,
}
with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
    exists = connection.execute(
        "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
    ).fetchone()
    if not exists:
        print(f"Creating the database {config['NAME']}")
        connection.execute(
            sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"]))
        )
PY
fi

say "Migrating the database (${DATABASE_URL:-SpatiaLite in var/sesizari.sqlite3})"
"$PYTHON" manage.py migrate --noinput || die "migrate failed"
say "Collecting static files"
"$PYTHON" manage.py collectstatic --noinput -v 0 || die "collectstatic failed"
say "Loading the demo"
"$PYTHON" manage.py load_demo || die "load_demo failed"

say "Starting the worker (messages go to var/mail/) and the periodic jobs; logs in var/"
"$PYTHON" manage.py db_worker >>var/worker.log 2>&1 &
WORKER=$!
"$PYTHON" manage.py run_schedule >>var/schedule.log 2>&1 &
SCHEDULER=$!
stop_background() {
    local pid
    for pid in "$WORKER" "$SCHEDULER"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
}
trap stop_background EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "Serving Sesizări on http://$BIND/ (Ctrl-C stops it)"
"$VENV/bin/gunicorn" sesizari.wsgi:application \
    --bind "$BIND" \
    --workers "${SESIZARI_WEB_WORKERS:-2}" \
    --access-logfile - \
    --graceful-timeout 5
