# shellcheck shell=bash
# Shared steps of the run and test commands: system packages and the venv.
# Sourced by scripts/run.sh and scripts/test.sh, from the repository root.

VENV=.venv
# Debian's Python: the python3 of pyenv and similar builds often cannot load
# SQLite extensions, which SpatiaLite needs.
SYSTEM_PYTHON=${SESIZARI_PYTHON:-/usr/bin/python3}
# shellcheck disable=SC2034 # used by the scripts that source this file
RUNTIME_PACKAGES=(
    python3 python3-venv gdal-bin libsqlite3-mod-spatialite binutils libproj-dev
)

APT_UPDATED=""

say() {
    printf '\n==> %s\n' "$*"
}

die() {
    printf '\nERROR: %s\n' "$*" >&2
    exit 1
}

is_root() {
    [ "$(id -u)" = 0 ]
}

missing_packages() {
    local package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
            grep -q "install ok installed" || printf '%s ' "$package"
    done
}

# Install the Debian packages that are missing when root; otherwise name
# them and stop.
ensure_packages() {
    local missing
    missing=$(missing_packages "$@")
    missing=${missing% }
    [ -z "$missing" ] && return 0

    if ! is_root; then
        die "missing system packages: $missing
Install them, then run this again:
    sudo apt-get install $missing"
    fi
    say "Installing system packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    if [ -z "$APT_UPDATED" ]; then
        apt-get update -qq || die "apt-get update failed"
        APT_UPDATED=1
    fi
    # shellcheck disable=SC2086 # a list of package names
    apt-get install -y -qq --no-install-recommends $missing </dev/null ||
        die "could not install: $missing"
}

venv_can_load_extensions() {
    "$VENV/bin/python" -c \
        'import sqlite3; sqlite3.connect(":memory:").enable_load_extension(True)' \
        2>/dev/null
}

# Create .venv with Debian's Python and install a requirements file into it,
# again only when the requirements changed.
ensure_venv() {
    local requirements=$1 stamp digest
    if [ -x "$VENV/bin/python" ] && ! venv_can_load_extensions; then
        say "$VENV cannot load SQLite extensions: making it again"
        rm -rf "$VENV"
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        [ -x "$SYSTEM_PYTHON" ] || die "$SYSTEM_PYTHON not found (package python3)"
        say "Creating the virtual environment $VENV with $SYSTEM_PYTHON"
        "$SYSTEM_PYTHON" -m venv "$VENV" || die "could not create $VENV"
    fi

    stamp="$VENV/.installed-$(basename "$requirements")"
    digest=$(cat requirements*.txt | sha256sum | cut -d' ' -f1)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$digest" ]; then
        say "Installing $requirements into $VENV"
        "$VENV/bin/pip" install --quiet --disable-pip-version-check \
            -r "$requirements" </dev/null || die "pip could not install $requirements"
        echo "$digest" >"$stamp"
    fi
}
