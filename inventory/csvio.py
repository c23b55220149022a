"""The catalogue as one CSV file: export it, import it back (all or nothing).

Why one file: a cooperative moving from a spreadsheet, or editing its catalogue in bulk,
keeps item types and their units together and sees each type followed by its units.

Format
------
Export: UTF-8 (no byte-order mark), comma-separated, cells quoted when needed (RFC 4180,
CRLF line ends). Import also reads what spreadsheets write (``app.core.tabular``): UTF-8
with or without a byte-order mark or Windows-1252, comma, semicolon or tab, or an Excel
``.xlsx`` workbook (its first sheet); amounts may be written ``1 234,50``. One header row
(line 1) names the columns::

    record,code,name,category,tracking,manufacturer,model,replacement_value,deposit,
    weight_grams,stock_quantity,sale_price,prep_hours,deprep_hours,notes,item_code,barcode,
    serial,status,location,purchase_date,purchase_price,condition_notes,owner

``record`` says what a row is:

- ``type``: an item type. Uses ``code`` .. ``notes``; a bulk type also uses ``barcode``
  (empty: one is generated for a new type, an existing type keeps its own). The unit
  columns stay empty.
- ``unit``: a serialized unit. Uses ``item_code`` (the code of its type, defined on an
  earlier row or already in the database), ``barcode`` (empty: one is generated) and
  ``serial`` .. ``owner``. The type columns stay empty.

Values: ``category`` / ``tracking`` / ``status`` are the enum values (``lighting``,
``bulk``, ``in_repair``...); amounts are written ``1234.50``; dates ``YYYY-MM-DD``; an
empty cell is an unset value (no purchase date, no purchase price, zero amounts and
quantities). ``owner`` is the owner's name; empty means the cooperative itself.

Export order is deterministic: each type row (types ordered by code) followed by its
units ordered by barcode. Exporting, importing into an empty database and exporting again
gives the same bytes. Cases, kits, inspection schedules and photos are not part of it.

Import is an upsert: a type whose code exists is updated, a unit whose barcode exists is
updated (it must stay of the same type); nothing absent from the file is deleted. Every
row is checked, each in its own savepoint so a refused row leaves nothing behind while the
next rows are still checked. When any row is refused, ``ValidationErrors`` lists every
problem with its line in the file (the header is line 1; a row's line is the line where it
starts, quoted cells spanning lines counted) and nothing is written.

A type row changing a type between bulk and serialized is refused as the item dialog
refuses it (``catalogue.update_item_type``): while bookings hold the type (``holders``,
given by the caller, which sees bookings), while a bulk type still counts stock, while a
serialized type has units. An empty ``tracking`` cell means serialized, so a spreadsheet
that lost the column can no longer wipe a bulk type's stock and barcode.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import IO, Any

from sqlmodel import select

from app.core import tabular
from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork, require_id
from app.core.errors import N_, Conflict, DomainError, ValidationError, ValidationErrors
from app.core.money import cents_str
from app.core.tabular import Column, ImportResult, Progress, RowChange, Table
from inventory import barcodes, catalogue
from inventory.models import (
    CATEGORY_LABELS,
    STATUS_LABELS,
    Category,
    ItemType,
    Owner,
    Tracking,
    Unit,
    UnitStatus,
)

TYPE_COLUMNS = (
    "code", "name", "category", "tracking", "manufacturer", "model", "replacement_value",
    "deposit", "weight_grams", "stock_quantity", "sale_price", "prep_hours", "deprep_hours",
    "notes",
)  # fmt: skip
UNIT_COLUMNS = (
    "item_code", "serial", "status", "location", "purchase_date", "purchase_price",
    "condition_notes", "owner",
)  # fmt: skip
COLUMNS = ("record", *TYPE_COLUMNS, "item_code", "barcode", *UNIT_COLUMNS[1:])
TYPE, UNIT = "type", "unit"
LINE_END = "\r\n"


@dataclass
class ImportSummary:
    types_created: int = 0
    types_updated: int = 0
    units_created: int = 0
    units_updated: int = 0

    @property
    def types(self) -> int:
        return self.types_created + self.types_updated

    @property
    def units(self) -> int:
        return self.units_created + self.units_updated

    @property
    def updated(self) -> int:
        return self.types_updated + self.units_updated

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass
class CatalogueResult(ImportResult):
    """What each row did (``changes``) and the counts of types and units."""

    summary: ImportSummary = field(default_factory=ImportSummary)


@dataclass(frozen=True)
class ExportSummary:
    types: int
    units: int


# --- export -----------------------------------------------------------------------------


def catalogue_rows(uow: UnitOfWork) -> tuple[list[list[str]], ExportSummary]:
    """The file's rows after the header, in their order, and what they count."""
    items = uow.session.exec(select(ItemType).order_by(ItemType.code)).all()
    owners = {o.id: o.name for o in uow.session.exec(select(Owner))}
    units_of: dict[int, list[Unit]] = defaultdict(list)
    for unit in uow.session.exec(select(Unit).order_by(Unit.barcode)):
        units_of[unit.item_type_id].append(unit)
    rows: list[list[str]] = []
    for item in items:
        rows.append(_type_cells(item))
        rows.extend(_unit_cells(item, unit, owners) for unit in units_of[require_id(item)])
    return rows, ExportSummary(
        types=len(items), units=sum(len(units) for units in units_of.values())
    )


def export_catalogue(uow: UnitOfWork, stream: IO[Any]) -> ExportSummary:
    """Write the whole catalogue to ``stream`` (binary: UTF-8 bytes; text: str, which the
    caller opens with ``newline=""``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=LINE_END)
    writer.writerow(COLUMNS)
    rows, summary = catalogue_rows(uow)
    writer.writerows(rows)
    _write(stream, buffer.getvalue())
    return summary


#: Columns an Excel workbook holds as numbers (amounts as decimals, counts as integers).
NUMBER_COLUMNS = frozenset(
    {"replacement_value", "deposit", "sale_price", "purchase_price", "weight_grams",
     "stock_quantity", "prep_hours", "deprep_hours"}
)  # fmt: skip


def export_catalogue_file(uow: UnitOfWork, filename: str) -> tuple[bytes, int]:
    """The catalogue as a file's bytes (``catalogue_file``) and how many item types."""
    data, summary = catalogue_file(uow, filename)
    return data, summary.types


def catalogue_file(uow: UnitOfWork, filename: str) -> tuple[bytes, ExportSummary]:
    """The catalogue as a file's bytes: an Excel workbook for ``.xlsx`` (numbers and dates
    as cells), else this module's CSV."""
    tabular.check_export_name(filename)
    if not filename.lower().endswith((".xlsx", ".xlsm")):
        buffer = io.BytesIO()
        summary = export_catalogue(uow, buffer)
        return buffer.getvalue(), summary
    rows, summary = catalogue_rows(uow)
    cells = [
        [_cell(column, value) for column, value in zip(COLUMNS, row, strict=True)] for row in rows
    ]
    return tabular.write_table(filename, COLUMNS, cells), summary


def _cell(column: str, value: str) -> tabular.Cell:
    if not value:
        return None
    if column in NUMBER_COLUMNS:
        number = Decimal(value)
        return int(number) if number == number.to_integral_value() and "." not in value else number
    if column == "purchase_date":
        return dt.date.fromisoformat(value)
    return value


def _write(stream: IO[Any], text: str) -> None:
    if isinstance(stream, io.TextIOBase):
        stream.write(text)
    else:
        stream.write(text.encode("utf-8"))


def _row(**cells: str) -> list[str]:
    return [cells.get(column, "") for column in COLUMNS]


def _type_cells(item: ItemType) -> list[str]:
    bulk = item.tracking == Tracking.BULK
    return _row(
        record=TYPE,
        code=item.code,
        name=item.name,
        category=item.category,
        tracking=item.tracking,
        manufacturer=item.manufacturer,
        model=item.model,
        replacement_value=cents_str(item.replacement_value_cents),
        deposit=cents_str(item.deposit_cents),
        weight_grams=str(item.weight_grams),
        stock_quantity=str(item.stock_quantity) if bulk else "",
        sale_price=cents_str(item.sale_price_cents),
        prep_hours=str(item.prep_hours),
        deprep_hours=str(item.deprep_hours),
        notes=item.notes,
        barcode=(item.barcode or "") if bulk else "",
    )


def _unit_cells(item: ItemType, unit: Unit, owners: dict[int | None, str]) -> list[str]:
    price = unit.purchase_price_cents
    return _row(
        record=UNIT,
        item_code=item.code,
        barcode=unit.barcode,
        serial=unit.serial,
        status=unit.status,
        location=unit.location,
        purchase_date=unit.purchase_date.isoformat() if unit.purchase_date else "",
        purchase_price="" if price is None else cents_str(price),
        condition_notes=unit.condition_notes,
        owner=owners.get(unit.owner_id, "") if unit.owner_id is not None else "",
    )


# --- import: reading the file -----------------------------------------------------------


def _at(line: int, err: DomainError) -> ValidationErrors:
    return ValidationErrors([(line, err)])


Col = Column
#: The columns as an import maps them: a type's code and name are needed; a column left
#: out keeps the values an existing type or unit has (it never blanks them).
TABLE_COLUMNS: tuple[Column, ...] = (
    Col("record", N_("Record (type or unit)"), False, ("ligne", "enregistrement")),
    Col("code", N_("Type code"), True, ("code type", "référence")),
    Col("name", N_("Name"), True, ("nom", "désignation", "libellé")),
    Col("category", N_("Category"), False, ("catégorie", "famille")),
    Col("tracking", N_("Tracking"), False, ("suivi", "gestion", "type de suivi")),
    Col("manufacturer", N_("Manufacturer"), False, ("fabricant", "marque")),
    Col("model", N_("Model"), False, ("modèle",)),
    Col("replacement_value", N_("Replacement value"), False, ("valeur de remplacement",)),
    Col("deposit", N_("Deposit"), False, ("caution",)),
    Col("weight_grams", N_("Weight (grams)"), False, ("poids", "poids (g)")),
    Col("stock_quantity", N_("Stock quantity"), False, ("quantité", "stock")),
    Col("sale_price", N_("Sale price"), False, ("prix de vente",)),
    Col("prep_hours", N_("Preparation hours"), False, ("heures de préparation",)),
    Col("deprep_hours", N_("De-preparation hours"), False, ("heures de rangement",)),
    Col("notes", N_("Notes"), False, ("remarques",)),
    Col("item_code", N_("Item code of the unit"), False, ("code article",)),
    Col("barcode", N_("Barcode"), False, ("code-barres", "code barre")),
    Col("serial", N_("Serial number"), False, ("numéro de série", "n° de série")),
    Col("status", N_("Status"), False, ("état", "statut")),
    Col("location", N_("Location"), False, ("emplacement",)),
    Col("purchase_date", N_("Purchase date"), False, ("date d'achat",)),
    Col("purchase_price", N_("Purchase price"), False, ("prix d'achat",)),
    Col("condition_notes", N_("Condition notes"), False, ("notes d'état",)),
    Col("owner", N_("Owner"), False, ("propriétaire",)),
)  # fmt: skip
#: What a tracking is called on screen and in other tools' files.
TRACKING_LABELS = {Tracking.SERIALIZED: N_("Serialized"), Tracking.BULK: N_("Bulk")}
TRACKING_WORDS = {
    "unités suivies": Tracking.SERIALIZED, "suivi": Tracking.SERIALIZED,
    "suivi à l'unité": Tracking.SERIALIZED, "sérialisé": Tracking.SERIALIZED,
    "unitaire": Tracking.SERIALIZED, "à l'unité": Tracking.SERIALIZED,
    "one barcode per unit": Tracking.SERIALIZED, "en vrac": Tracking.BULK,
    "vrac": Tracking.BULK, "stock compté": Tracking.BULK, "counted stock": Tracking.BULK,
}  # fmt: skip
#: The enum columns a row reads: a value, its English or translated label, or a word.
ENUM_CHOICES = {
    "category": tabular.choices(CATEGORY_LABELS, {"éclairage": Category.LIGHTING,
                                                  "lumiere": Category.LIGHTING,
                                                  "audio": Category.SOUND}),
    "tracking": tabular.choices(TRACKING_LABELS, TRACKING_WORDS),
    "status": tabular.choices(STATUS_LABELS, {"ok": UnitStatus.IN_SERVICE,
                                              "en panne": UnitStatus.IN_REPAIR,
                                              "réforme": UnitStatus.RETIRED,
                                              "réformé": UnitStatus.RETIRED}),
}  # fmt: skip
#: Words for a row's record kind (``type`` or ``unit``), compared loosely.
RECORD_WORDS = {
    "type": TYPE, "itemtype": TYPE, "typedemateriel": TYPE, "article": TYPE,
    "unit": UNIT, "unite": UNIT, "unites": UNIT, "units": UNIT,
}  # fmt: skip


def _record_kind(text: str) -> str:
    return RECORD_WORDS.get(tabular.loose(text), text.strip().lower())


def _enums(cells: dict[str, str], columns: Sequence[str]) -> None:
    """The enum cells as their stored values ("Lumière" → lighting)."""
    for column in columns:
        if cells.get(column, "").strip():
            cells[column] = tabular.enum_cell(column, cells[column], ENUM_CHOICES[column])


#: Amounts a spreadsheet may write with thousands separators ("1 234,50").
AMOUNT_COLUMNS = ("replacement_value", "deposit", "sale_price", "purchase_price")


def read_catalogue(data: bytes | str, filename: str = "") -> Table:
    """The file as a table (CSV in UTF-8 or Windows-1252, comma, semicolon or tab, or
    .xlsx): ``tabular.read_table`` plus this format's rule that the header is line 1."""
    if isinstance(data, str):
        data = data.removeprefix("\ufeff").encode("utf-8")
    table = tabular.read_table(data, filename)
    if table.header_line != 1:
        raise _at(
            1, ValidationError("file", "The first line must be the header row naming the columns.")
        )
    return table


def _rows(
    table: Table, mapping: Mapping[str, str] | None
) -> tuple[list[str], list[tuple[int, list[str]]], frozenset[str]]:
    """The header's column names, the rows in the columns' names, and the columns the
    file does not give: as the file has them (``mapping`` None: the header must name every
    column, in any order), or through ``mapping`` (other columns of the file ignored; a
    column left out keeps an existing type's or unit's value; without ``record`` every row
    is a type)."""
    unmapped: frozenset[str] = frozenset()
    if mapping is None:
        header = _header(table.headers)
        rows = table.rows
    else:
        resolved = tabular.resolve_mapping(table, TABLE_COLUMNS, mapping)
        unmapped = frozenset(c for c in COLUMNS if c not in resolved)
        header = list(COLUMNS)
        rows = []
        for line, cells in table.rows:
            found = dict(zip(table.headers, cells, strict=False))
            row = [found.get(resolved[c], "") if c in resolved else "" for c in COLUMNS]
            if "record" in unmapped:
                row[0] = TYPE
            rows.append((line, row))
    if table.encoding == tabular.XLSX:  # a sheet's row stops at its last filled cell
        rows = [(line, cells + [""] * (len(header) - len(cells))) for line, cells in rows]
    return header, [(line, _amounts(header, cells)) for line, cells in rows], unmapped


def _amounts(header: list[str], cells: list[str]) -> list[str]:
    """Amounts written "1 234,50" or "12,50 €" as the catalogue reads them; a cell that
    is no number stays as it is, for the row's own refusal."""
    out = list(cells)
    for position, name in enumerate(header):
        if name in AMOUNT_COLUMNS and position < len(out) and out[position].strip():
            with contextlib.suppress(DomainError):
                out[position] = str(tabular.parse_decimal(out[position], places=None))
    return out


def _header(row: Sequence[str]) -> list[str]:
    names = [cell.strip().lower() for cell in row]
    missing = [c for c in COLUMNS if c not in names]
    unknown = [n for n in names if n not in COLUMNS]
    twice = sorted({n for n in names if names.count(n) > 1})
    problems: list[DomainError] = []
    if missing:
        problems.append(
            ValidationError(
                "header", "The header lacks the columns {columns}.", columns=", ".join(missing)
            )
        )
    if unknown:
        problems.append(
            ValidationError(
                "header",
                "The header has unknown columns {columns}; the columns are {expected}.",
                columns=", ".join(unknown),
                expected=",".join(COLUMNS),
            )
        )
    if twice:
        problems.append(
            ValidationError(
                "header", "The header names {columns} more than once.", columns=", ".join(twice)
            )
        )
    if problems:
        raise ValidationErrors([(1, err) for err in problems])
    return names


# --- import: applying the rows ----------------------------------------------------------


@requires(Permission.CATALOGUE)
def import_catalogue(
    uow: UnitOfWork,
    *,
    user: str,
    clock: Clock,
    stream: IO[Any],
    progress: Progress | None = None,
    holders: catalogue.Holders | None = None,
    filename: str = "",
) -> ImportSummary:
    """Upsert the catalogue file read from ``stream`` (bytes or text; CSV or .xlsx) in
    ``uow``.

    Every row is checked; if any is refused, raise ``ValidationErrors`` (line, reason) and
    leave nothing written. ``progress(done, total)`` is called after each row; raising from
    it cancels the import, and nothing is written either. ``holders``: the bookings holding
    a type (``booking.tracking.holders``); without it, no type changes tracking.
    """
    name = filename or getattr(stream, "name", "")
    table = read_catalogue(stream.read(), name if isinstance(name, str) else "")
    return _run(uow, user, clock, table, None, progress, holders).summary


@requires(Permission.CATALOGUE)
def import_catalogue_table(
    uow: UnitOfWork,
    table: Table,
    mapping: Mapping[str, str] | None = None,
    *,
    progress: Progress | None = None,
    holders: catalogue.Holders | None = None,
    clock: Clock | None = None,
) -> CatalogueResult:
    """The catalogue import as every importer of ``app.core.tabular`` runs: ``table`` read
    by ``read_table``/``read_catalogue``, ``mapping`` None for Régie's own header (every
    column named), else ``{column: header}`` (every column mapped). What each row does,
    or would do in a rehearsal."""
    if table.header_line != 1 and mapping is None:
        raise _at(
            1, ValidationError("file", "The first line must be the header row naming the columns.")
        )
    job = _run(uow, uow.actor.name, clock or Clock(), table, mapping, progress, holders)
    return CatalogueResult(job.changes, job.summary)


def _run(
    uow: UnitOfWork,
    user: str,
    clock: Clock,
    table: Table,
    mapping: Mapping[str, str] | None,
    progress: Progress | None,
    holders: catalogue.Holders | None,
) -> _Import:
    header, rows, unmapped = _rows(table, mapping)
    job = _Import(uow, user, clock, header, rows, holders, unmapped=unmapped)
    with uow.session.begin_nested():  # nothing stays, even if the caller commits anyway
        for done, (line, row) in enumerate(rows, 1):
            job.apply(line, row)
            if progress is not None:
                progress(done, len(rows))
        if job.errors:
            raise ValidationErrors(job.errors)
    return job


@dataclass
class _Import:
    uow: UnitOfWork
    user: str
    clock: Clock
    header: list[str]
    rows: list[tuple[int, list[str]]]
    holders: catalogue.Holders | None
    summary: ImportSummary = field(default_factory=ImportSummary)
    changes: list[RowChange] = field(default_factory=list)
    errors: list[tuple[int, DomainError]] = field(default_factory=list)
    #: First line of each type code and of each barcode written in the file.
    type_lines: dict[str, int] = field(default_factory=dict)
    barcode_lines: dict[str, int] = field(default_factory=dict)
    #: Columns the file does not give (through a mapping): an existing record keeps them.
    unmapped: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for line, row in self.rows:
            if len(row) != len(self.header):
                continue
            cells = dict(zip(self.header, row, strict=True))
            kind = _record_kind(cells["record"])
            if kind == TYPE:
                self.type_lines.setdefault(barcodes.normalise(cells["code"]), line)
            if kind in (TYPE, UNIT) and barcodes.normalise(cells["barcode"]):
                self.barcode_lines.setdefault(barcodes.normalise(cells["barcode"]), line)

    def apply(self, line: int, row: list[str]) -> None:
        try:
            with self.uow.session.begin_nested():
                self._row(line, row)
        except DomainError as err:
            self.errors.append((line, err))

    def _row(self, line: int, row: list[str]) -> None:
        if len(row) != len(self.header):
            raise ValidationError(
                "record",
                "This row has {found} columns; expected {expected}.",
                found=len(row),
                expected=len(self.header),
            )
        cells = dict(zip(self.header, row, strict=True))
        kind = _record_kind(cells["record"])
        if kind == TYPE:
            self._type(line, cells)
        elif kind == UNIT:
            self._unit(line, cells)
        else:
            raise ValidationError(
                "record",
                "Unknown record kind {value!r}: expected type or unit.",
                value=cells["record"],
            )

    def _kept(self, cells: dict[str, str], stored: list[str]) -> None:
        """Fill the columns the file does not give with the stored record's values."""
        for column, value in zip(COLUMNS, stored, strict=True):
            if column in self.unmapped and column != "record":
                cells[column] = value

    def _type(self, line: int, cells: dict[str, str]) -> None:
        if self.unmapped:
            stored = self._item(barcodes.normalise(cells["code"]))
            if stored is not None:
                self._kept(cells, _type_cells(stored))
        _must_be_empty(cells, UNIT_COLUMNS, TYPE)
        _enums(cells, ("category", "tracking"))
        data = catalogue.parse_item_type(cells)
        if self.type_lines.get(data.code, line) != line:
            raise Conflict(
                "The code {code} appears more than once in the file (first on line {first}).",
                code=data.code,
                first=self.type_lines[data.code],
            )
        self._once(data.barcode, line)
        if data.tracking is Tracking.SERIALIZED and data.barcode:
            raise ValidationError(
                "barcode",
                "Only a bulk type has a barcode of its own; put the barcodes of a "
                "serialized type on its unit rows.",
            )
        existing = self._item(data.code)
        if data.tracking is Tracking.BULK and not data.barcode:
            kept = existing.barcode if existing is not None else None
            data.barcode = kept or self._generate(data.category)
        if existing is None:
            catalogue.create_item_type(self.uow, user=self.user, data=data)
            self.summary.types_created += 1
            name = tabular.part("{name}", name=data.name)
            self.changes.append(RowChange.of(line, tabular.CREATE, data.code, name))
        else:
            before = _type_cells(existing)
            catalogue.update_item_type(
                self.uow,
                user=self.user,
                item_id=require_id(existing),
                data=data,
                holders=self.holders,
            )
            self.summary.types_updated += 1
            self.changes.append(_change(line, data.code, before, _type_cells(existing)))

    def _unit(self, line: int, cells: dict[str, str]) -> None:
        barcode = barcodes.normalise(cells["barcode"])
        stored = barcodes.find_unit(self.uow, barcode) if self.unmapped and barcode else None
        if stored is not None:
            owners = {o.id: o.name for o in self.uow.session.exec(select(Owner))}
            item_type = self.uow.row(ItemType, stored.item_type_id)
            self._kept(cells, _unit_cells(item_type, stored, owners))
        _must_be_empty(cells, TYPE_COLUMNS, UNIT)
        _enums(cells, ("status",))
        data = catalogue.parse_unit(cells)
        self._once(data.barcode, line)
        item = self._item_of_unit(data.item_code, line)
        existing = barcodes.find_unit(self.uow, data.barcode) if data.barcode else None
        if existing is None:
            if not data.barcode and item.tracking == Tracking.SERIALIZED:
                data.barcode = self._generate(Category(item.category))
            unit = catalogue.add_unit(self.uow, user=self.user, data=data, clock=self.clock)
            self.summary.units_created += 1
            barcode = getattr(unit, "barcode", data.barcode)
            unit_of = tabular.part(N_("unit of {code}"), code=item.code)
            self.changes.append(RowChange.of(line, tabular.CREATE, barcode, unit_of))
            return
        if existing.item_type_id != item.id:
            actual = self.uow.session.get(ItemType, existing.item_type_id)
            raise Conflict(
                "The unit {barcode} is of type {actual}, not {code}: a unit cannot change type.",
                barcode=existing.barcode,
                actual=actual.code if actual else "?",
                code=item.code,
            )
        owners = {o.id: o.name for o in self.uow.session.exec(select(Owner))}
        before = _unit_cells(item, existing, owners)
        catalogue.update_unit(
            self.uow, user=self.user, unit_id=require_id(existing), data=data, clock=self.clock
        )
        self.summary.units_updated += 1
        owners = {o.id: o.name for o in self.uow.session.exec(select(Owner))}
        after = _unit_cells(item, existing, owners)
        self.changes.append(_change(line, existing.barcode, before, after))

    def _item(self, code: str) -> ItemType | None:
        return self.uow.session.exec(select(ItemType).where(ItemType.code == code)).first()

    def _item_of_unit(self, code: str, line: int) -> ItemType:
        item = self._item(code)
        if item is not None:
            return item
        first = self.type_lines.get(code)
        if first is None:
            return catalogue.item_by_code(self.uow, code)  # refused: no such type
        if first > line:
            raise ValidationError(
                "item code",
                "The item type {code} is defined later, on line {first}: put each type "
                "before its units.",
                code=code,
                first=first,
            )
        raise ValidationError(
            "item code",
            "The item type {code} (line {first}) was refused: correct that line first.",
            code=code,
            first=first,
        )

    def _once(self, code: str, line: int) -> None:
        if code and self.barcode_lines.get(code, line) != line:
            raise Conflict(
                "The barcode {code} appears more than once in the file (first on line {first}).",
                code=code,
                first=self.barcode_lines[code],
            )

    def _generate(self, category: Category) -> str:
        """A generated barcode that no later row of the file claims for itself."""
        while True:
            code = barcodes.generate(self.uow, category)
            if code not in self.barcode_lines:
                return code


def _change(line: int, key: str, before: list[str], after: list[str]) -> RowChange:
    """An update's row: the columns it changed, or unchanged."""
    changed = [c for c, old, new in zip(COLUMNS, before, after, strict=True) if old != new]
    if not changed:
        return RowChange(line, tabular.UNCHANGED, key)
    columns = tabular.part(N_("changed: {columns}"), columns=_labels(changed))
    return RowChange.of(line, tabular.UPDATE, key, columns)


def _must_be_empty(cells: dict[str, str], columns: Sequence[str], kind: str) -> None:
    filled = [c for c in columns if cells[c].strip()]
    if not filled:
        return
    if kind == TYPE:
        raise ValidationError(
            filled[0],
            "The columns {columns} are for unit rows; leave them empty on a type row.",
            columns=", ".join(filled),
        )
    raise ValidationError(
        filled[0],
        "The columns {columns} are for type rows; leave them empty on a unit row.",
        columns=", ".join(filled),
    )


def _labels(keys: list[str]) -> tabular.Labels:
    """Column keys as their labels, translated when shown ("Catégorie, Suivi")."""
    names = {column.key: column.label for column in TABLE_COLUMNS}
    return tabular.Labels(tuple(names.get(key, key) for key in keys))
