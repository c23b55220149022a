"""Barcode labels as PDF: A4 sticker sheets (3 x 8 labels of 70 x 37 mm) or one thermal
label (57 x 32 mm) per page.

Everything is drawn as vectors (bars and QR modules are filled rectangles), so a sheet of
hundreds of labels renders in a fraction of a second and prints sharp at any resolution.
Bar widths are whole printer dots (600 dpi for sheets, 203 dpi for thermal printers) so
every bar prints at the same width; they never drop below ``MIN_MODULE`` mm, and every
symbol keeps a quiet zone of ``QUIET_MODULES`` modules, so a handheld scanner reads them.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from os import PathLike
from typing import BinaryIO

import barcode
import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlmodel import col, select

from app.core.db import UnitOfWork
from app.core.errors import NotFound, ValidationError
from app.core.pdf import fit_points, printable
from app.core.settings import COOPERATIVE_NAME, get_setting
from inventory import barcodes
from inventory.models import Case, ItemType, Tracking, Unit, UnitStatus

MIN_MODULE = 0.25  # mm: the narrowest bar a handheld scanner reads off a cheap printer
MAX_MODULE = 0.5  # mm: wider symbols make the scanner be held far from the label
QUIET_MODULES = 10  # blank modules each side of the bars (Code 128 needs 10)
FONT = "Helvetica"
BOLD = "Helvetica-Bold"
TEXT_GAP = 2.0  # mm between the name and a QR code beside it

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Label:
    """What one label shows: the code (barcode and text), the item name, a detail (serial
    number...) and the cooperative's name."""

    code: str
    title: str
    detail: str = ""
    cooperative: str = ""


@dataclass(frozen=True)
class Sheet:
    """A label format. Lengths in mm, font sizes in points."""

    name: str
    page_w: float
    page_h: float
    label_w: float
    label_h: float
    columns: int
    rows: int
    left: float  # sheet margin left of the first column
    top: float  # sheet margin above the first row
    pad_x: float  # blank margin inside a label: die-cut and printer tolerance
    pad_y: float
    dot: float  # printer dot pitch: bars are whole dots wide
    qr_size: float  # side of the QR code beside the barcode
    coop_pt: float
    title_pt: float
    detail_pt: float
    code_pt: float

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


FORMATS: dict[str, Sheet] = {
    "a4-3x8": Sheet(
        name="a4-3x8",
        page_w=210,
        page_h=297,
        label_w=70,
        label_h=37,
        columns=3,
        rows=8,
        left=0,
        top=0.5,
        pad_x=4,
        pad_y=3,
        dot=25.4 / 600,
        qr_size=17,
        coop_pt=6,
        title_pt=9,
        detail_pt=7.5,
        code_pt=9,
    ),
    "thermal-57x32": Sheet(
        name="thermal-57x32",
        page_w=57,
        page_h=32,
        label_w=57,
        label_h=32,
        columns=1,
        rows=1,
        left=0,
        top=0,
        pad_x=2.5,
        pad_y=2,
        dot=25.4 / 203,
        qr_size=13,
        coop_pt=5.5,
        title_pt=8,
        detail_pt=6.5,
        code_pt=8,
    ),
}
DEFAULT_FORMAT = "a4-3x8"


# --- which labels ------------------------------------------------------------------------


def labels_for_codes(uow: UnitOfWork, codes: Iterable[str]) -> list[Label]:
    """Labels for scanned or typed codes, in order: a unit's barcode, a bulk type's barcode,
    a case's barcode, or an item type's code (a label for each of its units in the pool, or
    its bulk barcode). Any code that is unknown or unprintable is refused."""
    cooperative = get_setting(uow, COOPERATIVE_NAME)
    labels: list[Label] = []
    for raw in codes:
        labels += _labels_for(uow, barcodes.validate(raw, "code"), cooperative)
    return labels


def _labels_for(uow: UnitOfWork, code: str, cooperative: str) -> list[Label]:
    """Without case, then as read by a scanner set up for the other keyboard layout."""
    for reading in barcodes.candidates(code):
        found = barcodes.find_exactly(uow, reading)
        if found is not None and found[0] == "unit":
            unit = found[1]
            item = uow.session.get(ItemType, unit.item_type_id)  # type: ignore[union-attr]
            assert item is not None
            return [_unit_label(unit, item, cooperative)]  # type: ignore[arg-type]
        if found is not None and found[0] == "bulk":
            return [_bulk_label(found[1], cooperative)]  # type: ignore[arg-type]
        if found is not None:
            return [_case_label(found[1], cooperative)]  # type: ignore[arg-type]
        item = barcodes.find_item_code(uow, reading)
        if item is not None:
            return _type_labels(uow, item, cooperative)
    raise NotFound("No unit, item type or case has the code {code}.", code=code)


def _type_labels(uow: UnitOfWork, item: ItemType, cooperative: str) -> list[Label]:
    if item.tracking == Tracking.BULK and item.barcode:
        return [_bulk_label(item, cooperative)]
    units = uow.session.exec(
        select(Unit)
        .where(Unit.item_type_id == item.id, Unit.status != UnitStatus.RETIRED.value)
        .order_by(col(Unit.barcode))
    ).all()
    if not units:
        raise NotFound(
            "{name} ({code}) has no units to label: add units first.",
            name=item.name,
            code=item.code,
        )
    return [_unit_label(unit, item, cooperative) for unit in units]


def all_labels(uow: UnitOfWork) -> list[Label]:
    """Every unit still in the pool (not retired), every bulk type and every case, in
    catalogue order."""
    cooperative = get_setting(uow, COOPERATIVE_NAME)
    session = uow.session
    items = session.exec(
        select(ItemType).order_by(col(ItemType.category), col(ItemType.name), col(ItemType.id))
    ).all()
    units: dict[int | None, list[Unit]] = {}
    unit_query = (
        select(Unit).where(Unit.status != UnitStatus.RETIRED.value).order_by(col(Unit.barcode))
    )
    for unit in session.exec(unit_query):
        units.setdefault(unit.item_type_id, []).append(unit)
    labels: list[Label] = []
    for item in items:
        if item.tracking == Tracking.BULK:
            labels += [_bulk_label(item, cooperative)] if item.barcode else []
        else:
            labels += [_unit_label(u, item, cooperative) for u in units.get(item.id, [])]
    cases = session.exec(select(Case).order_by(col(Case.name), col(Case.barcode)))
    return labels + [_case_label(case, cooperative) for case in cases]


def _unit_label(unit: Unit, item: ItemType, cooperative: str) -> Label:
    return Label(unit.barcode, item.name, unit.serial or _model(item), cooperative)


def _bulk_label(item: ItemType, cooperative: str) -> Label:
    assert item.barcode is not None
    return Label(item.barcode, item.name, _model(item), cooperative)


def _case_label(case: Case, cooperative: str) -> Label:
    return Label(case.barcode, case.name, "", cooperative)


def _model(item: ItemType) -> str:
    return " ".join(part for part in (item.manufacturer, item.model) if part)


# --- geometry (pure) -------------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    """One label laid out, in mm from the label's bottom-left corner."""

    label: Label
    bars: list[tuple[float, float]]  # (x, width) of each bar
    bar_y: float
    bar_h: float
    text_x: float  # left edge of the text lines
    text_w: float  # room for the text lines (above the bars and the QR code)
    code_x: float  # centre of the human-readable code
    qr: list[tuple[float, float, float, float]]  # (x, y, w, h) of each dark QR run


def modules(code: str) -> str:
    """The Code 128 module pattern of ``code`` ('1' = bar), without quiet zones."""
    return str(barcode.get_barcode_class("code128")(code).build()[0])


def module_width(sheet: Sheet, count: int, dark_right: float) -> float | None:
    """The widest bar module, in whole printer dots, that fits ``count`` modules with their
    quiet zones between the label's left edge and ``dark_right`` (mm; the next mark on the
    right: the label's edge or the QR code), inside the label's padding; None when even
    ``MIN_MODULE`` does not fit."""
    dots = math.floor(MAX_MODULE / sheet.dot + 1e-9)
    while dots * sheet.dot >= MIN_MODULE - 1e-3:
        width = dots * sheet.dot
        low, high = _bar_bounds(sheet, width, dark_right)
        if count * width <= high - low + 1e-9:
            return width
        dots -= 1
    return None


def _bar_bounds(sheet: Sheet, width: float, dark_right: float) -> tuple[float, float]:
    quiet = QUIET_MODULES * width
    return max(sheet.pad_x, quiet), min(sheet.label_w - sheet.pad_x, dark_right - quiet)


def layout(sheet: Sheet, label: Label, *, qr: bool) -> Placed:
    """Where the bars, the QR code and the text go on one label. The QR code stands beside
    the bars; when that leaves the bars too narrow, it moves up beside the name (smaller)
    and the bars take the label's width. A code whose bars would still be too narrow to
    scan is refused."""
    code = barcodes.validate(label.code, "code")
    pattern = modules(code)
    bar_top = _detail_baseline(sheet) - _descent(sheet.detail_pt) - 1.6
    qr_x, qr_size, qr_middle = sheet.label_w, 0.0, 0.0
    width = module_width(sheet, len(pattern), sheet.label_w)
    if qr:
        qr_size = sheet.qr_size
        qr_x = sheet.label_w - sheet.pad_x - qr_size
        qr_middle = (sheet.pad_y + bar_top) / 2
        width = module_width(sheet, len(pattern), qr_x)
        if width is None:  # the QR code goes up beside the name
            qr_size = min(sheet.qr_size, sheet.label_h - sheet.pad_y - bar_top - 0.8)
            qr_x = sheet.label_w - sheet.pad_x - qr_size
            qr_middle = sheet.label_h - sheet.pad_y - qr_size / 2
            width = module_width(sheet, len(pattern), sheet.label_w)
    if width is None:
        raise ValidationError(
            "code",
            "The code {code} is too long to print readably on a {format} label: "
            "give it a shorter code.",
            code=code,
            format=sheet.name,
        )
    corner = qr and qr_middle > bar_top
    low, high = _bar_bounds(sheet, width, sheet.label_w if corner or not qr else qr_x)
    left = low + (high - low - len(pattern) * width) / 2
    code_y = sheet.pad_y + _descent(sheet.code_pt)
    bar_y = code_y + _cap(sheet.code_pt) + 1.0
    text_right = qr_x - TEXT_GAP if corner else sheet.label_w - sheet.pad_x
    return Placed(
        label=label,
        bars=_bar_runs(pattern, left, width),
        bar_y=bar_y,
        bar_h=bar_top - bar_y,
        text_x=sheet.pad_x,
        text_w=text_right - sheet.pad_x,
        code_x=left + len(pattern) * width / 2,
        qr=_qr_runs(code, qr_x, qr_middle, qr_size) if qr else [],
    )


def _bar_runs(pattern: str, left: float, width: float) -> list[tuple[float, float]]:
    runs: list[tuple[float, float]] = []
    start = None
    for i, bit in enumerate(pattern + "0"):
        if bit == "1" and start is None:
            start = i
        elif bit == "0" and start is not None:
            runs.append((left + start * width, (i - start) * width))
            start = None
    return runs


def code128_bars(code: str, left: float, module: float) -> list[tuple[float, float]]:
    """(x, width) of each bar of ``code`` in Code 128, the first module at ``left``, each
    module ``module`` wide (same unit as ``left``); without quiet zones (leave
    ``QUIET_MODULES`` blank modules each side). For other documents (pick lists...)."""
    return _bar_runs(modules(code), left, module)


def _qr_runs(
    code: str, x0: float, middle: float, size: float
) -> list[tuple[float, float, float, float]]:
    """Dark runs of each QR row, from ``x0`` and centred on ``middle`` (mm); the label's
    padding, the text gap and the bars' quiet zone keep the QR code's margin blank."""
    matrix = qr_matrix(code)
    cell = size / len(matrix)
    y_top = middle + size / 2
    runs: list[tuple[float, float, float, float]] = []
    for r, row in enumerate(matrix):
        y = y_top - (r + 1) * cell
        start = None
        for c, dark in enumerate([*row, False]):
            if dark and start is None:
                start = c
            elif not dark and start is not None:
                runs.append((x0 + start * cell, y, (c - start) * cell, cell))
                start = None
    return runs


def qr_matrix(code: str) -> list[list[bool]]:
    maker = qrcode.QRCode(border=0, error_correction=ERROR_CORRECT_M)
    maker.add_data(code)
    maker.make(fit=True)
    return [[bool(cell) for cell in row] for row in maker.get_matrix()]


def _pt(points: float) -> float:
    return points * 25.4 / 72


def _cap(points: float) -> float:
    return 0.72 * _pt(points)


def _descent(points: float) -> float:
    return 0.21 * _pt(points)


def _coop_baseline(sheet: Sheet) -> float:
    return sheet.label_h - sheet.pad_y - _cap(sheet.coop_pt)


def _title_baseline(sheet: Sheet) -> float:
    return _coop_baseline(sheet) - 1.25 * _pt(sheet.title_pt)


def _detail_baseline(sheet: Sheet) -> float:
    return _title_baseline(sheet) - 1.2 * _pt(sheet.detail_pt)


# --- text --------------------------------------------------------------------------------


def fit(text: str, font: str, size: float, width_mm: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``width_mm`` at ``size`` points."""
    return fit_points(text, font, size, width_mm * mm)


# --- rendering ---------------------------------------------------------------------------


def sheet_of(fmt: str) -> Sheet:
    sheet = FORMATS.get(fmt)
    if sheet is None:
        raise ValidationError(
            "format",
            "Unknown label format {format}: use one of {formats}.",
            format=fmt,
            formats=", ".join(FORMATS),
        )
    return sheet


def page_count(count: int, fmt: str = DEFAULT_FORMAT) -> int:
    return math.ceil(count / sheet_of(fmt).per_page)


def render_labels(
    labels: Sequence[Label],
    out: str | PathLike[str] | BinaryIO,
    *,
    fmt: str = DEFAULT_FORMAT,
    qr: bool = False,
    progress: Progress | None = None,
) -> int:
    """Write ``labels`` as a PDF to ``out`` (a path or a binary stream); returns the number
    of pages. Every label is laid out (and every code checked) before anything is written;
    ``progress(done, total)`` is called after each label and may raise to cancel."""
    sheet = sheet_of(fmt)
    if not labels:
        raise ValidationError("labels", "There are no labels to print.")
    placed = [layout(sheet, label, qr=qr) for label in labels]
    target = out if isinstance(out, io.IOBase) else str(out)
    canvas = Canvas(target, pagesize=(sheet.page_w * mm, sheet.page_h * mm))
    canvas.setCreator("Régie")
    canvas.setTitle(printable(labels[0].cooperative))
    for index, item in enumerate(placed):
        slot = index % sheet.per_page
        if index and slot == 0:
            canvas.showPage()
        _draw(canvas, sheet, item, slot)
        if progress is not None:
            progress(index + 1, len(placed))
    canvas.showPage()
    canvas.save()
    return math.ceil(len(placed) / sheet.per_page)


def render_to_bytes(
    labels: Sequence[Label],
    *,
    fmt: str = DEFAULT_FORMAT,
    qr: bool = False,
    progress: Progress | None = None,
) -> bytes:
    buffer = io.BytesIO()
    render_labels(labels, buffer, fmt=fmt, qr=qr, progress=progress)
    return buffer.getvalue()


def _draw(canvas: Canvas, sheet: Sheet, item: Placed, slot: int) -> None:
    row, column = divmod(slot, sheet.columns)
    x0 = sheet.left + column * sheet.label_w
    y0 = sheet.page_h - sheet.top - (row + 1) * sheet.label_h
    canvas.saveState()
    canvas.translate(x0 * mm, y0 * mm)
    path = canvas.beginPath()
    for x, width in item.bars:
        path.rect(x * mm, item.bar_y * mm, width * mm, item.bar_h * mm)
    for x, y, width, height in item.qr:
        path.rect(x * mm, y * mm, width * mm, height * mm)
    canvas.drawPath(path, stroke=0, fill=1)
    _draw_text(canvas, sheet, item)
    canvas.restoreState()


def _draw_text(canvas: Canvas, sheet: Sheet, item: Placed) -> None:
    label, x, room = item.label, item.text_x * mm, item.text_w
    lines = (
        (FONT, sheet.coop_pt, _coop_baseline(sheet), label.cooperative, 0.35),
        (BOLD, sheet.title_pt, _title_baseline(sheet), label.title, 0.0),
        (FONT, sheet.detail_pt, _detail_baseline(sheet), label.detail, 0.2),
    )
    for font, size, baseline, text, grey in lines:
        text = fit(printable(text), font, size, room)
        if text:
            canvas.setFillGray(grey)
            canvas.setFont(font, size)
            canvas.drawString(x, baseline * mm, text)
    canvas.setFillGray(0)
    canvas.setFont(FONT, sheet.code_pt)
    code_y = sheet.pad_y + _descent(sheet.code_pt)
    canvas.drawCentredString(item.code_x * mm, code_y * mm, label.code)
