"""The look of the desk's A4 documents (pick list, delivery note, return report): text and
rules in mm, the booking's Code 128 barcode, the status tag, the grey information band,
the running header of later pages and the footer. The page machinery under it (A4,
canvas, fonts, fitting text, "Page n / N") is ``app.core.pdf``, shared with invoicing.

All lengths are in mm; the documents are French, drawn with the standard Helvetica.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.core import pdf, settings
from app.core.db import UnitOfWork
from app.core.pdf import fit, printable
from inventory.labels import QUIET_MODULES, code128_bars, modules

FONT = pdf.HELVETICA
BOLD = pdf.HELVETICA_BOLD

# Page geometry, in mm (A4 portrait).
PAGE_W, PAGE_H = pdf.PAGE_W_MM, pdf.PAGE_H_MM
LEFT, RIGHT = 15.0, 195.0
TOP = 282.0
FOOTER_Y = 10.0

# The booking's barcode: 9 printer dots at 600 dpi a module (0.38 mm).
BAR_MODULE = 9 * 25.4 / 600
BAR_H = 14.0

GREY_TEXT = 0.35
GREY_RULE = 0.75
GREY_FILL = 0.92
GREY_BAND = 0.965

#: A row of the information band: label, value, value's font and size.
BandRow = tuple[str, str, str, float]


new_canvas = pdf.new_canvas


def text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    *,
    font: str = FONT,
    size: float = 9,
    grey: float = 0,
    width: float | None = None,
    align: str = "left",
) -> None:
    text = printable(text)
    if width is not None:
        text = fit(text, font, size, width)
    canvas.setFont(font, size)
    canvas.setFillGray(grey)
    if align == "right":
        canvas.drawRightString(x * mm, y * mm, text)
    elif align == "centre":
        canvas.drawCentredString(x * mm, y * mm, text)
    else:
        canvas.drawString(x * mm, y * mm, text)
    canvas.setFillGray(0)


def rule(canvas: Canvas, x0: float, x1: float, y: float, grey: float, width: float) -> None:
    canvas.setStrokeGray(grey)
    canvas.setLineWidth(width)
    canvas.line(x0 * mm, y * mm, x1 * mm, y * mm)
    canvas.setStrokeGray(0)


when = pdf.day_time


def day_name(value: dt.datetime) -> str:
    days = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
    return days[value.weekday()]


def barcode_width(code: str) -> float:
    """The width of ``code``'s barcode with its quiet zones."""
    return (len(modules(code)) + QUIET_MODULES) * BAR_MODULE


def barcode(canvas: Canvas, code: str, right: float, bottom: float) -> None:
    """The reference in Code 128, right-aligned on ``right``, its text underneath."""
    width = len(modules(code)) * BAR_MODULE
    left = right - width
    bar_y = bottom + 5.0
    path = canvas.beginPath()
    for x, w in code128_bars(code, left, BAR_MODULE):
        path.rect(x * mm, bar_y * mm, w * mm, BAR_H * mm)
    canvas.setFillGray(0)
    canvas.drawPath(path, stroke=0, fill=1)
    text(canvas, left + width / 2, bottom + 1.2, code, font=BOLD, size=10, align="centre")


def status_tag(
    canvas: Canvas, x: float, y: float, label: str, *, strong: bool, grey: float
) -> None:
    size = 8.5
    width = stringWidth(printable(label), BOLD, size) / mm + 5
    canvas.setLineWidth(0.8 if strong else 0.5)
    canvas.setStrokeGray(grey)
    canvas.roundRect(x * mm, (y - 1.6) * mm, width * mm, 5.2 * mm, 1.2 * mm, stroke=1, fill=0)
    text(canvas, x + 2.5, y, label.upper() if strong else label, font=BOLD, size=size, grey=grey)
    canvas.setStrokeGray(0)


def band(
    canvas: Canvas,
    top: float,
    left_rows: Sequence[BandRow],
    right_rows: Sequence[BandRow],
    *,
    label_w: float,
    count: int | None = None,
) -> float:
    """A light band of two labelled columns from ``top`` down, ``count`` rows high (by
    default, the longer column's); returns the baseline of its first row."""
    pitch = 7.0
    left_x, right_x = LEFT + 4, 112.0
    if count is None:
        count = max(len(left_rows), len(right_rows))
    band_h = count * pitch + 4
    canvas.setFillGray(GREY_BAND)
    canvas.roundRect(
        LEFT * mm,
        (top - band_h) * mm,
        (RIGHT - LEFT) * mm,
        band_h * mm,
        2 * mm,
        stroke=0,
        fill=1,
    )
    canvas.setFillGray(0)
    y = top - 6.5
    for column, rows, right in ((left_x, left_rows, right_x - 4), (right_x, right_rows, RIGHT - 3)):
        for i, (label, value, font, size) in enumerate(rows):
            text(canvas, column, y - i * pitch, label, size=8, grey=GREY_TEXT)
            text(
                canvas,
                column + label_w,
                y - i * pitch,
                value,
                font=font,
                size=size,
                width=right - column - label_w,
            )
    return y


def next_header(
    canvas: Canvas, cooperative: str, title: str, customer: str, dates: str = ""
) -> None:
    """The header of pages 2+: ``title`` (already with "(suite)"), the customer, and
    ``dates`` top right if any."""
    text(canvas, LEFT, TOP, cooperative.upper(), font=BOLD, size=8, grey=GREY_TEXT, width=90)
    text(canvas, LEFT, TOP - 7, title, font=BOLD, size=13, width=120)
    text(canvas, RIGHT, TOP - 7, customer, size=9, grey=GREY_TEXT, width=55, align="right")
    if dates:
        text(canvas, RIGHT, TOP, dates, size=8, grey=GREY_TEXT, align="right")
    rule(canvas, LEFT, RIGHT, TOP - 10, 0, 0.8)


def identity(uow: UnitOfWork) -> tuple[str, str]:
    """The cooperative's legal identity (its settings), as the two footer lines every
    desk document prints, like the invoices' seller block."""

    def get(key: str) -> str:
        return settings.get_setting(uow, key).strip()

    return pdf.Identity(
        name=get(settings.COOPERATIVE_NAME),
        legal_form=get(settings.LEGAL_FORM),
        capital=get(settings.CAPITAL),
        address=get(settings.ADDRESS),
        siren=get(settings.SIREN),
        siret=get(settings.SIRET),
        rcs=get(settings.RCS),
        vat_number=get(settings.VAT),
        email=get(settings.EMAIL),
        phone=get(settings.PHONE),
    ).lines()


#: Where page content stops (mm above the bottom edge): the footer and the legal lines
#: are under it.
CONTENT_BOTTOM = 24.0


def footer(
    canvas: Canvas,
    left: str,
    left_w: float,
    number: int,
    total: int,
    legal: Sequence[str] = (),
) -> None:
    """The footer of every page: ``left`` (at most ``left_w`` mm) and "Page n / N", then
    the cooperative's ``legal`` identity lines, centred in small grey type."""
    base = FOOTER_Y + 3.2 * len(legal)
    rule(canvas, LEFT, RIGHT, base + 4, GREY_RULE, 0.4)
    text(canvas, LEFT, base, left, size=7.5, grey=GREY_TEXT, width=left_w)
    text(
        canvas,
        RIGHT,
        base,
        pdf.page_label(number, total),
        size=8,
        grey=GREY_TEXT,
        align="right",
    )
    for i, line in enumerate(line for line in legal if line):
        y = base - 3.6 - i * 2.9
        text(
            canvas,
            (LEFT + RIGHT) / 2,
            y,
            line,
            size=6.5,
            grey=GREY_TEXT,
            align="centre",
            width=RIGHT - LEFT,
        )
