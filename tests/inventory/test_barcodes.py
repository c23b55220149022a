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


# --- case and keyboard layouts ------------------------------------------------------------

CODE_CHARS = st.characters(min_codepoint=33, max_codepoint=126)


@given(st.text())
def test_the_compared_form_is_idempotent(raw):
    once = barcodes.key(raw)
    assert barcodes.key(once) == once


@given(st.text(alphabet=CODE_CHARS, min_size=1, max_size=barcodes.MAX_LENGTH))
def test_the_scan_itself_is_always_tried_first(code):
    assert barcodes.candidates(code)[0] == code


def _typable(table):
    """Characters a scanner of that layout types without AltGr or a dead key: letters,
    digits and the punctuation the swapped keys carry."""
    letters = [chr(c) for c in range(33, 127) if chr(c).isalnum()]
    return st.sampled_from(sorted(set(letters) | {c for c in table if 33 <= ord(c) <= 126}))


@given(st.text(alphabet=_typable(barcodes.US_TO_FR), min_size=1, max_size=20))
def test_a_us_scanner_on_a_french_pc_is_read_back(code):
    received = barcodes.typed_on(code, "us", "fr")
    assert code.upper() in [c.upper() for c in barcodes.candidates(received)]


@given(
    st.text(
        alphabet=_typable({c for c in barcodes.FR_TO_US if c not in "<>"}),
        min_size=1,
        max_size=20,
    )
)
def test_a_french_scanner_on_a_us_pc_is_read_back(code):
    received = barcodes.typed_on(code, "fr", "us")
    assert code.upper() in [c.upper() for c in barcodes.candidates(received)]


def test_the_documented_wrong_layout_readings():
    assert barcodes.typed_on("LUM-00021", "us", "fr") == "LU?)àààé&"
    assert barcodes.typed_on("LUM-00021", "fr", "us") == "LU:6)))@!"
    assert barcodes.candidates("LU?)àààé&") == ["LU?)àààé&", "LUM-00021"]
    assert barcodes.candidates("LU:6)))@!")[-1] == "LUM-00021"
    # Caps Lock on the French PC turns é into É: still read back
    assert "LUM-00021" in barcodes.candidates("LU?)ÀÀÀÉ&")


def test_codes_are_found_without_case(db, clock):
    from inventory.containers import create_case

    factories.item(db)
    factories.unit(db, clock, barcode="LUM-00042")
    factories.unit(db, clock, barcode="old-Asset-7")
    factories.bulk(db, barcode="CAB-DMX10")
    with db.write() as uow:
        create_case(uow, user="t", name="Rack", permanent=True, barcode="RACK-1")
    with db.read() as uow:
        assert barcodes.find_unit(uow, "lum-00042").barcode == "LUM-00042"
        assert barcodes.find_unit(uow, "OLD-ASSET-7").barcode == "old-Asset-7"
        assert barcodes.find_bulk(uow, "cab-dmx10").barcode == "CAB-DMX10"
        assert barcodes.find_case(uow, " rack-1\r\n").barcode == "RACK-1"
        kind, unit = barcodes.find(uow, "LU?)ààà'é")  # a US scanner on an AZERTY PC
        assert (kind, unit.barcode) == ("unit", "LUM-00042")
        kind, item = barcodes.find(uow, barcodes.typed_on("CAB-DMX10", "fr", "us"))
        assert (kind, item.barcode) == ("bulk", "CAB-DMX10")
        assert barcodes.find(uow, "NOPE-1") is None


def test_two_codes_that_differ_only_by_case_cannot_both_exist(db, clock):
    factories.item(db)
    factories.unit(db, clock, barcode="LUM-00042")
    with pytest.raises(Conflict, match="lum-00042 is already used by unit"):
        factories.unit(db, clock, barcode="lum-00042")
    factories.bulk(db, barcode="Cab-1")
    with pytest.raises(Conflict, match="CAB-1 is already used by item type"):
        factories.unit(db, clock, barcode="CAB-1")
    with db.read() as uow:
        unit = barcodes.find_unit(uow, "LUM-00042")
        assert barcodes.ensure_free(uow, "lum-00042", keep=unit) == "lum-00042"  # relabelled


def test_lower_case_booking_reference_shapes_are_refused(db, clock):
    factories.item(db)
    with pytest.raises(ValidationError, match="form of a booking reference"):
        factories.unit(db, clock, barcode="r-2026-0042")


@given(
    st.text(
        alphabet=st.sampled_from(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-./_+"
        ),
        min_size=1,
        max_size=20,
    )
)
def test_letters_kept_and_digits_swapped_are_read_back(code):
    """Some scanners type letters by character but digits by key position."""
    received = "".join(ch if ch.isalpha() else barcodes.typed_on(ch, "us", "fr") for ch in code)
    assert code.upper() in [c.upper() for c in barcodes.candidates(received)]


def test_the_issue_s_digit_shapes_are_read_back():
    assert "CAB-00001" in barcodes.candidates("CAB)àààà&")
    assert "LUM-00021" in barcodes.candidates("LUM)àààé&")


def test_resolve_gives_the_stored_code_or_the_scan(db, clock):
    factories.item(db)
    factories.unit(db, clock, barcode="LUM-00042")
    with db.read() as uow:
        assert barcodes.resolve(uow, "lum-00042") == "LUM-00042"
        assert barcodes.resolve(uow, "LU?)ààà'é") == "LUM-00042"
        assert barcodes.resolve(uow, " nope-1\r\n") == "nope-1"
