"""The A4 PDF of a monthly statement (relevé de compte), in French.

The look of the invoices (``pdf_layout``: its DejaVu fonts, styles, colours, formatting
helpers, seller and customer blocks and legal footer): page 1 opens with the cooperative's
letterhead and the title "RELEVÉ DE COMPTE" with the period, then the customer beside the
account summary (solde antérieur, factures, avoirs, règlements, solde au dernier jour);
the month's movements with a running balance; the ageing of what is owed and the open
invoices; the month's bookings with their equipment-days; the deposits held, for
information; the amount to pay with the bank details. It repeats no invoice line and no
VAT: "Ce relevé ne constitue pas une facture" (INVOICING-FR.md §5) under the title.

Its date is its "as of" ("Situation au 07/12/2026"): a month over shows its balance at
the month's end and, beside it, what has been paid since on its invoices; the month in
progress shows the balance on the statement's date. PDF/A-3B like the invoices
(``render.pdfa_bytes``: embedded DejaVu only, sRGB OutputIntent, XMP pdfaid part 3).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import os
import re
import threading
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.core.pdf import Logo
from invoicing import pdf_concat
from invoicing import pdf_layout as layout
from invoicing.document import Party
from invoicing.models import PaymentMethod
from invoicing.pdf_layout import (
    ACCENT,
    BAND,
    BOLD,
    FONT,
    NBSP,
    RULE,
    WIDTH,
    ZEBRA,
    P,
    date,
    esc,
    grouped,
    money,
)
from invoicing.statement_model import EntryKind, Statement

TITLE = "RELEVÉ DE COMPTE"
NOT_AN_INVOICE = "Ce relevé ne constitue pas une facture."
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
KINDS = {
    EntryKind.INVOICE: "Facture",
    EntryKind.CREDIT_NOTE: "Avoir",
    EntryKind.PAYMENT: "Règlement",
    EntryKind.REVERSAL: "Annulation de règlement",
    EntryKind.REFUND: "Remboursement",
}
METHODS = {
    PaymentMethod.VIREMENT.value: "virement",
    PaymentMethod.CHEQUE.value: "chèque",
    PaymentMethod.CARTE.value: "carte",
    PaymentMethod.ESPECES.value: "espèces",
    PaymentMethod.CAUTION.value: "retenue sur caution",
}
AGEING_HEADS = ("Non échu", "1 à 30 j", "31 à 60 j", "61 à 90 j", "Plus de 90 j", "Total dû")


def month_label(statement: Statement) -> str:
    """``novembre 2026``."""
    return f"{MONTHS[statement.period_start.month - 1]} {statement.period_start.year}"


def method_label(method: str) -> str:
    return METHODS.get(method, method)


# --- cells -------------------------------------------------------------------------------

_BOLD_WHOLE = re.compile(r"^<b>([^<>&]*)</b>$")


if TYPE_CHECKING:
    _Flowable = object  # reportlab has no types: to mypy, a plain object
else:
    _Flowable = Flowable


class _Line(_Flowable):
    """A cell's plain text on one line, in the box and on the baseline reportlab's
    ``Paragraph`` gives it, without parsing markup or breaking lines (most of a
    statement's cells: a paragraph costs several times more to lay out). A text too wide
    for its cell is handed to a ``Paragraph``, which breaks it."""

    canv: Any
    width: float
    height: float

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.paragraph: Paragraph | None = None
        self.text_width: float | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        style = self.style
        room = available_width - style.leftIndent - style.rightIndent
        if self.text_width is None:  # a table lays its cells out twice
            self.text_width = stringWidth(self.text, style.fontName, style.fontSize)
        if self.text_width > room:
            self.paragraph = Paragraph(escape(self.text), style)
            size: tuple[float, float] = self.paragraph.wrap(available_width, available_height)
            return size
        self.paragraph = None
        self.width, self.height = available_width, style.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        if self.paragraph is not None:
            self.paragraph.drawOn(canvas, 0, 0)
            return
        canvas.setFillColor(style.textColor)
        canvas.setFont(style.fontName, style.fontSize, style.leading)
        y = self.height - style.fontSize
        if style.alignment == TA_RIGHT:
            canvas.drawRightString(self.width - style.rightIndent, y, self.text)
        else:
            canvas.drawString(style.leftIndent, y, self.text)


@functools.cache
def _bold(name: str) -> ParagraphStyle:
    return ParagraphStyle(f"{name}_bold", parent=layout.styles()[name], fontName=BOLD)


class _Empty(_Flowable):
    """An empty cell: what ``Paragraph("")`` lays out (no line, no height)."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, 0

    def draw(self) -> None:
        pass


def cell(text: str, style: str) -> Flowable:
    """``P(text, style)`` for a cell: a plain text (or a wholly bold one) on one line is
    drawn as a ``_Line``; any other markup goes through ``Paragraph``."""
    if not text:
        return _Empty()
    bold = _BOLD_WHOLE.match(text)
    plain = bold.group(1) if bold else text
    chosen = layout.styles()[style]
    if "<" in plain or "&" in plain or (bold and chosen.fontName not in (FONT, BOLD)):
        return P(text, style)
    # as ``Paragraph`` lays a line out: words split on any white space (no-break ones
    # too), joined by one space
    words = plain.split()
    if not words:
        return _Empty()
    line = " ".join(words)
    return _Line(line, _bold(style) if bold and chosen.fontName == FONT else chosen)


# --- blocks -------------------------------------------------------------------------------

_PLAIN = [
    ("FONT", (0, 0), (-1, -1), FONT, 8),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


@functools.cache
def _title_style() -> ParagraphStyle:
    """The invoices' title style, smaller: the title holds on one line."""
    return ParagraphStyle(
        "statement_title", parent=layout.styles()["title"], fontSize=17, leading=21
    )


def _title_box(statement: Statement) -> list[Flowable]:
    period = f"du {date(statement.period_start)} au {date(statement.closing_date)}"
    month = month_label(statement).capitalize()
    if statement.in_progress:
        month += " (mois en cours)"
    rows = [
        ("Période", period),
        ("Situation au", f"<b>{date(statement.as_of)}</b>"),
        ("N° client", f"<b>{esc(statement.customer.number)}</b>"),
    ]
    if statement.customer.member_number:
        rows.append(("N° sociétaire", esc(statement.customer.member_number)))
    meta = "<br/>".join(
        f'<font color="#5b6670" size="8">{label}{NBSP}:</font> {value}' for label, value in rows
    )
    return [
        Paragraph(TITLE, _title_style()),
        cell(f"<b>{month}</b>", "meta"),
        Spacer(1, 1.5 * mm),
        P(meta, "meta"),
        Spacer(1, 2 * mm),
        cell(f"<b>{NOT_AN_INVOICE}</b>", "meta"),
    ]


def _buyer(statement: Statement) -> Party:
    c = statement.customer
    return Party(
        name=c.name,
        address=c.address,
        postcode=c.postcode,
        city=c.city,
        country=c.country,
        customer_number=c.number,
    )


def _summary_rows(statement: Statement) -> list[tuple[str, Decimal, bool]]:
    rows = [
        (f"Solde antérieur au {date(statement.period_start)}", statement.opening, False),
        ("Factures du mois", statement.invoiced, False),
        ("Avoirs du mois", -statement.credited, False),
        ("Règlements du mois", -(statement.paid + statement.refunded), False),
    ]
    if statement.refunded:  # money paid back: owed less, so it adds to the balance
        rows.append(("Remboursements du mois", statement.refunded, False))
    rows.append((f"Solde au {date(statement.closing_date)}", statement.closing, True))
    if statement.paid_since:
        since = date(statement.closing_date)
        rows.append((f"Réglé depuis le {since}", -statement.paid_since, False))
        rows.append((f"Reste dû au {date(statement.as_of)}", statement.still_due, True))
    return rows


def _summary(statement: Statement, width: float) -> Table:
    rows = _summary_rows(statement)
    data = [
        [
            cell(label, "grand_l" if strong else "total_l"),
            cell(money(value), "grand" if strong else "total"),
        ]
        for label, value, strong in rows
    ]
    table = Table(data, colWidths=[width * 0.64, width * 0.36], hAlign="RIGHT")
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


def _grid(heads: list[str], rows: list[list[str]], widths: list[float], numeric: set[int]) -> Table:
    """A table in the style of the invoice lines: accent header, zebra rows."""
    header = [cell(h, "head_r" if i in numeric else "head") for i, h in enumerate(heads)]
    data: list[list[Any]] = [header] + [
        [cell(text, "num" if i in numeric else "cell") for i, text in enumerate(row)]
        for row in rows
    ]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.6 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.6 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 1.1 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.3 * mm),
        ("LINEBELOW", (0, 1), (-1, -1), 0.35, RULE),
    ]
    for row in range(2, len(data), 2):
        style.append(("BACKGROUND", (0, row), (-1, row), ZEBRA))
    table.setStyle(TableStyle(style))
    return table


def _widths(*fixed_mm: float | None) -> list[float]:
    """Column widths: the ``None`` column takes what the others leave."""
    fixed = sum(w * mm for w in fixed_mm if w is not None)
    return [w * mm if w is not None else WIDTH - fixed for w in fixed_mm]


def _section(title: str) -> list[Flowable]:
    return [Spacer(1, 5 * mm), P(title, "cite"), Spacer(1, 1.5 * mm)]


def _movements(statement: Statement) -> list[Flowable]:
    heads = ["Date", "Opération", "Pièce", "Échéance", "Débit", "Crédit", "Solde"]
    balance = statement.opening
    rows = [
        [
            date(statement.period_start),
            "<b>Solde antérieur</b>",
            "",
            "",
            "",
            "",
            f"<b>{money(balance)}</b>",
        ]
    ]
    for entry in statement.entries:
        balance += entry.amount
        operation = KINDS[entry.kind]
        piece = esc(entry.number)
        if entry.opening and entry.kind == EntryKind.INVOICE:
            operation += " (reprise)"  # an invoice of the previous tool, taken over
        if entry.kind == EntryKind.CREDIT_NOTE and entry.reference:
            operation += f" sur facture {esc(entry.reference)}"
        elif entry.kind in (EntryKind.PAYMENT, EntryKind.REVERSAL, EntryKind.REFUND):
            operation += f" ({method_label(entry.method)})"
            piece = f"facture {piece}"
            if entry.reference:
                piece += f"<br/>réf. {esc(entry.reference)}"
        debit = money(entry.amount) if entry.amount > 0 else ""
        credit = money(-entry.amount) if entry.amount < 0 else ""
        rows.append(
            [
                date(entry.date),
                operation,
                piece,
                date(entry.due_date),
                debit,
                credit,
                money(balance),
            ]
        )
    rows.append(
        [
            date(statement.closing_date),
            f"<b>Solde au {date(statement.closing_date)}</b>",
            "",
            "",
            "",
            "",
            f"<b>{money(statement.closing)}</b>",
        ]
    )
    widths = _widths(21, None, 33, 21, 22, 22, 24)
    flow = _section("Opérations du mois")
    if not statement.entries:
        flow.append(P("Aucune opération ce mois-ci.", "small"))
        flow.append(Spacer(1, 1.5 * mm))
    flow.append(_grid(heads, rows, widths, {4, 5, 6}))
    return flow


def _ageing(statement: Statement) -> list[Flowable]:
    if not statement.open_items:
        return []
    ageing = statement.ageing
    row = [money(v) for v in (*ageing.buckets, ageing.total)]
    flow = _section(f"Échéancier de ce qui reste dû au {date(statement.ageing_date)}")
    flow.append(_grid(list(AGEING_HEADS), [row], [WIDTH / 6] * 6, set(range(6))))
    flow.append(Spacer(1, 3 * mm))
    heads = ["Facture", "Date", "Échéance", "Retard", "Reste dû"]
    since = any(item.paid_since for item in statement.open_items)
    if since:
        heads.append(f"Réglé depuis le {statement.closing_date:%d/%m}")
    rows = []
    for item in statement.open_items:
        row = [
            esc(item.number),
            date(item.issue_date),
            date(item.due_date),
            f"{item.days_overdue}{NBSP}j" if item.days_overdue else "—",
            money(item.remaining),
        ]
        if since:
            row.append(money(item.paid_since) if item.paid_since else "—")
        rows.append(row)
    if since:
        widths = _widths(None, 22, 22, 18, 28, 40)
        flow.append(_grid(heads, rows, widths, {3, 4, 5}))
    else:
        flow.append(_grid(heads, rows, _widths(None, 24, 24, 22, 30), {3, 4}))
    return flow


def _period(start: dt.datetime, end: dt.datetime) -> str:
    """The calendar days of a half-open usage period ``[start, end)``."""
    last = end - dt.timedelta(microseconds=1)
    if start.date() == last.date():
        return f"le {date(start.date())}"
    return f"du {date(start.date())} au {date(last.date())}"


def _bookings(statement: Statement) -> list[Flowable]:
    if not statement.bookings:
        return []
    heads = ["Réservation", "Événement", "Période d'utilisation", "Jours-matériel"]
    rows = [
        [
            esc(b.reference),
            esc(b.event) or "—",
            _period(b.use_start, b.use_end),
            str(b.equipment_days),
        ]
        for b in statement.bookings
    ]
    total = "Total au " + date(statement.closing_date) if statement.in_progress else "Total du mois"
    rows.append(["", f"<b>{total}</b>", "", f"<b>{statement.equipment_days}</b>"])
    flow = _section("Vos locations du mois")
    flow.append(_grid(heads, rows, _widths(28, None, 52, 26), {3}))
    flow.append(Spacer(1, 1 * mm))
    # The month in progress: the bookings begun by the statement's day, their days until it.
    span = (
        f"du {date(statement.period_start)} au {date(statement.closing_date)}"
        if statement.in_progress
        else "dans le mois"
    )
    flow.append(
        P(
            f"Jours-matériel : quantité louée × jours d'utilisation {span} "
            "(consommables exclus). Information, sans valeur de facture.",
            "small",
        )
    )
    return flow


def _deposits(statement: Statement) -> list[Flowable]:
    if not statement.deposits_held:
        return []
    heads = ["Réservation", "Reçue le", "Mode", "Montant"]
    rows = [
        [esc(d.booking_reference), date(d.received_on), method_label(d.method), money(d.amount)]
        for d in statement.deposits_held
    ]
    rows.append(["", "", "<b>Total</b>", f"<b>{money(statement.deposits_total)}</b>"])
    flow = _section("Cautions détenues (pour information)")
    flow.append(_grid(heads, rows, _widths(None, 26, 40, 30), {3}))
    flow.append(Spacer(1, 1 * mm))
    flow.append(
        P(
            "Les cautions ne sont pas encaissées comme recettes et ne figurent pas dans le "
            "solde du compte ; elles sont restituées après le retour et la vérification du "
            "matériel.",
            "small",
        )
    )
    return flow


def _payment(statement: Statement, seller: Party) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 5 * mm)]

    def item(label: str, text: str) -> None:
        out.append(P(f"<b>{label}{NBSP}:</b> {text}", "terms"))
        out.append(Spacer(1, 1.2 * mm))

    closing = statement.still_due
    if statement.paid_since:
        out.append(
            P(
                f"Réglé depuis le {date(statement.closing_date)}{NBSP}: "
                f"{money(statement.paid_since)} (situation au {date(statement.as_of)}).",
                "terms",
            )
        )
        out.append(Spacer(1, 1.2 * mm))
    if closing > 0:
        out.append(P(f"Montant à régler{NBSP}: {money(closing)}", "cite"))
        out.append(Spacer(1, 1.5 * mm))
        if seller.iban:
            bank = f"par virement · IBAN {grouped(seller.iban)}"
            if seller.bic:
                bank += f" · BIC {esc(seller.bic)}"
            numbers = ", ".join(esc(i.number) for i in statement.open_items if i.remaining > 0)
            bank += f" · référence à rappeler{NBSP}: client {esc(statement.customer.number)}"
            if numbers:
                bank += f" (factures {numbers})"
            item("Règlement", bank)
    elif closing < 0:
        out.append(P(f"Solde en votre faveur{NBSP}: {money(-closing)}", "cite"))
        out.append(Spacer(1, 1.5 * mm))
    else:
        out.append(P("Votre compte est soldé. Merci.", "cite"))
        out.append(Spacer(1, 1.5 * mm))
    contact = " · ".join(esc(x) for x in (seller.email, seller.phone) if x)
    if contact:
        item("Une question sur ce relevé", contact)
    item(
        "Nature du document",
        "relevé récapitulatif de votre compte, établi à titre d'information. "
        f"<b>{NOT_AN_INVOICE}</b> Seules les factures et avoirs cités font foi.",
    )
    return out


_made = threading.local()


def _letterhead(seller: Party, logo: Logo) -> list[Flowable]:
    """``pdf_layout.seller_block``, made once for a run of statements of the same seller
    and logo in a thread (its logo decoded once): the flowables are laid out again on
    each statement, never changed by it."""
    key = (seller, _logo_key(logo))
    kept = getattr(_made, "letterhead", None)
    if kept is None or kept[0] != key:
        kept = (key, layout.seller_block(seller, logo))
        _made.letterhead = kept
    block: list[Flowable] = kept[1]
    return block


def _logo_key(logo: Logo) -> object:
    """The logo's content (bytes: their hash; a file: its path, size and time)."""
    if logo is None:
        return None
    if isinstance(logo, bytes):
        return hashlib.sha256(logo).digest()
    try:
        found = os.stat(logo)
    except OSError:
        return (str(logo), None)
    return (str(logo), found.st_size, found.st_mtime_ns)


def story(statement: Statement, seller: Party, logo: Logo = None) -> list[Flowable]:
    half = (WIDTH - 8 * mm) / 2
    letterhead = _letterhead(seller, logo)
    head = Table([[letterhead, _title_box(statement)]], colWidths=[WIDTH * 0.55, WIDTH * 0.45])
    head.setStyle(TableStyle(_PLAIN[:4]))
    parties = Table(
        [
            [
                layout.box("CLIENT", layout.customer_block(_buyer(statement)), half),
                "",
                _summary(statement, half),
            ]
        ],
        colWidths=[half, 8 * mm, half],
    )
    parties.setStyle(TableStyle(_PLAIN[:4]))
    flow: list[Flowable] = [head, Spacer(1, 5 * mm), parties]
    flow += _movements(statement)
    ageing = _ageing(statement)
    if ageing:
        flow.append(KeepTogether(ageing[:5]))
        flow += ageing[5:]
    flow += _bookings(statement)
    flow += _deposits(statement)
    flow.append(KeepTogether(_payment(statement, seller)))
    return flow


def statement_pdf(
    statement: Statement, seller: Party, *, logo: Logo = None, demo: bool = False
) -> bytes:
    """The statement's PDF/A, ``logo`` (image bytes or a file) on its letterhead; ``demo``
    (the demo database: ``settings.is_demo``) puts the demo mark across every page."""
    return statement_pdf_pages(statement, seller, logo=logo, demo=demo)[0]


def statement_pdf_pages(
    statement: Statement, seller: Party, *, logo: Logo = None, demo: bool = False
) -> tuple[bytes, int]:
    """``statement_pdf`` and its number of pages."""
    layout.register_fonts()
    buffer = io.BytesIO()
    title = f"Relevé de compte {statement.month} — {statement.customer.name}"
    month = month_label(statement)
    customer = statement.customer

    def later(canvas: Canvas) -> None:
        subtitle = f"{customer.name} · client {customer.number}"
        layout.draw_later_header(canvas, seller.name, f"{TITLE} · {month} (suite)", subtitle)

    def footer(canvas: Canvas, page: int, total: int) -> None:
        reference = f"Relevé de compte {month} · client {customer.number}"
        layout.draw_footer(canvas, reference, seller, page, total)

    flow = story(statement, seller, logo)
    pages = layout.build(
        buffer,
        flow,
        title=title,
        author=seller.name,
        later=later,
        footer=footer,
        underlay=layout.demo_underlay(demo),
    )
    subject = f"Relevé de compte de {seller.name} à {customer.name}, situation au "
    subject += date(statement.as_of)
    # PDF/A-3B as ``render.pdfa_bytes`` makes it (``pdf_concat.pdfa``: the same, faster)
    return pdf_concat.pdfa(
        buffer.getvalue(), title=title, author=seller.name, subject=subject
    ), pages
