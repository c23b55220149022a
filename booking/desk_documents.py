"""The desk's two documents, as A4 PDFs in French (handed to the customer and filed):

- the delivery note (*bon de sortie*), printed when the technician finishes a check-out:
  the cooperative's letterhead, the booking's reference and its Code 128, who, what and
  when, then per type what left: the quantity and the barcode and serial number of every
  unit that left, bulk quantities, a "Non sorti" section for what was booked but did not
  go, and boxes for both signatures;
- the return report (*rapport de retour*): what came back, what is missing, what is
  damaged (with the notes taken at the desk), what is still out, and whether the return
  was late.

Everything comes from the movements ledger (``booking.desk``). Movement times are stored
in UTC and printed in the cooperative's local time. The drawing helpers and the page
geometry are the pick list's, so the warehouse's documents look alike.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from os import PathLike
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from app.core import pdf
from app.core.clock import Clock
from app.core.db import UnitOfWork, id_column, require_id
from app.core.settings import COOPERATIVE_NAME, get_setting, is_demo, logo_bytes
from booking import sheet
from booking.bookings import booking_by_ref
from booking.desk_ledger import progress
from booking.desk_lookups import units_moved
from booking.desk_results import LineProgress
from booking.models import Condition, Customer, Direction, Movement
from booking.picklist import CATEGORY_ORDER, CATEGORY_TITLES, STATUS_TITLES, sheet_logo
from booking.sheet import (
    BOLD,
    FONT,
    GREY_FILL,
    GREY_RULE,
    GREY_TEXT,
    LEFT,
    RIGHT,
    TOP,
    day_name,
    when,
)
from inventory.models import ItemType, Tracking, Unit

COOPERATIVE_ADDRESS = "cooperative.address"

# Table geometry (mm): quantity right-aligned on QTY_RIGHT, then code and name.
QTY_RIGHT = 27.0
COL_CODE = 31.0
COL_NAME = 62.0
ROW_H = 7.0
HEADING_H = 8.0
SECTION_H = 14.0
UNIT_ROW_H = 4.6
UNIT_COLUMNS = 3
BOTTOM = sheet.CONTENT_BOTTOM  # blocks stop above the footer and the legal lines
SIGNATURE_H = 36.0


# --- data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class MovedUnit:
    barcode: str
    serial: str
    code: str
    out: dt.datetime | None  # local time
    back: dt.datetime | None
    condition: str | None
    note: str = ""


@dataclass(frozen=True)
class TypeRow:
    code: str
    name: str
    category: str
    bulk: bool
    progress: LineProgress
    units: tuple[MovedUnit, ...]
    notes: tuple[str, ...] = ()  # damaged / missing notes of bulk returns


@dataclass(frozen=True)
class DeskDocument:
    cooperative: str
    address: str
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
    issued: dt.datetime
    rows: tuple[TypeRow, ...]
    last_return: dt.datetime | None
    #: The cooperative's legal identity, printed at the foot of every page.
    legal: tuple[str, ...] = ()
    #: The cooperative's logo (image bytes), top right of the first page.
    logo: bytes | None = None
    #: The demo database: ``pdf.DEMO_MARK`` across every page.
    demo: bool = False

    @property
    def not_gone(self) -> list[LineProgress]:
        """Booked types of which less left than was booked."""
        return [r.progress for r in self.rows if r.progress.left < r.progress.wanted]

    @property
    def gone(self) -> list[TypeRow]:
        return [r for r in self.rows if r.progress.left > 0]

    @property
    def missing(self) -> int:
        return sum(r.progress.missing for r in self.rows)

    @property
    def damaged(self) -> int:
        return sum(r.progress.damaged for r in self.rows)

    @property
    def still_out(self) -> int:
        return sum(max(r.progress.out, 0) for r in self.rows)

    @property
    def late(self) -> bool:
        """Back after the planned end, or still out after it."""
        if self.still_out and self.issued > self.end:
            return True
        return self.last_return is not None and self.last_return > self.end


@dataclass(frozen=True)
class Rendered:
    """What the CLI reports once a document is written."""

    reference: str
    pages: int
    not_gone: list[LineProgress] = field(default_factory=list)
    late: bool = False
    missing: int = 0
    damaged: int = 0
    still_out: int = 0


def document_data(uow: UnitOfWork, reference: str, *, clock: Clock) -> DeskDocument:
    booking = booking_by_ref(uow, reference)
    customer = uow.row(Customer, booking.customer_id)
    booking_id = require_id(booking)
    lines = progress(uow, booking_id)
    notes = _return_notes(uow, booking_id)
    units: dict[str, list[MovedUnit]] = defaultdict(list)
    for moved in units_moved(uow, booking_id):
        units[moved["code"]].append(
            MovedUnit(
                moved["barcode"],
                moved["serial"],
                moved["code"],
                clock.to_local(moved["out"]),
                clock.to_local(moved["back"]) if moved["back"] else None,
                moved["condition"],
                notes.get(("unit", moved["barcode"]), ""),
            )
        )
    kinds = {
        code: (category, tracking)
        for code, category, tracking in uow.session.exec(
            select(ItemType.code, ItemType.category, ItemType.tracking).where(
                col(ItemType.code).in_([p.code for p in lines])
            )
        )
    }
    rows = []
    for line in lines:
        category, tracking = kinds[line.code]
        bulk_notes = tuple(n for (kind, code), n in notes.items() if kind == line.code and n)
        rows.append(
            TypeRow(
                line.code,
                line.name,
                category,
                tracking == Tracking.BULK,
                line,
                tuple(sorted(units.get(line.code, []), key=lambda u: u.barcode)),
                bulk_notes,
            )
        )
    rows.sort(key=_row_order)
    last = _last_return(uow, booking_id)
    return DeskDocument(
        cooperative=get_setting(uow, COOPERATIVE_NAME),
        address=get_setting(uow, COOPERATIVE_ADDRESS),
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
        issued=clock.local_now(),
        rows=tuple(rows),
        last_return=clock.to_local(last) if last is not None else None,
        legal=sheet.identity(uow),
        logo=logo_bytes(uow),
        demo=is_demo(uow),
    )


def _row_order(row: TypeRow) -> tuple[int, str]:
    rank = CATEGORY_ORDER.index(row.category) if row.category in CATEGORY_ORDER else 99
    return rank, row.code.casefold()


def _live_returns(booking_id: int) -> SelectOfScalar[Movement]:
    """Check-ins of the booking that were not undone."""
    undone = select(Movement.undoes).where(col(Movement.undoes).is_not(None))
    return select(Movement).where(
        Movement.booking_id == booking_id,
        Movement.direction == Direction.IN.value,
        col(Movement.undoes).is_(None),
        id_column(Movement).not_in(undone),
    )


def _return_notes(uow: UnitOfWork, booking_id: int) -> dict[tuple[str, str], str]:
    """Notes of damaged / missing check-ins: ("unit", barcode) or (type code, n) → note."""
    query = _live_returns(booking_id).where(Movement.condition != Condition.OK.value)
    found: dict[tuple[str, str], str] = {}
    for move in uow.session.exec(query.order_by(id_column(Movement))):
        if move.unit_id is not None:
            unit = uow.row(Unit, move.unit_id)
            found[("unit", unit.barcode)] = move.note
        else:
            item = uow.row(ItemType, move.item_type_id)
            what = "endommagé" if move.condition == Condition.DAMAGED else "manquant"
            text = f"{move.quantity} {what}" + (f" : {move.note}" if move.note else "")
            found[(item.code, str(move.id))] = text
    return found


def _last_return(uow: UnitOfWork, booking_id: int) -> dt.datetime | None:
    last = uow.session.exec(
        _live_returns(booking_id).order_by(col(Movement.at).desc()).limit(1)
    ).first()
    return last.at if last is not None else None


# --- blocks and pages (pure) ---------------------------------------------------------------

Draw = Callable[[Canvas, float], None]


@dataclass(frozen=True)
class Block:
    """A piece of a page: drawn from ``top`` down to ``top - height``. A block that keeps
    with the next (a heading) never ends a page."""

    height: float
    draw: Draw
    keep_with_next: bool = False


def first_top() -> float:
    return TOP - 74.0


def next_top() -> float:
    return TOP - 16.0


def paginate(blocks: Sequence[Block]) -> list[list[Block]]:
    pages: list[list[Block]] = [[]]
    room = first_top() - BOTTOM
    i = 0
    while i < len(blocks):
        group = [blocks[i]]
        while group[-1].keep_with_next and i + len(group) < len(blocks):
            group.append(blocks[i + len(group)])
        needed = sum(b.height for b in group)
        if needed > room and pages[-1]:
            pages.append([])
            room = next_top() - BOTTOM
        pages[-1].extend(group)
        room -= needed
        i += len(group)
    return pages


# --- drawing -----------------------------------------------------------------------------


def _letterhead(canvas: Canvas, data: DeskDocument, title: str, width: float) -> None:
    sheet.text(canvas, LEFT, TOP, data.cooperative, font=BOLD, size=12, width=width)
    lines = [ln.strip() for ln in data.address.replace(";", "\n").splitlines() if ln.strip()]
    for i, line in enumerate(lines[:2]):
        sheet.text(canvas, LEFT, TOP - 4.6 - i * 3.8, line, size=8.5, grey=GREY_TEXT, width=width)
    sheet.text(canvas, LEFT, TOP - 19, title, font=BOLD, size=22, width=width)
    sheet.text(canvas, LEFT, TOP - 26.5, f"Réservation {data.reference}", size=12, width=width)


def _first_header(canvas: Canvas, data: DeskDocument, title: str, right_rows: Any) -> None:
    bar_w = sheet.barcode_width(data.reference)
    width = RIGHT - LEFT - bar_w - 4
    _letterhead(canvas, data, title, width)
    sheet.barcode(canvas, data.reference, RIGHT, TOP - 22)
    left_rows = [
        ("Client", data.customer_name, BOLD, 10.5),
        ("N° client", data.customer_number, FONT, 9.5),
        ("Événement", data.event or "—", FONT, 9.5),
        ("Lieu", data.venue or "—", FONT, 9.5),
    ]
    sheet.band(canvas, TOP - 40, left_rows, right_rows, label_w=24.0)


def _render(
    data: DeskDocument,
    out: str | PathLike[str] | BinaryIO,
    title: str,
    right_rows: Any,
    blocks: Sequence[Block],
    tag: tuple[str, bool] | None = None,
) -> int:
    pages = paginate(blocks)
    canvas = sheet.new_canvas(out, author=data.cooperative, title=f"{title} {data.reference}")
    for number, page in enumerate(pages, start=1):
        if data.demo:
            pdf.draw_demo_mark(canvas)
        if number == 1:
            sheet_logo(canvas, data.logo)
            _first_header(canvas, data, title, right_rows)
            if tag is not None:
                text = tag[0].upper() if tag[1] else tag[0]
                sheet.status_tag(canvas, LEFT, TOP - 34, text, strong=tag[1], grey=0)
            top = first_top()
        else:
            heading = f"{title} {data.reference} (suite)"
            sheet.next_header(canvas, data.cooperative, heading, data.customer_name)
            top = next_top()
        for block in page:
            block.draw(canvas, top)
            top -= block.height
        left = f"{title} {data.reference} · {data.customer_name} · émis le {when(data.issued)}"
        sheet.footer(canvas, left, 140, number, len(pages), data.legal)
        canvas.showPage()
    canvas.save()
    return len(pages)


# --- blocks ------------------------------------------------------------------------------


def _section(title: str, detail: str = "") -> Block:
    def draw(canvas: Canvas, top: float) -> None:
        sheet.text(canvas, LEFT, top - 10, title, font=BOLD, size=13)
        if detail:
            sheet.text(canvas, RIGHT, top - 10, detail, size=9, grey=GREY_TEXT, align="right")
        sheet.rule(canvas, LEFT, RIGHT, top - 12.2, 0, 1.0)

    return Block(SECTION_H, draw, keep_with_next=True)


def _category(category: str) -> Block:
    def draw(canvas: Canvas, top: float) -> None:
        y = top - HEADING_H
        canvas.setFillGray(GREY_FILL)
        canvas.rect(
            LEFT * mm, (y + 0.8) * mm, (RIGHT - LEFT) * mm, (HEADING_H - 1.6) * mm, stroke=0, fill=1
        )
        canvas.setFillGray(0)
        sheet.text(
            canvas, LEFT + 2, y + 2.6, CATEGORY_TITLES.get(category, category), font=BOLD, size=10
        )

    return Block(HEADING_H, draw, keep_with_next=True)


def _plain(text: str, *, size: float = 9.5, grey: float = 0, height: float = 7.0) -> Block:
    def draw(canvas: Canvas, top: float) -> None:
        sheet.text(
            canvas, LEFT + 2, top - height + 2.3, text, size=size, grey=grey, width=RIGHT - LEFT
        )

    return Block(height, draw)


def _type_line(
    quantity: str, detail: str, code: str, name: str, *, keep: bool, right: str = ""
) -> Block:
    def draw(canvas: Canvas, top: float) -> None:
        base = top - ROW_H + 2.3
        sheet.text(canvas, QTY_RIGHT, base, quantity, font=BOLD, size=10.5, align="right")
        if detail:
            sheet.text(canvas, QTY_RIGHT + 0.8, base, detail, size=7.5, grey=GREY_TEXT)
        sheet.text(canvas, COL_CODE + 5, base, code, size=8.5, width=COL_NAME - COL_CODE - 7)
        name_w = (RIGHT - 40 if right else RIGHT) - COL_NAME - 2
        sheet.text(canvas, COL_NAME, base, name, font=BOLD, size=9.5, width=name_w)
        if right:
            sheet.text(
                canvas, RIGHT, base, right, size=8.5, grey=GREY_TEXT, align="right", width=40
            )
        if not keep:
            sheet.rule(canvas, LEFT, RIGHT, top - ROW_H, GREY_RULE, 0.3)

    return Block(ROW_H, draw, keep_with_next=keep)


def _unit_rows(
    cells: Sequence[tuple[str, str]], *, columns: int = UNIT_COLUMNS, split: float = 0.45
) -> list[Block]:
    """Cells (bold code, grey detail) ``columns`` a row, under a type line."""
    width = (RIGHT - COL_CODE - 5) / columns
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    blocks = []
    for n, row in enumerate(rows):
        last = n == len(rows) - 1

        def draw(canvas: Canvas, top: float, row: Any = row, last: bool = last) -> None:
            base = top - UNIT_ROW_H + 1.2
            for i, (code, detail) in enumerate(row):
                x = COL_CODE + 5 + i * width
                canvas.setFillGray(0.55)
                canvas.circle((x - 2.2) * mm, (base + 1.0) * mm, 0.55 * mm, stroke=0, fill=1)
                canvas.setFillGray(0)
                sheet.text(canvas, x, base, code, font=BOLD, size=8.5, width=width * split - 1)
                sheet.text(
                    canvas,
                    x + width * split,
                    base,
                    detail,
                    size=7.5,
                    grey=GREY_TEXT,
                    width=width * (1 - split) - 2,
                )
            if last:
                sheet.rule(canvas, LEFT, RIGHT, top - UNIT_ROW_H - 1.5, GREY_RULE, 0.3)

        blocks.append(Block(UNIT_ROW_H + (1.5 if last else 0), draw))
    return blocks


def _serial(unit: MovedUnit) -> str:
    return f"S/N {unit.serial}" if unit.serial else "sans n° de série"


def _signatures(titles: tuple[str, str], mention: str) -> Block:
    def draw(canvas: Canvas, top: float) -> None:
        sheet.text(canvas, LEFT, top - 6, mention, size=8, grey=GREY_TEXT, width=RIGHT - LEFT)
        box_top, box_h = top - 9, 24.0
        width = (RIGHT - LEFT - 6) / 2
        for i, title in enumerate(titles):
            x = LEFT + i * (width + 6)
            canvas.setLineWidth(0.5)
            canvas.setStrokeGray(0.5)
            canvas.roundRect(
                x * mm, (box_top - box_h) * mm, width * mm, box_h * mm, 1.5 * mm, stroke=1, fill=0
            )
            canvas.setStrokeGray(0)
            sheet.text(canvas, x + 2.5, box_top - 4.5, title, font=BOLD, size=8.5)
            sheet.text(
                canvas, x + 2.5, box_top - 8.5, "Nom, date et signature", size=7.5, grey=GREY_TEXT
            )

    return Block(SIGNATURE_H, draw)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


# --- the delivery note ---------------------------------------------------------------------

DELIVERY_TITLE = "Bon de sortie"


def delivery_blocks(data: DeskDocument) -> list[Block]:
    blocks: list[Block] = []
    gone = data.gone
    pieces = sum(r.progress.left for r in gone)
    blocks.append(
        _section("Matériel sorti", f"{_plural(len(gone), 'type')}, {_plural(pieces, 'pièce')}")
    )
    if not gone:
        blocks.append(_plain("Rien n'est encore sorti.", grey=GREY_TEXT))
    category = None
    for row in gone:
        if row.category != category:
            blocks.append(_category(row.category))
            category = row.category
        p = row.progress
        detail = f"/ {p.wanted}" if p.left != p.wanted else ""
        cells = [(u.barcode, _serial(u)) for u in row.units]
        right = "vrac" if row.bulk else ""
        blocks.append(
            _type_line(str(p.left), detail, row.code, row.name, keep=bool(cells), right=right)
        )
        blocks += _unit_rows(cells)
    missing = data.not_gone
    blocks.append(_section("Non sorti", _plural(sum(p.wanted - p.left for p in missing), "pièce")))
    if not missing:
        blocks.append(_plain("Tout le matériel réservé est sorti.", grey=GREY_TEXT))
    for p in missing:
        blocks.append(
            _type_line(
                str(p.wanted - p.left),
                "",
                p.code,
                p.name,
                keep=False,
                right=f"réservé {p.wanted}, sorti {p.left}",
            )
        )
    blocks.append(Block(4.0, lambda canvas, top: None))
    blocks.append(
        _signatures(
            ("Remis par", "Reçu par"),
            "Le matériel ci-dessus a été remis en bon état de fonctionnement, sauf réserve "
            "écrite ci-dessous.",
        )
    )
    return blocks


def _period_rows(data: DeskDocument) -> list[tuple[str, str, str, float]]:
    return [
        ("Sortie", f"{day_name(data.start)} {when(data.start)}", BOLD, 10.5),
        ("Retour prévu", f"{day_name(data.end)} {when(data.end)}", BOLD, 10.5),
        ("Utilisation", f"{when(data.use_start)} – {when(data.use_end)}", FONT, 9),
        ("Émis le", when(data.issued), FONT, 9),
    ]


def draw_delivery_note(data: DeskDocument, out: str | PathLike[str] | BinaryIO) -> int:
    status = STATUS_TITLES.get(data.status, data.status)
    return _render(
        data,
        out,
        DELIVERY_TITLE,
        _period_rows(data),
        delivery_blocks(data),
        (status, data.status not in ("out", "returned")),
    )


def render_delivery_note(
    uow: UnitOfWork,
    reference: str,
    out: str | PathLike[str] | BinaryIO,
    *,
    clock: Clock | None = None,
) -> Rendered:
    """Write the delivery note of ``reference`` to ``out`` (a path or a binary stream)."""
    data = document_data(uow, reference, clock=clock or Clock())
    pages = draw_delivery_note(data, out)
    return Rendered(data.reference, pages, not_gone=data.not_gone)


# --- the return report ---------------------------------------------------------------------

RETURN_TITLE = "Rapport de retour"


def _return_tag(data: DeskDocument) -> tuple[str, bool]:
    if data.late:
        return "Retour en retard", True
    if data.still_out:
        return "Retour incomplet", True
    return "Retour complet, dans les délais", False


def return_blocks(data: DeskDocument) -> list[Block]:
    blocks: list[Block] = []
    gone = data.gone
    back = sum(r.progress.back for r in gone)
    left = sum(r.progress.left for r in gone)
    good = back - data.damaged - data.missing
    summary = (
        f"{left} sorti{'s' if left > 1 else ''} : {good} revenu{'s' if good > 1 else ''} "
        f"en bon état, {data.damaged} endommagé{'s' if data.damaged > 1 else ''}, "
        f"{data.missing} manquant{'s' if data.missing > 1 else ''}, "
        f"{data.still_out} encore dehors"
    )
    blocks.append(_section("Bilan", summary))
    if not gone:
        blocks.append(_plain("Rien n'est sorti sur cette réservation.", grey=GREY_TEXT))
    if gone:
        blocks.append(_tally_head())
    for row in gone:
        blocks.append(_tally_row(row))

    problems = [
        (row, u)
        for row in gone
        for u in row.units
        if u.condition in (Condition.MISSING, Condition.DAMAGED) or u.back is None
    ]
    bulk_problems = [row for row in gone if row.bulk and (row.progress.out > 0 or row.notes)]
    blocks.append(_section("Manquant, endommagé ou encore dehors", _plural(len(problems), "unité")))
    if not problems and not bulk_problems:
        blocks.append(_plain("Aucun : tout est revenu en bon état.", grey=GREY_TEXT))
    labels = {
        Condition.MISSING.value: "MANQUANT",
        Condition.DAMAGED.value: "ENDOMMAGÉ",
        None: "ENCORE DEHORS",
    }
    for row, unit in problems:
        state = labels[unit.condition if unit.back is not None else None]
        if unit.back is None and unit.out is not None:
            note = f"sorti le {when(unit.out)}, pas encore revenu"
        else:
            note = f"« {unit.note} »" if unit.note else ""
        blocks.append(_problem_line(state, unit.barcode, _serial(unit), row.name, note))
    for row in bulk_problems:
        p = row.progress
        notes = [f"{p.out} encore dehors"] if p.out > 0 else []
        blocks.append(
            _problem_line("VRAC", row.code, "", row.name, "; ".join(notes + list(row.notes)))
        )

    returned = [
        (row, u)
        for row in gone
        for u in row.units
        if u.back is not None and u.condition == Condition.OK
    ]
    if returned:
        blocks.append(_section("Revenu en bon état", _plural(len(returned), "unité")))
        by_type: dict[str, list[MovedUnit]] = defaultdict(list)
        names = {row.code: row.name for row in gone}
        for row, u in returned:
            by_type[row.code].append(u)
        for code, units in by_type.items():
            blocks.append(_type_line(str(len(units)), "", code, names[code], keep=True))
            cells = [(u.barcode, f"{_serial(u)} · {when(u.back)}") for u in units if u.back]
            blocks += _unit_rows(cells, columns=2, split=0.3)
    blocks.append(Block(4.0, lambda canvas, top: None))
    blocks.append(
        _signatures(
            ("Retour contrôlé par", "Pour le client"),
            "Le matériel manquant ou endommagé peut être facturé selon les conditions de location.",
        )
    )
    return blocks


#: The return tally's numeric columns: (title, right edge in mm).
TALLY_COLUMNS = (
    ("Sortis", 122.0),
    ("Revenus", 139.0),
    ("Endomm.", 156.0),
    ("Manq.", 172.0),
    ("Dehors", RIGHT - 1),
)


def _tally_head() -> Block:
    def draw(canvas: Canvas, top: float) -> None:
        y = top - 5
        sheet.text(canvas, COL_CODE - 14, y, "Code", font=BOLD, size=8)
        sheet.text(canvas, COL_NAME - 8, y, "Désignation", font=BOLD, size=8)
        for title, right in TALLY_COLUMNS:
            sheet.text(canvas, right, y, title, font=BOLD, size=8, align="right")
        sheet.rule(canvas, LEFT, RIGHT, top - 7, GREY_RULE, 0.5)

    return Block(7.0, draw, keep_with_next=True)


def _tally_row(row: TypeRow) -> Block:
    p = row.progress
    values = (p.left, p.back - p.damaged - p.missing, p.damaged, p.missing, max(p.out, 0))

    def draw(canvas: Canvas, top: float) -> None:
        base = top - ROW_H + 2.3
        sheet.text(canvas, COL_CODE - 14, base, row.code, size=8.5, width=COL_NAME - COL_CODE + 4)
        sheet.text(
            canvas, COL_NAME - 8, base, row.name, font=BOLD, size=9.5, width=100 - COL_NAME + 8
        )
        for (_, right), value, strong in zip(
            TALLY_COLUMNS, values, (False, False, True, True, True), strict=True
        ):
            font = BOLD if strong and value else FONT
            sheet.text(
                canvas, right, base, str(value) if value else "–", font=font, size=10, align="right"
            )
        sheet.rule(canvas, LEFT, RIGHT, top - ROW_H, GREY_RULE, 0.3)

    return Block(ROW_H, draw)


def _problem_line(state: str, code: str, serial: str, name: str, note: str) -> Block:
    height = ROW_H + (4.2 if note else 0)

    def draw(canvas: Canvas, top: float) -> None:
        base = top - ROW_H + 2.3
        sheet.text(canvas, LEFT + 1, base, state, font=BOLD, size=8)
        sheet.text(canvas, COL_CODE + 12, base, code, font=BOLD, size=9, width=30)
        sheet.text(canvas, COL_CODE + 44, base, serial, size=8, grey=GREY_TEXT, width=30)
        sheet.text(canvas, COL_CODE + 76, base, name, size=9, width=RIGHT - COL_CODE - 76)
        if note:
            sheet.text(
                canvas, COL_CODE + 12, base - 4.2, note, size=8.5, grey=0.2, width=RIGHT - 45
            )
        sheet.rule(canvas, LEFT, RIGHT, top - height, GREY_RULE, 0.3)

    return Block(height, draw)


def draw_return_report(data: DeskDocument, out: str | PathLike[str] | BinaryIO) -> int:
    rows = _period_rows(data)[:2] + [
        ("Dernier retour", when(data.last_return) if data.last_return else "—", BOLD, 10.5),
        ("Émis le", when(data.issued), FONT, 9),
    ]
    return _render(data, out, RETURN_TITLE, rows, return_blocks(data), _return_tag(data))


def render_return_report(
    uow: UnitOfWork,
    reference: str,
    out: str | PathLike[str] | BinaryIO,
    *,
    clock: Clock | None = None,
) -> Rendered:
    """Write the return report of ``reference`` to ``out`` (a path or a binary stream)."""
    data = document_data(uow, reference, clock=clock or Clock())
    pages = draw_return_report(data, out)
    return Rendered(
        data.reference,
        pages,
        not_gone=data.not_gone,
        late=data.late,
        missing=data.missing,
        damaged=data.damaged,
        still_out=data.still_out,
    )


def to_bytes(render: Callable[..., Rendered], uow: UnitOfWork, reference: str, **kw: Any) -> bytes:
    return pdf.to_bytes(lambda out: render(uow, reference, out, **kw))
