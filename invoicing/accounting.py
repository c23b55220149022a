"""The accounting export: the sales journal (invoices and credit notes issued in a period)
and the receipts (payments recorded in it, reversals as contra entries, and the deposits
actually cashed) as balanced double-entry lines in the French FEC layout (article A47 A-1
of the LPF, INVOICING-FR.md §7.1), or as a plain CSV of the same lines.

One entry (``EcritureNum``) per document or receipt, debit = credit exactly in cents;
entries are numbered per journal over the calendar year in the order they were validated
(``VE-2026-000042``, see ``entries``), so the same entry has the same number in every
export:

- invoice (journal VE): debit the customer (411, with the customer number as auxiliary
  account, or one collective account), credit the revenue of each line by its VAT
  treatment (frozen in the document) and nature, and the VAT collected per rate (44571):

  ==========================  ============================  =========================
  treatment (category)        rentals (services)            consumables (goods)
  ==========================  ============================  =========================
  taxed in France (S)         706 Locations de matériel     707 Ventes de consommables
  EU business (AE / K)        7062 Prestations intra-       7072 Livraisons intra-
                              communautaires (autoliq.)     communautaires
  outside the EU (G)          7064 Prestations hors UE      7073 Exportations
  exempt (E)                  7068 Prestations exonérées    7078 Ventes exonérées
  ==========================  ============================  =========================

  (subdivisions of the PCG's 706 and 707, so the VAT return's boxes — taxed, reverse
  charge for the European services declaration, intra-EU supplies, exports, exempt —
  read straight from the balance; give them the parent account in the settings if the
  cooperative prefers one account); damage and loss (``damage:``, ``loss:`` lines, and
  any line outside the scope of VAT) go to 7588. A credit
  note is the same entry reversed (its lines are read through the invoice lines they
  credit);
- payment by transfer, cheque or card (journal BQ): debit the bank 512, credit 411; in
  cash (journal CA): debit 530; a reversal is the contra entry on the day it was recorded;
  a refund to the customer (a negative payment, "Remboursement"): credit 512/530, debit 411;
- a payment from a retained deposit: debit the deposits account (4191) when the deposit was
  booked on receipt (a transfer or cash: journal OD), else the bank (a held cheque or a
  card imprint is cashed only then: journal BQ);
- a deposit received by transfer or in cash: debit 512/530, credit 4191; what is given back
  of it: the reverse on the day it was closed.
- an opening entry (an invoice left unpaid by the previous tool, ``invoicing.opening``) is
  not in the sales journal: the previous books hold the sale and the accountant carries
  the receivable over. A payment on it is a receipt like any other (BQ: debit 512, or CA:
  530; credit 411 with the customer's account), its piece the previous tool's reference;
  a reversal is the contra entry. A held cheque or a card imprint is not
  money received (INVOICING-FR.md §6.3: kept off the books) and is not exported.

Account numbers, their labels, the journals and the customer-account mode are settings
(``SETTINGS`` below), edited in the export dialog. No Qt here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlmodel import col, select

from app.core.access import Permission, requires
from app.core.db import UnitOfWork, require_id
from app.core.errors import N_, Conflict, ValidationError
from app.core.money import cents_str, to_cents
from app.core.settings import get_setting, set_setting
from booking.models import Booking, Customer
from invoicing import payments
from invoicing.document import Kind, VatCategory
from invoicing.models import (
    Deposit,
    IssuedDocument,
    IssuedLine,
    OpeningBalance,
    OpeningPayment,
    Payment,
    PaymentMethod,
)
from invoicing.serial import from_json

# --- settings -----------------------------------------------------------------------------

CUSTOMERS = "accounting.customers"
RENTALS = "accounting.rentals"  # services taxed in France (S)
RENTALS_EU = "accounting.rentals.eu"  # services to an EU business: reverse charge (AE)
RENTALS_EXPORT = "accounting.rentals.export"  # services to a business outside the EU (G)
RENTALS_EXEMPT = "accounting.rentals.exempt"  # exempt services (E)
GOODS = "accounting.goods"  # goods taxed in France (S)
GOODS_EU = "accounting.goods.eu"  # intra-EU supply of goods (K)
GOODS_EXPORT = "accounting.goods.export"  # goods exported outside the EU (G)
GOODS_EXEMPT = "accounting.goods.exempt"  # exempt goods (E)
DAMAGE = "accounting.damage"
VAT = "accounting.vat"  # any rate without an account of its own
BANK = "accounting.bank"
CASH = "accounting.cash"
DEPOSITS = "accounting.deposits"
#: "auxiliary": 411 with the customer number as auxiliary account; "collective": 411 alone.
CUSTOMER_MODE = "accounting.customer_mode"
AUXILIARY, COLLECTIVE = "auxiliary", "collective"
SALES_JOURNAL = "accounting.journal.sales"
BANK_JOURNAL = "accounting.journal.bank"
CASH_JOURNAL = "accounting.journal.cash"
OTHER_JOURNAL = "accounting.journal.other"
#: The VAT rates (basis points) offered an account of their own in the settings.
VAT_RATES_BP = (2000, 1000, 550, 210)
LABEL = ".label"


def vat_key(rate_bp: int) -> str:
    return f"{VAT}.{rate_bp}"


@dataclass(frozen=True)
class AccountSetting:
    key: str
    default: str  # the account number (or journal code)
    label: str  # default CompteLib / JournalLib (French, printed in the file)
    role: str  # what it is for (N_, translated in the GUI)
    journal: bool = False


def _rate_text(rate_bp: int) -> str:
    return f"{rate_bp // 100},{rate_bp % 100:02d}".rstrip("0").rstrip(",") + " %"


SETTINGS: tuple[AccountSetting, ...] = (
    AccountSetting(CUSTOMERS, "411", "Clients", N_("Customers")),
    AccountSetting(RENTALS, "706", "Locations de matériel", N_("Rentals (services)")),
    AccountSetting(
        RENTALS_EU,
        "7062",
        "Prestations intracommunautaires (autoliquidation)",
        N_("Rentals to EU businesses (reverse charge)"),
    ),
    AccountSetting(
        RENTALS_EXPORT, "7064", "Prestations hors UE", N_("Rentals to businesses outside the EU")
    ),
    AccountSetting(
        RENTALS_EXEMPT, "7068", "Prestations exonérées de TVA", N_("Rentals exempt from VAT")
    ),
    AccountSetting(GOODS, "707", "Ventes de consommables", N_("Consumables sold")),
    AccountSetting(
        GOODS_EU,
        "7072",
        "Livraisons intracommunautaires",
        N_("Consumables to EU businesses (intra-EU supply)"),
    ),
    AccountSetting(GOODS_EXPORT, "7073", "Exportations", N_("Consumables exported outside the EU")),
    AccountSetting(
        GOODS_EXEMPT, "7078", "Ventes exonérées de TVA", N_("Consumables exempt from VAT")
    ),
    AccountSetting(DAMAGE, "7588", "Indemnités casse et perte", N_("Damage and loss")),
    AccountSetting(VAT, "44571", "TVA collectée", N_("VAT collected (other rates)")),
    *(
        AccountSetting(
            vat_key(bp),
            "44571",
            f"TVA collectée {_rate_text(bp)}",
            N_("VAT collected at {rate}"),
        )
        for bp in VAT_RATES_BP
    ),
    AccountSetting(BANK, "512", "Banque", N_("Bank")),
    AccountSetting(CASH, "530", "Caisse", N_("Cash")),
    AccountSetting(DEPOSITS, "4191", "Cautions reçues", N_("Deposits received")),
    AccountSetting(SALES_JOURNAL, "VE", "Ventes", N_("Sales journal"), journal=True),
    AccountSetting(BANK_JOURNAL, "BQ", "Banque", N_("Bank journal"), journal=True),
    AccountSetting(CASH_JOURNAL, "CA", "Caisse", N_("Cash journal"), journal=True),
    AccountSetting(
        OTHER_JOURNAL, "OD", "Opérations diverses", N_("Other operations"), journal=True
    ),
)
BY_KEY = {s.key: s for s in SETTINGS}

ACCOUNT_RE = re.compile(r"^[0-9][0-9A-Za-z]{1,19}$")
JOURNAL_RE = re.compile(r"^[0-9A-Za-z]{1,8}$")


@dataclass(frozen=True)
class Accounts:
    """Every account number and label (and journal code and label) the export uses."""

    numbers: dict[str, str]
    labels: dict[str, str]
    customer_mode: str = AUXILIARY

    def number(self, key: str) -> str:
        return self.numbers[key]

    def label(self, key: str) -> str:
        return self.labels[key]

    def vat(self, rate_bp: int) -> str:
        return vat_key(rate_bp) if vat_key(rate_bp) in self.numbers else VAT


def accounts(uow: UnitOfWork) -> Accounts:
    numbers = {s.key: get_setting(uow, s.key).strip() or s.default for s in SETTINGS}
    labels = {s.key: get_setting(uow, s.key + LABEL).strip() or s.label for s in SETTINGS}
    mode = get_setting(uow, CUSTOMER_MODE).strip() or AUXILIARY
    return Accounts(numbers, labels, mode if mode in (AUXILIARY, COLLECTIVE) else AUXILIARY)


@requires(Permission.REPORTS)
def save_accounts(
    uow: UnitOfWork,
    numbers: dict[str, str],
    labels: dict[str, str] | None = None,
    customer_mode: str | None = None,
) -> Accounts:
    """Store account numbers, labels and the customer-account mode; every value is checked
    before anything is written (an account: a digit then up to 19 letters or digits; a
    journal code: 1 to 8 letters or digits; a label: not empty, one line)."""
    labels = labels or {}
    for key, value in numbers.items():
        setting = BY_KEY.get(key)
        if setting is None:
            raise ValidationError("account", "Unknown account setting {key}.", key=key)
        pattern = JOURNAL_RE if setting.journal else ACCOUNT_RE
        if not pattern.match(value.strip()):
            if setting.journal:
                raise ValidationError(
                    "journal",
                    "{value!r} is not a journal code (1 to 8 letters or digits).",
                    value=value,
                )
            raise ValidationError(
                "account",
                "{value!r} is not an account number (a digit, then up to 19 letters or digits).",
                value=value,
            )
    for key, value in labels.items():
        if key not in BY_KEY:
            raise ValidationError("account", "Unknown account setting {key}.", key=key)
        if not value.strip() or "\n" in value or "\t" in value or len(value) > 100:
            raise ValidationError(
                "label",
                "{value!r} is not an account label (one line, 1 to 100 characters).",
                value=value,
            )
    if customer_mode is not None and customer_mode not in (AUXILIARY, COLLECTIVE):
        raise ValidationError(
            "mode", "Unknown customer account mode {value!r}.", value=customer_mode
        )
    for key, value in numbers.items():
        set_setting(
            uow,
            key,
            value.strip().upper() if BY_KEY[key].journal else value.strip(),
            permission=Permission.REPORTS,
        )
    for key, value in labels.items():
        set_setting(uow, key + LABEL, value.strip(), permission=Permission.REPORTS)
    if customer_mode is not None:
        set_setting(uow, CUSTOMER_MODE, customer_mode, permission=Permission.REPORTS)
    return accounts(uow)


# --- entries ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Movement:
    account: str  # a settings key
    debit: int  # cents
    credit: int
    aux_number: str = ""
    aux_label: str = ""
    label: str = ""  # a CompteLib of its own (VAT per rate), else the account's


@dataclass
class Entry:
    journal: str  # a settings key
    date: dt.date
    piece_ref: str
    piece_date: dt.date
    text: str
    valid_date: dt.date
    order: tuple[int, int]
    movements: list[Movement] = field(default_factory=list)
    number: str = ""

    @property
    def debit(self) -> int:
        return sum(m.debit for m in self.movements)

    @property
    def credit(self) -> int:
        return sum(m.credit for m in self.movements)


JOURNAL_ORDER = (SALES_JOURNAL, BANK_JOURNAL, CASH_JOURNAL, OTHER_JOURNAL)


def _side(account: str, cents: int, debit: bool, **extra: str) -> Movement:
    """``cents`` on the debit (``debit``) or credit side; a negative amount on the other."""
    if (cents >= 0) == debit:
        return Movement(account, abs(cents), 0, **extra)
    return Movement(account, 0, abs(cents), **extra)


#: The revenue account of a line by its VAT category, services then goods.
REVENUE_BY_CATEGORY: dict[str, tuple[str, str]] = {
    VatCategory.STANDARD.value: (RENTALS, GOODS),
    VatCategory.REVERSE_CHARGE.value: (RENTALS_EU, GOODS_EU),
    VatCategory.INTRA_EU.value: (RENTALS_EU, GOODS_EU),
    VatCategory.EXPORT.value: (RENTALS_EXPORT, GOODS_EXPORT),
    VatCategory.EXEMPT.value: (RENTALS_EXEMPT, GOODS_EXEMPT),
}
REVENUE_KEYS = (
    RENTALS,
    RENTALS_EU,
    RENTALS_EXPORT,
    RENTALS_EXEMPT,
    GOODS,
    GOODS_EU,
    GOODS_EXPORT,
    GOODS_EXEMPT,
    DAMAGE,
)


def _revenue_key(covers: str, is_goods: bool, vat_category: str = "S") -> str:
    """Damage and loss charges: their own account whatever their VAT; else the account of
    the line's VAT treatment, services (rentals) or goods (consumables)."""
    kind = covers.split(":", 1)[0]
    if kind in ("damage", "loss") or vat_category == VatCategory.OUT_OF_SCOPE.value:
        return DAMAGE
    services, goods = REVENUE_BY_CATEGORY.get(vat_category, (RENTALS, GOODS))
    if kind == "sale" or (kind == "" and is_goods):
        return goods
    return services


def _customer(
    uow: UnitOfWork, chart: Accounts, row: IssuedDocument, buyer_number: str
) -> dict[str, str]:
    if chart.customer_mode == COLLECTIVE:
        return {}
    number = buyer_number
    if not number:
        customer = uow.session.get(Customer, row.customer_id)
        number = customer.number if customer is not None else str(row.customer_id)
    return {"aux_number": number, "aux_label": row.buyer_name}


def _line_covers(uow: UnitOfWork, row: IssuedDocument, lines: Sequence[IssuedLine]) -> list[str]:
    """What each line covers; a credit note's line without it: its credited invoice line's."""
    cited: dict[int, str] = {}
    if row.cites_id is not None and any(not ln.covers and ln.credits_position for ln in lines):
        query = select(IssuedLine).where(IssuedLine.document_id == row.cites_id)
        cited = {ln.position: ln.covers for ln in uow.session.exec(query)}
    return [ln.covers or cited.get(ln.credits_position, "") for ln in lines]


def document_entry(uow: UnitOfWork, chart: Accounts, row: IssuedDocument) -> Entry:
    """The sales-journal entry of an invoice (or, reversed, of a credit note)."""
    frozen = from_json(row.document_json)
    invoice = row.kind == Kind.INVOICE.value
    query = (
        select(IssuedLine)
        .where(IssuedLine.document_id == require_id(row))
        .order_by(col(IssuedLine.position))
    )
    lines = list(uow.session.exec(query))
    revenue: dict[str, int] = defaultdict(int)
    for ln, covers in zip(lines, _line_covers(uow, row, lines), strict=True):
        known = 0 < ln.position <= len(frozen.lines)
        goods = known and frozen.lines[ln.position - 1].is_goods
        category = frozen.lines[ln.position - 1].vat_category.value if known else ln.vat_category
        revenue[_revenue_key(covers, goods, category)] += ln.net_cents
    vat: dict[int, int] = defaultdict(int)
    for total in frozen.vat:
        vat[to_cents(total.rate)] += to_cents(total.amount)
    kind_text = "Facture" if invoice else "Avoir"
    entry = Entry(
        SALES_JOURNAL,
        row.issue_date,
        row.number,
        row.issue_date,
        f"{kind_text} {row.number} {row.buyer_name}",
        row.issue_date,
        (0, require_id(row)),
    )
    who = _customer(uow, chart, row, frozen.buyer.customer_number)
    entry.movements.append(_side(CUSTOMERS, row.gross_cents, invoice, **who))
    for key in REVENUE_KEYS:
        if revenue.get(key):
            entry.movements.append(_side(key, revenue[key], not invoice))
    for rate_bp, cents in sorted(vat.items(), reverse=True):
        if cents:
            key = chart.vat(rate_bp)
            label = chart.label(key) if key != VAT else f"{chart.label(VAT)} {_rate_text(rate_bp)}"
            entry.movements.append(_side(key, cents, not invoice, label=label))
    if entry.debit != entry.credit:
        raise Conflict(
            "{number} does not balance in the accounts: total {gross} and lines plus VAT "
            "differ; nothing was written.",
            number=row.number,
            gross=cents_str(row.gross_cents),
        )
    return entry


#: The method as the entry's text says it (French, like every printed wording).
METHOD_WORDS = {"virement": "virement", "cheque": "chèque", "carte": "carte", "especes": "espèces"}
BOOKED_DEPOSIT_METHODS = (PaymentMethod.VIREMENT.value, PaymentMethod.ESPECES.value)


def _money_account(method: str) -> tuple[str, str]:
    """(journal, account) where money given this way goes."""
    if method == PaymentMethod.ESPECES.value:
        return CASH_JOURNAL, CASH
    return BANK_JOURNAL, BANK


def payment_entry(
    uow: UnitOfWork,
    chart: Accounts,
    payment: Payment,
    invoice: IssuedDocument,
    deposit: Deposit | None,
) -> Entry:
    if payment.method == PaymentMethod.CAUTION.value:
        booked = deposit is not None and deposit.method in BOOKED_DEPOSIT_METHODS
        journal, account = (OTHER_JOURNAL, DEPOSITS) if booked else (BANK_JOURNAL, BANK)
        how = "caution retenue"
    else:
        journal, account = _money_account(payment.method)
        how = METHOD_WORDS.get(payment.method, payment.method)
    if payments.is_refund(payment):  # money given back to the customer
        what = "Remboursement"
    else:
        what = "Annulation règlement" if payment.reverses is not None else "Règlement"
    text = f"{what} {invoice.number} {how}"
    recorded = payment.recorded_at.date()
    entry = Entry(
        journal,
        payment.date,
        invoice.number,
        payment.date,
        f"{text} {invoice.buyer_name}",
        max(recorded, payment.date),
        (1, require_id(payment)),
    )
    frozen_number = from_json(invoice.document_json).buyer.customer_number
    who = _customer(uow, chart, invoice, frozen_number)
    entry.movements.append(_side(account, payment.amount_cents, True))
    entry.movements.append(_side(CUSTOMERS, payment.amount_cents, False, **who))
    return entry


def opening_payment_entry(
    uow: UnitOfWork, chart: Accounts, payment: OpeningPayment, opening: OpeningBalance
) -> Entry:
    """A payment on an opening entry (or its reversal): money against the customer."""
    journal, account = _money_account(payment.method)
    how = METHOD_WORDS.get(payment.method, payment.method)
    what = "Annulation règlement" if payment.reverses is not None else "Règlement"
    customer = uow.row(Customer, opening.customer_id)
    entry = Entry(
        journal,
        payment.date,
        opening.reference,
        payment.date,
        f"{what} {opening.reference} {how} {customer.name}",
        max(payment.recorded_at.date(), payment.date),
        (4, require_id(payment)),
    )
    who = (
        {}
        if chart.customer_mode == COLLECTIVE
        else {"aux_number": customer.number, "aux_label": customer.name}
    )
    entry.movements.append(_side(account, payment.amount_cents, True))
    entry.movements.append(_side(CUSTOMERS, payment.amount_cents, False, **who))
    return entry


def deposit_entries(deposit: Deposit, reference: str, start: dt.date, end: dt.date) -> list[Entry]:
    """A deposit received by transfer or in cash, and what of it was given back."""
    if deposit.method not in BOOKED_DEPOSIT_METHODS:
        return []
    journal, account = _money_account(deposit.method)
    out = []
    if start <= deposit.received_on <= end:
        entry = Entry(
            journal,
            deposit.received_on,
            reference,
            deposit.received_on,
            f"Caution reçue {reference}",
            deposit.received_on,
            (2, require_id(deposit)),
        )
        entry.movements += [
            Movement(account, deposit.amount_cents, 0),
            Movement(DEPOSITS, 0, deposit.amount_cents),
        ]
        out.append(entry)
    back = deposit.amount_cents - deposit.retained_cents
    closed = deposit.closed_on
    if closed is not None and back > 0 and start <= closed <= end:
        entry = Entry(
            journal,
            closed,
            reference,
            closed,
            f"Caution restituée {reference}",
            closed,
            (3, require_id(deposit)),
        )
        entry.movements += [Movement(DEPOSITS, back, 0), Movement(account, 0, back)]
        out.append(entry)
    return out


@requires(Permission.REPORTS)
def entries(uow: UnitOfWork, start: dt.date, end: dt.date) -> list[Entry]:
    """Every entry of the period ``start``..``end`` (inclusive), with its number.

    Numbers are stable and unique across exports: every entry of the calendar years the
    period touches is numbered per journal and year in the order the entries were
    validated (``ValidDate``: the day a document was issued, a payment recorded, a
    deposit received or closed), then by date and id, so an entry keeps its number
    whatever period is asked (November alone, December alone, or both), and a payment
    recorded late for an earlier day takes the next number instead of renumbering what
    was already exported. The number carries the year (``VE-2026-000042``), so two years
    never collide either. Only the entries of the period are returned."""
    if end < start:
        raise ValidationError(
            "period",
            "The period ends ({end}) before it starts ({start}).",
            start=start.isoformat(),
            end=end.isoformat(),
        )
    chart = accounts(uow)
    first = dt.date(start.year, 1, 1)  # numbering runs over whole calendar years
    last = dt.date(end.year, 12, 31)
    found: list[Entry] = []
    docs = select(IssuedDocument).where(
        col(IssuedDocument.issue_date) >= first, col(IssuedDocument.issue_date) <= last
    )
    found += [document_entry(uow, chart, row) for row in uow.session.exec(docs)]
    paid = select(Payment).where(col(Payment.date) >= first, col(Payment.date) <= last)
    for payment in uow.session.exec(paid):
        if payment.amount_cents == 0:
            continue
        invoice = uow.session.get(IssuedDocument, payment.document_id)
        assert invoice is not None  # a foreign key
        deposit = uow.session.get(Deposit, payment.deposit_id) if payment.deposit_id else None
        found.append(payment_entry(uow, chart, payment, invoice, deposit))
    held = select(Deposit, col(Booking.reference)).join(
        Booking, col(Booking.id) == col(Deposit.booking_id)
    )
    for deposit, reference in uow.session.exec(held):
        found += deposit_entries(deposit, reference, first, last)
    opened = (
        select(OpeningPayment, OpeningBalance)
        .join(OpeningBalance, col(OpeningBalance.id) == col(OpeningPayment.opening_id))
        .where(col(OpeningPayment.date) >= first, col(OpeningPayment.date) <= last)
    )
    for opening_payment, opening in uow.session.exec(opened):
        found.append(opening_payment_entry(uow, chart, opening_payment, opening))
    numbered = number_entries([e for e in found if e.debit or e.credit], chart)
    return [e for e in numbered if start <= e.date <= end]


def number_entries(found: Iterable[Entry], chart: Accounts) -> list[Entry]:
    """Numbered per journal and calendar year (of the entry's date) in (validation day,
    date, kind, id) order: ``<journal>-<year>-<6 digits>``; returned in that order."""
    ordered = sorted(
        found,
        key=lambda e: (JOURNAL_ORDER.index(e.journal), e.date.year, e.valid_date, e.date, e.order),
    )
    counters: dict[tuple[str, int], int] = defaultdict(int)
    for entry in ordered:
        counters[(entry.journal, entry.date.year)] += 1
        count = counters[(entry.journal, entry.date.year)]
        entry.number = f"{chart.number(entry.journal)}-{entry.date.year}-{count:06d}"
    return ordered


# --- files --------------------------------------------------------------------------------

COLUMNS = (
    "JournalCode",
    "JournalLib",
    "EcritureNum",
    "EcritureDate",
    "CompteNum",
    "CompteLib",
    "CompAuxNum",
    "CompAuxLib",
    "PieceRef",
    "PieceDate",
    "EcritureLib",
    "Debit",
    "Credit",
    "EcritureLet",
    "DateLet",
    "ValidDate",
    "Montantdevise",
    "Idevise",
)


def fec_amount(cents: int) -> str:
    """1234,50 (a decimal comma, no thousands separator)."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100},{abs(cents) % 100:02d}"


def fec_date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _one_line(text: str) -> str:
    """No tab, semicolon-safe, on one line (the FEC separator is a tab)."""
    return " ".join(text.replace("\t", " ").split())


def rows(chart: Accounts, found: Iterable[Entry]) -> list[list[str]]:
    """The 18 FEC fields of every line of every entry."""
    out = []
    for entry in found:
        for m in entry.movements:
            out.append(
                [
                    chart.number(entry.journal),
                    chart.label(entry.journal),
                    entry.number,
                    fec_date(entry.date),
                    chart.number(m.account),
                    _one_line(m.label or chart.label(m.account)),
                    m.aux_number,
                    _one_line(m.aux_label),
                    entry.piece_ref,
                    fec_date(entry.piece_date),
                    _one_line(entry.text),
                    fec_amount(m.debit),
                    fec_amount(m.credit),
                    "",
                    "",
                    fec_date(entry.valid_date),
                    "",
                    "",
                ]
            )
    return out


def fec_bytes(chart: Accounts, found: Iterable[Entry]) -> bytes:
    """The FEC text: tab-separated, one header row, CR LF line ends, UTF-8."""
    lines = ["\t".join(COLUMNS)] + ["\t".join(r) for r in rows(chart, found)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def csv_bytes(chart: Accounts, found: Iterable[Entry]) -> bytes:
    """The same lines for a spreadsheet: semicolon-separated, UTF-8 with a byte-order mark
    (so Excel reads the accents), decimal comma, dates DD/MM/YYYY."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in rows(chart, found):
        for i in (3, 9, 15):
            r[i] = f"{r[i][6:8]}/{r[i][4:6]}/{r[i][:4]}"
        writer.writerow(r)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def fec_file_name(siren: str, end: dt.date) -> str:
    """SIRENFECAAAAMMJJ.txt, the name the administration expects (the period's end)."""
    digits = "".join(ch for ch in siren if ch.isdigit())[:9] or "000000000"
    return f"{digits}FEC{fec_date(end)}.txt"


FORMATS = ("fec", "csv")


@requires(Permission.REPORTS)
def export(uow: UnitOfWork, start: dt.date, end: dt.date, fmt: str) -> tuple[bytes, int]:
    """(the file's bytes, the number of entries) for the period in ``fmt`` (fec / csv)."""
    if fmt not in FORMATS:
        raise ValidationError("format", "Unknown format {value!r}: expected fec or csv.", value=fmt)
    chart = accounts(uow)
    found = entries(uow, start, end)
    data = fec_bytes(chart, found) if fmt == "fec" else csv_bytes(chart, found)
    return data, len(found)
