"""Printing for the CLI: JSON as the contract writes it (a list streamed row by row); pages
of a listing (``--limit``/``--offset``); output places checked before a command writes
anything; a closed pipe."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale

from app.core.errors import DomainError, ValidationError
from app.i18n import tr


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None and value.year >= 1000:  # isoformat: no import per call
            return value.isoformat(timespec="minutes")
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")
    sys.stdout.flush()


def print_json_rows(rows: Iterable[Any], *, chunk: int = 500) -> None:
    """A JSON array written as its rows come (a listing of 200,000 bookings never sits in
    memory twice): the very text ``print_json(list(rows))`` writes, made by ``to_json``.
    Inside a read transaction, call it within ``printing`` (see ``streamed``)."""
    out = sys.stdout
    pending: list[str] = []
    first = True
    for row in rows:
        pending.append(("[\n  " if first else ",\n  ") + to_json(row, 1))
        first = False
        if len(pending) >= chunk:
            out.write("".join(pending))
            pending.clear()
    pending.append("[]\n" if first else "\n]\n")
    out.write("".join(pending))
    out.flush()


class ReaderGone(Exception):
    """Standard output's reader left (``regie … | head``) while rows were printed inside a
    read transaction: carried out of it as this (the transaction words an ``OSError`` as a
    failure of the database) and raised again as the ``BrokenPipeError`` it is by
    ``streamed`` (``app.cli.main`` ends quietly on it)."""


@contextmanager
def printing() -> Iterator[None]:
    """Around printing inside a read transaction: a closed pipe becomes ``ReaderGone``."""
    try:
        yield
    except BrokenPipeError as err:
        raise ReaderGone() from err


@contextmanager
def streamed() -> Iterator[None]:
    """Around a read transaction whose rows are printed as they are read."""
    try:
        yield
    except ReaderGone:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe") from None


def to_json(value: Any, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2, default=_default)`` indented as if
    nested ``level`` deep; the standard library's indenting encoder is pure Python and
    three times slower on a listing's flat rows."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = "\n" + "  " * (level + 1)
        items = [
            encode_basestring(str(k))
            + ": "
            + (encode_basestring(v) if type(v) is str else to_json(v, level + 1))
            for k, v in value.items()
        ]
        return "{" + inner + ("," + inner).join(items) + "\n" + "  " * level + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = "\n" + "  " * (level + 1)
        return (
            "["
            + inner
            + ("," + inner).join(to_json(v, level + 1) for v in value)
            + "\n"
            + "  " * level
            + "]"
        )
    if isinstance(value, dt.date):
        return encode_basestring(_default(value))
    return json.dumps(value, ensure_ascii=False, default=_default)


# --- pages of a listing: --limit / --offset ------------------------------------------------

#: Rows the text of a listing shows when ``--limit`` is not given.
TEXT_PAGE = 100


@dataclass(frozen=True)
class Page:
    """The rows a listing prints: at most ``limit`` (None: all) after the first ``offset``."""

    limit: int | None = None
    offset: int = 0


class UsageError(Exception):
    """A malformed argument: reported as a usage error (exit 2) by the command's guard
    (``app.cli.bookings._usage_guard``)."""

    def __init__(self, err: ValidationError, argument: str = "") -> None:
        self.err = err
        self.argument = argument
        super().__init__(str(err))


def add_page_options(parser: argparse.ArgumentParser) -> None:
    """``--limit N`` and ``--offset N``; ``page_of`` reads them."""
    parser.add_argument(
        "--limit",
        default="",
        metavar="N",
        help=tr(
            "cli",
            "at most N rows (default: {page} in text, every row in JSON)",
        ).format(page=TEXT_PAGE),
    )
    parser.add_argument(
        "--offset",
        default="",
        metavar="N",
        help=tr("cli", "skip the first N rows (the next page: --offset 100)"),
    )


def _count(option: str, value: str) -> int | None:
    if not value.strip():
        return None
    try:
        number = int(value.strip())
    except ValueError:
        number = -1
    if number < 0:
        err = ValidationError(
            option.lstrip("-"), "Give a whole number of rows, 0 or more (for example 100)."
        )
        raise UsageError(err, f"{option} {value}")
    return number


def page_of(args: argparse.Namespace) -> Page:
    """The page a parsed listing asks for: JSON is complete unless ``--limit`` is given;
    the text shows ``TEXT_PAGE`` rows by default. A value that is not a whole number, 0 or
    more, is a ``UsageError``."""
    limit = _count("--limit", args.limit)
    offset = _count("--offset", args.offset) or 0
    if limit is None and not getattr(args, "json", False):
        limit = TEXT_PAGE
    return Page(limit, offset)


def more_rows(page: Page, shown: int, total: Callable[[], int]) -> int:
    """How many matching rows follow the ``shown`` rows of ``page`` (``total`` counts
    them all; asked only when the page is full)."""
    if page.limit is None or shown < page.limit:
        return 0
    return max(total() - page.offset - shown, 0)


def say_more(page: Page, shown: int, more: int) -> None:
    """On stderr: how many rows follow this page and the option that shows them."""
    if more <= 0:
        return
    if page.limit == 0:  # nothing asked for: say how to ask, not the same page again
        text = tr("cli", "… {count} rows: --limit N shows N of them")
        print(text.format(count=QLocale().toString(more)), file=sys.stderr)
        return
    text = tr("cli", "… {count} more: --offset {offset}")
    print(
        text.format(count=QLocale().toString(more), offset=page.offset + shown),
        file=sys.stderr,
    )


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
