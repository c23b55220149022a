"""Scanner input normalisation, Code 128 validation and generated codes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.errors import Conflict, ValidationError
from inventory import barcodes
from inventory.models import Category
from tests import factories


@given(st.text())
def test_normalise_is_idempotent(raw):
    once = barcodes.normalise(raw)
    assert barcodes.normalise(once) == once


@given(
    st.text(
        alphabet=st.characters(min_codepoint=33, max_codepoint=126),
        min_size=1,
        max_size=barcodes.MAX_LENGTH,
    ),
    st.sampled_from(["", " ", "\r", "\n", "\r\n", "\t", "\x02", "\x03", "\x1d", "\u200b"]),
    st.sampled_from(["", " ", "\r", "\n", "\r\n", "\t", "\x03", "\x04"]),
)
def test_scanner_prefixes_and_suffixes_are_stripped(code, prefix, suffix):
    assert barcodes.validate(prefix + code + suffix) == code


def test_control_characters_inside_a_scan_are_removed():
    assert barcodes.normalise("LUM\x00-00\x1d042\r\n") == "LUM-00042"


@pytest.mark.parametrize("bad", ["", "   ", "\r\n"])
def test_empty_scan_refused(bad):
    with pytest.raises(ValidationError, match="empty"):
        barcodes.validate(bad)


def test_over_long_scan_refused():
    with pytest.raises(ValidationError, match="21 characters; at most 20"):
        barcodes.validate("A" * 21)


@pytest.mark.parametrize("bad", ["LUMIÈRE-1", "AB CD", "Ω-12", "café"])
def test_non_code128_characters_refused(bad):
    with pytest.raises(ValidationError, match="Code 128"):
        barcodes.validate(bad)


def test_generated_codes_have_category_prefix_and_skip_taken_ones(db, clock):
    factories.item(db)
    factories.unit(db, clock, barcode="LUM-00002")
    first = factories.unit(db, clock)
    second = factories.unit(db, clock)
    assert (first, second) == ("LUM-00001", "LUM-00003")
    with db.write() as uow:
        assert barcodes.generate(uow, Category.SOUND) == "SON-00001"


def test_barcode_unique_across_units_bulk_types_and_cases(db, clock):
    from inventory.containers import create_case

    factories.item(db)
    factories.bulk(db, barcode="SHARED-1")
    with pytest.raises(Conflict, match="SHARED-1 is already used by item type DMX-10"):
        factories.unit(db, clock, barcode="SHARED-1")
    factories.unit(db, clock, barcode="U-1")
    with pytest.raises(Conflict, match="U-1 is already used by unit"), db.write() as uow:
        create_case(uow, user="t", name="Rack", permanent=True, barcode="U-1")


def test_codes_shaped_like_booking_references_are_refused(db, clock):
    factories.item(db)
    with pytest.raises(ValidationError, match="form of a booking reference"):
        factories.unit(db, clock, barcode="R-2026-0042")
