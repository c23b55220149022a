"""Barcode labels: the PDF is rasterised and its barcodes decoded, as a scanner would."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp

from app.cli import main
from app.core.clock import FixedClock
from app.core.db import Database
from app.core.errors import DomainError, NotFound, ValidationError
from app.core.settings import COOPERATIVE_NAME, set_setting
from inventory import catalogue
from inventory.containers import create_case
from inventory.labels import (
    FORMATS,
    Label,
    all_labels,
    fit,
    labels_for_codes,
    layout,
    printable,
    render_labels,
    render_to_bytes,
)
from inventory.models import UnitStatus
from tests import factories

DPI = 300


def decode(pdf: bytes) -> tuple[int, list[str], list[str]]:
    """(pages, Code 128 texts, QR texts) read from every rasterised page."""
    doc = pdfium.PdfDocument(pdf)
    bars: list[str] = []
    qrs: list[str] = []
    try:
        for page in doc:
            image = page.render(scale=DPI / 72, grayscale=True).to_pil()
            for found in zxingcpp.read_barcodes(image):
                if found.format == zxingcpp.BarcodeFormat.Code128:
                    bars.append(found.text)
                elif found.format == zxingcpp.BarcodeFormat.QRCode:
                    qrs.append(found.text)
        return len(doc), bars, qrs
    finally:
        doc.close()


@pytest.fixture
def stock(db: Database, clock: FixedClock) -> dict[str, list[str]]:
    """Two serialized types (one unit retired), a bulk type and a case."""
    factories.item(db)
    factories.item(db, "PAR-64", "Projecteur PAR 64 à lampe", manufacturer="Showtec")
    washes = [factories.unit(db, clock, serial=f"SN-{n}") for n in range(3)]
    par = factories.unit(db, clock, "PAR-64")
    retired = factories.unit(db, clock, "PAR-64", serial="OLD")
    factories.bulk(db, barcode="DMX-BULK-10")
    with db.write() as uow:
        catalogue.set_status(
            uow, user="t", barcode=retired, status=UnitStatus.RETIRED, note="", clock=clock
        )
        case = create_case(uow, user="t", name="Rack amplis façade", permanent=True)
        set_setting(uow, COOPERATIVE_NAME, "Coopérative Scènes d’Oc")
        case_code = case.barcode
    return {
        "washes": washes,
        "par": [par],
        "retired": [retired],
        "bulk": ["DMX-BULK-10"],
        "case": [case_code],
    }


def test_all_labels_cover_pool_not_retired(db: Database, stock: dict[str, list[str]]) -> None:
    with db.read() as uow:
        labels = all_labels(uow)
    codes = [label.code for label in labels]
    expected = stock["washes"] + stock["par"] + stock["bulk"] + stock["case"]
    assert sorted(codes) == sorted(expected)
    assert {label.cooperative for label in labels} == {"Coopérative Scènes d’Oc"}
    by_code = {label.code: label for label in labels}
    assert by_code[stock["washes"][0]].title == "Lyre wash LED 19x15 W"
    assert by_code[stock["washes"][0]].detail == "SN-0"
    assert by_code[stock["par"][0]].detail == "Showtec"
    assert by_code[stock["case"][0]].title == "Rack amplis façade"


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("qr", [False, True])
def test_every_label_decodes(db: Database, stock: dict[str, list[str]], fmt: str, qr: bool) -> None:
    with db.read() as uow:
        labels = all_labels(uow)
    pages, bars, qrs = decode(render_to_bytes(labels, fmt=fmt, qr=qr))
    expected = sorted(label.code for label in labels)
    assert sorted(bars) == expected
    assert sorted(qrs) == (expected if qr else [])
    assert pages == (1 if fmt == "a4-3x8" else len(labels))


def test_codes_resolve_units_bulk_cases_and_types(
    db: Database, stock: dict[str, list[str]]
) -> None:
    with db.read() as uow:
        labels = labels_for_codes(
            uow, [" LYRE-WASH\r\n", stock["par"][0], "DMX-10", stock["case"][0], "DMX-BULK-10"]
        )
    codes = [label.code for label in labels]
    assert codes == [
        *sorted(stock["washes"]),
        stock["par"][0],
        "DMX-BULK-10",
        stock["case"][0],
        "DMX-BULK-10",
    ]


def test_type_code_skips_retired_units(db: Database, stock: dict[str, list[str]]) -> None:
    with db.read() as uow:
        assert [label.code for label in labels_for_codes(uow, ["PAR-64"])] == stock["par"]
        # a retired unit asked for by its own barcode still gets its label
        assert [label.code for label in labels_for_codes(uow, stock["retired"])] == stock["retired"]


def test_unknown_code_refused(db: Database, stock: dict[str, list[str]]) -> None:
    with db.read() as uow, pytest.raises(NotFound, match="NOPE-1"):
        labels_for_codes(uow, [stock["par"][0], "NOPE-1"])


def test_unprintable_code_refused(db: Database, stock: dict[str, list[str]]) -> None:
    with db.read() as uow, pytest.raises(ValidationError, match="Code 128"):
        labels_for_codes(uow, ["LUM 0001"])
    with pytest.raises(ValidationError):
        render_to_bytes([Label("CÂBLE-1", "x")])


def test_type_without_units_refused(db: Database, stock: dict[str, list[str]]) -> None:
    factories.item(db, "EMPTY", "Type sans unité")
    with db.read() as uow, pytest.raises(NotFound, match="no units to label"):
        labels_for_codes(uow, ["EMPTY"])


def test_more_than_one_sheet() -> None:
    labels = [Label(f"LUM-{n:05d}", f"Découpe n°{n}", f"SN {n}", "Régie") for n in range(1, 27)]
    pages, bars, _ = decode(render_to_bytes(labels))
    assert pages == 2
    assert sorted(bars) == sorted(label.code for label in labels)


def test_accents_and_long_names_render_and_decode() -> None:
    long_name = "Projecteur découpe ETC Source Four 750 W zoom 15-30° " * 4
    labels = [
        Label(
            "ÉCL-1".replace("É", "E"),
            "Lumière « œil-de-bœuf » — Łódź ✓ 😀",
            "N° série ½",
            "Coopérative Scènes d’Oc",
        ),
        Label("LONG-NAME-1", long_name, "x" * 200, "C" * 200),
        Label("LONG-A1b2c3d4e", "Code plus long", "", ""),
    ]
    for fmt in FORMATS:
        _, bars, qrs = decode(render_to_bytes(labels, fmt=fmt, qr=True))
        assert sorted(bars) == sorted(label.code for label in labels)
        assert sorted(qrs) == sorted(label.code for label in labels)


def test_text_helpers() -> None:
    assert printable("Câble\nDMX\t« 10 m » œ") == "Câble DMX « 10 m » œ"
    assert printable("Łódź ŝ 😀") == "?ódz s ?"
    cut = fit("Projecteur découpe très long " * 5, "Helvetica-Bold", 9, 40)
    assert cut.endswith("\u2026") and len(cut) < 40


def test_too_long_code_refused_before_writing(tmp_path: Path) -> None:
    out = tmp_path / "labels.pdf"
    labels = [Label("OK-1", "fine"), Label("W" * 18, "too wide for the bars")]
    with pytest.raises(ValidationError, match="too long"):
        render_labels(labels, out, fmt="thermal-57x32", qr=True)
    assert not out.exists()


def test_bars_keep_quiet_zone_and_minimum_width() -> None:
    for sheet in FORMATS.values():
        for qr in (False, True):
            placed = layout(sheet, Label("CASE-00042", "x"), qr=qr)
            narrowest = min(width for _, width in placed.bars)
            assert narrowest >= 0.25 - 1e-3
            first, (last_x, last_w) = placed.bars[0][0], placed.bars[-1]
            right_mark = min((x for x, *_ in placed.qr), default=sheet.label_w)
            assert first >= 10 * narrowest - 1e-9
            assert right_mark - (last_x + last_w) >= 10 * narrowest - 1e-9
            assert placed.bar_h >= 8


def test_progress_reported_and_can_cancel() -> None:
    labels = [Label(f"C-{n}", "x") for n in range(5)]
    seen: list[tuple[int, int]] = []
    render_to_bytes(labels, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, 5) for n in range(1, 6)]

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise Cancelled

    stream = io.BytesIO()
    with pytest.raises(Cancelled):
        render_labels(labels, stream, progress=cancel)
    assert stream.getvalue() == b""


def test_nothing_to_print_and_unknown_format_refused() -> None:
    with pytest.raises(DomainError):
        render_to_bytes([])
    with pytest.raises(ValidationError, match="Unknown label format"):
        render_to_bytes([Label("C-1", "x")], fmt="letter")


def test_240_labels_fill_ten_sheets() -> None:
    """240 labels on 3x8 sheets: ten pages. (How fast is the `labels_240` benchmark's job:
    `regie bench --only labels_240`, target 2 s; no test asserts a duration.)"""
    labels = [Label(f"LUM-{n:05d}", f"Lyre wash {n}", f"SN-{n}", "Régie") for n in range(240)]
    pdf = pdfium.PdfDocument(render_to_bytes(labels, fmt="a4-3x8", qr=True))
    try:
        assert len(pdf) == 10
    finally:
        pdf.close()


# --- CLI -----------------------------------------------------------------------------------


def test_cli_writes_every_label(
    db_path: Path,
    stock: dict[str, list[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("REGIE_DB", str(db_path))
    out = tmp_path / "all.pdf"
    assert main(["labels", "--out", str(out)]) == 0
    assert "6 labels on 1 page" in capsys.readouterr().out
    _, bars, _ = decode(out.read_bytes())
    assert len(bars) == 6


def test_cli_codes_thermal_qr(
    db_path: Path,
    stock: dict[str, list[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("REGIE_DB", str(db_path))
    out = tmp_path / "some.pdf"
    code = stock["case"][0]
    argv = [
        "labels",
        "--out",
        str(out),
        "--format",
        "thermal-57x32",
        "--qr",
        "--code",
        code,
        "--code",
        "DMX-10",
    ]
    assert main(argv) == 0
    assert "2 labels on 2 pages" in capsys.readouterr().out
    pages, bars, qrs = decode(out.read_bytes())
    assert (pages, sorted(bars), sorted(qrs)) == (
        2,
        sorted([code, "DMX-BULK-10"]),
        sorted([code, "DMX-BULK-10"]),
    )


def test_cli_unknown_code_writes_nothing(
    db_path: Path,
    stock: dict[str, list[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("REGIE_DB", str(db_path))
    out = tmp_path / "none.pdf"
    assert main(["labels", "--out", str(out), "--code", "LYRE-WASH", "--code", "NOPE-9"]) == 1
    assert "NOPE-9" in capsys.readouterr().err
    assert list(tmp_path.glob("*.pdf")) == []
