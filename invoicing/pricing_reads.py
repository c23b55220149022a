"""The reads of one pricing (a draft, a quote, an invoice), each made once: inside
``pricing_scope`` the rows of rates, per-booking pricing and price categories read are kept
for the rest of the block, and the rates of all the item types being priced are read in
one statement (``read_item_rates``). ``invoicing.rates``, ``invoicing.charges`` and
``invoicing.vat_rules`` ask through here; outside a scope every call reads the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar, cast

from sqlalchemy import bindparam
from sqlalchemy import select as core_select

from app.core.db import UnitOfWork
from booking.availability import table_of
from inventory.models import ItemType
from invoicing.models import ItemRate

_SCOPE = "rates.scope"
T = TypeVar("T")


@contextmanager
def pricing_scope(uow: UnitOfWork) -> Iterator[None]:
    """Price (a draft, a quote, an invoice) reading each rate row once: inside the block,
    the rows of rates, per-booking pricing and price categories read are kept and read
    again from there. Pricing writes nothing, so they cannot change meanwhile; outside a
    scope every call reads the database (a service that writes rates then prices sees its
    own writes). Nested scopes are the outer one."""
    if _SCOPE in uow.memo:
        yield
        return
    uow.memo[_SCOPE] = {}
    try:
        yield
    finally:
        uow.memo.pop(_SCOPE, None)


def scoped(uow: UnitOfWork, key: object, load: Callable[[], T]) -> T:
    scope = uow.memo.get(_SCOPE)
    if not isinstance(scope, dict):
        return load()
    if key not in scope:
        scope[key] = load()
    return cast(T, scope[key])


_RATE = table_of(ItemRate)
_TYPE = table_of(ItemType)
#: The day rates and VAT facts of several item types, with their codes (one statement).
_RATES_OF = (
    core_select(_TYPE.c.id, _TYPE.c.code, *[c for c in _RATE.c if c.name != "item_type_id"])
    .select_from(_TYPE.outerjoin(_RATE, _RATE.c.item_type_id == _TYPE.c.id))
    .where(_TYPE.c.id.in_(bindparam("type_ids", expanding=True)))
)
_RATES_KEY = "item_rates"  # scope: item type id → ItemRate | None
_EXEMPT_KEY = "exemptions"  # scope: item type code → its exemption article ("": none)


def read_item_rates(uow: UnitOfWork, type_ids: Iterable[int]) -> None:
    """Inside a ``pricing_scope``: read the rates of ``type_ids`` in one statement (what
    ``vat_of``, ``charges.day_rate`` and ``vat_rules.exemptions`` then ask)."""
    scope = uow.memo.get(_SCOPE)
    if not isinstance(scope, dict):
        return
    known: dict[int, ItemRate | None] = scope.setdefault(_RATES_KEY, {})
    exempt: dict[str, str] = scope.setdefault(_EXEMPT_KEY, {})
    wanted = sorted({t for t in type_ids if t not in known})
    if not wanted:
        return
    names = [c.name for c in _RATE.c if c.name != "item_type_id"]
    for found in uow.session.execute(_RATES_OF, {"type_ids": wanted}):
        type_id, code, *values = found
        row = dict(zip(names, values, strict=True))
        if row["member_day_cents"] is None:  # no rate row (outer join)
            known[type_id], exempt[code] = None, ""
            continue
        known[type_id] = ItemRate(item_type_id=type_id, **row)
        exempt[code] = row["vat_exemption"] or ""


def item_rate(uow: UnitOfWork, type_id: int | None) -> ItemRate | None:
    """The rates of item type ``type_id`` (None: none set)."""
    scope = uow.memo.get(_SCOPE)
    if isinstance(scope, dict) and type_id in scope.get(_RATES_KEY, {}):
        found: ItemRate | None = scope[_RATES_KEY][type_id]
        return found
    return uow.session.get(ItemRate, type_id)


def known_exemptions(uow: UnitOfWork, codes: Iterable[str]) -> dict[str, str] | None:
    """Inside a ``pricing_scope`` whose rates of every item type of ``codes`` were read:
    their exemption articles (code → article, exempt types only); else None."""
    scope = uow.memo.get(_SCOPE)
    if not isinstance(scope, dict):
        return None
    exempt: dict[str, str] = scope.get(_EXEMPT_KEY, {})
    wanted = list(codes)
    if any(code not in exempt for code in wanted):
        return None
    return {code: exempt[code] for code in wanted if exempt[code]}


_DEPOSITS_KEY = "deposits"  # scope: item type id → its deposit in cents


def keep_deposits(uow: UnitOfWork, cents: dict[int, int]) -> None:
    """Inside a ``pricing_scope``: the deposits of item types just read (``known_deposits``
    then answers for them)."""
    scope = uow.memo.get(_SCOPE)
    if isinstance(scope, dict):
        scope.setdefault(_DEPOSITS_KEY, {}).update(cents)


def known_deposits(uow: UnitOfWork, type_ids: Iterable[int]) -> dict[int, int] | None:
    """Inside a ``pricing_scope`` that read every one of ``type_ids``: their deposits in
    cents; else None."""
    scope = uow.memo.get(_SCOPE)
    if not isinstance(scope, dict):
        return None
    kept: dict[int, int] = scope.get(_DEPOSITS_KEY, {})
    wanted = list(type_ids)
    if any(t not in kept for t in wanted):
        return None
    return {t: kept[t] for t in wanted}
