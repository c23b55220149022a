"""The A4 PDF of a quote (devis), an invoice (facture) or a credit note (avoir), in French.

reportlab platypus: page 1 opens with the cooperative's identity and the document box
(title, number, dates), then the booking (event, venue = delivery address, period, rate)
beside the customer block; the lines table splits across pages and repeats its header
row; the VAT breakdown and the totals, then the mentions (nature of the operations,
payment by transfer, payment terms, notes; a quote's deposit, validity and "Bon pour
accord" box). Every page has the legal footer and "Page n / N".

PDF/A-minded (docs/PDFA.md): only the embedded DejaVu TrueType fonts (the canvas's
initial font too, or reportlab would list a non-embedded Helvetica), RGB colours only,
no transparency (a logo's alpha is flattened on white), PDF 1.7, ``/Lang fr-FR``.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.core import pdf
from app.core.money import quantize, round_half_up
from booking.countries import country_name
from invoicing import vat_rules
from invoicing.document import Document, Kind, Line, Nature, Party, VatCategory
from invoicing.facturx_xml import missing_payment_notes

FONT = pdf.DEJAVU
BOLD = pdf.DEJAVU_BOLD

TITLES = {Kind.QUOTE: "DEVIS", Kind.INVOICE: "FACTURE", Kind.CREDIT_NOTE: "AVOIR"}
NATURES = {
    Nature.SERVICES: "Prestations de services",
    Nature.GOODS: "Livraisons de biens",
    Nature.MIXED: "Livraisons de biens et prestations de services",
}
#: UN/ECE Recommendation 20 codes, as printed (singular, plural).
UNITS: dict[str, tuple[str, str]] = {
    "DAY": ("jour", "jours"),
    "HUR": ("heure", "heures"),
    "WEE": ("semaine", "semaines"),
    "MON": ("mois", "mois"),
    "C62": ("u.", "u."),
    "H87": ("pièce", "pièces"),
    "XPP": ("pièce", "pièces"),
    "SET": ("lot", "lots"),
    "MTR": ("m", "m"),
    "KGM": ("kg", "kg"),
    "LTR": ("L", "L"),
    "KMT": ("km", "km"),
    "LS": ("forfait", "forfaits"),
}

NNBSP = "\u202f"  # narrow no-break space: thousands separator
NBSP = "\u00a0"  # before "€", "%" and ":"

PAGE_W, PAGE_H = pdf.A4_POINTS
LEFT = RIGHT = 15 * mm
WIDTH = PAGE_W - LEFT - RIGHT
FOOTER_TOP = 24 * mm

INK = colors.HexColor("#1d232a")
GREY = colors.HexColor("#5b6670")
RULE = colors.HexColor("#b9c1c8")
ACCENT = colors.HexColor("#23405c")
BAND = colors.HexColor("#eef1f4")
ZEBRA = colors.HexColor("#f7f8fa")
WHITE = colors.HexColor("#ffffff")


# --- shared page machinery (app.core.pdf), under the names the invoicing documents use ---

register_fonts = pdf.register_fonts
fit = pdf.fit_points
date = pdf.day
PagedCanvas = pdf.PagedCanvas


# --- French formatting (pure) -------------------------------------------------------------


def money(value: Decimal, currency: str = "EUR") -> str:
    """``1 234,56 €`` (narrow no-break space between thousands, no-break space before
    the symbol, decimal comma), rounded half-up to the cent (``money.quantize``)."""
    value = quantize(value)
    sign = "-" if value < 0 else ""
    units, cents = format(abs(value), "f").split(".")
    groups: list[str] = []
    while len(units) > 3:
        groups.insert(0, units[-3:])
        units = units[:-3]
    groups.insert(0, units)
    symbol = "€" if currency == "EUR" else currency
    return f"{sign}{NNBSP.join(groups)},{cents}{NBSP}{symbol}"


def number(value: Decimal, places: int = 4) -> str:
    """A quantity or a rate: ``3``, ``2,5``, ``1 250`` (no trailing zeros; rounded half-up
    to ``places``)."""
    text = format(round_half_up(value, places).normalize(), "f")
    units, _, decimals = text.partition(".")
    sign = "-" if units.startswith("-") else ""
    units = units.lstrip("-")
    groups: list[str] = []
    while len(units) > 3:
        groups.insert(0, units[-3:])
        units = units[:-3]
    groups.insert(0, units)
    return sign + NNBSP.join(groups) + ("," + decimals if decimals else "")


#: A unit price is printed with the decimals it has, up to the six of the Factur-X XML
#: (BT-146/BT-148, BR-FR-DEC-03), so that quantity × printed price, rounded half-up to
#: the cent, is the printed line amount.
PRICE_PLACES = 6


def unit_price(value: Decimal, currency: str = "EUR") -> str:
    """``116,025 €``: at least two decimals, more when the price has them (never rounded
    to the cent: 5 × 116,025 € = 580,13 €, where 5 × 116,02 € would not be)."""
    exact = round_half_up(value, PRICE_PLACES)
    if exact == quantize(exact):
        return money(exact, currency)
    text = money(Decimal(0), currency)  # the symbol and its spacing
    symbol = text.split(NBSP, 1)[1]
    return f"{number(exact, PRICE_PLACES)}{NBSP}{symbol}"


def percent(value: Decimal) -> str:
    return f"{number(value, 2)}{NBSP}%"


def unit_label(code: str, quantity: Decimal) -> str:
    singular, plural = UNITS.get(code.upper(), (code, code))
    return plural if abs(quantity) > 1 else singular


def grouped(digits: str, *sizes: int) -> str:
    """``932817455`` → ``932 817 455`` (SIREN 3-3-3, SIRET 3-3-3-5, IBAN 4-4-…)."""
    digits = "".join(digits.split())
    if not sizes:
        return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    parts, start = [], 0
    for size in sizes:
        parts.append(digits[start : start + size])
        start += size
    parts.append(digits[start:])
    return " ".join(p for p in parts if p)


def capital_text(capital: str) -> str:
    capital = capital.strip()
    if not capital:
        return ""
    low = capital.casefold()
    if low.startswith(("capital", "au capital")):
        return capital
    if low == "variable":
        return "capital variable"
    try:  # a bare amount ("18500.00") is printed as money: "18 500,00 €"
        return f"au capital de {money(Decimal(capital.replace(',', '.')))}"
    except (ArithmeticError, ValueError):
        return f"au capital de {capital}"


def legal_line(seller: Party) -> str:
    """Name, legal form and capital, SIRET/SIREN, RCS, VAT number: one line."""
    parts = [seller.name]
    form = " ".join(x for x in (seller.legal_form, capital_text(seller.capital)) if x)
    if form:
        parts.append(form)
    if seller.siret:
        parts.append(f"SIRET {grouped(seller.siret, 3, 3, 3)}")
    elif seller.siren:
        parts.append(f"SIREN {grouped(seller.siren, 3, 3)}")
    if seller.rcs:
        parts.append(seller.rcs)
    if seller.vat_number:
        parts.append(f"TVA intracom. {seller.vat_number}")
    return " · ".join(parts)


# --- styles -------------------------------------------------------------------------------


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base = {"fontName": FONT, "fontSize": 8.5, "leading": 11, "textColor": INK}
    base.update(kw)
    return ParagraphStyle(name, **base)


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "body": _style("body"),
        "small": _style("small", fontSize=7.5, leading=9.5, textColor=GREY),
        "label": _style("label", fontSize=7, leading=9, textColor=GREY),
        "seller": _style("seller", fontName=BOLD, fontSize=13, leading=16, textColor=ACCENT),
        "title": _style(
            "title", fontName=BOLD, fontSize=22, leading=26, alignment=TA_RIGHT, textColor=ACCENT
        ),
        "meta": _style("meta", alignment=TA_RIGHT, fontSize=9, leading=12.5),
        "box_title": _style("box_title", fontName=BOLD, fontSize=7.5, leading=10, textColor=ACCENT),
        "strong": _style("strong", fontName=BOLD, fontSize=9.5, leading=12),
        "cell": _style("cell", fontSize=8, leading=10),
        "cell_detail": _style("cell_detail", fontSize=7, leading=8.8, textColor=GREY),
        "num": _style("num", fontSize=8, leading=10, alignment=TA_RIGHT),
        "num_detail": _style(
            "num_detail", fontSize=6.5, leading=8.5, textColor=GREY, alignment=TA_RIGHT
        ),
        "head": _style("head", fontName=BOLD, fontSize=7.5, leading=9.5, textColor=WHITE),
        "head_r": _style(
            "head_r", fontName=BOLD, fontSize=7.5, leading=9.5, textColor=WHITE, alignment=TA_RIGHT
        ),
        "total": _style("total", fontSize=9, leading=12, alignment=TA_RIGHT),
        "total_l": _style("total_l", fontSize=9, leading=12, alignment=TA_LEFT),
        "grand": _style("grand", fontName=BOLD, fontSize=10.5, leading=13.5, alignment=TA_RIGHT),
        "grand_l": _style("grand_l", fontName=BOLD, fontSize=10.5, leading=13.5),
        "cite": _style("cite", fontName=BOLD, fontSize=10, leading=13, textColor=ACCENT),
        "terms": _style("terms", fontSize=7.8, leading=10.2),
    }


def P(text: str, style: str = "body") -> Paragraph:  # noqa: N802 - platypus idiom
    return Paragraph(text, styles()[style])


def esc(text: str) -> str:
    return escape(" ".join(text.split()))


def lines_of(text: str) -> list[str]:
    return [esc(part) for part in text.splitlines() if part.strip()]


# --- canvas: page numbers, footer, running header -----------------------------------------


def footer_lines(seller: Party, *, with_bank: bool = True) -> list[str]:
    """The legal footer: identity, registrations, contact and (unless ``with_bank`` is
    false: a credit note asks for no payment) bank."""
    form = " ".join(x for x in (seller.legal_form, capital_text(seller.capital)) if x)
    bank = []
    if seller.iban and with_bank:
        bank.append(f"IBAN {grouped(seller.iban)}")
    if seller.bic and with_bank:
        bank.append(f"BIC {seller.bic}")
    first = " · ".join(x for x in (seller.name, form, *bank) if x)
    ids = []
    if seller.siret:
        ids.append(f"SIRET {grouped(seller.siret, 3, 3, 3)}")
    if seller.siren:
        ids.append(f"SIREN {grouped(seller.siren, 3, 3)}")
    if seller.rcs:
        ids.append(seller.rcs)
    if seller.vat_number:
        ids.append(f"N° TVA intracom. {seller.vat_number}")
    street = seller.address.splitlines()[0].strip() if seller.address.strip() else ""
    contact = [street, f"{seller.postcode} {seller.city}".strip(), seller.phone, seller.email]
    return [first, " · ".join(ids), " · ".join(x for x in contact if x)]


def draw_footer(
    canvas: Canvas,
    reference: str,
    seller: Party,
    page: int,
    total: int,
    *,
    with_bank: bool = True,
) -> None:
    """The footer of every page: ``reference`` and "Page n / N" over the legal lines."""
    canvas.saveState()
    rule_y = FOOTER_TOP - 5 * mm
    canvas.setFont(FONT, 7)
    canvas.setFillColor(GREY)
    canvas.drawString(LEFT, rule_y + 1.6 * mm, reference)
    canvas.setFont(BOLD, 7.5)
    canvas.setFillColor(INK)
    canvas.drawRightString(PAGE_W - RIGHT, rule_y + 1.6 * mm, pdf.page_label(page, total))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(LEFT, rule_y, PAGE_W - RIGHT, rule_y)
    canvas.setFillColor(GREY)
    size = 6.5
    canvas.setFont(FONT, size)
    for i, text in enumerate(footer_lines(seller, with_bank=with_bank)):
        text = fit(text, FONT, size, WIDTH)
        canvas.drawCentredString(PAGE_W / 2, rule_y - (3.4 + i * 3.0) * mm, text)
    canvas.restoreState()


def draw_later_header(canvas: Canvas, seller_name: str, title: str, subtitle: str) -> None:
    """The running header of pages 2+: the seller on the left, ``title`` over ``subtitle``."""
    canvas.saveState()
    canvas.setFont(BOLD, 9)
    canvas.setFillColor(ACCENT)
    canvas.drawString(LEFT, PAGE_H - 14 * mm, fit(seller_name, BOLD, 9, WIDTH / 2))
    canvas.setFillColor(INK)
    canvas.drawRightString(PAGE_W - RIGHT, PAGE_H - 14 * mm, title)
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(GREY)
    canvas.drawRightString(PAGE_W - RIGHT, PAGE_H - 18 * mm, fit(subtitle, FONT, 7.5, WIDTH / 2))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(LEFT, PAGE_H - 20.5 * mm, PAGE_W - RIGHT, PAGE_H - 20.5 * mm)
    canvas.restoreState()


# --- blocks -------------------------------------------------------------------------------


def _logo(logo: pdf.Logo) -> Flowable | None:
    """The logo (image bytes or a file), at most 40 × 15 mm, its transparency flattened on
    white (PDF/A); None without one (or one that cannot be read)."""
    flat = pdf.logo_png(logo)
    if flat is None:
        return None
    from reportlab.platypus import Image

    png, width, height = flat
    scale = min(40 * mm / width, 15 * mm / height)
    return Image(io.BytesIO(png), width=width * scale, height=height * scale)


def seller_block(seller: Party, logo: pdf.Logo) -> list[Flowable]:
    """The letterhead: the logo, the seller's name, form, address, registrations, contact."""
    block: list[Flowable] = []
    image = _logo(logo)
    if image is not None:
        image.hAlign = "LEFT"
        block += [image, Spacer(1, 2 * mm)]
    block.append(P(esc(seller.name), "seller"))
    form = " ".join(x for x in (seller.legal_form, capital_text(seller.capital)) if x)
    if form:
        block.append(P(esc(form), "small"))
    address = lines_of(seller.address) + [esc(f"{seller.postcode} {seller.city}".strip())]
    if seller.country.upper() != "FR":
        address.append(esc(country_name(seller.country)))
    block.append(P("<br/>".join(a for a in address if a), "body"))
    ids = []
    if seller.siret:
        ids.append(f"SIRET{NBSP}{grouped(seller.siret, 3, 3, 3)}")
    if seller.siren:
        ids.append(f"SIREN{NBSP}{grouped(seller.siren, 3, 3)}")
    if seller.rcs:
        ids.append(esc(seller.rcs))
    if seller.vat_number:
        ids.append(f"N° TVA intracom. {esc(seller.vat_number)}")
    contact = [esc(x) for x in (seller.phone, seller.email) if x]
    block.append(P("<br/>".join([" · ".join(ids[:2]), " · ".join(ids[2:])]), "small"))
    if contact:
        block.append(P(" · ".join(contact), "small"))
    return block


def references(document: Document) -> list[tuple[str, str]]:
    """The references the buyer needs to match the document: theirs first (BT-10: a public
    buyer's Chorus Pro service code), their order or commitment (BT-13), then ours."""
    rows = []
    if document.buyer_reference:
        label = "Code service" if document.buyer.public_buyer else "Votre référence"
        rows.append((label, esc(document.buyer_reference)))
    if document.order_reference:
        rows.append(("Bon de commande / n° d'engagement", esc(document.order_reference)))
    if document.booking_reference:
        rows.append(("Notre référence", esc(document.booking_reference)))
    return rows


def _document_box(document: Document) -> list[Flowable]:
    rows = []
    if document.number:
        rows.append(("N°", f"<b>{esc(document.number)}</b>"))
    else:
        rows.append(("N°", "<b>brouillon, non numéroté</b>"))
    rows.append(("Date", date(document.issue_date)))
    if document.kind == Kind.QUOTE:
        if document.validity_date:
            rows.append(("Valable jusqu'au", f"<b>{date(document.validity_date)}</b>"))
    elif document.due_date and document.kind == Kind.INVOICE:
        rows.append(("Échéance", f"<b>{date(document.due_date)}</b>"))
    rows += references(document)
    meta = "<br/>".join(
        f'<font color="#5b6670" size="8">{label}{NBSP}:</font> {value}' for label, value in rows
    )
    return [P(TITLES[document.kind], "title"), Spacer(1, 1.5 * mm), P(meta, "meta")]


def box(title: str, body: list[Flowable], width: float) -> Table:
    table = Table([[P(title, "box_title")], [body]], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8),
                ("BACKGROUND", (0, 0), (-1, 0), BAND),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, 0), 1.3 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 1.1 * mm),
                ("TOPPADDING", (0, 1), (-1, 1), 2 * mm),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 2.5 * mm),
            ]
        )
    )
    return table


def customer_block(buyer: Party) -> list[Flowable]:
    parts = [P(f"<b>{esc(buyer.name)}</b>", "strong")]
    address = lines_of(buyer.address) + [esc(f"{buyer.postcode} {buyer.city}".strip())]
    if buyer.country.upper() != "FR":
        address.append(esc(country_name(buyer.country)))
    parts.append(P("<br/>".join(a for a in address if a)))
    ids = []
    if buyer.customer_number:
        ids.append(f"N° client{NBSP}: {esc(buyer.customer_number)}")
    if buyer.siret:
        ids.append(f"SIRET{NBSP}: {grouped(buyer.siret, 3, 3, 3)}")
    elif buyer.siren:
        ids.append(f"SIREN{NBSP}: {grouped(buyer.siren, 3, 3)}")
    if buyer.vat_number:
        ids.append(f"N° TVA{NBSP}: {esc(buyer.vat_number)}")
    if ids:
        parts += [Spacer(1, 1.2 * mm), P("<br/>".join(ids), "small")]
    return parts


def _booking_block(document: Document) -> list[Flowable]:
    rows = []
    if document.event:
        rows.append(("Événement", esc(document.event)))
    if document.venue:
        rows.append(("Lieu de livraison", esc(document.venue)))
    if document.period_start and document.period_end:
        if document.period_start == document.period_end:
            rows.append(("Date de la prestation", f"le {date(document.period_start)}"))
        else:
            period = f"du {date(document.period_start)} au {date(document.period_end)}"
            rows.append(("Période", period))
    elif document.period_end or document.period_start:
        rows.append(("Date de la prestation", date(document.period_end or document.period_start)))
    if document.rate_label:
        rows.append(("Tarif appliqué", esc(document.rate_label)))
    if not rows:
        return [P("—")]
    return [
        P(f'<font color="#5b6670" size="7.5">{label}{NBSP}:</font> {value}')
        for label, value in rows
    ]


# --- lines table --------------------------------------------------------------------------

#: How a line's VAT column names a category without a rate: short words a reader
#: understands (the full wording and the legal article are under the VAT breakdown), with
#: no-break spaces, in a column as wide as the longest of them (``vat_column_width``).
CATEGORY_SHORT = {
    VatCategory.EXEMPT: "Exo.",
    VatCategory.OUT_OF_SCOPE: f"Hors{NBSP}ch.",
    VatCategory.REVERSE_CHARGE: "Autoliq.",
    # G: an export of goods or a service to a buyer outside the EU (the reasons, per
    # line kind, under the breakdown): one neutral word for both
    VatCategory.EXPORT: f"Hors{NBSP}UE",
    VatCategory.INTRA_EU: f"Exo.{NBSP}UE",
}
#: How the VAT breakdown names a category without a rate.
CATEGORY_LABEL = {
    VatCategory.EXEMPT: "Exonéré",
    VatCategory.OUT_OF_SCOPE: "Hors champ",
    VatCategory.REVERSE_CHARGE: "Autoliquidation",
    VatCategory.EXPORT: f"Hors{NBSP}UE",
    VatCategory.INTRA_EU: f"Livraison{NBSP}intracom.",
}
#: A cooperative under the VAT franchise (art. 293 B du CGI) charges no VAT: its lines and
#: breakdown say "not applicable" rather than "exempt" (the article is printed under).
FRANCHISE_SHORT = f"Non{NBSP}appl."
FRANCHISE_LABEL = f"Non{NBSP}applicable"
#: A table cell's left and right padding (lines table and VAT breakdown).
CELL_PAD: float = 1.6 * mm
#: Room for the width of a glyph run measured by reportlab vs. the one it lays out.
_SLACK: float = 1 * mm


def _fitting(texts: Iterable[str], font: str, size: float) -> float:
    """The width of a column whose widest text, in this font, fits on one line."""
    register_fonts()
    widest = max(float(pdfmetrics.stringWidth(text, font, size)) for text in texts)
    return widest + 2 * CELL_PAD + _SLACK


def vat_column_width() -> float:
    """The lines table's TVA column: its header, a rate ("20 %", "5,5 %", "19,6 %") and
    every category's short word fit on one line."""
    texts = [
        *CATEGORY_SHORT.values(),
        FRANCHISE_SHORT,
        percent(Decimal("19.6")),
        percent(Decimal("20")),
    ]
    return max(_fitting(texts, FONT, 8), _fitting(["TVA"], BOLD, 7.5))


def breakdown_label_width() -> float:
    """The VAT breakdown's first column: "Taux de TVA", a rate and every category's label
    fit on one line."""
    return max(
        _fitting([*CATEGORY_LABEL.values(), FRANCHISE_LABEL, percent(Decimal("19.6"))], FONT, 8),
        _fitting(["Taux de TVA"], BOLD, 7.5),
    )


COLUMNS = (
    ("Désignation", None),
    ("Qté", 13 * mm),
    ("Unité", 13 * mm),
    ("PU HT", 26 * mm),
    ("Remise", 15 * mm),
    ("TVA", None),
    ("Montant HT", 26 * mm),
)


def _col_widths() -> list[float]:
    widths: list[float | None] = [w for _, w in COLUMNS]
    widths[5] = vat_column_width()
    fixed = sum(w for w in widths if w is not None)
    return [w if w is not None else WIDTH - fixed for w in widths]


def _period_text(start: Any, end: Any) -> str:
    if start and end and start != end:
        return f"du {date(start)} au {date(end)}"
    return f"le {date(start or end)}"


def own_periods(document: Document) -> bool:
    """Whether the lines' periods of use are printed: some line has one that differs from
    the document's period (BG-26 beside BG-14)."""
    whole = (document.period_start, document.period_end)
    return any(
        (ln.period_start or ln.period_end) and (ln.period_start, ln.period_end) != whole
        for ln in document.lines
    )


def line_cells(line: Line, currency: str = "EUR") -> tuple[str, str, str, str, str]:
    """The printed quantity, unit price (the gross price when discounted), discount, net
    unit price ("" without a discount) and line amount. ``quantity × unit price × (1 −
    discount)``, rounded half-up to the cent, is the line amount (as the XML's BT-131 is
    BT-129 × BT-146)."""
    gross = line.gross_unit_price
    discounted = gross is not None and bool(line.discount_percent)
    shown_price = gross if gross is not None and discounted else line.unit_price
    return (
        number(line.quantity),
        unit_price(shown_price, currency),
        percent(line.discount_percent) if discounted else "—",
        unit_price(line.unit_price, currency) if discounted else "",
        money(line.net, currency),
    )


def _line_row(line: Line, currency: str, periods: bool = False) -> list[Any]:
    text = esc(line.description)
    if line.item_code:
        text = f'<font color="#5b6670" size="7">{esc(line.item_code)}</font>  {text}'
    cell: list[Flowable] = [P(text, "cell")]
    if line.detail.strip():
        cell.append(P(esc(line.detail), "cell_detail"))
    if periods and (line.period_start or line.period_end):
        used = _period_text(line.period_start, line.period_end)
        cell.append(P(f"Période d'utilisation{NBSP}: {used}", "cell_detail"))
    quantity, price, discount, net_price, net = line_cells(line, currency)
    price_cell: list[Flowable] = [P(price, "num")]
    if net_price:
        price_cell.append(P(f"net {net_price}", "num_detail"))
    if line.vat_category == VatCategory.STANDARD:
        vat = percent(line.vat_rate)
    elif line.exemption_reason == vat_rules.FRANCHISE:
        vat = FRANCHISE_SHORT
    else:
        vat = CATEGORY_SHORT.get(line.vat_category, line.vat_category.value)
    return [
        cell,
        P(quantity, "num"),
        P(esc(unit_label(line.unit, line.quantity)), "cell"),
        price_cell,
        P(discount, "num"),
        P(vat, "num"),
        P(net, "num"),
    ]


def _lines_table(document: Document) -> Table:
    header = [P(name, "head" if i in (0, 2) else "head_r") for i, (name, _) in enumerate(COLUMNS)]
    periods = own_periods(document)
    data = [header] + [_line_row(line, document.currency, periods) for line in document.lines]
    table = Table(data, colWidths=_col_widths(), repeatRows=1, hAlign="LEFT")
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.1 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.3 * mm),
        ("LINEBELOW", (0, 1), (-1, -1), 0.35, RULE),
    ]
    for row in range(2, len(data), 2):
        style.append(("BACKGROUND", (0, row), (-1, row), ZEBRA))
    table.setStyle(TableStyle(style))
    return table


# --- totals -------------------------------------------------------------------------------


def _vat_table(document: Document, width: float) -> Table:
    cur = document.currency
    data: list[list[Any]] = [[P("Taux de TVA", "head"), P("Base HT", "head_r"), P("TVA", "head_r")]]
    for vat in document.vat:
        if vat.category == VatCategory.STANDARD:
            label = percent(vat.rate)
        elif vat.exemption_code == vat_rules.FRANCHISE_CODE:
            label = FRANCHISE_LABEL
        else:
            label = CATEGORY_LABEL.get(vat.category, vat.category.value)
        data.append(
            [P(label, "cell"), P(money(vat.base, cur), "num"), P(money(vat.amount, cur), "num")]
        )
    label_w = breakdown_label_width()
    amount_w = (width - label_w) / 2
    table = Table(data, colWidths=[label_w, amount_w, amount_w], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8),
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.35, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 1.3 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.4 * mm),
            ]
        )
    )
    return table


def _totals_table(document: Document, width: float) -> Table:
    cur = document.currency
    grand_label = "Total TTC de l'avoir" if document.kind == Kind.CREDIT_NOTE else "Total TTC"
    rows = [
        ("Total HT", money(document.net_total, cur), False),
        ("Total TVA", money(document.vat_total, cur), False),
        (grand_label, money(document.gross_total, cur), True),
    ]
    if document.paid_amount and document.kind != Kind.QUOTE:
        rows.append(("Déjà réglé", money(-document.paid_amount, cur), False))
        due_label = "Reste dû" if document.kind == Kind.CREDIT_NOTE else "Net à payer"
        rows.append((due_label, money(document.due_amount, cur), True))
    data = [
        [P(label, "grand_l" if strong else "total_l"), P(value, "grand" if strong else "total")]
        for label, value, strong in rows
    ]
    table = Table(data, colWidths=[width * 0.55, width * 0.45], hAlign="RIGHT")
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.4 * mm),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
    ]
    for i, (_, _, strong) in enumerate(rows):
        if strong:
            style.append(("BACKGROUND", (0, i), (-1, i), BAND))
            style.append(("LINEABOVE", (0, i), (-1, i), 0.8, ACCENT))
    table.setStyle(TableStyle(style))
    return table


def exemption_reasons(document: Document) -> list[str]:
    """Each VAT total's exemption wording (BT-120), once: "Autoliquidation",
    "Exonération de TVA, article 262 ter I du CGI", "TVA non applicable…"."""
    return list(
        dict.fromkeys(
            v.exemption_reason.strip() for v in document.vat if v.exemption_reason.strip()
        )
    )


def _vat_column(document: Document, width: float) -> list[Flowable]:
    """The VAT breakdown with, under it, why a base bears no French VAT."""
    column: list[Flowable] = [_vat_table(document, width)]
    for reason in exemption_reasons(document):
        column += [Spacer(1, 1.2 * mm), P(f"<b>{esc(reason)}</b>", "terms")]
    return column


def _totals(document: Document) -> Flowable:
    left_w, gap = 86 * mm, 8 * mm
    right_w = WIDTH - left_w - gap
    table = Table(
        [[_vat_column(document, left_w), "", _totals_table(document, right_w)]],
        colWidths=[left_w, gap, right_w],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


# --- mentions -----------------------------------------------------------------------------


def _mentions(document: Document) -> list[Flowable]:
    out: list[Flowable] = []
    seller = document.seller

    def item(label: str, text: str, style: str = "terms") -> None:
        out.append(P(f"<b>{label}{NBSP}:</b> {text}", style))
        out.append(Spacer(1, 1.2 * mm))

    item("Nature des opérations", NATURES[document.nature])
    if document.kind == Kind.QUOTE:
        if document.deposit_note:
            item(*deposit_item(document.deposit_note))
        if document.validity_date:
            item("Validité", f"devis valable jusqu'au {date(document.validity_date)}.")
    if document.kind == Kind.CREDIT_NOTE:
        # Nothing to pay: no payment terms, penalties or bank details, only how the
        # credit is settled.
        item("Règlement", esc(settlement_text(document)))
    else:
        if seller.iban:
            bank = f"par virement · IBAN {grouped(seller.iban)}"
            if seller.bic:
                bank += f" · BIC {esc(seller.bic)}"
            if document.number and document.kind == Kind.INVOICE:
                bank += f" · référence à rappeler{NBSP}: {esc(document.number)}"
            item("Règlement", bank)
        terms = [esc(document.payment_terms)] if document.payment_terms.strip() else []
        if document.kind != Kind.QUOTE:
            terms += [esc(t) for t in missing_payment_notes(document)]
        if terms:
            item("Conditions de paiement", " ".join(terms))
    if document.kind != Kind.QUOTE and document.deposit_note:
        item(*deposit_item(document.deposit_note))
    for note in document.notes:
        if note.strip():
            out.append(P(esc(note), "terms"))
            out.append(Spacer(1, 1.2 * mm))
    return out


def deposit_item(note: str) -> tuple[str, str]:
    """The deposit mention as (bold label, text), "Caution" said once: the note already
    names it ("Caution demandée : 1 000,00 € — non facturée" → "Caution demandée" and the
    rest); any other wording, as frozen in an older document, under "Caution"."""
    label, colon, rest = note.partition(":")
    label = label.strip(f" {NBSP}{NNBSP}")
    if colon and rest.strip() and label.casefold().startswith("caution"):
        return esc(label), esc(rest.strip(f" {NBSP}{NNBSP}"))
    return "Caution", esc(note)


#: Words of the invoices' payment terms that a credit note never prints.
_PAYMENT_WORDS = ("pénalit", "penalit", "escompte", "recouvrement", "intérêts", "échéance")


def settlement_text(document: Document) -> str:
    """How a credit note is settled: its own wording (``payment_terms``, written by the
    credit-note service) unless it speaks of paying (penalties, early payment, due
    date), else the standard sentence citing the invoice."""
    own = " ".join(document.payment_terms.split())
    if own and not any(word in own.casefold() for word in _PAYMENT_WORDS):
        return own
    cited = f"la facture n° {document.cited_number or '?'}"
    if document.cited_date:
        cited += f" du {date(document.cited_date)}"
    return (
        f"Avoir sur {cited} : {money(document.gross_total, document.currency)} à déduire du "
        "solde de cette facture, ou remboursé si elle est déjà réglée. Aucun paiement n'est "
        "demandé."
    )


def _signature_box(width: float) -> Table:
    data = [
        [P("<b>Bon pour accord</b>", "body")],
        [P(f"Date{NBSP}:", "small")],
        [P(f"Nom et qualité du signataire{NBSP}:", "small")],
        [P(f"Signature et cachet{NBSP}:", "small")],
    ]
    table = Table(data, colWidths=[width], rowHeights=[6.5 * mm, 6.5 * mm, 6.5 * mm, 20 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8),
                ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                ("BACKGROUND", (0, 0), (-1, 0), BAND),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1.4 * mm),
            ]
        )
    )
    return table


def _quote_closing(mentions: list[Flowable]) -> Flowable:
    """A quote's mentions beside the "Bon pour accord" box."""
    box_w, gap = 72 * mm, 8 * mm
    note = P(
        f"Devis à retourner daté et signé, avec la mention «{NBSP}Bon pour accord{NBSP}».",
        "small",
    )
    table = Table(
        [[mentions, "", [_signature_box(box_w), Spacer(1, 1.5 * mm), note]]],
        colWidths=[WIDTH - box_w - gap, gap, box_w],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


# --- the document -------------------------------------------------------------------------


def story(document: Document, logo: pdf.Logo = None) -> list[Flowable]:
    half = (WIDTH - 8 * mm) / 2
    head = Table(
        [[seller_block(document.seller, logo), _document_box(document)]],
        colWidths=[WIDTH * 0.58, WIDTH * 0.42],
    )
    head.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    parties = Table(
        [
            [
                box("PRESTATION", _booking_block(document), half),
                "",
                box("CLIENT", customer_block(document.buyer), half),
            ]
        ],
        colWidths=[half, 8 * mm, half],
    )
    parties.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    flow: list[Flowable] = [head, Spacer(1, 5 * mm), parties, Spacer(1, 5 * mm)]
    if document.kind == Kind.CREDIT_NOTE:
        cited = f"Avoir sur facture n° {esc(document.cited_number) or '?'}"
        if document.cited_date:
            cited += f" du {date(document.cited_date)}"
        flow += [P(cited, "cite"), Spacer(1, 3 * mm)]
    flow += [_lines_table(document), Spacer(1, 4 * mm)]
    closing: list[Flowable] = [_totals(document), Spacer(1, 5 * mm)]
    mentions = _mentions(document)
    if document.kind == Kind.QUOTE:
        flow.append(KeepTogether([*closing, _quote_closing(mentions)]))
    else:
        flow.append(KeepTogether(closing + mentions[:2]))
        flow += mentions[2:]
    return flow


def is_demo_document(document: Document) -> bool:
    """A document of the demo database (its notes say so: ``issuing.DEMO_NOTE``)."""
    return pdf.DEMO_MARK in document.notes


def demo_underlay(demo: bool) -> Callable[[Canvas], None] | None:
    """What a flowing document draws under each page: the demo mark, or nothing."""
    if not demo:
        return None
    return lambda canvas: pdf.draw_demo_mark(canvas, embedded=True)


def draw(document: Document, out: BinaryIO, *, logo: pdf.Logo = None, title: str = "") -> int:
    """Write the PDF of ``document`` to ``out``; returns the number of pages. A demo
    document has ``pdf.DEMO_MARK`` across every page."""
    register_fonts()
    heading = TITLES[document.kind]
    if document.number:
        heading = f"{heading} n° {document.number}"
    reference = f"{TITLES[document.kind]} {document.number}".strip()

    def later(canvas: Canvas) -> None:
        subtitle = f"{document.buyer.name} · {date(document.issue_date)}"
        draw_later_header(canvas, document.seller.name, f"{heading} (suite)", subtitle)

    def footer(canvas: Canvas, page: int, total: int) -> None:
        with_bank = document.kind != Kind.CREDIT_NOTE
        draw_footer(canvas, reference, document.seller, page, total, with_bank=with_bank)

    flow = story(document, logo)
    return build(
        out,
        flow,
        title=title,
        author=document.seller.name,
        later=later,
        footer=footer,
        underlay=demo_underlay(is_demo_document(document)),
    )


def build(
    out: BinaryIO,
    flow: list[Flowable],
    *,
    title: str,
    author: str,
    later: Callable[[Canvas], None],
    footer: Callable[[Canvas, int, int], None],
    underlay: Callable[[Canvas], None] | None = None,
) -> int:
    """Lay ``flow`` out on A4 pages (``later`` heads pages 2+, ``footer`` ends every page,
    ``underlay`` is drawn under each: the demo mark) into ``out``; returns the number of
    pages."""
    return pdf.build_flow(
        out,
        flow,
        title=title,
        author=author,
        later=later,
        footer=footer,
        underlay=underlay,
        margin=LEFT,
        first_top=14 * mm,
        later_top=24 * mm,
        bottom=FOOTER_TOP,
    )


def pdf_bytes(document: Document, *, logo: pdf.Logo = None, title: str = "") -> bytes:
    return pdf.to_bytes(lambda out: draw(document, out, logo=logo, title=title))


def document_title(document: Document) -> str:
    name = {Kind.QUOTE: "Devis", Kind.INVOICE: "Facture", Kind.CREDIT_NOTE: "Avoir"}
    return f"{name[document.kind]} {document.number}".strip()
