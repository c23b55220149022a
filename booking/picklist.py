"""The warehouse pick list of a booking, as an A4 PDF (French: it is printed for the
warehouse team).

The booking's reference is drawn as a large Code 128 barcode (scanned at the desk to open
the booking), then the customer, event, venue and the pick-up and return date-times; the
lines are grouped by category and, within a category, ordered by shelf location (the most
common location of the type's units in service) so the picker walks the shelves once.
Each line has empty boxes to tick when it goes out and when it comes back. Pages are
numbered; the total weight is given when the types have one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from os import PathLike
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func
from sqlmodel import col, select

from app.core import pdf
from app.core.db import UnitOfWork, id_column, require_id
from app.core.settings import COOPERATIVE_NAME, get_setting, is_demo, logo_bytes
from booking import sheet
from booking.bookings import booking_by_ref
from booking.models import BookingLine, Customer
from booking.sheet import (
    BOLD,
    FONT,
    GREY_BAND,
    GREY_FILL,
    GREY_RULE,
    GREY_TEXT,
    LEFT,
    RIGHT,
    TOP,
    day_name,
    when,
)
from inventory.models import Category, ItemType, Tracking, Unit, UnitStatus

#: Category headings, in French: the pick list is a French document.
CATEGORY_TITLES: dict[str, str] = {
    Category.LIGHTING.value: "Lumière",
    Category.SOUND.value: "Son",
    Category.VIDEO.value: "Vidéo",
    Category.POWER.value: "Énergie et distribution",
    Category.RIGGING.value: "Levage et structure",
    Category.STAGING.value: "Plateau",
    Category.CABLES.value: "Câbles et adaptateurs",
    Category.CONSUMABLES.value: "Consommables",
}
CATEGORY_ORDER = [c.value for c in Category]

STATUS_TITLES: dict[str, str] = {
    "quote": "Devis : non confirmé",
    "confirmed": "Confirmée",
    "out": "Sortie",
    "returned": "Retournée",
    "closed": "Clôturée",
    "cancelled": "Annulée",
}

# Page geometry, in mm (A4 portrait): see booking.sheet.
TABLE_BOTTOM = sheet.CONTENT_BOTTOM  # rows stop above the footer and the legal lines
ROW_H = 7.0
HEADING_H = 8.0
TABLE_HEAD_H = 7.0
SUMMARY_H = 34.0  # totals and signatures after the last row
BOX = 4.2  # side of a tick box

# Columns: x of each column's left edge (quantity is right-aligned on QTY_RIGHT).
QTY_RIGHT = 27.0
COL_CODE = 31.0
COL_NAME = 62.0
COL_LOCATION = 139.0
COL_OUT = 167.0
COL_BACK = 182.0
BOX_COL_W = 13.0


@dataclass(frozen=True)
class PickLine:
    quantity: int
    code: str
    name: str
    category: str
    location: str
    weight_grams: int


@dataclass(frozen=True)
class PickList:
    cooperative: str
    reference: str
    status: str
    customer_number: str
    customer_name: str
    event: str
    venue: str
    start: dt.datetime
    end: dt.datetime
    use_start: dt.datetime
    use_end: dt.datetime
    notes: str
    lines: tuple[PickLine, ...]
    #: The cooperative's legal identity, printed at the foot of every page.
    legal: tuple[str, ...] = ()
    #: The cooperative's logo (image bytes), top right of the first page.
    logo: bytes | None = None
    #: The demo database: ``pdf.DEMO_MARK`` across every page.
    demo: bool = False

    @property
    def pieces(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def weight_grams(self) -> int:
        return sum(line.quantity * line.weight_grams for line in self.lines)

    @property
    def unweighed(self) -> int:
        """Lines whose type has no weight."""
        return sum(1 for line in self.lines if not line.weight_grams)


# --- data ----------------------------------------------------------------------------------


def picklist_data(uow: UnitOfWork, reference: str) -> PickList:
    """What the pick list shows, lines merged by type (a kit and a single line of the same
    type are picked together), grouped by category then ordered by location."""
    booking = booking_by_ref(uow, reference)
    customer = uow.row(Customer, booking.customer_id)
    quantities: dict[int, int] = defaultdict(int)
    for type_id, qty in uow.session.exec(
        select(BookingLine.item_type_id, BookingLine.quantity).where(
            BookingLine.booking_id == booking.id
        )
    ):
        quantities[type_id] += qty
    items = list(
        uow.session.exec(select(ItemType).where(id_column(ItemType).in_(list(quantities))))
    )
    shelves = shelf_locations(uow, [require_id(i) for i in items])
    lines = []
    for item in items:
        if item.tracking == Tracking.BULK:
            location = (item.notes.strip().splitlines() or [""])[0]
        else:
            location = shelves.get(require_id(item), "")
        lines.append(
            PickLine(
                quantities[require_id(item)],
                item.code,
                item.name,
                item.category,
                location,
                item.weight_grams,
            )
        )
    return PickList(
        cooperative=get_setting(uow, COOPERATIVE_NAME),
        legal=sheet.identity(uow),
        logo=logo_bytes(uow),
        demo=is_demo(uow),
        reference=booking.reference,
        status=booking.status,
        customer_number=customer.number,
        customer_name=customer.name,
        event=booking.event,
        venue=booking.venue,
        start=booking.start,
        end=booking.end,
        use_start=booking.use_start,
        use_end=booking.use_end,
        notes=booking.notes,
        lines=tuple(sorted(lines, key=_line_order)),
    )


def shelf_locations(uow: UnitOfWork, type_ids: Sequence[int]) -> dict[int, str]:
    """Per serialized type: the most common location of its units in service (ties: the
    first in alphabetical order); types whose units have no location are left out."""
    if not type_ids:
        return {}
    query = (
        select(Unit.item_type_id, Unit.location, func.count(id_column(Unit)))
        .where(
            col(Unit.item_type_id).in_(list(type_ids)),
            Unit.status == UnitStatus.IN_SERVICE.value,
            Unit.location != "",
        )
        .group_by(col(Unit.item_type_id), col(Unit.location))
    )
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for type_id, location, count in uow.session.exec(query):
        counts[type_id][location.strip()] += count
    return {
        type_id: min(counter, key=lambda loc: (-counter[loc], loc.casefold()))
        for type_id, counter in counts.items()
    }


def _line_order(line: PickLine) -> tuple[int, bool, str, str]:
    rank = CATEGORY_ORDER.index(line.category) if line.category in CATEGORY_ORDER else 99
    return rank, not line.location, line.location.casefold(), line.code.casefold()


# --- pagination (pure) -------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """A category heading (``line`` None) or one line of the table."""

    category: str
    line: PickLine | None = None
    continued: bool = False

    @property
    def height(self) -> float:
        return ROW_H if self.line is not None else HEADING_H


def first_table_top() -> float:
    return TOP - 72.0


def next_table_top() -> float:
    return TOP - 16.0


def paginate(lines: Sequence[PickLine]) -> list[list[Row]]:
    """The table's rows on each page: a heading never ends a page, a category cut by a page
    break is headed again ("suite"), and the totals fit under the last row."""
    pages: list[list[Row]] = [[]]
    room = first_table_top() - TABLE_HEAD_H - TABLE_BOTTOM
    category = None
    for line in lines:
        needed = ROW_H + (HEADING_H if line.category != category else 0)
        if needed > room:
            pages.append([])
            room = next_table_top() - TABLE_HEAD_H - TABLE_BOTTOM
            pages[-1].append(Row(line.category, continued=line.category == category))
            room -= HEADING_H
        elif line.category != category:
            pages[-1].append(Row(line.category))
            room -= HEADING_H
        category = line.category
        pages[-1].append(Row(line.category, line))
        room -= ROW_H
    if room < SUMMARY_H:
        pages.append([])
    return pages


# --- rendering ---------------------------------------------------------------------------


def render_picklist(uow: UnitOfWork, reference: str, out: str | PathLike[str] | BinaryIO) -> int:
    """Write the pick list of booking ``reference`` as a PDF to ``out`` (a path or a binary
    stream); returns the number of pages."""
    return draw_picklist(picklist_data(uow, reference), out)


def render_to_bytes(uow: UnitOfWork, reference: str) -> bytes:
    return pdf.to_bytes(lambda out: render_picklist(uow, reference, out))


def draw_picklist(data: PickList, out: str | PathLike[str] | BinaryIO) -> int:
    pages = paginate(data.lines)
    title = f"Liste de préparation {data.reference}"
    canvas = sheet.new_canvas(out, author=data.cooperative, title=title)
    for number, rows in enumerate(pages, start=1):
        if data.demo:
            pdf.draw_demo_mark(canvas)
        if number == 1:
            sheet_logo(canvas, data.logo)
            _first_header(canvas, data)
            top = first_table_top()
        else:
            dates = f"{when(data.start)} – {when(data.end)}"
            sheet.next_header(
                canvas, data.cooperative, f"{title} (suite)", data.customer_name, dates
            )
            top = next_table_top()
        y = _table(canvas, rows, top) if rows else top
        if number == len(pages):
            _summary(canvas, data, y - 6)
        left = f"{data.reference} · {data.customer_name}"
        sheet.footer(canvas, left, 120, number, len(pages), data.legal)
        canvas.showPage()
    canvas.save()
    return len(pages)


def sheet_logo(canvas: Canvas, logo: bytes | None) -> None:
    """The cooperative's logo in the top right corner of a desk document's first page,
    above the booking's barcode (at most 40 × 11 mm)."""
    pdf.draw_logo(canvas, logo, right=RIGHT, bottom=TOP - 1.5, width=40, height=11)


def _first_header(canvas: Canvas, data: PickList) -> None:
    bar_w = sheet.barcode_width(data.reference)
    title_w = RIGHT - LEFT - bar_w - 4
    sheet.text(
        canvas,
        LEFT,
        TOP,
        data.cooperative.upper(),
        font=BOLD,
        size=9,
        grey=GREY_TEXT,
        width=title_w,
    )
    sheet.text(canvas, LEFT, TOP - 10, "Liste de préparation", font=BOLD, size=22, width=title_w)
    sheet.text(canvas, LEFT, TOP - 18, f"Réservation {data.reference}", size=12, width=title_w)
    status = STATUS_TITLES.get(data.status, data.status)
    grey = 0 if data.status in ("confirmed", "out") else 0.2
    sheet.status_tag(
        canvas, LEFT, TOP - 26.5, status, strong=data.status not in ("confirmed", "out"), grey=grey
    )
    sheet.barcode(canvas, data.reference, RIGHT, TOP - 22)

    # Who, what, when: two columns in a light band (notes underneath, if any).
    pitch, label_w = 7.0, 22.0
    left_x = LEFT + 4
    rows_left = [
        ("Client", data.customer_name, BOLD, 10.5),
        ("N° client", data.customer_number, FONT, 9.5),
        ("Événement", data.event or "—", FONT, 9.5),
        ("Lieu", data.venue or "—", FONT, 9.5),
    ]
    rows_right = [
        ("Sortie", f"{day_name(data.start)} {when(data.start)}", BOLD, 10.5),
        ("Retour", f"{day_name(data.end)} {when(data.end)}", BOLD, 10.5),
        ("Utilisation", f"{when(data.use_start)} – {when(data.use_end)}", FONT, 9),
    ]
    note = " ".join(data.notes.split())
    count = len(rows_left) + (1 if note else 0)
    y = sheet.band(canvas, TOP - 32, rows_left, rows_right, label_w=label_w, count=count)
    if note:
        row_y = y - len(rows_left) * pitch
        sheet.text(canvas, left_x, row_y, "Notes", size=8, grey=GREY_TEXT)
        sheet.text(
            canvas, left_x + label_w, row_y, note, size=9, width=RIGHT - 3 - left_x - label_w
        )


def _table_head(canvas: Canvas, top: float) -> float:
    y = top - 5
    sheet.text(canvas, QTY_RIGHT, y, "Qté", font=BOLD, size=8, align="right")
    sheet.text(canvas, COL_CODE, y, "Code", font=BOLD, size=8)
    sheet.text(canvas, COL_NAME, y, "Désignation", font=BOLD, size=8)
    sheet.text(canvas, COL_LOCATION, y, "Emplacement", font=BOLD, size=8)
    sheet.text(canvas, COL_OUT + BOX_COL_W / 2, y, "Sorti", font=BOLD, size=8, align="centre")
    sheet.text(canvas, COL_BACK + BOX_COL_W / 2, y, "Retour", font=BOLD, size=8, align="centre")
    sheet.rule(canvas, LEFT, RIGHT, top - TABLE_HEAD_H, 0, 1.0)
    return top - TABLE_HEAD_H


def _table(canvas: Canvas, rows: Sequence[Row], top: float) -> float:
    y = _table_head(canvas, top)
    striped = False
    for row in rows:
        if row.line is None:
            y -= HEADING_H
            canvas.setFillGray(GREY_FILL)
            canvas.rect(
                LEFT * mm,
                (y + 0.8) * mm,
                (RIGHT - LEFT) * mm,
                (HEADING_H - 1.6) * mm,
                stroke=0,
                fill=1,
            )
            title = CATEGORY_TITLES.get(row.category, row.category)
            if row.continued:
                title += " (suite)"
            sheet.text(canvas, LEFT + 2, y + 2.6, title, font=BOLD, size=10)
            striped = False
            continue
        line = row.line
        y -= ROW_H
        if striped:
            canvas.setFillGray(GREY_BAND + 0.01)
            canvas.rect(LEFT * mm, y * mm, (RIGHT - LEFT) * mm, ROW_H * mm, stroke=0, fill=1)
        striped = not striped
        base = y + 2.3
        sheet.text(canvas, QTY_RIGHT, base, str(line.quantity), font=BOLD, size=10.5, align="right")
        sheet.text(canvas, COL_CODE, base, line.code, size=8.5, width=COL_NAME - COL_CODE - 2)
        sheet.text(canvas, COL_NAME, base, line.name, size=9.5, width=COL_LOCATION - COL_NAME - 3)
        sheet.text(
            canvas,
            COL_LOCATION,
            base,
            line.location,
            font=BOLD,
            size=9,
            width=COL_OUT - COL_LOCATION - 2,
        )
        for column in (COL_OUT, COL_BACK):
            canvas.setLineWidth(0.7)
            canvas.rect(
                (column + (BOX_COL_W - BOX) / 2) * mm,
                (y + (ROW_H - BOX) / 2) * mm,
                BOX * mm,
                BOX * mm,
                stroke=1,
                fill=0,
            )
        sheet.rule(canvas, LEFT, RIGHT, y, GREY_RULE, 0.3)
    return y


def _weight(grams: int) -> str:
    kilos = f"{grams / 1000:,.1f}".replace(",", " ").replace(".", ",")
    return f"{kilos} kg"


def _summary(canvas: Canvas, data: PickList, top: float) -> None:
    pieces = data.pieces
    types = len(data.lines)
    text = f"{types} ligne{'s' if types > 1 else ''}, {pieces} pièce{'s' if pieces > 1 else ''}"
    sheet.text(canvas, LEFT, top, text, font=BOLD, size=10)
    if data.weight_grams:
        weight = f"Poids total : {_weight(data.weight_grams)}"
        sheet.text(canvas, RIGHT, top, weight, font=BOLD, size=10, align="right")
        if data.unweighed:
            plural = "s" if data.unweighed > 1 else ""
            unknown = f"hors {data.unweighed} ligne{plural} sans poids connu"
            sheet.text(canvas, RIGHT, top - 4, unknown, size=8, grey=GREY_TEXT, align="right")
    box_top, box_h = top - 7, 20.0
    width = (RIGHT - LEFT - 6) / 2
    for i, title in enumerate(("Préparé par, le", "Retour contrôlé par, le")):
        x = LEFT + i * (width + 6)
        canvas.setLineWidth(0.5)
        canvas.setStrokeGray(0.5)
        canvas.roundRect(
            x * mm, (box_top - box_h) * mm, width * mm, box_h * mm, 1.5 * mm, stroke=1, fill=0
        )
        canvas.setStrokeGray(0)
        sheet.text(canvas, x + 2.5, box_top - 4.5, title, size=8, grey=GREY_TEXT)
