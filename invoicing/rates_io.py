"""Day rates as a table: export them to CSV or Excel, import them back (all or nothing).

One row per item type (its ``code``), with its member and non-member day rates, its VAT
rate when it is not the default one, the legal article when it is an exempt operation, and
one column per price category (``category:<code>``, its day rate). ``name`` is written for
reading only; an import ignores it.

Import rules (an upsert: nothing absent from the file is deleted):

- ``code`` names an existing item type (any case); a code given twice is refused;
- ``member`` and ``non_member`` go together: both empty leaves the item type's rates as
  they are; one without the other is refused. When they are given, the row says
  everything about the item type's rate: an empty ``vat`` is the default VAT rate, an
  empty ``exemption`` a taxed operation (a column that is not in the file at all keeps the
  stored value);
- a price category's cell: an amount sets that category's day rate, empty leaves it; a
  ``category:CODE`` column of a category that does not exist yet creates it;
- amounts as files write them (``12,50``, ``1 234,50 €``), at most two decimals, never
  negative; a VAT rate as a percentage (``5,5``, ``20 %``).

Every row is checked; any bad line is named (line, column, sentence) and nothing is
written (``app.core.tabular.run_import``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import col, select

from app.core.access import Permission, requires
from app.core.db import UnitOfWork, require_id
from app.core.errors import N_, NotFound, ValidationError, ValidationErrors
from app.core.money import from_cents
from app.core.tabular import (
    CREATE,
    UNCHANGED,
    UPDATE,
    Cell,
    Column,
    ImportResult,
    Money,
    Part,
    Percent,
    Progress,
    RowChange,
    Table,
    parse_decimal,
    part,
    resolve_mapping,
    run_import,
    write_table,
)
from inventory import fields
from inventory.catalogue import item_by_code
from inventory.models import ItemType
from invoicing import item_rates, rates
from invoicing.models import CategoryRate, ItemRate, PriceCategory

#: Field names of refusals (the columns' English labels: the file's header is named).
MEMBER, NON_MEMBER = "member day rate", "non-member day rate"
VAT, EXEMPTION = "VAT rate", "VAT exemption"
CODE = "item code"

#: The prefix of a price category's column key: ``category:COMMUNES``.
CATEGORY = "category:"

COLUMNS: tuple[Column, ...] = (
    Column(
        "code",
        N_("Item code"),
        required=True,
        synonyms=("Code", "Code article", "Référence", "Ref", "Article", "Item", "Item type"),
    ),
    Column("name", N_("Name"), synonyms=("Nom", "Désignation", "Libellé", "Description")),
    Column(
        "member",
        N_("Member day rate"),
        synonyms=(
            "Member",
            "Members",
            "Tarif adhérent",
            "Tarif adhérents",
            "Adhérent",
            "Adhérents",
            "Tarif membre",
            "Membre",
            "Tarif sociétaire",
            "Sociétaire",
            "Prix adhérent",
        ),
    ),
    Column(
        "non_member",
        N_("Non-member day rate"),
        synonyms=(
            "Non-member",
            "Non-members",
            "Public",
            "Tarif public",
            "Tarif non-adhérent",
            "Tarif non adhérent",
            "Non-adhérent",
            "Non adhérent",
            "Non-membre",
            "Prix public",
        ),
    ),
    Column("vat", N_("VAT rate"), synonyms=("VAT", "TVA", "Taux TVA", "Taux de TVA", "TVA %")),
    Column(
        "exemption",
        N_("VAT exemption"),
        synonyms=("Exemption", "Exonération", "Exonération TVA", "Article d'exonération"),
    ),
)


def columns_for(uow: UnitOfWork) -> tuple[Column, ...]:
    """The columns with one per price category of this database (key ``category:CODE``,
    recognised by the category's code, its name, or "Tarif <name>")."""
    extra = tuple(
        Column(
            f"{CATEGORY}{category.code}",
            category.name,
            synonyms=(category.code, f"Tarif {category.name}", f"Tarif {category.code}"),
        )
        for category in uow.session.exec(select(PriceCategory).order_by(col(PriceCategory.code)))
    )
    return COLUMNS + extra


# --- export ---------------------------------------------------------------------------------


def _percent(bp: int | None) -> Decimal | None:
    return None if bp is None else rates.bp_percent(bp)


def export_rows(uow: UnitOfWork) -> tuple[list[str], list[list[Cell]]]:
    """Headers (column keys) and one row per item type (by code), those without a rate
    too (their cells empty: the file is a template to fill); amounts as decimals (numbers
    in a workbook), an absent rate None."""
    categories = list(
        uow.session.exec(select(PriceCategory).order_by(col(PriceCategory.code))).all()
    )
    by_item: dict[int, dict[int, int]] = {}
    for row in uow.session.exec(select(CategoryRate)):
        by_item.setdefault(row.item_type_id, {})[row.category_id] = row.day_cents
    item_rows = {r.item_type_id: r for r in uow.session.exec(select(ItemRate))}
    headers = [c.key for c in COLUMNS] + [f"{CATEGORY}{c.code}" for c in categories]
    rows: list[list[Cell]] = []
    for item in uow.session.exec(select(ItemType).order_by(col(ItemType.code))):
        item_id = require_id(item)
        rate, extra = item_rows.get(item_id), by_item.get(item_id, {})
        rows.append(
            [
                item.code,
                item.name,
                from_cents(rate.member_day_cents) if rate else None,
                from_cents(rate.non_member_day_cents) if rate else None,
                _percent(rate.vat_rate_bp) if rate else None,
                rate.vat_exemption if rate else "",
                *(
                    from_cents(extra[require_id(c)]) if require_id(c) in extra else None
                    for c in categories
                ),
            ]
        )
    return headers, rows


def export_rates(uow: UnitOfWork, filename: str) -> tuple[bytes, int]:
    """The day rates as a file (``.xlsx`` an Excel workbook, else CSV: UTF-8, comma) and
    the number of item types in it."""
    headers, rows = export_rows(uow)
    return write_table(filename, headers, rows), len(rows)


# --- import ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rate:
    member: int
    non_member: int
    vat_bp: int | None
    exemption: str


def _amount(column: str, text: str) -> int:
    value = parse_decimal(text, field=column, negative=True)
    return fields.money_cents(column, value)


def _vat(text: str) -> int | None:
    text = text.strip().removesuffix("%").strip()
    if not text:
        return None
    value = parse_decimal(text, field=VAT, places=2)
    if value < 0 or value > rates.MAX_PERCENT:
        raise ValidationError(
            "VAT rate",
            "The {field} must be between 0 and 100, with at most two decimals.",
            field="VAT rate",
        )
    return int(value * 100)


def _describe(rate: _Rate) -> list[Part]:
    """What a row sets, shown in the user's language ("adhérent 4,50 €")."""
    parts = [
        part(
            N_("member {member}, non-member {non_member}"),
            member=Money(rate.member),
            non_member=Money(rate.non_member),
        )
    ]
    if rate.vat_bp is not None:
        parts.append(part(N_("VAT {rate}"), rate=Percent(rates.bp_percent(rate.vat_bp))))
    if rate.exemption:
        parts.append(part(N_("exempt: {article}"), article=rate.exemption))
    return parts


class _Importer:
    def __init__(self, uow: UnitOfWork, mapping: Mapping[str, str]) -> None:
        self.uow = uow
        self.mapped = set(mapping)
        self.seen: dict[str, int] = {}
        self.categories = {c.code: c for c in uow.session.exec(select(PriceCategory)).all()}
        self.user = uow.actor.name

    def row(self, line: int, values: dict[str, str]) -> RowChange:
        try:
            item = item_by_code(self.uow, values.get("code", ""))
        except NotFound as err:
            raise ValidationError(CODE, err.template, **err.params) from None
        first = self.seen.setdefault(item.code, line)
        item_id = require_id(item)
        stored = self.uow.session.get(ItemRate, item_id)
        before = (
            _Rate(
                stored.member_day_cents,
                stored.non_member_day_cents,
                stored.vat_rate_bp,
                stored.vat_exemption,
            )
            if stored is not None
            else None
        )
        wanted = self._wanted(values, before)
        category_changes = self._category_changes(item_id, values)
        if first != line:
            raise ValidationError(
                CODE,
                N_("{code} was already given on line {line}: give each item type once."),
                code=item.code,
                line=first,
            )
        changes: list[Part] = []
        action = UNCHANGED
        if wanted is not None and wanted != before:
            action = CREATE if before is None else UPDATE
            changes.extend(_describe(wanted))
            self._write(item.code, wanted)
        for code, cents, _had in category_changes:
            if action == UNCHANGED:
                known = before is not None or any(h is not None for _c, _n, h in category_changes)
                action = UPDATE if known else CREATE
            name = self.categories[code].name
            changes.append(part(N_("{category} {amount}"), category=name, amount=Money(cents)))
            rates.set_category_rate(
                self.uow,
                user=self.user,
                category_code=code,
                item_code=item.code,
                day=from_cents(cents),
            )
        return RowChange.of(line, action, item.code, *changes)

    def _wanted(self, values: dict[str, str], before: _Rate | None) -> _Rate | None:
        member_text, public_text = values.get("member", ""), values.get("non_member", "")
        vat_text, exemption_text = values.get("vat", ""), values.get("exemption", "")
        if not member_text and not public_text:
            if vat_text or exemption_text:
                raise ValidationError(
                    MEMBER,
                    N_("A VAT rate or an exemption needs the member and non-member day rates."),
                )
            return None
        member = _amount(MEMBER, member_text) if member_text else None
        public = _amount(NON_MEMBER, public_text) if public_text else None
        if member is None:
            raise ValidationError(MEMBER, N_("The member day rate is missing."))
        if public is None:
            raise ValidationError(NON_MEMBER, N_("The non-member day rate is missing."))
        vat = _vat(vat_text) if "vat" in self.mapped else (before.vat_bp if before else None)
        if "exemption" in self.mapped:
            try:
                exemption = item_rates.check_exemption(exemption_text)
            except ValidationError as err:
                err.field = EXEMPTION
                raise
        else:
            exemption = before.exemption if before else ""
        return _Rate(member, public, vat, exemption)

    def _category_changes(
        self, item_id: int, values: dict[str, str]
    ) -> list[tuple[str, int, int | None]]:
        found = []
        for key, text in values.items():
            if not key.startswith(CATEGORY) or not text:
                continue
            code = key[len(CATEGORY) :]
            category = self.categories[code]
            cents = _amount(key, text)
            row = self.uow.session.get(CategoryRate, (category.id, item_id))
            had = row.day_cents if row is not None else None
            if had != cents:
                found.append((code, cents, had))
        return found

    def _write(self, code: str, wanted: _Rate) -> None:
        rates.set_item_rate(
            self.uow,
            user=self.user,
            item_code=code,
            member_day=from_cents(wanted.member),
            non_member_day=from_cents(wanted.non_member),
            vat_rate=None if wanted.vat_bp is None else rates.bp_percent(wanted.vat_bp),
        )
        stored = self.uow.session.get(ItemRate, item_by_code(self.uow, code).id)
        if stored is not None and stored.vat_exemption != wanted.exemption:
            item_rates.set_exemption(
                self.uow, user=self.user, item_code=code, article=wanted.exemption
            )


@requires(Permission.RATES)
def import_rates(
    uow: UnitOfWork,
    table: Table,
    mapping: Mapping[str, str] | None = None,
    *,
    progress: Progress | None = None,
) -> ImportResult:
    """Import day rates from ``table`` (see the module's rules); all or nothing. A header
    ``category:CODE`` naming no price category creates it (named CODE: rename it in
    Pricing), so a new cooperative imports its categories' rates at once."""
    created = _new_categories(uow, table)
    columns = columns_for(uow)
    importer = _Importer(uow, resolve_mapping(table, columns, mapping))
    result = run_import(uow, table, columns, mapping, importer.row, progress=progress)
    result.changes[:0] = created
    return result


def _new_categories(uow: UnitOfWork, table: Table) -> list[RowChange]:
    known = {c.code.upper() for c in uow.session.exec(select(PriceCategory)).all()}
    created = []
    for header in table.headers:
        name, sep, code = header.partition(":")
        code = code.strip()
        if not sep or name.strip().lower() != CATEGORY[:-1] or not code:
            continue
        if code.upper() in known:
            continue
        try:
            rates.create_price_category(uow, user=uow.actor.name, code=code, name=code)
        except ValidationError as err:
            raise ValidationErrors([(table.header_line, err)]) from None
        known.add(code.upper())
        said = part(N_("new price category {code}"), code=code)
        created.append(RowChange.of(table.header_line, CREATE, f"{CATEGORY}{code}", said))
    return created
