"""Customers and their memberships as a table: export them, import them (all or nothing).

Format: one row per membership, the customer's columns repeated on each of its rows; a
customer without membership has one row with the membership columns empty. Columns (the
header names them by key; other headers are mapped, see ``COLUMNS`` for the synonyms
guessed, e.g. "Raison sociale", "N° adhérent", "Adhésion du")::

    number,name,kind,category,email,phone,address,postcode,city,country,siren,siret,
    vat_number,public_buyer,service_code,notes,member_number,member_from,member_to

A ``first_name`` column (``Prénom``), when a file keeps it apart, is put before the name
("Léa" and "Martin": "Léa Martin"); an export never writes it. ``kind`` and ``category``
take Régie's values (``organisation``, ``commune``…), their labels in English or French
("Personne", "Association"), or the usual French words (``particulier``, ``mairie``,
``entreprise``…; ``tabular.enum_cell``); a new customer whose file gives its kind but no
category is put in the category its kind implies (a person: the individuals'), and the
other way round; ``public_buyer`` yes or empty; dates ``2026-11-25`` or ``25/11/2026``; an empty ``country`` is FR. A French postcode
that a spreadsheet turned into a four-digit number (1000 for 01000) gets its zero back.

Which customer a row is about: its ``number`` when the file gives one (created with that
number if none has it); otherwise the customer with the row's SIRET, otherwise the only
customer of that exact name (case aside); otherwise a new customer with the next free
number. Rows of one customer (same number, else same SIRET, else same name) must agree on
every customer column. A membership is matched by its customer and first day: created if
absent, its number and last day updated. Nothing absent from the file is deleted;
contacts are not part of the file.

Export order: customers by number, each customer's memberships by first day. Exporting,
importing into an empty database and exporting again gives the same file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import col, select

from app.core import tabular
from app.core.access import Permission, requires
from app.core.db import UnitOfWork, require_id
from app.core.errors import N_, Conflict, ValidationError
from app.core.tabular import Column, ImportResult, Progress, RowChange, Table
from booking import customers
from booking.models import (
    CUSTOMER_CATEGORY_LABELS,
    Customer,
    CustomerCategory,
    CustomerKind,
    Membership,
)
from inventory import fields

Col = Column
#: Régie's columns, in the order of an exported file.
COLUMNS: tuple[Column, ...] = (
    Col("number", N_("Customer number"), False,
        ("customer no", "n° client", "numéro client", "numéro", "code client", "client", "no")),
    Col("name", N_("Name"), True,
        ("nom", "raison sociale", "dénomination", "nom / raison sociale", "société",
         "structure", "organisme", "customer", "nom client")),
    Col("kind", N_("Kind"), False, ("type", "type de client", "nature", "personne")),
    Col("category", N_("Category"), False, ("catégorie", "catégorie client", "statut")),
    Col("email", N_("Email"), False, ("e-mail", "mail", "courriel", "adresse e-mail", "adresse mail")),
    Col("phone", N_("Phone"), False, ("téléphone", "tél", "tel", "portable", "mobile")),
    Col("address", N_("Address"), False, ("adresse", "rue", "adresse postale")),
    Col("postcode", N_("Postcode"), False, ("code postal", "cp", "zip", "postal code")),
    Col("city", N_("City"), False, ("ville", "commune", "localité")),
    Col("country", N_("Country"), False, ("pays", "code pays")),
    Col("siren", N_("SIREN"), False, ("n° siren",)),
    Col("siret", N_("SIRET"), False, ("n° siret",)),
    Col("vat_number", N_("VAT number"), False,
        ("tva", "n° tva", "numéro de tva", "tva intracommunautaire", "vat", "n° tva intracom")),
    Col("public_buyer", N_("Public buyer"), False, ("acheteur public", "chorus", "chorus pro")),
    Col("service_code", N_("Service code"), False, ("code service",)),
    Col("notes", N_("Notes"), False, ("remarques", "commentaire", "commentaires", "observations")),
    Col("member_number", N_("Member number"), False,
        ("n° adhérent", "numéro adhérent", "numéro de sociétaire", "n° sociétaire", "adhérent",
         "sociétaire")),
    Col("member_from", N_("Membership from"), False,
        ("valid from", "adhésion du", "début adhésion", "date adhésion", "adhésion début",
         "date d'adhésion")),
    Col("member_to", N_("Membership to"), False,
        ("valid to", "adhésion au", "fin adhésion", "adhésion fin", "date fin adhésion")),
    # Read, never written: a person's first name kept apart by another tool.
    Col("first_name", N_("First name (put before the name)"), False, ("prénom", "firstname")),
)  # fmt: skip
#: The columns of an exported file.
KEYS = tuple(column.key for column in COLUMNS[:-1])
CUSTOMER_KEYS = KEYS[:-3]
MEMBER_KEYS = KEYS[-3:]

#: Words other tools write for a kind or a category (compared without case or accents).
KIND_WORDS = {
    "organisation": CustomerKind.ORGANISATION, "organization": CustomerKind.ORGANISATION,
    "structure": CustomerKind.ORGANISATION, "personne morale": CustomerKind.ORGANISATION,
    "morale": CustomerKind.ORGANISATION, "person": CustomerKind.PERSON,
    "personne": CustomerKind.PERSON, "personne physique": CustomerKind.PERSON,
    "physique": CustomerKind.PERSON, "particulier": CustomerKind.PERSON,
}  # fmt: skip
CATEGORY_WORDS = {
    "association": CustomerCategory.ASSOCIATION, "asso": CustomerCategory.ASSOCIATION,
    "company": CustomerCategory.COMPANY, "entreprise": CustomerCategory.COMPANY,
    "société": CustomerCategory.COMPANY, "societe": CustomerCategory.COMPANY,
    "commune": CustomerCategory.COMMUNE, "mairie": CustomerCategory.COMMUNE,
    "collectivité": CustomerCategory.COMMUNE, "venue": CustomerCategory.VENUE,
    "lieu": CustomerCategory.VENUE, "salle": CustomerCategory.VENUE,
    "théâtre": CustomerCategory.VENUE, "individual": CustomerCategory.INDIVIDUAL,
    "particulier": CustomerCategory.INDIVIDUAL,
}  # fmt: skip
NO = frozenset({"", "0", "false", "no", "non", "n", "off"})
#: What a customer's kind is called on screen.
KIND_LABELS = {CustomerKind.ORGANISATION: N_("Organisation"), CustomerKind.PERSON: N_("Person")}
KIND_CHOICES = tabular.choices(KIND_LABELS, KIND_WORDS)
CATEGORY_CHOICES = tabular.choices(CUSTOMER_CATEGORY_LABELS, CATEGORY_WORDS)


# --- export -----------------------------------------------------------------------------


def customer_table(uow: UnitOfWork) -> list[list[tabular.Cell]]:
    """Every customer's rows, in the file's order."""
    memberships: dict[int, list[Membership]] = {}
    for membership in uow.session.exec(select(Membership).order_by(col(Membership.valid_from))):
        memberships.setdefault(membership.customer_id, []).append(membership)
    rows: list[list[tabular.Cell]] = []
    for customer in uow.session.exec(select(Customer).order_by(col(Customer.number))):
        cells: list[tabular.Cell] = [
            ("yes" if customer.public_buyer else "")
            if key == "public_buyer"
            else str(getattr(customer, key))
            for key in CUSTOMER_KEYS
        ]
        own = memberships.get(require_id(customer), [])
        if not own:
            rows.append([*cells, "", None, None])
        for membership in own:
            rows.append(
                [*cells, membership.member_number, membership.valid_from, membership.valid_to]
            )
    return rows


def export_customers(uow: UnitOfWork, filename: str) -> tuple[bytes, int]:
    """The file's bytes (``.xlsx``: a workbook; else CSV) and how many customers it holds."""
    rows = customer_table(uow)
    count = len({row[0] for row in rows})
    return tabular.write_table(filename, KEYS, rows), count


# --- import -----------------------------------------------------------------------------


@requires(Permission.CUSTOMERS)
def import_customers(
    uow: UnitOfWork,
    table: Table,
    mapping: dict[str, str] | None = None,
    *,
    progress: Progress | None = None,
) -> ImportResult:
    """Upsert the customers and memberships of ``table`` (see the module docstring). Any
    refused row: ``ValidationErrors`` naming every one, nothing written."""
    job = _Import(uow)
    return tabular.run_import(uow, table, COLUMNS, mapping, job.row, progress=progress)


@dataclass
class _Import:
    uow: UnitOfWork
    #: For each customer the file describes: its first line and its customer columns.
    seen: dict[str, tuple[int, dict[str, str]]] = field(default_factory=dict)
    #: The customers (by group key) this file creates.
    created: set[str] = field(default_factory=set)
    by_name: dict[str, list[Customer]] | None = None

    def row(self, line: int, values: dict[str, str]) -> RowChange:
        raw = _normalised(values)
        group = _group_key(raw)
        first = self.seen.get(group)
        if first is not None:
            _same_customer(first, raw)
        else:
            self.seen[group] = (line, {key: raw[key] for key in CUSTOMER_KEYS if key in raw})
        existing = self._find(raw)
        if existing is not None:  # a column the file lacks keeps the customer's value
            for key in CUSTOMER_KEYS:
                raw.setdefault(key, _stored(existing, key))
        else:
            _kind_and_category(raw)
        _zero_back(raw)
        data = customers.parse_customer(raw)
        action, parts = tabular.UNCHANGED, []
        if existing is None:
            customer = customers.save_customer(self.uow, user=self.uow.actor.name, data=data)
            action = tabular.CREATE
            parts.append(tabular.part("{name}", name=customer.name))
            self.created.add(group)
            self._names().setdefault(customer.name.casefold(), []).append(customer)
        else:
            customer = existing
            changed = _changes(customer, data)
            if changed and first is None:
                customers.save_customer(
                    self.uow, user=self.uow.actor.name, data=data, customer_id=customer.id
                )
                action = tabular.UPDATE
                parts.append(tabular.part(N_("changed: {columns}"), columns=_labels(changed)))
            elif group in self.created:
                action = tabular.CREATE
        membership = self._membership(require_id(customer), raw)
        if membership is not None:
            if action == tabular.UNCHANGED:
                action = tabular.UPDATE
            parts.append(membership)
        return RowChange.of(line, action, customer.number, *parts)

    def _find(self, raw: dict[str, str]) -> Customer | None:
        query = select(Customer)
        number = raw.get("number", "").strip()
        if number:
            return self.uow.session.exec(query.where(Customer.number == number)).first()
        siret = customers.check_siret(raw.get("siret", ""))
        if siret:
            found = self.uow.session.exec(query.where(Customer.siret == siret)).first()
            if found is not None:
                return found
        name = raw.get("name", "").strip()
        named = self._names().get(name.casefold(), [])
        if len(named) > 1:
            raise Conflict(
                "Several customers are named {name}: give the customer number in the file "
                "to say which one this row is about.",
                name=name,
            )
        return named[0] if named else None

    def _names(self) -> dict[str, list[Customer]]:
        """Every customer by its name without case (compared in Python: SQLite's lower()
        knows no accented capitals)."""
        if self.by_name is None:
            self.by_name = {}
            for customer in self.uow.session.exec(select(Customer)):
                self.by_name.setdefault(customer.name.strip().casefold(), []).append(customer)
        return self.by_name

    def _membership(self, customer_id: int, raw: dict[str, str]) -> tabular.Part | None:
        """Create or update the row's membership; what it did, in a few words (None when
        nothing)."""
        number = raw.get("member_number", "")
        start_text, end_text = raw.get("member_from", ""), raw.get("member_to", "")
        if not (number or start_text or end_text):
            return None
        if not number:
            raise ValidationError("member_number", N_("A membership needs its member number."))
        if not start_text:
            raise ValidationError("member_from", N_("A membership needs its first day."))
        start = tabular.parse_date(start_text, field="member_from")
        end = tabular.parse_date(end_text, field="member_to") if end_text else None
        fields.plausible("member_from", start)
        if end is not None:
            fields.plausible("member_to", end)
        existing = self.uow.session.exec(
            select(Membership).where(
                Membership.customer_id == customer_id, Membership.valid_from == start
            )
        ).first()
        if existing is None:
            customers.add_membership(
                self.uow,
                user=self.uow.actor.name,
                customer_id=customer_id,
                member_number=number,
                valid_from=start,
                valid_to=end,
            )
            return tabular.part(N_("membership {number} added"), number=number)
        if existing.member_number == number and existing.valid_to == end:
            return None
        _update_membership(self.uow, existing, number, end)
        return tabular.part(N_("membership {number} changed"), number=number)


def _update_membership(
    uow: UnitOfWork, membership: Membership, number: str, end: dt.date | None
) -> None:
    """Change a membership's number and last day with the checks ``add_membership`` makes:
    re-adding it without itself."""
    customer_id, start = membership.customer_id, membership.valid_from
    uow.session.delete(membership)
    uow.flush()
    customers.add_membership(
        uow,
        user=uow.actor.name,
        customer_id=customer_id,
        member_number=number,
        valid_from=start,
        valid_to=end,
    )


def _stored(customer: Customer, key: str) -> str:
    if key == "public_buyer":
        return "yes" if customer.public_buyer else ""
    return str(getattr(customer, key))


def _normalised(values: dict[str, str]) -> dict[str, str]:
    """The row's cells as ``parse_customer`` reads them: kinds and categories in Régie's
    words, yes/no for the public buyer."""
    raw = dict(values)
    first_name = raw.pop("first_name", "").strip()
    if first_name and raw.get("name", "").strip():
        raw["name"] = f"{first_name} {raw['name'].strip()}"
    if "kind" in raw:
        raw["kind"] = tabular.enum_cell("kind", raw["kind"], KIND_CHOICES)
    if "category" in raw:
        raw["category"] = tabular.enum_cell("category", raw["category"], CATEGORY_CHOICES)
    if "public_buyer" in raw:
        flag = raw["public_buyer"].strip().casefold()
        if flag not in NO and flag not in customers.YES:
            raise ValidationError(
                "public_buyer",
                N_("{value!r} is not yes or no (leave it empty for no)."),
                value=raw["public_buyer"],
            )
        raw["public_buyer"] = "yes" if flag in customers.YES else ""
    return raw


def _zero_back(raw: dict[str, str]) -> None:
    """A French postcode a spreadsheet read as a number (1000 for 01000) gets its zero."""
    country = raw.get("country", "").strip().upper() or "FR"
    postcode = raw.get("postcode", "").strip()
    if country == "FR" and len(postcode) == 4 and postcode.isdigit():
        raw["postcode"] = "0" + postcode


def _kind_and_category(raw: dict[str, str]) -> None:
    """A row giving one of kind and category but not the other: a person is in the
    individuals' category, an individual is a person (not the defaults organisation and
    association)."""
    kind, category = raw.get("kind", ""), raw.get("category", "")
    if kind == CustomerKind.PERSON and not category:
        raw["category"] = CustomerCategory.INDIVIDUAL.value
    elif category == CustomerCategory.INDIVIDUAL and not kind:
        raw["kind"] = CustomerKind.PERSON.value


def _group_key(raw: dict[str, str]) -> str:
    if raw.get("number", "").strip():
        return "number:" + raw["number"].strip()
    siret = customers.check_siret(raw.get("siret", ""))
    if siret:
        return "siret:" + siret
    return "name:" + raw.get("name", "").strip().casefold()


def _same_customer(first: tuple[int, dict[str, str]], raw: dict[str, str]) -> None:
    line, cells = first
    differ = [key for key in CUSTOMER_KEYS if key in raw and cells.get(key, "") != raw[key]]
    if differ:
        raise ValidationError(
            differ[0],
            N_(
                "This row and line {first} describe the same customer but differ in {columns}: "
                "a customer's columns must be the same on each of its rows."
            ),
            first=line,
            columns=", ".join(differ),
        )


def _changes(customer: Customer, data: customers.CustomerData) -> list[str]:
    """The customer columns the row changes."""
    changed = []
    for key in CUSTOMER_KEYS:
        if key == "number" and not data.number:
            continue
        new = getattr(data, key)
        new = new.value if hasattr(new, "value") else new
        if getattr(customer, key) != new:
            changed.append(key)
    return changed


def _labels(keys: list[str]) -> tabular.Labels:
    """Column keys as their labels, translated when shown ("Catégorie, Suivi")."""
    names = {column.key: column.label for column in COLUMNS}
    return tabular.Labels(tuple(names.get(key, key) for key in keys))
