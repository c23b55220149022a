"""Printing for the CLI: JSON as the contract writes it; output places checked before a
command writes anything; a closed pipe."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

from app.core.errors import DomainError


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")
    sys.stdout.flush()


# --- output places, checked before a command runs ----------------------------------------

#: Commands whose ``--out`` names a folder (created if missing) rather than a file.
FOLDER_OUTPUTS = {"statements"}


def output_targets(args: argparse.Namespace) -> list[tuple[str, str, bool]]:
    """The places a parsed command will write: ``[(option, path, is_folder)]``.

    Every command's ``--out`` (a folder for ``statements``), and the file of
    ``items export``. ``-`` or an empty value means standard output."""
    targets = []
    out = getattr(args, "out", None)
    if isinstance(out, str) and out not in ("", "-"):
        targets.append(("--out", out, args.command in FOLDER_OUTPUTS))
    if getattr(args, "items_command", None) == "export" and isinstance(args.file, str):
        targets.append(("FILE", args.file, False))
    return targets


def check_output(path_text: str, *, folder: bool = False) -> None:
    """Refuse an output place before anything is written (DomainError with a sentence):
    a folder where a file is wanted (or the reverse), a folder that does not exist, a
    place that cannot be written."""
    path = Path(path_text).expanduser()
    if folder:
        if path.exists() and not path.is_dir():
            raise DomainError(
                "{path} is a file, not a folder: give a folder for --out.", path=path_text
            )
        existing = path
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if not existing.is_dir():
            raise DomainError("{path}: part of this path is a file, not a folder.", path=path_text)
        if not os.access(existing, os.W_OK | os.X_OK):
            raise DomainError(
                "Régie may not write in the folder {folder}: choose another place.",
                folder=str(existing),
            )
        return
    if path.is_dir():
        raise DomainError(
            "{path} is a folder: give the name of a file to write (in that folder, say).",
            path=path_text,
        )
    parent = path.parent
    if not parent.exists():
        raise DomainError("The folder {folder} does not exist.", folder=str(parent))
    if not parent.is_dir():
        raise DomainError("{path}: part of this path is a file, not a folder.", path=path_text)
    if path.exists() and not os.access(path, os.W_OK):
        raise DomainError(
            "The file {path} cannot be overwritten (it is read-only): choose another name.",
            path=path_text,
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise DomainError(
            "Régie may not write in the folder {folder}: choose another place.",
            folder=str(parent),
        )


def check_outputs(args: argparse.Namespace) -> None:
    for _option, path, folder in output_targets(args):
        check_output(path, folder=folder)


# --- a closed pipe ------------------------------------------------------------------------


def silence_stdout() -> None:
    """After a BrokenPipeError (``regie ... | head``): point stdout at devnull so that
    Python's final flush at exit does not complain (Python's documented recipe)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
