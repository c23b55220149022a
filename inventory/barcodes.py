"""Barcodes: normalising scanner input, validating, generating, and the one uniqueness check.

A barcode is printable as Code 128 (set B): ASCII 33..126, no spaces, 1..MAX_LENGTH
characters. Generated codes are short and readable: a category prefix and a number
(``LUM-00042``).
"""

from __future__ import annotations

import re
import unicodedata

from sqlmodel import select

from app.core.db import UnitOfWork
from app.core.errors import Conflict, ValidationError
from inventory.models import CATEGORY_PREFIX, BarcodeSequence, Case, Category, ItemType, Unit

MAX_LENGTH = 20  # longer codes no longer print readably on a 70 × 37 mm label
SEQUENCE_DIGITS = 5


def normalise(raw: str) -> str:
    """What a scanner (or a person) typed, trimmed and without control characters.

    Idempotent: ``normalise(normalise(x)) == normalise(x)``.
    """
    kept = "".join(ch for ch in raw if unicodedata.category(ch) not in ("Cc", "Cf"))
    return kept.strip()


def validate(code: str, field: str = "barcode") -> str:
    """Normalise ``code`` and refuse anything that cannot be printed as Code 128."""
    code = normalise(code)
    if not code:
        raise ValidationError(field, "The barcode is empty.")
    if len(code) > MAX_LENGTH:
        raise ValidationError(
            field,
            "The barcode has {length} characters; at most {limit} fit on a label.",
            length=len(code),
            limit=MAX_LENGTH,
        )
    bad = sorted({ch for ch in code if not 33 <= ord(ch) <= 126})
    if bad:
        raise ValidationError(
            field,
            "The barcode {code!r} contains {chars}, which Code 128 labels cannot print: "
            "use letters, digits and punctuation without spaces or accents.",
            code=code,
            chars=" ".join(repr(c) for c in bad),
        )
    return code


def owner_of(uow: UnitOfWork, code: str) -> str | None:
    """What already carries ``code``: a short description, or None when it is free."""
    session = uow.session
    unit = session.exec(select(Unit).where(Unit.barcode == code)).first()
    if unit is not None:
        return f"unit {unit.serial or unit.id}"
    item = session.exec(select(ItemType).where(ItemType.barcode == code)).first()
    if item is not None:
        return f"item type {item.code}"
    case = session.exec(select(Case).where(Case.barcode == code)).first()
    if case is not None:
        return f"case {case.name}"
    return None


#: Booking references (R-2026-0042) are scanned from pick lists: no label may look like one.
BOOKING_REFERENCE = re.compile(r"R-\d{4}-\d{4,}")


def ensure_free(uow: UnitOfWork, code: str, field: str = "barcode") -> str:
    """Validate ``code`` and refuse it if anything already carries it."""
    code = validate(code, field)
    if BOOKING_REFERENCE.fullmatch(code):
        raise ValidationError(
            field, "{code} has the form of a booking reference; choose another code.", code=code
        )
    taken_by = owner_of(uow, code)
    if taken_by is not None:
        raise Conflict("The barcode {code} is already used by {owner}.", code=code, owner=taken_by)
    return code


def generate(uow: UnitOfWork, category: Category) -> str:
    """The next free code for ``category`` (``LUM-00042``), skipping codes taken by hand."""
    prefix = CATEGORY_PREFIX[category]
    seq = uow.session.get(BarcodeSequence, prefix)
    if seq is None:
        seq = BarcodeSequence(prefix=prefix, next_value=1)
        uow.session.add(seq)
    while True:
        code = f"{prefix}-{seq.next_value:0{SEQUENCE_DIGITS}d}"
        seq.next_value += 1
        if owner_of(uow, code) is None:
            return code
