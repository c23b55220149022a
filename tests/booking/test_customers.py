"""Customers and memberships: identifiers checked, overlaps and duplicates refused."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import func, select

from app.core.errors import Conflict, ValidationError
from booking import customers, memberships
from booking.models import Customer, Membership
from tests import factories


def _count(db, model):
    with db.read() as uow:
        return uow.session.exec(select(func.count()).select_from(model)).one()


def test_customer_with_valid_identifiers(db):
    data = customers.parse_customer(
        {
            "name": "Mairie du Puy",
            "category": "commune",
            "siret": "932 817 455 00011",
            "vat_number": "FR49 932817455",
            "email": "regie@mairie.example",
        }
    )
    with db.write() as uow:
        created = customers.save_customer(uow, user="t", data=data)
    assert (created.siren, created.siret, created.vat_number) == (
        "932817455",
        "93281745500011",
        "FR49932817455",
    )
    assert created.number == "1001"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"name": ""}, "name cannot be empty"),
        ({"name": "X", "siret": "93281745500012"}, "SIRET 93281745500012 is not valid"),
        ({"name": "X", "siren": "932817456"}, "SIREN 932817456 is not valid"),
        ({"name": "X", "vat_number": "FR00932817455"}, "not a valid intra-EU VAT number"),
        ({"name": "X", "email": "nobody"}, "not an e-mail address"),
        ({"name": "X", "category": "club"}, "Unknown category"),
    ],
)
def test_bad_customer_input_refused(raw, message):
    with pytest.raises(ValidationError, match=message):
        customers.parse_customer(raw)


def test_duplicate_customer_number_refused(db):
    factories.customer(db, number="C42")
    with pytest.raises(ValidationError, match="C42 is already used"), db.write() as uow:
        customers.save_customer(
            uow, user="t", data=customers.parse_customer({"name": "Other", "number": "C42"})
        )
    assert _count(db, Customer) == 1


def test_memberships_overlap_and_duplicates_refused(db):
    number = factories.customer(db)
    with db.write() as uow:
        cid = customers.customer_by_number(uow, number).id
        customers.add_membership(
            uow,
            user="t",
            customer_id=cid,
            member_number="S-001",
            valid_from="2025-01-01",
            valid_to="2025-12-31",
        )
    with pytest.raises(Conflict, match="overlaps membership S-001"), db.write() as uow:
        customers.add_membership(
            uow, user="t", customer_id=cid, member_number="S-002", valid_from="2025-12-31"
        )
    other = factories.customer(db, name="Autre")
    with pytest.raises(ValidationError, match="S-001 is already used"), db.write() as uow:
        oid = customers.customer_by_number(uow, other).id
        customers.add_membership(
            uow, user="t", customer_id=oid, member_number="S-001", valid_from="2026-01-01"
        )
    with pytest.raises(ValidationError, match="cannot end before"), db.write() as uow:
        customers.add_membership(
            uow,
            user="t",
            customer_id=cid,
            member_number="S-003",
            valid_from="2027-01-01",
            valid_to="2026-01-01",
        )
    assert _count(db, Membership) == 1
    with db.write() as uow:  # the next year is fine
        customers.add_membership(
            uow, user="t", customer_id=cid, member_number="S-004", valid_from="2026-01-01"
        )
        assert memberships.covering_memberships(
            uow, cid, dt.date(2026, 7, 14), dt.date(2026, 7, 14)
        )
        # a renewal: the two memberships together cover 30/12/2025 – 02/01/2026
        renewal = memberships.covering_memberships(
            uow, cid, dt.date(2025, 12, 30), dt.date(2026, 1, 2)
        )
        assert sorted(m.member_number for m in renewal) == ["S-001", "S-004"]


def test_search_by_name_number_and_member_number(db):
    factories.customer(db, name="Compagnie du Rocher", member_from="2026-01-01")
    factories.customer(db, name="Théâtre de Brives")
    with db.read() as uow:
        assert len(customers.search_customers(uow, "Rocher")) == 1
        assert len(customers.search_customers(uow, "S1001")) == 1
        assert len(customers.search_customers(uow, "")) == 2
