"""The PDF page machinery every document shares (pick list, delivery note, return report,
quote, invoice, credit note, statement): A4 geometry, fonts, text that fits, the page
count ("Page n / N") and the page setup of flowing documents.

Qt-free (reportlab only), so that ``booking`` and ``invoicing`` both build on it; what a
document looks like (its header, band, tables, colours) stays with the document.

A demo database's documents carry ``DEMO_MARK`` ("DÉMO — sans valeur") across every page
(``draw_demo_mark``: a light diagonal mark drawn first, under the page's content, opaque:
PDF/A has no transparency); a cooperative's own documents never do.

Two families of fonts: the desk's documents use reportlab's built-in Helvetica (text made
``printable`` in its Windows-1252 repertoire); the invoicing documents embed DejaVu
(``register_fonts``), as PDF/A wants every font embedded.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from os import PathLike
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app.core.money import quantize

#: Where a document goes: a file path or a binary stream.
Target = str | PathLike[str] | BinaryIO

CREATOR = "Régie"
ELLIPSIS = "…"

#: What every document of the demo cooperative says across each page (never on a
#: cooperative's own documents): it is worth nothing.
DEMO_MARK = "DÉMO — sans valeur"
#: The mark's colour: a light red, opaque (PDF/A forbids transparency), drawn under the
#: page's content so that the text stays readable over it.
DEMO_COLOUR = (0.96, 0.80, 0.80)

# A4 portrait, in mm (the desk's documents) and in points (``A4_POINTS``, platypus).
PAGE_W_MM, PAGE_H_MM = 210.0, 297.0
A4_POINTS = A4

# The built-in faces (no embedding) and the embedded DejaVu faces.
HELVETICA = "Helvetica"
HELVETICA_BOLD = "Helvetica-Bold"
DEJAVU = "DejaVuSans"
DEJAVU_BOLD = "DejaVuSans-Bold"
FONT_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts"


@functools.cache
def register_fonts() -> None:
    """Register the two DejaVu faces once per process (reportlab embeds their subsets)."""
    pdfmetrics.registerFont(TTFont(DEJAVU, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(DEJAVU_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        DEJAVU, normal=DEJAVU, bold=DEJAVU_BOLD, italic=DEJAVU, boldItalic=DEJAVU_BOLD
    )


# --- text ---------------------------------------------------------------------------------


def printable(text: str) -> str:
    """``text`` in the characters the PDF's built-in Helvetica has (Latin-1 and the
    Windows-1252 extras, so French accents and œ stay): others lose their accent, or
    become '?'; line breaks and control characters become spaces."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if unicodedata.category(ch)[0] in "CZ":
            out.append(" ")
        elif _encodable(ch):
            out.append(ch)
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
            )
            out.append(base if base and _encodable(base) else "?")
    return " ".join("".join(out).split())


def _encodable(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def fit_points(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` points at ``size``."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if pdfmetrics.stringWidth(text[:middle].rstrip() + ELLIPSIS, font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


def fit(text: str, font: str, size: float, width_mm: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``width_mm`` at ``size`` points."""
    return fit_points(text, font, size, width_mm * mm)


def day(value: dt.date | None) -> str:
    """``31/01/2026`` (empty for no date)."""
    return value.strftime("%d/%m/%Y") if value is not None else ""


def day_time(value: dt.datetime) -> str:
    """``31/01/2026 14:30``."""
    return value.strftime("%d/%m/%Y %H:%M")


def page_label(number: int, total: int) -> str:
    """What every footer says: ``Page 2 / 3``."""
    return f"Page {number} / {total}"


# --- the cooperative's legal identity ------------------------------------------------------


def _grouped(digits: str, *sizes: int) -> str:
    digits = "".join(digits.split())
    parts, start = [], 0
    for size in sizes:
        parts.append(digits[start : start + size])
        start += size
    parts.append(digits[start:])
    return " ".join(p for p in parts if p)


def capital_words(capital: str) -> str:
    """``18500.00`` → ``au capital de 18 500,00 €``; ``variable`` → ``capital
    variable``; a sentence is kept as written."""
    capital = capital.strip()
    low = capital.casefold()
    if not capital or low.startswith(("capital", "au capital")):
        return capital
    if low == "variable":
        return "capital variable"
    try:
        amount = quantize(Decimal(capital.replace(",", ".").replace(" ", "")))
    except (InvalidOperation, ValueError):
        return f"au capital de {capital}"
    units, cents = format(amount, "f").split(".")
    return f"au capital de {_grouped(units[::-1], *([3] * 10))[::-1]},{cents} €"


@dataclass(frozen=True)
class Identity:
    """What every document the cooperative hands out says of it (INVOICING-FR.md §1.2):
    name, legal form and capital, address, SIREN/SIRET, RCS, VAT number, contact."""

    name: str
    legal_form: str = ""
    capital: str = ""
    address: str = ""  # lines separated by new lines or ";"
    siren: str = ""
    siret: str = ""
    rcs: str = ""
    vat_number: str = ""
    email: str = ""
    phone: str = ""

    def lines(self) -> tuple[str, str]:
        """Two lines for a footer: who and where; the registrations."""
        form = " ".join(x for x in (self.legal_form, capital_words(self.capital)) if x)
        address = ", ".join(
            part.strip() for part in self.address.replace(";", "\n").splitlines() if part.strip()
        )
        who = [x for x in (self.name, form, address, self.phone, self.email) if x]
        ids = []
        if self.siret:
            ids.append(f"SIRET {_grouped(self.siret, 3, 3, 3)}")
        if self.siren or self.siret:
            ids.append(f"SIREN {_grouped(self.siren or self.siret[:9], 3, 3)}")
        if self.rcs:
            ids.append(self.rcs)
        if self.vat_number:
            ids.append(f"N° TVA intracom. {self.vat_number}")
        return " · ".join(who), " · ".join(ids)


# --- the demo mark and the logo ------------------------------------------------------------


def draw_demo_mark(canvas: Canvas, *, embedded: bool = False) -> None:
    """``DEMO_MARK`` across the page, diagonally, in a light opaque colour; call it before
    drawing the page's content (it is then under it). In the built-in Helvetica Bold (the
    desk's documents), or in the embedded DejaVu Sans Bold with ``embedded`` (the
    invoicing documents: PDF/A wants every font embedded)."""
    if embedded:
        register_fonts()
    _draw_mark(canvas, DEJAVU_BOLD if embedded else HELVETICA_BOLD)


def _draw_mark(canvas: Canvas, font: str) -> None:
    width, height = canvas._pagesize
    size = 64.0
    diagonal = (width**2 + height**2) ** 0.5
    while size > 20 and pdfmetrics.stringWidth(DEMO_MARK, font, size) > diagonal * 0.8:
        size -= 2
    canvas.saveState()
    canvas.setFillColorRGB(*DEMO_COLOUR)
    canvas.setFont(font, size)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))
    canvas.drawCentredString(0, -size / 3, DEMO_MARK)
    canvas.restoreState()


#: A logo as the documents take it: image bytes (PNG or JPEG: ``settings.logo_bytes``) or
#: a file path.
Logo = bytes | str | PathLike[str] | None


def logo_png(logo: Logo) -> tuple[bytes, int, int] | None:
    """The logo as PNG bytes with its transparency flattened on white (PDF/A has none),
    and its size in pixels; None for no logo, or an image that cannot be read (the
    document is then printed without one rather than not at all)."""
    if logo is None or logo == b"":
        return None
    if isinstance(logo, bytes):
        return _flat_png(logo)  # the setting's bytes: decoded once per process
    return _flatten(logo)


@functools.lru_cache(maxsize=4)
def _flat_png(logo: bytes) -> tuple[bytes, int, int] | None:
    return _flatten(io.BytesIO(logo))


def _flatten(source: BinaryIO | str | PathLike[str]) -> tuple[bytes, int, int] | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(source) as image:
            image.load()
            if image.mode in ("RGBA", "LA", "P", "PA"):
                rgba = image.convert("RGBA")
                flat = Image.new("RGB", rgba.size, (255, 255, 255))
                flat.paste(rgba, mask=rgba.getchannel("A"))
            else:
                flat = image.convert("RGB")
    except (OSError, UnidentifiedImageError, ValueError):
        return None
    buffer = io.BytesIO()
    flat.save(buffer, format="PNG")
    return buffer.getvalue(), flat.size[0], flat.size[1]


def draw_logo(
    canvas: Canvas, logo: Logo, *, right: float, bottom: float, width: float, height: float
) -> bool:
    """The logo right-aligned on ``right``, its bottom on ``bottom``, within ``width`` ×
    ``height`` (all in mm), its proportions kept; False (nothing drawn) without one."""
    flat = logo_png(logo)
    if flat is None:
        return False
    from reportlab.lib.utils import ImageReader

    png, pixels_w, pixels_h = flat
    scale = min(width / pixels_w, height / pixels_h)
    w, h = pixels_w * scale, pixels_h * scale
    canvas.drawImage(ImageReader(io.BytesIO(png)), (right - w) * mm, bottom * mm, w * mm, h * mm)
    return True


# --- canvases -----------------------------------------------------------------------------


def new_canvas(out: Target, *, author: str, title: str) -> Canvas:
    """An A4 canvas writing to ``out`` (a path or a binary stream), for documents that
    place every page themselves (they know their page count before drawing)."""
    target = out if isinstance(out, io.IOBase) else str(out)
    canvas = Canvas(target, pagesize=(PAGE_W_MM * mm, PAGE_H_MM * mm))
    canvas.setCreator(CREATOR)
    canvas.setAuthor(printable(author))
    canvas.setTitle(title)
    return canvas


class PagedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no types
    """Keeps every page until the end so that each can say "Page n / N".

    ``footer(canvas, page, total)`` draws each page's footer once the total is known.
    """

    def __init__(
        self, *args: Any, footer: Callable[[Canvas, int, int], None], **kwargs: Any
    ) -> None:
        kwargs["pdfVersion"] = (1, 7)
        kwargs["initialFontName"] = DEJAVU
        super().__init__(*args, **kwargs)
        self._draw_footer = footer
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(self, self._pageNumber, total)
            super().showPage()
        super().save()


def build_flow(
    out: BinaryIO,
    flow: list[Flowable],
    *,
    title: str,
    author: str,
    later: Callable[[Canvas], None],
    footer: Callable[[Canvas, int, int], None],
    underlay: Callable[[Canvas], None] | None = None,
    margin: float = 15 * mm,
    first_top: float = 14 * mm,
    later_top: float = 24 * mm,
    bottom: float = 24 * mm,
) -> int:
    """Lay ``flow`` out on A4 pages into ``out``: page 1 from ``first_top`` below the top
    edge, later pages from ``later_top`` (``later`` draws their running header), every
    page ending ``bottom`` above the bottom edge with ``footer``; ``underlay`` draws under
    every page's content (the demo mark). PDF 1.7, French, RGB, DejaVu only
    (PDF/A-minded). Returns the number of pages."""
    register_fonts()
    page_w, page_h = A4_POINTS
    template = BaseDocTemplate(
        out,
        pagesize=A4_POINTS,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=first_top,
        bottomMargin=bottom,
        title=title,
        author=author,
        subject=title,
        creator=CREATOR,
        lang="fr-FR",
        initialFontName=DEJAVU,
        enforceColorSpace="rgb",
    )
    width = page_w - 2 * margin
    pads = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    first = Frame(margin, bottom, width, page_h - first_top - bottom, id="first", **pads)
    later_frame = Frame(margin, bottom, width, page_h - later_top - bottom, id="later", **pads)
    under = underlay or (lambda _canvas: None)

    def on_first(canvas: Canvas, _doc: object) -> None:
        under(canvas)

    def on_later(canvas: Canvas, _doc: object) -> None:
        under(canvas)
        later(canvas)

    template.addPageTemplates(
        [
            PageTemplate("first", [first], onPage=on_first, autoNextPageTemplate="later"),
            PageTemplate("later", [later_frame], onPage=on_later),
        ]
    )

    def canvasmaker(*args: Any, **kwargs: Any) -> PagedCanvas:
        return PagedCanvas(*args, footer=footer, **kwargs)

    template.build(flow, canvasmaker=canvasmaker)
    return int(template.page)


def to_bytes(draw: Callable[[BinaryIO], object]) -> bytes:
    """The PDF ``draw(stream)`` writes, as bytes."""
    buffer = io.BytesIO()
    draw(buffer)
    return buffer.getvalue()
