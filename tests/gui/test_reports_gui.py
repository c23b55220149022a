# ruff: noqa: F811  (the ``coop`` fixture imported from tests/invoicing/conftest.py)
"""The reports screen: a report computes over a period (presets and dates), the table shows
its rows and total, the chart draws bars (painted: not blank), CSV and XLSX exports write
the files chosen in the save dialog; the bar chart on its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from app.core.clock import PARIS, FixedClock
from app.core.db import Database
from app.gui.reports.charts import Bar, BarChart
from app.gui.reports.report_table import format_value, period
from app.gui.reports.reports_screen import ReportsScreen
from app.gui.shell import files, style
from app.gui.shell.operations import Operations
from invoicing import invoices, reports
from tests.invoicing.conftest import USER, book, coop, fake_render  # noqa: F401  (the fixture)

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)


def at(day: str) -> FixedClock:
    return FixedClock(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(10), tzinfo=PARIS))


@pytest.fixture
def invoiced(coop: Database) -> list[str]:
    """Two invoices of 2026: C-PUB in September (2 LYRE), C-MEM in October (1 LYRE)."""
    refs = [
        book(
            coop,
            at("2026-09-01"),
            "C-PUB",
            {"LYRE": 2},
            "2026-09-14T09:00",
            "2026-09-18T18:00",
            "2026-09-15T08:00",
            "2026-09-17T23:00",
        ),
        book(
            coop,
            at("2026-09-01"),
            "C-MEM",
            {"LYRE": 1},
            "2026-10-09T09:00",
            "2026-10-11T09:00",
            "2026-10-10T08:00",
            "2026-10-10T23:00",
        ),
    ]
    numbers = []
    for ref, day in zip(refs, ("2026-09-20", "2026-10-12"), strict=True):
        with coop.write() as uow:
            numbers.append(
                invoices.issue_invoice(
                    uow, user=USER, reference=ref, clock=at(day), renderer=fake_render
                ).number
            )
    return numbers


@pytest.fixture
def screen(qtbot, ops: Operations, invoiced: list[str]) -> ReportsScreen:  # type: ignore[no-untyped-def]
    widget = ReportsScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1130, 760)
    widget.show()
    return widget


def painted(widget) -> QImage:  # type: ignore[no-untyped-def]
    image = QImage(widget.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    widget.render(image)
    return image


def coloured_pixels(image: QImage, colour: str) -> int:
    want = QColor(colour).rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) == want
    )


def test_presets_give_the_periods() -> None:
    today = dt.date(2026, 11, 26)
    assert period("this_month", today) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert period("last_month", today) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert period("this_year", today) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert period("last_year", today) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert period("last_month", dt.date(2026, 1, 5)) == (
        dt.date(2025, 12, 1),
        dt.date(2025, 12, 31),
    )


def test_values_are_formatted_for_the_locale() -> None:
    from decimal import Decimal

    assert format_value("money", Decimal("1234.5")) == "€1,234.50"
    assert format_value("ratio", 0.125) == "12.5\u00a0%"
    assert format_value("int", 1234) == "1,234"
    assert format_value("date", dt.date(2026, 3, 31)) == "31/03/2026"
    assert format_value("money", None) == ""


def test_revenue_of_the_year_table_total_and_chart(
    screen: ReportsScreen, coop: Database, clock
) -> None:  # type: ignore[no-untyped-def]
    assert screen.report_choice.currentData() == "revenue"  # the first report, this year
    with coop.read() as uow:
        expected = reports.report(
            uow, "revenue", dt.date(2026, 1, 1), dt.date(2026, 12, 31), today=clock.today()
        )
    assert screen.report is not None and screen.report.rows == expected.rows
    # one section at a time: the chart's (by month) first
    group = expected.chart.group if expected.chart else None
    assert screen.section.currentData() == group
    shown = [r for r in expected.rows if group is None or r.get("group") == group]
    texts = screen.model.texts()
    assert len(texts) == len(shown) + 1  # and the total row
    keys = [c.key for c in screen.model.columns]
    assert "group" not in keys
    total = dict(zip(keys, texts[-1], strict=True))
    assert total["label"] == "Total" and "key" not in keys  # the key is for the exports
    assert total["net"] == format_value("money", expected.total["net"])  # type: ignore[index]
    assert screen.model.is_total(len(texts) - 1)
    # the chart: one bar per row of the section, values in euros
    assert len(screen.chart.bars) == len(shown)
    september = next(b for b in screen.chart.bars if b.value)
    assert september.text.startswith("€")
    image = painted(screen.chart)
    assert coloured_pixels(image, style.palette().accent) > 100  # bars were drawn
    # another section: the table and the chart follow
    screen.section.setCurrentIndex(screen.section.findData("rate"))
    assert len(screen.chart.bars) == len([r for r in expected.rows if r.get("group") == "rate"])


def test_each_report_computes(screen: ReportsScreen) -> None:
    for name in reports.REPORTS:
        screen.choose_report(name)
        assert screen.report is not None and screen.report.name == name, name
        assert screen.feedback.kind != "error", screen.feedback.text()
        assert screen.heading.text()


def test_period_presets_and_bad_dates(screen: ReportsScreen) -> None:
    screen.preset.setCurrentIndex(screen.preset.findData("last_month"))
    assert screen.report is not None
    assert (screen.report.start, screen.report.end) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    screen.set_period(dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    assert screen.preset.currentData() == "custom"
    assert (screen.report.start, screen.report.end) == (dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    screen.set_period(dt.date(2026, 9, 30), dt.date(2026, 9, 1))
    assert screen.feedback.kind == "error"
    assert "ends before it starts" in screen.feedback.text()


def test_csv_and_xlsx_exports(
    screen: ReportsScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "revenue"
    monkeypatch.setattr(files, "save_file_name", lambda *a, **k: str(target))
    screen.csv_action.trigger()
    text = (tmp_path / "revenue.csv").read_text(encoding="utf-8")
    assert screen.report is not None
    assert text.splitlines()[0].split(";")[:2] == ["Section", "Key"]
    assert len(text.splitlines()) == len(screen.report.rows) + 2  # header, rows, total
    assert "Total" in text.splitlines()[-1]
    assert screen.feedback.kind == "ok"
    screen.xlsx_action.trigger()
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "revenue.xlsx").active
    assert sheet["A1"].value == "Revenue"


def test_export_to_a_folder_that_does_not_exist_is_refused(
    screen: ReportsScreen, tmp_path: Path
) -> None:
    assert screen.export_csv(tmp_path / "missing" / "r.csv") is False
    assert screen.feedback.kind == "error" and "Cannot write" in screen.feedback.text()


def test_the_bar_chart_draws_labels_values_and_negative_bars(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = BarChart(max_bars=3)
    qtbot.addWidget(chart)
    chart.resize(QSize(420, 200))
    bars, negative = style.palette().accent, style.palette().danger  # the theme's colours
    assert coloured_pixels(painted(chart), bars) == 0  # nothing to chart
    chart.set_bars(
        [
            Bar("Lighting", 1200.0, "€12.00"),
            ("Sound", -300.0, "-€3.00"),
            ("Cables", 0, "€0.00"),
            ("Video", 50, "€0.50"),
        ],
        "Net revenue",
    )
    assert chart.hidden_count == 1 and len(chart.shown) == 3
    image = painted(chart)
    assert coloured_pixels(image, bars) > 50
    assert coloured_pixels(image, negative) > 5
    assert "Lighting: €12.00" in chart.accessibleDescription()
    top = chart.MARGIN + chart._title_height()
    from PySide6.QtCore import QPoint

    assert chart.bar_at(QPoint(100, top + 2)) == 0
    assert chart.bar_at(QPoint(100, 1)) is None


def test_a_report_without_rows_says_so_over_the_table(screen: ReportsScreen) -> None:
    screen.choose_report("inspections")  # no unit has an inspection schedule
    assert screen.report is not None and screen.report.rows == []
    assert screen.model.rowCount() == 0  # no total of nothing
    assert screen.empty.label.isVisible()
    assert "Choose another period" in screen.empty.label.text()
    screen.choose_report("revenue")
    assert not screen.empty.label.isVisible()


def test_the_chart_paints_with_the_theme_in_use(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(QSize(420, 200))
    chart.set_bars([Bar("Lighting", 1200.0, "€12.00")])
    assert coloured_pixels(painted(chart), style.LIGHT.accent) > 50
    monkeypatch.setattr(style, "_theme", "dark")  # what style.apply does, without the app
    style.notifier().changed.emit("dark")
    image = painted(chart)
    assert coloured_pixels(image, style.DARK.accent) > 50
    assert coloured_pixels(image, style.DARK.surface) > 1000  # the dark background


def test_the_reports_total_is_its_key_figure(screen: ReportsScreen) -> None:
    report = screen.report
    assert report is not None and report.total is not None and report.chart is not None
    assert screen.figure.property("role") == "display"
    assert screen.figure.text() == format_value("money", report.total[report.chart.value])
    screen.choose_report("inspections")  # no rows, no total: no figure
    assert screen.figure.isHidden() and screen.figure_caption.isHidden()


def test_every_control_has_a_name_for_screen_readers(screen: ReportsScreen) -> None:
    from PySide6.QtWidgets import QComboBox, QDateEdit, QPushButton, QTableView

    for kind in (QComboBox, QDateEdit, QTableView, QPushButton):
        for widget in screen.findChildren(kind):
            assert widget.accessibleName() or getattr(widget, "text", str)(), widget
    assert screen.report_choice.accessibleName() == "Report"
