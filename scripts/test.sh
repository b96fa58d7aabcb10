#!/usr/bin/env bash
# The test command (make test): lint, types, migrations check, the whole suite
# on PostgreSQL + PostGIS, and the main flow again on SpatiaLite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

DEFAULT_DATABASE_URL=postgis://postgres@127.0.0.1:5432/sesizari
export DATABASE_URL=${DATABASE_URL:-$DEFAULT_DATABASE_URL}
export PLAYWRIGHT_CHROMIUM_EXECUTABLE=${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium}
STARTED=$SECONDS

postgres_answers() {
    (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
}

postgres_lets_postgres_in() {
    "$VENV/bin/python" - <<'PY' 2>/dev/null
import psycopg

psycopg.connect(
    "host=127.0.0.1 port=5432 user=postgres dbname=postgres", connect_timeout=5
).close()
PY
}

local_cluster_version() {
    # shellcheck disable=SC2012 # version numbers only
    ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1
}

# Debian's PostgreSQL and PostGIS on 127.0.0.1:5432, installed and started
# when no server answers there. Only for the default DATABASE_URL: another
# server is the caller's to provide.
ensure_postgres() {
    local version hba
    [ "$DATABASE_URL" = "$DEFAULT_DATABASE_URL" ] || return 0

    if ! postgres_answers; then
        is_root || die "no PostgreSQL answers on 127.0.0.1:5432.
Start one with PostGIS, or install them as root:
    sudo apt-get install postgresql postgresql-15-postgis-3"
        ensure_packages postgresql
        version=$(local_cluster_version)
        if [ -z "$version" ]; then
            # shellcheck disable=SC2012 # version numbers only
            version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
            say "Creating the PostgreSQL $version cluster"
            pg_createcluster "$version" main || die "pg_createcluster failed"
        fi
        say "Starting PostgreSQL $version"
        pg_ctlcluster --skip-systemctl-redirect "$version" main start ||
            die "could not start PostgreSQL $version"
        for _ in $(seq 30); do postgres_answers && break; sleep 1; done
        postgres_answers || die "PostgreSQL did not start on 127.0.0.1:5432"
    fi

    # PostGIS for the server of this machine; a server elsewhere has its own.
    version=$(local_cluster_version)
    if [ -n "$version" ] && is_root; then
        ensure_packages "postgresql-$version-postgis-3"
    fi

    if ! postgres_lets_postgres_in; then
        hba="/etc/postgresql/$version/main/pg_hba.conf"
        if ! is_root || [ ! -f "$hba" ] || grep -q "added by sesizari" "$hba"; then
            die "PostgreSQL on 127.0.0.1:5432 refuses the user postgres.
Set DATABASE_URL=postgis://USER:PASSWORD@127.0.0.1:5432/sesizari with a
superuser (it creates the postgis extension in the test database)."
        fi
        # A fresh Debian cluster asks for a password on 127.0.0.1, and its
        # postgres user has none: trust that user there, on this machine.
        say "Letting postgres in from 127.0.0.1 without a password ($hba)"
        sed -i "1i # added by sesizari scripts/test.sh, for the test suite\\
host all postgres 127.0.0.1/32 trust\\
host all postgres ::1/128 trust" "$hba"
        pg_ctlcluster --skip-systemctl-redirect "$version" main reload ||
            die "could not reload PostgreSQL $version"
        sleep 1
        postgres_lets_postgres_in || die "PostgreSQL still refuses the user postgres"
    fi
}

# pytest exits 5 when no test ran: that is a failure here too.
run_pytest() {
    local label=$1 status=0
    shift
    "$VENV/bin/pytest" "$@" || status=$?
    case $status in
    0) ;;
    5) die "$label: pytest ran no test" ;;
    *) die "$label: tests failed (pytest exit status $status)" ;;
    esac
}

say "System packages and the virtual environment"
ensure_packages "${RUNTIME_PACKAGES[@]}" chromium gettext
ensure_venv requirements-dev.txt
ensure_postgres

say "ruff check"
"$VENV/bin/ruff" check . || die "ruff check found problems (try: make format)"
say "ruff format --check"
"$VENV/bin/ruff" format --check . || die "some files need formatting (try: make format)"
say "mypy"
"$VENV/bin/mypy" . || die "mypy found type errors"

SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

say "makemigrations --check"
DATABASE_URL="spatialite:///$SCRATCH/check.sqlite3" SESIZARI_DEBUG=1 \
    "$VENV/bin/python" manage.py makemigrations --check --dry-run ||
    die "the models have changes without migrations: run makemigrations"

say "Every text translated into Romanian and Hungarian"
# makemessages brings new texts into the catalogues; a text without a
# translation, or with a guessed (fuzzy) one, fails the run.
SESIZARI_DEBUG=1 "$VENV/bin/python" manage.py makemessages -l ro -l hu \
    --add-location file --ignore=.venv --ignore=var --ignore=staticfiles \
    --ignore=bench >/dev/null || die "makemessages failed"
for CATALOGUE in locale/ro/LC_MESSAGES/django.po locale/hu/LC_MESSAGES/django.po; do
    if [ -n "$(msgattrib --untranslated --no-obsolete "$CATALOGUE")" ] ||
        [ -n "$(msgattrib --only-fuzzy --no-obsolete "$CATALOGUE")" ]; then
        die "$CATALOGUE has texts without a translation; list them with:
    msgattrib --untranslated $CATALOGUE; msgattrib --only-fuzzy $CATALOGUE"
    fi
done

say "The whole suite on PostgreSQL + PostGIS ($DATABASE_URL)"
run_pytest "PostGIS" -q

say "The main flow on SpatiaLite"
DATABASE_URL="spatialite:///$SCRATCH/test.sqlite3" run_pytest "SpatiaLite" -q -m mainflow

say "All checks passed in $((SECONDS - STARTED)) s"
