"""Customers, contacts and memberships: create, edit, search, with checked identifiers.

SIREN/SIRET and intra-EU VAT numbers are checked with python-stdnum (checksums), so a
mistyped number is refused at entry rather than found on an invoice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select
from stdnum import vatin
from stdnum.ch import uid as ch_uid
from stdnum.ch import vat as ch_vat
from stdnum.eu import vat as eu_vat
from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret

from app.core.access import Permission, requires
from app.core.db import UnitOfWork, id_column
from app.core.errors import Conflict, NotFound, ValidationError
from booking import countries, queries
from booking.models import Contact, Customer, CustomerCategory, CustomerKind, Membership
from inventory import fields

#: A customer's fields, in the order forms and the CLI's JSON show them: the one list the
#: editor, the CLI and ``save_customer`` share.
CUSTOMER_FIELDS: tuple[str, ...] = (
    "number",
    "kind",
    "category",
    "name",
    "email",
    "phone",
    "address",
    "postcode",
    "city",
    "country",
    "siren",
    "siret",
    "vat_number",
    "public_buyer",
    "service_code",
    "notes",
)
#: The fields ``save_customer`` copies as typed (the number is given, kind and category are
#: choices).
TEXT_FIELDS: tuple[str, ...] = tuple(
    f for f in CUSTOMER_FIELDS if f not in ("number", "kind", "category", "public_buyer")
)
#: How a form or the CLI says yes to a flag (``public_buyer``).
YES = frozenset({"1", "true", "yes", "on", "oui", "y"})


@dataclass
class CustomerData:
    name: str
    kind: CustomerKind = CustomerKind.ORGANISATION
    category: CustomerCategory = CustomerCategory.ASSOCIATION
    email: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "FR"
    siren: str = ""
    siret: str = ""
    vat_number: str = ""
    notes: str = ""
    number: str = ""
    #: A public body paid through Chorus Pro, and its service code (BT-10 by default).
    public_buyer: bool = False
    service_code: str = ""


def _digits(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch not in ".-")


def check_siret(value: str) -> str:
    value = _digits(value)
    if value and not fr_siret.is_valid(value):
        raise ValidationError(
            "SIRET", "The SIRET {value} is not valid: check its 14 digits.", value=value
        )
    return value


def check_siren(value: str) -> str:
    value = _digits(value)
    if value and not fr_siren.is_valid(value):
        raise ValidationError(
            "SIREN", "The SIREN {value} is not valid: check its 9 digits.", value=value
        )
    return value


def check_vat(value: str, country: str | None = None) -> str:
    """A VAT number, compacted. In an EU country (or with ``country`` None) a valid
    intra-EU number, whose prefix is the country's (EL for Greece); elsewhere a valid VAT
    number of that country as python-stdnum knows it (CHE… for Switzerland)."""
    typed = value.strip()
    value = _digits(value).upper()
    if not value:
        return value
    if country == "CH":
        return _swiss_vat(typed)
    if country is None or countries.in_eu(country):
        if not eu_vat.is_valid(value):
            raise ValidationError(
                "VAT number",
                "The VAT number {value} is not a valid intra-EU VAT number.",
                value=value,
            )
        prefix = countries.vat_prefix(country) if country else value[:2]
        if not value.startswith(prefix):
            raise ValidationError(
                "VAT number",
                "The VAT number {value} does not match the country {country}: a VAT number "
                "of {country} starts with {prefix}.",
                value=value,
                country=country,
                prefix=prefix,
            )
        return value
    if country == "CH":
        return _swiss_vat(value)
    if not value.startswith(country) or not _valid_vatin(value):
        raise ValidationError(
            "VAT number",
            "The VAT number {value} is not a valid VAT number of {country}: it starts with "
            "{country}, e.g. {example}.",
            value=value,
            country=country,
            example=VAT_EXAMPLES.get(country, country + "123456789"),
        )
    return value


#: What a valid VAT number of a country outside the EU looks like (refusals say it).
VAT_EXAMPLES = {"GB": "GB980780684", "NO": "NO995525828MVA"}


def _swiss_vat(value: str) -> str:
    """A Swiss UID, with or without its VAT suffix (MWST, TVA, IVA), in its standard form:
    ``CHE-123.456.788`` or ``CHE-123.456.788 TVA``."""
    if ch_uid.is_valid(value):
        return str(ch_uid.format(value))
    if ch_vat.is_valid(value):
        return str(ch_vat.format(value))
    raise ValidationError(
        "VAT number",
        "The VAT number {value} is not a valid Swiss number: write the UID as "
        "CHE-123.456.788, with or without MWST, TVA or IVA after it, and check its digits.",
        value=value,
    )


def _valid_vatin(value: str) -> bool:
    try:
        return bool(vatin.is_valid(value))
    except Exception:  # noqa: BLE001 - stdnum raises for countries it does not know
        return False


def _french_only(field_name: str, value: str, country: str) -> None:
    if value and country != "FR":
        raise ValidationError(
            field_name,
            "A {field} is French: a customer in {country} has none (leave it empty, or set "
            "the country to FR).",
            field=field_name,
            country=country,
        )


def parse_customer(raw: Mapping[str, str]) -> CustomerData:
    get = raw.get
    country = countries.check_country(get("country", ""))
    _french_only("SIRET", get("siret", "").strip(), country)
    _french_only("SIREN", get("siren", "").strip(), country)
    siret = check_siret(get("siret", ""))
    siren = check_siren(get("siren", "") or siret[:9])
    if siret and siren and siret[:9] != siren:
        raise ValidationError(
            "SIRET",
            "The SIRET {siret} does not start with the SIREN {siren}.",
            siret=siret,
            siren=siren,
        )
    data = CustomerData(
        name=fields.text("name", get("name", ""), required=True),
        kind=fields.choice("kind", get("kind", "") or "organisation", CustomerKind),
        category=fields.choice("category", get("category", "") or "association", CustomerCategory),
        email=_email(get("email", "")),
        phone=fields.text("phone", get("phone", ""), limit=40),
        address=fields.text("address", get("address", ""), limit=400),
        postcode=fields.text("postcode", get("postcode", ""), limit=12),
        city=fields.text("city", get("city", "")),
        country=country,
        siren=siren,
        siret=siret,
        vat_number=check_vat(get("vat_number", ""), country),
        public_buyer=get("public_buyer", "").strip().casefold() in YES,
        service_code=fields.text("service code", get("service_code", ""), limit=100),
        notes=fields.text("notes", get("notes", ""), limit=fields.MAX_NOTES),
        number=fields.text("customer number", get("number", ""), limit=20),
    )
    _check_consistent(data)
    return data


def _check_consistent(data: CustomerData) -> None:
    """What a customer's kind allows: an individual has no business identifiers and is
    no public buyer; a French public buyer has its SIRET (Chorus Pro knows it by it); only a
    public buyer has a Chorus Pro service code."""
    individual = data.kind == CustomerKind.PERSON or data.category == CustomerCategory.INDIVIDUAL
    if individual:
        if data.siret:
            raise ValidationError(
                "SIRET", "A person has no SIRET: leave it empty, or change its kind or category."
            )
        if data.siren:
            raise ValidationError(
                "SIREN", "A person has no SIREN: leave it empty, or change its kind or category."
            )
        if data.vat_number:
            raise ValidationError(
                "VAT number",
                "A person has no VAT number: leave it empty, or change its kind or category.",
            )
        if data.public_buyer:
            raise ValidationError(
                "public buyer",
                "A person is not a public buyer: make the customer an organisation.",
            )
    if data.public_buyer and data.country == "FR" and not data.siret:
        raise ValidationError(
            "SIRET",
            "A French public buyer needs its SIRET: Chorus Pro identifies the buyer by it.",
        )
    if data.service_code and not data.public_buyer:
        raise ValidationError(
            "service code",
            "Only a public buyer has a Chorus Pro service code: leave it empty, or make "
            "the customer a public buyer.",
        )


def _email(value: str) -> str:
    value = fields.text("email", value)
    if value and (
        "@" not in value
        or " " in value
        or value.startswith("@")
        or value.endswith("@")
        or "." not in value.split("@")[-1]
    ):
        raise ValidationError("email", "{value!r} is not an e-mail address.", value=value)
    return value


def customer_by_number(uow: UnitOfWork, number: str) -> Customer:
    customer = uow.session.exec(select(Customer).where(Customer.number == number.strip())).first()
    if customer is None:
        raise NotFound("No customer has the number {number}.", number=number.strip())
    return customer


def next_number(uow: UnitOfWork) -> str:
    count = uow.session.exec(select(func.count()).select_from(Customer)).one()
    candidate = 1001 + int(count)
    while uow.session.exec(select(Customer.id).where(Customer.number == str(candidate))).first():
        candidate += 1
    return str(candidate)


@requires(Permission.CUSTOMERS)
def save_customer(
    uow: UnitOfWork, *, user: str, data: CustomerData, customer_id: int | None = None
) -> Customer:
    """Create (``customer_id`` None) or update a customer."""
    customer = Customer(number="", name=data.name)
    if customer_id is not None:
        found = uow.session.get(Customer, customer_id)
        if found is None:
            raise NotFound("This customer no longer exists.")
        customer = found
    number = data.number or customer.number or next_number(uow)
    clash = uow.session.exec(select(Customer).where(Customer.number == number)).first()
    if clash is not None and clash.id != customer.id:
        raise ValidationError(
            "customer number",
            "The customer number {number} is already used by {name}.",
            number=number,
            name=clash.name,
        )
    if data.siret:
        twin = uow.session.exec(select(Customer).where(Customer.siret == data.siret)).first()
        if twin is not None and twin.id != customer.id:
            raise ValidationError(
                "SIRET",
                "The SIRET {siret} is already {name}'s ({number}): a SIRET names one "
                "establishment (two customers of one body share the SIREN, not the SIRET).",
                siret=data.siret,
                name=twin.name,
                number=twin.number,
            )
    for key in TEXT_FIELDS:
        setattr(customer, key, getattr(data, key))
    customer.number, customer.kind, customer.category = number, data.kind.value, data.category.value
    customer.public_buyer = data.public_buyer
    uow.session.add(customer)
    uow.flush()
    return customer


@requires(Permission.CUSTOMERS)
def add_contact(
    uow: UnitOfWork,
    *,
    user: str,
    customer_id: int,
    name: str,
    role: str = "",
    email: str = "",
    phone: str = "",
) -> Contact:
    contact = Contact(
        customer_id=customer_id,
        name=fields.text("name", name, required=True),
        role=fields.text("role", role),
        email=_email(email),
        phone=fields.text("phone", phone, limit=40),
    )
    uow.session.add(contact)
    uow.flush()
    return contact


def contacts_of(uow: UnitOfWork, customer_id: int) -> list[Contact]:
    return list(uow.session.exec(select(Contact).where(Contact.customer_id == customer_id)))


# --- memberships ------------------------------------------------------------------------


@requires(Permission.CUSTOMERS)
def add_membership(
    uow: UnitOfWork,
    *,
    user: str,
    customer_id: int,
    member_number: str,
    valid_from: dt.date | str,
    valid_to: dt.date | str | None = None,
) -> Membership:
    """A membership (a renewal repeats the customer's number); refused if another customer
    has its number or it overlaps another membership of the same customer."""
    number = fields.text("member number", member_number, required=True, limit=20)
    start = fields.optional_date("valid from", valid_from)
    end = fields.optional_date("valid to", valid_to)
    if start is None:
        raise ValidationError("valid from", "The {field} cannot be empty.", field="valid from")
    if end is not None and end < start:
        raise ValidationError("valid to", "A membership cannot end before it starts.")
    if uow.session.get(Customer, customer_id) is None:
        raise NotFound("This customer no longer exists.")
    # A member keeps its number across renewals: the number belongs to one customer.
    clash = uow.session.exec(
        select(Customer.name)
        .join(Membership, col(Membership.customer_id) == id_column(Customer))
        .where(Membership.member_number == number, Membership.customer_id != customer_id)
    ).first()
    if clash is not None:
        raise ValidationError(
            "member number",
            "The member number {number} is already used by {name}.",
            number=number,
            name=clash,
        )
    for other in memberships_of(uow, customer_id):
        if _overlaps(start, end, other.valid_from, other.valid_to):
            raise Conflict(
                "This membership overlaps membership {number} ({start} – {end}).",
                number=other.member_number,
                start=other.valid_from.strftime("%d/%m/%Y"),
                end=other.valid_to.strftime("%d/%m/%Y") if other.valid_to else "…",
            )
    membership = Membership(
        customer_id=customer_id, member_number=number, valid_from=start, valid_to=end
    )
    uow.session.add(membership)
    uow.flush()
    return membership


def _overlaps(a0: dt.date, a1: dt.date | None, b0: dt.date, b1: dt.date | None) -> bool:
    far = dt.date.max
    return a0 <= (b1 or far) and b0 <= (a1 or far)


def memberships_of(uow: UnitOfWork, customer_id: int) -> list[Membership]:
    query = select(Membership).where(Membership.customer_id == customer_id)
    return list(uow.session.exec(query.order_by(col(Membership.valid_from))))


# --- search -----------------------------------------------------------------------------


def _search_conditions(text: str) -> list[ColumnElement[bool]]:
    text = text.strip()
    if not text:
        return []
    pattern = f"%{text}%"
    member = sa_select(col(Membership.customer_id)).where(
        col(Membership.member_number).like(pattern)
    )
    return [
        or_(
            col(Customer.name).like(pattern),
            col(Customer.number).like(pattern),
            col(Customer.city).like(pattern),
            col(Customer.email).like(pattern),
            col(Customer.siret).like(pattern),
            id_column(Customer).in_(member),
        )
    ]


#: By name, then id: a stable order for pages.
_BY_NAME = (col(Customer.name), id_column(Customer))


def search_customers(
    uow: UnitOfWork, text: str = "", limit: int | None = None, offset: int = 0
) -> list[int]:
    """Ids of the customers whose name, number, city, e-mail, SIRET or member number
    contains ``text``, by name: at most ``limit`` (None or 0: all) after the first
    ``offset``."""
    query = sa_select(id_column(Customer)).where(*_search_conditions(text)).order_by(*_BY_NAME)
    if limit:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return list(uow.session.execute(query).scalars())


def count_customers(uow: UnitOfWork, text: str = "") -> int:
    """How many customers ``search_customers`` finds (all pages)."""
    query = sa_select(func.count(id_column(Customer))).where(*_search_conditions(text))
    return int(uow.session.execute(query).scalar_one())


#: A membership as listings show it: (member number, valid from, valid to or None).
MembershipSpan = tuple[str, dt.date, dt.date | None]


def customer_listing(
    uow: UnitOfWork, text: str = "", *, limit: int | None = None, offset: int = 0
) -> list[tuple[dict[str, Any], list[MembershipSpan]]]:
    """A page of ``search_customers`` as ``(fields, memberships)``: every column of each
    customer by name (``CUSTOMER_FIELDS`` and ``id``) and its memberships by start, read by
    two queries whatever the page's length."""
    query = (
        sa_select(queries.table_of(Customer)).where(*_search_conditions(text)).order_by(*_BY_NAME)
    )
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    found = [dict(row) for row in uow.session.execute(query).mappings()]
    spans: dict[int, list[MembershipSpan]] = {}
    ids = [row["id"] for row in found]
    for start in range(0, len(ids), 1000):
        members = (
            sa_select(
                col(Membership.customer_id),
                col(Membership.member_number),
                col(Membership.valid_from),
                col(Membership.valid_to),
            )
            .where(col(Membership.customer_id).in_(ids[start : start + 1000]))
            .order_by(col(Membership.valid_from), id_column(Membership))
        )
        for customer_id, number, valid_from, valid_to in uow.session.execute(members):
            spans.setdefault(customer_id, []).append((number, valid_from, valid_to))
    return [(row, spans.get(row["id"], [])) for row in found]


# --- reads for the screens --------------------------------------------------------------


def customer_fields(uow: UnitOfWork, customer_id: int) -> dict[str, str]:
    """The customer's ``CUSTOMER_FIELDS`` as text, as an edit form starts from them."""
    customer = uow.session.get(Customer, customer_id)
    if customer is None:
        raise NotFound("This customer no longer exists.")
    return {key: _as_text(getattr(customer, key)) for key in CUSTOMER_FIELDS}


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else ""
    return str(value or "")


def customer_id_of(uow: UnitOfWork, number: str) -> int | None:
    """The id of the customer numbered ``number``, or None."""
    query = select(Customer.id).where(Customer.number == number.strip())
    return uow.session.exec(query).first()


@dataclass(frozen=True)
class CustomerRow:
    """A customer as lists show it."""

    id: int
    number: str
    name: str
    category: str
    city: str
    #: (member number, valid from, valid to or None) of each membership.
    memberships: tuple[tuple[str, dt.date, dt.date | None], ...] = ()

    def membership_on(self, day: dt.date) -> str | None:
        """The member number of the membership covering ``day``, or None."""
        for number, start, end in self.memberships:
            if start <= day and (end is None or day <= end):
                return number
        return None


def customer_rows(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, CustomerRow]:
    if not ids:
        return {}
    found: dict[int, list[tuple[str, dt.date, dt.date | None]]] = {}
    query = select(Membership).where(col(Membership.customer_id).in_(ids))
    for m in uow.session.exec(query.order_by(col(Membership.valid_from))):
        found.setdefault(m.customer_id, []).append((m.member_number, m.valid_from, m.valid_to))
    rows = {}
    for c in uow.session.exec(select(Customer).where(id_column(Customer).in_(ids))):
        assert c.id is not None
        rows[c.id] = CustomerRow(
            c.id, c.number, c.name, c.category, c.city, tuple(found.get(c.id, []))
        )
    return rows


@dataclass
class CustomerDetail:
    """One customer with its memberships, contacts and bookings (ids, newest first)."""

    customer: dict[str, str]
    memberships: list[Membership] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    bookings: list[int] = field(default_factory=list)


def customer_detail(uow: UnitOfWork, customer_id: int) -> CustomerDetail | None:
    """The customer's detail, or None when it no longer exists."""
    if uow.session.get(Customer, customer_id) is None:
        return None
    return CustomerDetail(
        customer_fields(uow, customer_id),
        memberships_of(uow, customer_id),
        contacts_of(uow, customer_id),
        queries.search_bookings(uow, customer_id=customer_id),
    )
