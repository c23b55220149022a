"""A database path given with --db or REGIE_DB whose folder does not exist is a typing slip:
refused with a sentence, nothing created (it used to create the folders and an empty
database, and answer as if the cooperative had no data)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


def test_a_mistyped_database_folder_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    regie = shutil.which("regie")
    assert regie is not None, "the regie console script is installed by pip install -e"
    missing = tmp_path / "no-such-folder" / "regie.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_")}
    env.update(REGIE_LANG="en", XDG_DATA_HOME=str(tmp_path / "data"))
    for args in (["--db", str(missing), "items", "list", "--json"],):
        result = subprocess.run(
            [regie, *args], env=env, capture_output=True, text=True, timeout=120, check=False
        )
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert result.stderr.strip().splitlines() == [
            f"There is no database at {missing} (check the path; to create one: regie init "
            "or regie demo)."
        ]
    assert not missing.parent.exists()
