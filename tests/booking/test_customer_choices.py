"""The customer filter's choices: every customer, by name, with id and number."""

from __future__ import annotations

from booking.customer_choices import customer_choices
from tests import factories


def test_no_customer_gives_no_choice(db):
    with db.read() as uow:
        assert customer_choices(uow) == []


def test_every_customer_by_name_with_its_id_and_number(db):
    factories.customer(db, "Théâtre des Pénitents", "1002")
    factories.customer(db, "Association Bal Folk", "1001")
    factories.customer(db, "Mairie du Puy", "1003")
    with db.read() as uow:
        choices = customer_choices(uow)
    assert [(number, name) for _id, number, name in choices] == [
        ("1001", "Association Bal Folk"),
        ("1003", "Mairie du Puy"),
        ("1002", "Théâtre des Pénitents"),
    ]
    assert all(isinstance(cid, int) and cid > 0 for cid, _n, _name in choices)
    assert len({cid for cid, _n, _name in choices}) == 3
