"""A usage error reads in the user's language, argparse's own sentences included (they
were English in the middle of French messages)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            "regie bookings create : erreur : les arguments suivants sont obligatoires : "
            "--customer, --from, --to (voir regie bookings create --help)",
        ),
        (
            "en",
            "regie bookings create: error: the following arguments are required: "
            "--customer, --from, --to (see regie bookings create --help)",
        ),
    ],
)
def test_a_missing_argument_is_said_in_the_users_language(
    tmp_path: Path, language: str, expected: str
) -> None:
    regie = shutil.which("regie")
    assert regie is not None, "the regie console script is installed by pip install -e"
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_")}
    env.update(
        REGIE_LANG=language,
        REGIE_DB=str(tmp_path / "regie.db"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    result = subprocess.run(
        [regie, "bookings", "create"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [expected]
    assert not (tmp_path / "regie.db").exists()
