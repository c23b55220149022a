"""Where Régie keeps its files, and which database a command opens."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "regie"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "regie.db"


def resolve_db_path(cli_value: str | None) -> Path:
    """``REGIE_DB`` first, then ``--db``, then the user's data directory (DESIGN.md)."""
    env = os.environ.get("REGIE_DB")
    if env:
        return Path(env).expanduser()
    if cli_value:
        return Path(cli_value).expanduser()
    return default_db_path()
