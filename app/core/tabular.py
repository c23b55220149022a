"""Tables people bring from other tools: CSV or Excel files read into rows of text, the
mapping of their columns onto Régie's, and the frame every import runs in.

Reading (``read_table``) accepts what spreadsheets actually write:

- CSV in UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark (Excel's
  "Unicode text"), else Windows-1252 (Excel's "CSV" on a French Windows); the separator
  is sniffed among comma, semicolon and tab (the one that splits the header into the most
  columns, the rows agreeing with it);
- Excel workbooks ``.xlsx`` / ``.xlsm`` (openpyxl; the first sheet unless one is named):
  numbers are written back as plain decimals (``1234.5``), dates as ``YYYY-MM-DD``, a
  date with a time as ``YYYY-MM-DD HH:MM``.

The first non-blank row is the header; blank rows are skipped; every row keeps the line
(CSV: the line it starts on, quoted cells spanning lines counted) or the row number (Excel)
a person sees, so a refusal names it.

Importing (``run_import``): a ``mapping`` says which file header holds each Régie column
(``{column key: header}``; ``guess_mapping`` proposes one from headers and synonyms). Each
row is applied in its own savepoint; every refused row is named with its line and, when
the refusal is about one column, that column's header; if any row is refused, nothing is
written (``ValidationErrors``). ``rehearse(db, work)`` runs an import in a writing
transaction that is always rolled back: the preview shows what would be created, changed
or left unchanged, and writes nothing.

``parse_decimal`` and ``parse_date`` read the numbers and dates files carry ("1 234,50",
"12,50 €", "25/11/2026", "2026-11-25").
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar, cast

from app.core import money, settings
from app.core.db import Database, UnitOfWork
from app.core.errors import N_, Conflict, DomainError, ValidationError, ValidationErrors

T = TypeVar("T")

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"
ACTIONS = (CREATE, UPDATE, UNCHANGED)
#: Separators sniffed in a CSV file, in order of preference when they tie.
DELIMITERS = (";", ",", "\t")
XLSX = "xlsx"
BOM_UTF8 = b"\xef\xbb\xbf"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls (and .doc) container
_SNIFF_ROWS = 50

Progress = Callable[[int, int], None]


# --- the table ------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A file read as text cells. ``rows``: ``(line, cells)`` for each non-blank row after
    the header, ``line`` as a person sees it in the file or sheet."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    #: ``utf-8``, ``utf-8-sig`` (with a byte-order mark), ``utf-16``, ``cp1252`` or, for a
    #: workbook, ``xlsx``.
    encoding: str
    #: ``,`` ``;`` or a tab; empty for a workbook.
    delimiter: str
    header_line: int = 1
    #: The sheet read, and every sheet of the workbook (empty for CSV).
    sheet: str = ""
    sheets: tuple[str, ...] = ()

    def index(self, header: str) -> int | None:
        """The position of ``header`` (its first occurrence; compared trimmed, ignoring
        case), or None."""
        wanted = header.strip().casefold()
        for position, name in enumerate(self.headers):
            if name.strip().casefold() == wanted:
                return position
        return None

    def records(self, mapping: Mapping[str, str]) -> list[tuple[int, dict[str, str]]]:
        """Each row as ``{column key: trimmed cell}`` through ``mapping`` (a key whose header
        is absent, or a short row, reads "")."""
        where = {key: self.index(header) for key, header in mapping.items() if header}
        return [
            (line, {key: _cell(cells, where.get(key)) for key in mapping})
            for line, cells in self.rows
        ]

    def width_problem(self, cells: Sequence[str]) -> DomainError | None:
        """A row with filled cells beyond the header's last column (often a decimal comma
        in a comma-separated file), else None."""
        extra = [cell for cell in cells[len(self.headers) :] if cell.strip()]
        if not extra:
            return None
        return ValidationError(
            "file",
            N_(
                "This row has {found} cells but the header names {expected} columns: a cell "
                "holding the separator {separator} must be quoted."
            ),
            found=len(cells),
            expected=len(self.headers),
            separator=_delimiter_name(self.delimiter),
        )


def _cell(cells: Sequence[str], position: int | None) -> str:
    if position is None or position >= len(cells):
        return ""
    return cells[position].strip()


def _delimiter_name(delimiter: str) -> str:
    return {"\t": "tab", "": "?"}.get(delimiter, delimiter)


# --- reading files ----------------------------------------------------------------------


def _refuse(line: int, template: str, **params: Any) -> ValidationErrors:
    return ValidationErrors([(line, ValidationError("file", template, **params))])


def read_table(
    data: bytes,
    filename: str = "",
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> Table:
    """``data`` (the file's bytes) as a table. A workbook is recognised by its content
    (``.xlsx`` saved under any name); ``encoding`` / ``delimiter`` force what is otherwise
    detected; ``sheet`` names a workbook's sheet (default: the first). A file that cannot
    be read raises ``ValidationErrors`` naming the line and saying what to do."""
    name = filename.lower()
    if data.startswith(_ZIP) or name.endswith((".xlsx", ".xlsm")):
        return _read_workbook(data, sheet)
    if data.startswith(_OLE) or name.endswith((".xls", ".ods")):
        raise _refuse(
            1,
            N_(
                "Régie reads .xlsx workbooks and CSV files, not this format: save the sheet "
                'as "Excel workbook (.xlsx)" or as CSV and import that file.'
            ),
        )
    text, used = _decode(data, encoding)
    return _read_csv(text, used, _delimiter_option(delimiter))


#: The separators ``--delimiter`` accepts, by the names people write.
DELIMITER_NAMES = {
    ";": ";", ",": ",", "\t": "\t", "tab": "\t", "\\t": "\t", "tabulation": "\t",
    "comma": ",", "virgule": ",", "semicolon": ";", "point-virgule": ";",
}  # fmt: skip


def delimiter_option(delimiter: str | None) -> str | None:
    """The separator named by ``delimiter`` (``;`` ``,`` or tab; None: detect it).
    Anything else raises ``ValidationError`` (field ``delimiter``)."""
    if delimiter is None or delimiter == "":
        return None
    value = DELIMITER_NAMES.get(delimiter.strip().lower()) if delimiter != "\t" else "\t"
    if value is None:
        raise ValidationError(
            "delimiter",
            N_("{value!r} cannot separate columns: give ; or , or tab."),
            value=delimiter,
        )
    return value


def _delimiter_option(delimiter: str | None) -> str | None:
    try:
        return delimiter_option(delimiter)
    except ValidationError as err:
        raise ValidationErrors([(1, err)]) from None


def _decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    """The text and the encoding it was read with."""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise _refuse(
                1, N_("Unknown text encoding {value!r}: try utf-8 or cp1252."), value=encoding
            ) from None
        raw = data.removeprefix(BOM_UTF8) if codec == "utf-8" else data
        try:
            return raw.decode(codec), codec
        except UnicodeDecodeError as err:
            line = raw.count(b"\n", 0, err.start) + 1
            raise _refuse(
                line,
                N_("This line cannot be read as {encoding} text: choose another encoding."),
                encoding=encoding,
            ) from None
    if data.startswith(BOM_UTF8):
        return _decode(data, "utf-8")[0], "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16")[0], "utf-16"
    if b"\x00" in data:
        raise _refuse(
            1,
            N_(
                "This is not a text file or an Excel workbook: export the sheet as CSV or "
                ".xlsx and import that file."
            ),
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise _refuse(
            line,
            N_(
                'This line is neither UTF-8 nor Windows-1252 text: save the file as "CSV '
                'UTF-8" and import it again.'
            ),
        ) from None


def _parse_csv(
    text: str, delimiter: str, limit: int | None = None, *, partial: bool = False
) -> list[tuple[int, list[str]]]:
    """The non-blank rows with the line each starts on (raises ``csv.Error`` with the line
    in ``args[1]``; ``partial``: the rows before a malformed one instead)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((start, row))
                if limit is not None and len(rows) >= limit:
                    break
            start = reader.line_num + 1
    except csv.Error as err:
        if partial:
            return rows
        raise csv.Error(str(err), start) from None
    return rows


def sniff_delimiter(text: str) -> str:
    """The separator among ; , tab that splits the header into the most columns, the
    following rows agreeing with that count (ties: ; then , then tab)."""
    best, best_score = ",", (-1, -1)
    for candidate in DELIMITERS:
        rows = _parse_csv(text, candidate, _SNIFF_ROWS, partial=True)
        if not rows:
            continue
        width = len(rows[0][1])
        agreeing = sum(1 for _line, row in rows[1:] if len(row) == width)
        score = (agreeing, width) if width > 1 else (-1, 0)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _read_csv(text: str, encoding: str, delimiter: str | None) -> Table:
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise _refuse(1, N_("The file is empty: it needs at least the header row."))
    used = delimiter or sniff_delimiter(text)
    try:
        rows = _parse_csv(text, used)
    except csv.Error as err:
        line = err.args[1] if len(err.args) > 1 else 1
        raise _refuse(
            int(line),
            N_(
                "This row is not valid CSV: a quoted cell is not closed, or a quote stands "
                "inside a cell that is not quoted."
            ),
        ) from None
    header_line, header = rows[0]
    return Table(
        headers=[cell.strip() for cell in header],
        rows=rows[1:],
        encoding=encoding,
        delimiter=used,
        header_line=header_line,
    )


def _read_workbook(data: bytes, sheet: str | None) -> Table:
    from openpyxl import load_workbook  # only when a workbook comes: openpyxl is slow to load

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style" and such: not the user's
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as err:
        raise _refuse(
            1,
            N_(
                "This file cannot be read as an Excel workbook ({reason}): open it in the "
                'spreadsheet and save it again as "Excel workbook (.xlsx)".'
            ),
            reason=str(err).strip() or type(err).__name__,
        ) from None
    try:
        names = tuple(book.sheetnames)
        if sheet and sheet not in names:
            raise _refuse(
                1,
                N_("The workbook has no sheet {sheet!r}; its sheets are {sheets}."),
                sheet=sheet,
                sheets=", ".join(names),
            )
        chosen = sheet or names[0]
        rows: list[tuple[int, list[str]]] = []
        for number, values in enumerate(book[chosen].iter_rows(values_only=True), 1):
            cells = [cell_text(value) for value in values]
            while cells and not cells[-1].strip():
                cells.pop()
            if cells:
                rows.append((number, cells))
    finally:
        book.close()
    if not rows:
        raise _refuse(
            1,
            N_("The sheet {sheet!r} is empty: it needs at least the header row."),
            sheet=chosen,
        )
    header_line, header = rows[0]
    return Table(
        headers=[cell.strip() for cell in header],
        rows=rows[1:],
        encoding=XLSX,
        delimiter="",
        header_line=header_line,
        sheet=chosen,
        sheets=names,
    )


def cell_text(value: object) -> str:
    """A workbook cell's value as the text an import reads: numbers in plain decimals
    (never an exponent, never a float's noise), dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M" if not value.second else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)


# --- writing files ----------------------------------------------------------------------

Cell = str | int | Decimal | dt.date | None


#: The extensions an export writes.
EXPORT_EXTENSIONS = (".csv", ".xlsx")


def check_export_name(filename: str) -> None:
    """Refuse (``ValidationError``, field ``file``) a file name an export cannot write:
    Régie writes ``.csv`` (its own round-trip format) or ``.xlsx`` workbooks."""
    if not filename.lower().endswith(EXPORT_EXTENSIONS):
        raise ValidationError(
            "file",
            N_(
                "Régie exports to .csv or .xlsx files, not {name!r}: name the file "
                "something.csv or something.xlsx."
            ),
            name=filename,
        )


def refuse_demo_import(uow: UnitOfWork) -> None:
    """Demo and own data never mix: an import (not its preview) into the demo database is
    refused with a sentence saying how to set up one's own. Faces call it before writing
    an import (``regie … import``, the import assistant)."""
    if settings.is_demo(uow):
        raise Conflict(
            N_(
                "This is the demo cooperative: its data is fictitious and yours is never mixed "
                "with it. Set up your own cooperative first (regie init, or File → Set up my "
                "cooperative…), then import into it. A preview still shows what it would do."
            )
        )


def write_table(filename: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """The bytes of a file holding ``headers`` then ``rows``: an Excel workbook when
    ``filename`` ends in ``.xlsx`` (numbers and dates as real cells), else CSV (UTF-8
    without byte-order mark, comma-separated, quoted when needed, CRLF line ends)."""
    check_export_name(filename)
    if filename.lower().endswith((".xlsx", ".xlsm")):
        return _write_workbook(headers, rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_text(value) for value in row])
    return buffer.getvalue().encode("utf-8")


def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


#: Excel's built-in short date (format 14): shown in the reader's own form (25/11/2026
#: in a French Excel), unlike a fixed pattern.
_EXCEL_DATE = "mm-dd-yy"
#: Amounts with two decimals and grouped thousands, in the reader's own signs.
_EXCEL_MONEY = "#,##0.00"


def _workbook_cell(sheet: Any, value: Cell) -> object:
    """A typed cell: numbers as numbers (amounts with two decimals), dates as dates,
    shown by Excel in its user's format; an empty value as an empty cell."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, Decimal):
        cell = WriteOnlyCell(sheet, value=value)
        if value.as_tuple().exponent == -2:
            cell.number_format = _EXCEL_MONEY
        return cell
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = _EXCEL_DATE
        return cell
    return value


def _write_workbook(headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(list(headers))
    for row in rows:
        sheet.append([_workbook_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- columns and mappings ---------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One of Régie's columns an import reads. ``label``: English, marked ``N_``;
    ``synonyms``: headers other tools write for it (any case, accents ignored)."""

    key: str
    label: str
    required: bool = False
    synonyms: tuple[str, ...] = ()


def loose(text: str) -> str:
    """A header compared loosely: no accents, no case, letters and digits only."""
    plain = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in plain.casefold() if ch.isalnum())


def guess_mapping(headers: Sequence[str], columns: Sequence[Column]) -> dict[str, str]:
    """``{column key: header}`` for each column a header names (its key, English label or
    a synonym); each header serves one column at most, columns in their order."""
    found: dict[str, str] = {}
    used: set[str] = set()
    by_name: dict[str, str] = {}
    for header in headers:
        by_name.setdefault(loose(header), header)
    for column in columns:
        for name in (column.key, column.label, *column.synonyms):
            match = by_name.get(loose(name))
            if match is not None and match not in used and loose(match):
                found[column.key] = match
                used.add(match)
                break
    return found


def resolve_mapping(
    table: Table, columns: Sequence[Column], mapping: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The mapping an import uses: the guessed one, overridden by ``mapping`` (an empty
    header there unmaps a column). Refuses (``ValidationErrors`` on the header's line) an
    unknown column key, a header the file lacks, and a required column left unmapped."""
    keys = {column.key: column for column in columns}
    resolved = guess_mapping(table.headers, columns)
    problems: list[DomainError] = []
    for key, header in (mapping or {}).items():
        if key not in keys:
            problems.append(
                ValidationError(
                    key,
                    N_("Régie has no column {key!r} here; its columns are {keys}."),
                    key=key,
                    keys=", ".join(keys),
                )
            )
            continue
        if not header.strip():
            resolved.pop(key, None)
            continue
        if table.index(header) is None:
            problems.append(
                ValidationError(
                    key,
                    N_("The file has no column {header!r}; its columns are {headers}."),
                    header=header,
                    headers=", ".join(h for h in table.headers if h),
                )
            )
            continue
        resolved[key] = header
    for column in columns:
        if column.required and column.key not in resolved:
            problems.append(
                ValidationError(
                    column.key,
                    N_(
                        "No column of the file gives the {label} ({key}): name it in the "
                        "header, or map it to one of {headers}."
                    ),
                    label=translated(column.label),
                    key=column.key,
                    headers=", ".join(h for h in table.headers if h),
                )
            )
    if problems:
        raise ValidationErrors([(table.header_line, err) for err in problems])
    return {column.key: resolved[column.key] for column in columns if column.key in resolved}


def parse_map_options(values: Sequence[str] | None) -> dict[str, str]:
    """``--map KEY=HEADER`` options as a mapping (``KEY=`` unmaps the column)."""
    mapping: dict[str, str] = {}
    for value in values or ():
        key, sep, header = value.partition("=")
        if not sep or not key.strip():
            raise ValidationError(
                "map",
                N_('--map {value!r}: write it KEY=HEADER, e.g. name="Raison sociale".'),
                value=value,
            )
        mapping[key.strip()] = header.strip()
    return mapping


# --- values -----------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_CURRENCY = re.compile(r"^(€|EUR)\s*|\s*(€|EUR)$", re.IGNORECASE)


def _grouped(text: str, mark: str) -> bool:
    """Is ``text`` digits grouped by three with ``mark`` (``1.234.567``)?"""
    return re.fullmatch(r"[0-9]{1,3}(?:" + re.escape(mark) + r"[0-9]{3})+", text) is not None


def parse_decimal(
    text: str, *, field: str = "amount", places: int | None = 2, negative: bool = False
) -> Decimal:
    """A number as files write it: ``1234.50``, ``1234,50``, ``1 234,50``, ``1.234,50``,
    ``1,234.50``, ``12,50 €``. A lone comma or point is the decimal separator; with both,
    the last one is, and the other must group thousands. Then read strictly as an amount
    (``app.core.money.parse_decimal``: ``places`` decimals at most, a minus only when
    ``negative``). Raises ``ValidationError`` naming ``field``."""
    value = _CURRENCY.sub("", text.strip()).replace("\u2212", "-")
    sign = ""
    if value[:1] in "+-" and value:
        sign, value = ("-" if value[0] == "-" else ""), value[1:]
    if re.fullmatch(r"[0-9]{1,3}([\s\u00a0\u202f\u2009'][0-9]{3})+([.,][0-9]+)?", value):
        value = _SPACES.sub("", value)
    commas, points = value.count(","), value.count(".")
    if commas and points:
        decimal_mark = "," if value.rfind(",") > value.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        whole, _, decimals = value.rpartition(decimal_mark)
        if _grouped(whole, group_mark):
            value = whole.replace(group_mark, "") + "." + decimals
    elif commas > 1 or points > 1:
        mark = "," if commas else "."
        if _grouped(value, mark):
            value = value.replace(mark, "")
    return money.parse_decimal(sign + value, field=field, places=places, negative=negative)


_DATE_FORMS = (
    re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})(?:[ T][0-9:.]+)?"),
    re.compile(r"(?P<d>[0-9]{1,2})[/.-](?P<m>[0-9]{1,2})[/.-](?P<y>[0-9]{4}|[0-9]{2})"
               r"(?: [0-9:.]+)?"),
    re.compile(r"(?P<y>[0-9]{4})/(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})"),
)  # fmt: skip


def parse_date(text: str, *, field: str = "date") -> dt.date:
    """A date as files write it: ``2026-11-25``, ``25/11/2026``, ``25.11.2026``,
    ``25-11-26`` (day first, as in France; a two-digit year is 20xx), a time after it
    ignored. Raises ``ValidationError`` naming ``field``."""
    value = text.strip()
    for form in _DATE_FORMS:
        found = form.fullmatch(value)
        if found is None:
            continue
        year = int(found["y"])
        if len(found["y"]) == 2:
            year += 2000
        try:
            return dt.date(year, int(found["m"]), int(found["d"]))
        except ValueError:
            break
    raise ValidationError(
        field,
        N_("{value!r} is not a date (write it like 25/11/2026 or 2026-11-25)."),
        value=text,
    )


# --- the user's language: labels and numbers ----------------------------------------------


@dataclass(frozen=True)
class Language:
    """How the faces show labels and numbers; installed with ``use_language`` by the app
    (the domain stays Qt-free). ``translate``: an ``N_`` label in the user's language;
    ``others``: the same label in each language Régie speaks (a file written in French is
    read in an English session too); ``decimal`` / ``group``: the number signs."""

    translate: Callable[[str], str] = field(default=lambda text: text)
    #: Called only when a cell matches no value nor label in the user's language (loading
    #: another language's catalogue costs a moment).
    others: Callable[[], tuple[Callable[[str], str], ...]] = field(default=lambda: ())
    decimal: str = "."
    group: str = ","
    french: bool = False


_language = Language()


def use_language(language: Language) -> None:
    """Install how labels and numbers are shown and read (by the app, once per process)."""
    global _language
    _language = language


def language() -> Language:
    return _language


def translated(label: str) -> str:
    """An ``N_`` label in the user's language."""
    return _language.translate(label)


def _number_text(value: Decimal, lang: Language) -> str:
    sign = "-" if value < 0 else ""
    whole, _, fraction = format(abs(value), "f").partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = lang.group.join(groups)
    return sign + (f"{text}{lang.decimal}{fraction}" if fraction else text)


@dataclass(frozen=True)
class Money:
    """An amount in a row's summary: "4.50" plain, "4,50 €" in French."""

    cents: int

    def text(self, lang: Language | None) -> str:
        if lang is None:
            return money.cents_str(self.cents)
        number = _number_text(money.from_cents(self.cents), lang)
        if lang.french:
            return f"{number}\u00a0€"
        return f"-€{number[1:]}" if number.startswith("-") else f"€{number}"


@dataclass(frozen=True)
class Percent:
    """A rate in percent: "20%" plain, "20 %" in French."""

    value: Decimal

    def text(self, lang: Language | None) -> str:
        value = Decimal(format(self.value.normalize(), "f"))
        if lang is None:
            return f"{format(value, 'f')}%"
        number = _number_text(value, lang)
        return f"{number}\u00a0%" if lang.french else f"{number}%"


@dataclass(frozen=True)
class Day:
    """A date: ISO plain, 14/11/2026 in French."""

    value: dt.date

    def text(self, lang: Language | None) -> str:
        if lang is None:
            return self.value.isoformat()
        return self.value.strftime("%d/%m/%Y" if lang.french else "%d %b %Y")


@dataclass(frozen=True)
class Labels:
    """Column labels (``N_``), translated when shown."""

    labels: tuple[str, ...]

    def text(self, lang: Language | None, translate: Callable[[str], str] | None = None) -> str:
        if translate is None:
            return ", ".join(self.labels)
        return ", ".join(translate(label) for label in self.labels)


def money_text(cents: int) -> str:
    """An amount in the user's language ("1 234,56 €" in French)."""
    return Money(cents).text(_language)


def percent_text(value: Decimal) -> str:
    return Percent(value).text(_language)


# --- enum cells ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """A value an enum column takes: its stored ``value``, its English ``label`` (``N_``)
    and other ``words`` people write for it."""

    value: str
    label: str
    words: tuple[str, ...] = ()


def choices(
    labels: Mapping[Any, str], words: Mapping[str, Any] | None = None
) -> tuple[Choice, ...]:
    """The choices of an enum from its ``{member: N_ label}`` table and ``{word: member}``."""
    found = []
    for member, label in labels.items():
        value = str(getattr(member, "value", member))
        extra = tuple(w for w, m in (words or {}).items() if str(getattr(m, "value", m)) == value)
        found.append(Choice(value, label, extra))
    return tuple(found)


_JOINERS = frozenset({"and", "et", "&"})


def _enum_key(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch if ch.isalnum() else " " for ch in plain if not unicodedata.combining(ch))
    return "".join(word for word in plain.split() if word not in _JOINERS)


def enum_cell(field: str, text: str, options: Sequence[Choice]) -> str:
    """The stored value a cell names: the value itself, its English label, its label in
    any language Régie speaks, or one of its words, compared without case, accents,
    punctuation or "and"/"et" ("Câbles et adaptateurs" is ``cables``); a text in brackets
    after it is ignored ("En vrac (stock compté)"). Empty stays empty. Anything else
    raises ``ValidationError(field)`` listing the labels in the user's language."""
    value = text.strip()
    if not value:
        return ""
    wanted = {_enum_key(value)}
    if "(" in value:
        wanted.add(_enum_key(value.split("(", 1)[0]))
    for translations in ((_language.translate,), None):
        for option in options:
            names = {option.value, option.label, *option.words}
            for translate in translations or _language.others():
                names.add(translate(option.label))
            if wanted & {_enum_key(name) for name in names}:
                return option.value
    raise ValidationError(
        field,
        N_("{value!r} is not a value Régie knows here; write one of: {allowed}."),
        value=text,
        allowed=", ".join(translated(option.label) for option in options),
    )


# --- importing ----------------------------------------------------------------------------


#: A piece of a row's summary: an ``N_`` template and its fields (``part``): text, or
#: ``Money`` / ``Percent`` / ``Day`` / ``Labels`` shown in the user's language.
Part = tuple[str, tuple[tuple[str, object], ...]]


@dataclass(frozen=True)
class RowChange:
    """What one row of a file does (or would do): ``action`` is ``create``, ``update`` or
    ``unchanged``; ``key`` the record it is about (a customer number, an item code);
    ``summary`` a short description in English (the fields an update changes).

    ``parts``: the summary as ``N_`` templates with their fields, so a screen can show it
    in its language (``describe``); ``RowChange.of`` builds both."""

    line: int
    action: str
    key: str
    summary: str = ""
    parts: tuple[Part, ...] = ()

    @classmethod
    def of(cls, line: int, action: str, key: str, *parts: Part) -> RowChange:
        change = cls(line, action, key, "", parts)
        return cls(line, action, key, change.describe(), parts)

    def describe(self, translate: Callable[[str], str] | None = None) -> str:
        """The summary, its templates passed through ``translate`` (e.g. the ``messages``
        context's translation) when given."""
        if not self.parts:
            return self.summary
        lang = _language if translate is not None else None
        texts = []
        for template, params in self.parts:
            text = translate(template) if translate is not None else template
            shown = {key: _shown(value, lang, translate) for key, value in params}
            try:
                texts.append(text.format(**shown))
            except (KeyError, IndexError, ValueError):
                texts.append(template.format(**shown))
        return (" ; " if lang is not None and lang.french else "; ").join(texts)

    def as_dict(self) -> dict[str, object]:
        return {"line": self.line, "action": self.action, "key": self.key, "summary": self.summary}


def part(template: str, **params: object) -> Part:
    """One piece of a row's summary: an ``N_`` template and its fields (``Money``,
    ``Percent``, ``Day``, ``Labels`` kept as they are, shown in the user's language by
    ``describe``; anything else as text)."""
    kept = (Money, Percent, Day, Labels)
    return (
        template,
        tuple(
            (key, value if isinstance(value, kept) else str(value)) for key, value in params.items()
        ),
    )


def _shown(value: object, lang: Language | None, translate: Callable[[str], str] | None) -> str:
    if isinstance(value, Labels):
        return value.text(lang, translate)
    if isinstance(value, Money | Percent | Day):
        return value.text(lang)
    return str(value)


@dataclass
class ImportResult:
    """What an import did, or what its preview would do."""

    changes: list[RowChange] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for change in self.changes if change.action == action)

    @property
    def created(self) -> int:
        return self.count(CREATE)

    @property
    def updated(self) -> int:
        return self.count(UPDATE)

    @property
    def unchanged(self) -> int:
        return self.count(UNCHANGED)

    def counts(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}

    def as_dict(self) -> dict[str, object]:
        return {**self.counts(), "changes": [change.as_dict() for change in self.changes]}


class CellError(ValidationError):
    """A refused row whose problem is in one column: names the file's header."""

    def __init__(self, header: str, problem: DomainError) -> None:
        self.problem = problem
        super().__init__(
            getattr(problem, "field", header),
            N_("column {column!r}: {problem}"),
            column=header,
            problem=problem,
        )


def run_import(
    uow: UnitOfWork,
    table: Table,
    columns: Sequence[Column],
    mapping: Mapping[str, str] | None,
    apply_row: Callable[[int, dict[str, str]], RowChange | Sequence[RowChange]],
    *,
    progress: Progress | None = None,
) -> ImportResult:
    """Apply ``apply_row(line, {key: cell})`` to every row, each in its own savepoint.

    A row raising ``DomainError`` is noted with its line (with its column's header when the
    error's ``field`` is a mapped column key) and the next rows are still checked; if any
    was refused, ``ValidationErrors`` lists them all and nothing stays written.
    ``progress(done, total)`` after each row; raising from it cancels, nothing written."""
    resolved = resolve_mapping(table, columns, mapping)
    errors: list[tuple[int, DomainError]] = []
    result = ImportResult()
    records = table.records(resolved)
    with uow.session.begin_nested():  # nothing stays, even if the caller commits anyway
        for done, ((line, values), (_, cells)) in enumerate(
            zip(records, table.rows, strict=True), 1
        ):
            problem = table.width_problem(cells)
            if problem is not None:
                errors.append((line, problem))
            else:
                try:
                    with uow.session.begin_nested():
                        change = apply_row(line, values)
                except CellError as err:
                    errors.append((line, err))
                except DomainError as err:
                    errors.append((line, _named(err, columns, resolved)))
                else:
                    if isinstance(change, RowChange):
                        result.changes.append(change)
                    else:
                        result.changes.extend(change)
            if progress is not None:
                progress(done, len(records))
        if errors:
            raise ValidationErrors(errors)
    return result


def _named(err: DomainError, columns: Sequence[Column], mapping: Mapping[str, str]) -> DomainError:
    """``err`` naming the file's header of the column it is about: its ``field`` is the
    column's key, label or a synonym (compared loosely: "VAT number" is ``vat_number``)."""
    wanted = loose(str(getattr(err, "field", "")))
    if not wanted:
        return err
    for column in columns:
        names = (column.key, column.label, *column.synonyms)
        if column.key in mapping and any(loose(name) == wanted for name in names):
            return CellError(mapping[column.key], err)
    return err


class _Rehearsed(Exception):
    def __init__(self, result: object) -> None:
        self.result = result


def rehearse(db: Database, work: Callable[[UnitOfWork], T]) -> T:
    """``work(uow)`` in a writing transaction that is rolled back whatever happens: what
    an import would do, with nothing written. Its refusals are raised as they are."""
    try:
        with db.write() as uow:
            raise _Rehearsed(work(uow))
    except _Rehearsed as done:
        return cast(T, done.result)
