import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_settings(**variables):
    environment = {
        key: value for key, value in os.environ.items() if key != "DATABASE_URL"
    }
    environment.update(variables)
    return subprocess.run(
        [sys.executable, "-c", "import sesizari.settings"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SESIZARI_DEBUG", "maybe"),
        ("SESIZARI_EMAIL_PORT", "twenty-five"),
        ("SESIZARI_GEOCODER_TIMEOUT", "soon"),
    ],
)
def test_settings_refuse_a_malformed_value_naming_it(name, value):
    result = _load_settings(SESIZARI_SECRET_KEY="k", **{name: value})

    assert result.returncode != 0
    assert f"{name} has an invalid value" in result.stderr


def test_settings_require_a_secret_key_outside_debug():
    result = _load_settings(SESIZARI_DEBUG="0", SESIZARI_SECRET_KEY="")

    assert result.returncode != 0
    assert "SESIZARI_SECRET_KEY must be set" in result.stderr


def test_settings_load_with_the_defaults_in_debug():
    result = _load_settings(SESIZARI_DEBUG="1")

    assert result.returncode == 0, result.stderr
