"""An item type's rates as its form edits them: read them all at once, check what was typed
(nothing is written on refusal), then write them in the caller's transaction — an emptied
field removes its rate.

An item type may be an exempt operation (``item_rate.vat_exemption``: the legal article,
e.g. "article 261-4-4° a du CGI"): its lines take VAT category E for customers taxed in
France (``vat_rules``), the article printed. ``set_exemption`` is the one writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlmodel import select

from app.core.access import Permission, requires
from app.core.db import UnitOfWork
from app.core.errors import ValidationError
from app.core.money import from_cents
from inventory import fields
from inventory.catalogue import item_by_code
from invoicing import rates
from invoicing.models import CategoryRate, ItemRate, PriceCategory


@dataclass(frozen=True)
class CategoryRateRow:
    code: str
    name: str
    day_cents: int | None  # None: no rate for this category


@dataclass
class ItemRates:
    """An item type's rates (cents; None where there is none) and the default VAT rate."""

    default_vat: Decimal
    member: int | None = None
    non_member: int | None = None
    vat: Decimal | None = None  # None: the default
    categories: list[CategoryRateRow] = field(default_factory=list)
    exemption: str = ""  # the legal article of an exempt operation; "": taxed


def item_rates(uow: UnitOfWork, item_id: int | None) -> ItemRates:
    """The rates of an item type (``None``: a new one, whose form lists the categories)."""
    found = ItemRates(default_vat=rates.default_vat(uow))
    rate = uow.session.get(ItemRate, item_id) if item_id is not None else None
    if rate is not None:
        found.member, found.non_member = rate.member_day_cents, rate.non_member_day_cents
        if rate.vat_rate_bp is not None:
            found.vat = rates.bp_percent(rate.vat_rate_bp)
        found.exemption = rate.vat_exemption
    for category in uow.session.exec(select(PriceCategory).order_by(PriceCategory.code)):
        row = uow.session.get(CategoryRate, (category.id, item_id)) if item_id is not None else None
        cents = row.day_cents if row is not None else None
        found.categories.append(CategoryRateRow(category.code, category.name, cents))
    return found


@dataclass(frozen=True)
class ParsedRates:
    member: int | None  # cents; None: no rate (both empty)
    non_member: int | None
    vat: Decimal | None
    categories: dict[str, int | None]
    #: The legal article of an exempt operation ("" taxed); None: the form has no such
    #: field, the stored exemption stays.
    exemption: str | None = None


def parse_item_rates(raw: dict[str, str]) -> ParsedRates:
    """Check the rates typed in the item type form: keys ``member``, ``non_member``, ``vat``
    and ``rate:<category code>`` (a refusal names the category's own field)."""
    member_text, public_text = raw.get("member", ""), raw.get("non_member", "")
    member = public = None
    if member_text.strip() or public_text.strip():
        member = fields.money_cents("member day rate", member_text, required=True)
        public = fields.money_cents("non-member day rate", public_text, required=True)
    vat_text = raw.get("vat", "").strip()
    vat = rates.percent("VAT rate", vat_text) if vat_text else None
    exemption = check_exemption(raw["vat_exemption"]) if "vat_exemption" in raw else None
    if exemption and member is None:
        raise ValidationError(
            "member day rate", "The {field} cannot be empty.", field="member day rate"
        )
    if vat is not None and member is None:
        raise ValidationError(
            "member day rate", "The {field} cannot be empty.", field="member day rate"
        )
    categories: dict[str, int | None] = {}
    for key, text in raw.items():
        if not key.startswith("rate:"):
            continue
        try:
            categories[key[5:]] = fields.money_cents("day rate", text) if text.strip() else None
        except ValidationError as err:
            err.field = key  # the category's own field
            raise
    return ParsedRates(member, public, vat, categories, exemption)


def check_exemption(article: str) -> str:
    """The legal article of an exempt operation, as typed ("" for a taxed one)."""
    article = " ".join(fields.text("VAT exemption", article, limit=200).split())
    if article and not any(ch.isdigit() for ch in article):
        raise ValidationError(
            "VAT exemption",
            "Give the legal article of the exemption (article 261-4-4° a du CGI), not {value!r}.",
            value=article,
        )
    return article


@requires(Permission.RATES)
def set_exemption(uow: UnitOfWork, *, user: str, item_code: str, article: str) -> ItemRate:
    """Make an item type an exempt operation under ``article`` ("" taxes it again). Its day
    rates must exist: the exemption is kept with them."""
    article = check_exemption(article)
    item = item_by_code(uow, item_code)
    rate = uow.session.get(ItemRate, item.id)
    if rate is None:
        raise ValidationError(
            "VAT exemption",
            "{code} has no day rates yet: set its rates first, then its VAT exemption.",
            code=item.code,
        )
    rate.vat_exemption = article
    uow.session.add(rate)
    uow.flush()
    return rate


@requires(Permission.RATES)
def save_item_rates(uow: UnitOfWork, *, user: str, item_code: str, rates_: ParsedRates) -> None:
    """Write the checked rates in the caller's transaction (emptied fields remove them)."""
    item = item_by_code(uow, item_code)
    if rates_.member is not None and rates_.non_member is not None:
        rates.set_item_rate(
            uow,
            user=user,
            item_code=item_code,
            member_day=from_cents(rates_.member),
            non_member_day=from_cents(rates_.non_member),
            vat_rate=rates_.vat,
        )
        if rates_.exemption is not None:
            set_exemption(uow, user=user, item_code=item_code, article=rates_.exemption)
    else:
        old = uow.session.get(ItemRate, item.id)
        if old is not None:
            uow.session.delete(old)
    for code, cents in rates_.categories.items():
        if cents is not None:
            rates.set_category_rate(
                uow, user=user, category_code=code, item_code=item_code, day=from_cents(cents)
            )
            continue
        category = rates.price_category(uow, code)
        row = uow.session.get(CategoryRate, (category.id, item.id))
        if row is not None:
            uow.session.delete(row)
    uow.flush()
