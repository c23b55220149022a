"""What the import assistant imports, and how, without Qt widgets: the kinds of data
(``invoicing.imports``' registry), reading a file (``app.core.tabular``), the column
mapping guessed and remembered per kind (QSettings), and a preview that runs the importer
in a write transaction rolled back at its end (nothing written).

The assistant sees a kind as a ``Source``: its key, English label (``N_``), columns and
one function ``run(uow, table, mapping, progress)``; tests hand the assistant sources of
their own.
"""

from __future__ import annotations

import inspect
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from app.core import tabular
from app.core.clock import Clock
from app.core.db import Database, UnitOfWork
from app.core.errors import DomainError
from app.core.storage import os_reason
from app.gui.shell.changes import Change

log = logging.getLogger(__name__)

Mapping = dict[str, str]  # Régie column key → the file's header
Run = Callable[[UnitOfWork, Any, Mapping | None, Callable[[int, int], None] | None], Any]


@dataclass(frozen=True)
class Source:
    key: str  # customers | catalogue | rates | balances
    label: str  # English, marked with N_ (translated by i18n.label)
    columns: tuple[tabular.Column, ...]
    run: Run
    change: Change  # what the screens refresh after an import
    description: str = ""  # English, N_: what the import does


#: What each kind's import changes on screen.
CHANGES = {
    "customers": Change.CUSTOMERS,
    "catalogue": Change.CATALOGUE,
    "rates": Change.PRICING,
    "balances": Change.INVOICES,
}


def sources(uow: UnitOfWork | None = None, *, clock: Clock | None = None) -> list[Source]:
    """The kinds of data the registry offers, in its order, with their columns in this
    database (``uow``: the rates have one per price category). A kind whose columns cannot
    be loaded (a broken installation) is left out and logged: the others stay importable
    (the tests check that every kind of the registry is offered)."""
    from invoicing import imports

    found = []
    for kind in imports.import_kinds():
        try:
            columns = tuple(kind.columns_in(uow) if uow is not None else kind.columns)
        except (ImportError, AttributeError):
            log.exception("The import of %s is not available", kind.key)
            continue
        found.append(
            Source(
                key=kind.key,
                label=kind.label,
                description=kind.description,
                columns=columns,
                run=_runner(kind.key, clock),
                change=CHANGES.get(kind.key, Change.SETTINGS),
            )
        )
    return found


def _runner(key: str, clock: Clock | None) -> Run:
    """The kind's importer, looked up when it runs (in the worker thread)."""

    def run(
        uow: UnitOfWork,
        table: Any,
        mapping: Mapping | None,
        progress: Callable[[int, int], None] | None,
    ) -> Any:
        from invoicing import imports

        importer = imports.import_kind(key).importer
        return importer(uow, table, mapping, progress=progress, **extras(importer, clock))

    return run


def extras(importer: Callable[..., Any], clock: Clock | None) -> dict[str, Any]:
    """What some importers take beyond the contract, as the CLI gives it: the app's clock
    (a test's fixed clock holds) and, for the catalogue, who holds a unit now
    (``booking.tracking.holders``, which the catalogue cannot import itself)."""
    wanted = inspect.signature(importer).parameters
    found: dict[str, Any] = {}
    if clock is not None and "clock" in wanted:
        found["clock"] = clock
    if "holders" in wanted:
        from booking.tracking import holders

        found["holders"] = holders
    return found


# --- reading a file -----------------------------------------------------------------------


def read_file(
    path: Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> Any:
    """The file as a ``tabular.Table``; a file that cannot be read is a sentence."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DomainError(
            "Cannot read {path}: {reason}", path=str(path), reason=os_reason(err)
        ) from None
    return tabular.read_table(data, path.name, encoding=encoding, delimiter=delimiter, sheet=sheet)


def is_spreadsheet(table: Any) -> bool:
    return str(getattr(table, "encoding", "")) == "xlsx"


def last_folder() -> str:
    """Where the last imported file was chosen (the home folder at first)."""
    folder = str(QSettings("regie", "regie").value("import/folder", "") or "")
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def remember_folder(folder: str) -> None:
    QSettings("regie", "regie").setValue("import/folder", folder)


# --- the column mapping -------------------------------------------------------------------


def _settings_key(kind: str) -> str:
    return f"import/{kind}/mapping"


def remembered(kind: str) -> Mapping:
    """The mapping chosen the last time this kind was imported (empty if none)."""
    raw = QSettings("regie", "regie").value(_settings_key(kind), "")
    try:
        value = json.loads(str(raw or "{}"))
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, str)}


def remember(kind: str, mapping: Mapping) -> None:
    QSettings("regie", "regie").setValue(_settings_key(kind), json.dumps(mapping, sort_keys=True))


def initial_mapping(
    kind: str, headers: Sequence[str], columns: Iterable[tabular.Column]
) -> Mapping:
    """What each Régie column reads: the header remembered for this kind where the file has
    it (or "": left out on purpose), else the one ``tabular.guess_mapping`` recognises (its
    name or a synonym)."""
    columns = list(columns)
    guessed = dict(tabular.guess_mapping(list(headers), columns))
    kept = {k: h for k, h in remembered(kind).items() if h in headers or h == ""}
    keys = {column.key for column in columns}
    return {k: h for k, h in {**guessed, **kept}.items() if k in keys}


def missing(columns: Iterable[tabular.Column], mapping: Mapping) -> list[tabular.Column]:
    """The required columns the mapping leaves without a header."""
    return [column for column in columns if column.required and not mapping.get(column.key)]


# --- preview and import ------------------------------------------------------------------


def rehearse(db: Database, work: Callable[[UnitOfWork], Any]) -> Any:
    """``work`` run in a write transaction that is rolled back: what it would do, with
    nothing written (the database checks its rules as for real)."""
    return tabular.rehearse(db, work)


def counts(result: Any) -> Counter[str]:
    """How many rows the result creates, updates and leaves unchanged."""
    return Counter(str(change.action) for change in getattr(result, "changes", []))
