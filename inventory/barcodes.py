"""Barcodes: normalising scanner input, validating, generating, and the one uniqueness check.

A barcode is printable as Code 128 (set B): ASCII 33..126, no spaces, 1..MAX_LENGTH
characters. Generated codes are short and readable: a category prefix and a number
(``LUM-00042``).

Case
    Codes are stored as they were given (generated ones are upper-case; an asset label taken
    over may be any case) and compared without case everywhere: a lookup finds ``lum-00042``
    for ``LUM-00042`` (a scanner with Caps Lock on), and two codes that differ only by case
    can never both be stored (``ensure_free``). ``key`` is the compared form.

Keyboard layouts
    A USB scanner is a keyboard with a layout of its own. Set up for US on an AZERTY (French)
    PC it presses the US keys, which the PC reads as French: ``LUM-00021`` arrives as
    ``LU?)àààé&``. Set up for AZERTY on a US PC, ``LUM-00021`` arrives as ``LU:6)))@!``.
    ``candidates`` gives the code as scanned and then these layout-swapped readings; lookups
    try them in that order, so a wrongly set-up scanner still works.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, TypeVar

from sqlalchemy import func
from sqlmodel import select

from app.core.db import UnitOfWork, id_column
from app.core.errors import Conflict, ValidationError
from inventory.models import (
    CATEGORY_PREFIX,
    BarcodeSequence,
    Case,
    Category,
    ItemType,
    Kit,
    Unit,
)

MAX_LENGTH = 20  # longer codes no longer print readably on a 70 × 37 mm label
SEQUENCE_DIGITS = 5


def normalise(raw: str) -> str:
    """What a scanner (or a person) typed, trimmed and without control characters.

    Idempotent: ``normalise(normalise(x)) == normalise(x)``.
    """
    kept = "".join(ch for ch in raw if unicodedata.category(ch) not in ("Cc", "Cf"))
    return kept.strip()


def key(code: str) -> str:
    """The form codes are compared in: normalised and upper-case. Idempotent."""
    return normalise(code).upper()


# --- keyboard layouts ---------------------------------------------------------------------

#: The keys that type printable ASCII, as (US unshifted, US shifted, French unshifted,
#: French shifted) per physical key (X11 ``us`` and ``fr`` layouts). A key that types a
#: dead key on one layout has no character there ("").
_KEYS = (
    ("`", "~", "²", "~"),
    ("1", "!", "&", "1"),
    ("2", "@", "é", "2"),
    ("3", "#", '"', "3"),
    ("4", "$", "'", "4"),
    ("5", "%", "(", "5"),
    ("6", "^", "-", "6"),
    ("7", "&", "è", "7"),
    ("8", "*", "_", "8"),
    ("9", "(", "ç", "9"),
    ("0", ")", "à", "0"),
    ("-", "_", ")", "°"),
    ("=", "+", "=", "+"),
    ("q", "Q", "a", "A"),
    ("w", "W", "z", "Z"),
    ("[", "{", "", ""),  # ^ and ¨ are dead keys on the French layout
    ("]", "}", "$", "£"),
    ("a", "A", "q", "Q"),
    (";", ":", "m", "M"),
    ("'", '"', "ù", "%"),
    ("\\", "|", "*", "µ"),
    ("z", "Z", "w", "W"),
    ("m", "M", ",", "?"),
    (",", "<", ";", "."),
    (".", ">", ":", "/"),
    ("/", "?", "!", "§"),
)


def _tables() -> tuple[dict[str, str], dict[str, str]]:
    us_to_fr: dict[str, str] = {}  # what a US scanner's character reads as on a French PC
    fr_to_us: dict[str, str] = {}  # what a French scanner's character reads as on a US PC
    for us_plain, us_shift, fr_plain, fr_shift in _KEYS:
        for us, fr in ((us_plain, fr_plain), (us_shift, fr_shift)):
            if us and fr:
                us_to_fr[us] = fr
                fr_to_us[fr] = us
    return us_to_fr, fr_to_us


US_TO_FR, FR_TO_US = _tables()


def typed_on(code: str, scanner: str, pc: str) -> str:
    """What ``code`` reads as when a scanner set up for the ``scanner`` layout ("us" or
    "fr") types it on a PC set up for ``pc``. Characters the scanner cannot type (a dead
    key, AltGr characters) are left as they are. Used by tests and the documentation."""
    if scanner == pc:
        return code
    table = US_TO_FR if scanner == "us" else FR_TO_US
    return "".join(table.get(ch, ch) for ch in code)


def _read_back(received: str, table: dict[str, str]) -> str | None:
    """The code a wrongly set-up scanner meant, or None when ``received`` cannot come from
    it (a character no key of that layout gives)."""
    out = []
    for ch in received:
        meant = table.get(ch)
        if meant is None:
            meant = table.get(ch.lower())  # Caps Lock on the PC: É for é
        if meant is None:
            if ch in table.values() and ch not in table:
                return None  # that layout never types this character
            if not 33 <= ord(ch) <= 126:
                return None
            meant = ch
        out.append(meant)
    return "".join(out)


def candidates(code: str) -> list[str]:
    """The readings of a scan to look up, in order: as scanned (normalised), then as typed
    by a US scanner on a French PC, then by a French scanner on a US PC; then the same two
    with the letters kept as scanned (some scanners map letters by character but send
    digits and punctuation as key positions: ``CAB)àààà&`` for ``CAB-00001``). Only
    readings made of printable ASCII are kept; no reading twice (compared without case)."""
    scanned = normalise(code)
    readings = [scanned]
    if scanned:
        from_fr = {fr: us for us, fr in US_TO_FR.items()}  # the French PC read a US scanner
        from_us = {us: fr for fr, us in FR_TO_US.items()}  # the US PC read a French scanner
        readings.append(_read_back(scanned, from_fr) or "")
        readings.append(_read_back(scanned, from_us) or "")
        readings.append(_read_back(scanned, _no_letters(from_fr)) or "")
        readings.append(_read_back(scanned, _no_letters(from_us)) or "")
    out: list[str] = []
    for index, reading in enumerate(readings):
        if not reading or reading.upper() in (o.upper() for o in out):
            continue
        if index == 0 or _printable(reading):
            out.append(reading)
    return out


def _no_letters(table: dict[str, str]) -> dict[str, str]:
    """``table`` without the keys that type letters: letters read as themselves."""
    letter = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return {k: v for k, v in table.items() if k not in letter and v not in letter}


def _printable(code: str) -> bool:
    return all(33 <= ord(ch) <= 126 for ch in code)


# --- lookups --------------------------------------------------------------------------------

Row = TypeVar("Row", Unit, ItemType, Case, Kit)


def by_code(uow: UnitOfWork, model: type[Row], column: Any, code: str) -> Row | None:
    """The row whose code is ``code``, compared without case (the exact spelling first,
    which the unique index answers at once; then ``upper(code)``, which has an index of
    its own, migration 0008)."""
    exact = uow.session.exec(select(model).where(column == code)).first()
    if exact is not None:
        return exact
    query = select(model).where(func.upper(column) == code.upper()).order_by(id_column(model))
    return uow.session.exec(query).first()


def _find(uow: UnitOfWork, model: type[Row], column: Any, code: str) -> Row | None:
    code = normalise(code)
    return by_code(uow, model, column, code) if code else None


def find_unit(uow: UnitOfWork, code: str) -> Unit | None:
    """The unit labelled ``code`` (without case), or None."""
    return _find(uow, Unit, Unit.barcode, code)


def find_bulk(uow: UnitOfWork, code: str) -> ItemType | None:
    """The bulk item type whose barcode is ``code`` (without case), or None."""
    return _find(uow, ItemType, ItemType.barcode, code)


def find_item_code(uow: UnitOfWork, code: str) -> ItemType | None:
    """The item type whose code is ``code`` (without case), or None."""
    return _find(uow, ItemType, ItemType.code, code)


def find_kit(uow: UnitOfWork, code: str) -> Kit | None:
    """The kit whose code is ``code`` (without case), or None."""
    return _find(uow, Kit, Kit.code, code)


def find_case(uow: UnitOfWork, code: str) -> Case | None:
    """The case labelled ``code`` (without case), or None."""
    return _find(uow, Case, Case.barcode, code)


def find(uow: UnitOfWork, code: str) -> tuple[str, Unit | ItemType | Case] | None:
    """What carries ``code``: ``("unit", Unit)``, ``("case", Case)`` or ``("bulk", ItemType)``,
    trying the code as scanned then its layout-swapped readings (``candidates``)."""
    for reading in candidates(code):
        found = find_exactly(uow, reading)
        if found is not None:
            return found
    return None


def resolve(uow: UnitOfWork, code: str) -> str:
    """The code as stored of whatever carries the scanned ``code`` (without case, or read
    on the other keyboard layout); the normalised scan itself when nothing does."""
    found = find(uow, code)
    if found is None:
        return normalise(code)
    return found[1].barcode or normalise(code)


def find_exactly(uow: UnitOfWork, code: str) -> tuple[str, Unit | ItemType | Case] | None:
    """Like ``find`` for this one reading (without case), no layout swapping."""
    if (unit := find_unit(uow, code)) is not None:
        return "unit", unit
    if (container := find_case(uow, code)) is not None:
        return "case", container
    if (item := find_bulk(uow, code)) is not None:
        return "bulk", item
    return None


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


def owner_of(uow: UnitOfWork, code: str, *, keep: object = None) -> str | None:
    """What already carries ``code`` (compared without case): a short description, or None
    when it is free. ``keep`` is a row being relabelled: it does not count."""
    found = find_exactly(uow, code)  # without case: LUM-00042 and lum-00042 are one code
    if found is None or found[1] is keep:
        return None
    kind, row = found
    if kind == "unit":
        assert isinstance(row, Unit)
        return f"unit {row.serial or row.id}"
    if kind == "bulk":
        assert isinstance(row, ItemType)
        return f"item type {row.code}"
    assert isinstance(row, Case)
    return f"case {row.name}"


#: Booking references (R-2026-0042) are scanned from pick lists: no label may look like one.
BOOKING_REFERENCE = re.compile(r"R-\d{4}-\d{4,}")


def ensure_free(uow: UnitOfWork, code: str, field: str = "barcode", *, keep: object = None) -> str:
    """Validate ``code`` and refuse it if anything already carries it, in any case
    (``keep``: the row being relabelled, which may change the case of its own code)."""
    code = validate(code, field)
    if BOOKING_REFERENCE.fullmatch(code.upper()):
        raise ValidationError(
            field, "{code} has the form of a booking reference; choose another code.", code=code
        )
    taken_by = owner_of(uow, code, keep=keep)
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
