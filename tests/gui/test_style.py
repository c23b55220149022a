"""The style kernel: icons that draw at every size and scale and follow the theme, palettes
whose text is readable (WCAG contrast ≥ 4.5:1), status chips that always carry their
words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QSpinBox,
    QStyle,
    QStyleOption,
    QStyleOptionSpinBox,
    QTableView,
    QTableWidget,
)
from sqlmodel import select

from app.gui.shell import icons, style
from app.gui.shell.chips import STATUS_ROLE, TONES, ChipDelegate, StatusChip, tone_of
from app.gui.shell.models import UnitTableModel
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import set_invalid
from inventory.models import Unit

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


# --- contrast (WCAG 2.x) ------------------------------------------------------------------


def luminance(colour: str) -> float:
    """Relative luminance of an sRGB colour ``#rrggbb``."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * linear(q.red()) + 0.7152 * linear(q.green()) + 0.0722 * linear(q.blue())


def contrast(fg: str, bg: str) -> float:
    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_computed_as_wcag_says() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("palette", [style.LIGHT, style.DARK], ids=["light", "dark"])
def test_text_on_every_background_is_readable(palette: style.Palette) -> None:
    pairs = {
        f"{fg}/{bg}": (getattr(palette, fg), getattr(palette, bg))
        for fg in ("text", "muted", "danger", "warning", "success", "info", "accent")
        for bg in ("surface", "window", "surface_alt")
    }
    pairs["accent_text/accent"] = (palette.accent_text, palette.accent)
    pairs["text/selection"] = (palette.text, palette.selection)
    for name, tone in palette.tones.items():
        pairs[f"chip {name}"] = (tone.fg, tone.bg)
    low = {name: round(contrast(*pair), 2) for name, pair in pairs.items()}
    assert {name: ratio for name, ratio in low.items() if ratio < 4.5} == {}
    assert low["text/surface"] >= 7  # body text: AAA


def test_every_status_has_a_tone_of_both_palettes() -> None:
    for kind, statuses in TONES.items():
        for status, tone in statuses.items():
            for palette in (style.LIGHT, style.DARK):
                assert tone in palette.tones, (kind, status, tone)


# --- icons --------------------------------------------------------------------------------


def _inked(image: QImage) -> int:
    """How many pixels are not transparent."""
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 0
    )


@pytest.mark.parametrize("name", sorted(icons.NAMES))
def test_every_icon_draws_at_every_size_and_scale(qapp, name: str) -> None:  # type: ignore[no-untyped-def]
    icon = icons.icon(name)
    for size in (16, 24, 48):
        pixmap = icon.pixmap(QSize(size, size))
        assert not pixmap.isNull() and pixmap.width() == size
        assert _inked(pixmap.toImage()) > size // 2, (name, size)
    sharp = icon.pixmap(QSize(24, 24), 2.0)  # a 200 % screen: drawn at 48 device pixels
    assert sharp.width() == 48 and sharp.devicePixelRatio() == 2.0
    assert _inked(sharp.toImage()) > 24


def test_an_unknown_icon_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        icons.icon("no-such-icon")


@pytest.fixture
def themes(qapp, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Switch themes freely: the application's look comes back afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = (app.palette(), app.styleSheet(), app.style().name())
    monkeypatch.setattr(style, "_theme", style.theme())
    yield
    app.setStyle(before[2])
    app.setPalette(before[0])
    app.setStyleSheet(before[1])


def _darkest(image: QImage) -> float:
    """The lightness of the darkest inked pixel (0 black … 1 white)."""
    return min(
        image.pixelColor(x, y).lightnessF()
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 200
    )


def test_a_theme_switch_recolours_an_icon_already_made(
    themes: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QApplication.instance()
    monkeypatch.setenv("REGIE_THEME", "light")
    style.apply(app)  # type: ignore[arg-type]
    save = icons.icon("save")
    on_light = _darkest(save.pixmap(QSize(32, 32)).toImage())
    seen: list[str] = []
    style.notifier().changed.connect(seen.append)
    monkeypatch.setenv("REGIE_THEME", "dark")
    style.apply(app)  # type: ignore[arg-type]
    on_dark = _darkest(save.pixmap(QSize(32, 32)).toImage())
    assert on_light < 0.2 < 0.7 < on_dark  # dark ink on light, light ink on dark
    assert seen[-1] == "dark" and style.theme() == "dark"


# --- chips --------------------------------------------------------------------------------


def test_a_status_chip_shows_its_words_and_says_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    chip = StatusChip("invoice", "overdue", "Overdue")
    qtbot.addWidget(chip)
    assert chip.text() == "Overdue" and chip.accessibleName() == "Overdue"
    assert chip.status() == "overdue" and tone_of("invoice", "overdue").bg in chip.styleSheet()
    chip.set_status("paid", "Paid")
    assert chip.accessibleName() == "Paid" and tone_of("invoice", "paid").bg in chip.styleSheet()
    chip.set_status(None)
    assert chip.isHidden()  # no status: no empty pill


def _colours(image: QImage) -> set[str]:
    return {
        image.pixelColor(x, y).name() for y in range(image.height()) for x in range(image.width())
    }


def test_the_chip_delegate_paints_the_chip_and_its_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = QStandardItemModel(2, 1)
    for row, (status, text) in enumerate((("late", "Late"), ("quote", "Quote"))):
        item = QStandardItem(text)
        item.setData(status, STATUS_ROLE)
        model.setItem(row, 0, item)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegateForColumn(0, ChipDelegate("booking", view))
    view.resize(300, 120)
    view.show()
    qtbot.waitExposed(view)
    colours = _colours(view.viewport().grab().toImage())
    late, quote = tone_of("booking", "late"), tone_of("booking", "quote")
    assert QColor(late.bg).name() in colours and QColor(quote.bg).name() in colours
    assert QColor(late.fg).name() in colours  # the words, in the chip's ink
    assert model.index(0, 0).data() == "Late"  # sorting, copying, screen readers: the words


def test_the_unit_status_column_gives_its_chip_key(ops: Operations, stock, db) -> None:  # type: ignore[no-untyped-def]
    with db.read() as uow:
        ids = list(uow.session.exec(select(Unit.id).order_by(Unit.barcode)))
    model = UnitTableModel(ops)
    model.set_ids(ids)
    status = model.columns.index("status")
    index = model.index(0, status)
    assert index.data(STATUS_ROLE) == "in_service" and index.data(STATUS_ROLE) in TONES["unit"]
    assert index.data(Qt.ItemDataRole.DisplayRole) == "In service"
    assert model.index(0, 0).data(STATUS_ROLE) is None  # only the status column is a chip


def test_feedback_speaks_words_on_the_tone_of_the_theme_in_use(
    qtbot,
    themes: None,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from app.gui.shell.scan_widgets import Feedback

    app = QApplication.instance()
    monkeypatch.setenv("REGIE_THEME", "light")
    style.apply(app)  # type: ignore[arg-type]
    feedback = Feedback()
    qtbot.addWidget(feedback)
    feedback.error("No unit has the barcode X-1.")
    assert feedback.kind == "error" and feedback.accessibleName() == feedback.text()
    assert style.LIGHT.tones["red"].bg in feedback.styleSheet()
    monkeypatch.setenv("REGIE_THEME", "dark")
    style.apply(app)  # type: ignore[arg-type]
    assert style.DARK.tones["red"].bg in feedback.styleSheet()  # recoloured, still its words


# --- roles, indicators, spin boxes ----------------------------------------------------------


def test_a_role_given_again_keeps_its_size(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("Invoices")
    qtbot.addWidget(label)
    base = label.font().pointSizeF()
    style.set_role(label, "title")
    style.set_role(label, "title")
    assert label.font().pointSizeF() == pytest.approx(base * 1.5)
    style.set_role(label, "heading")  # another role: scaled from the same base
    assert label.font().pointSizeF() == pytest.approx(base * 1.2)
    style.set_role(label, "muted")  # a colour role leaves the size alone
    assert label.font().pointSizeF() == pytest.approx(base * 1.2)
    assert label.property("role") == "muted"


def _painted(element: QStyle.PrimitiveElement, state: QStyle.StateFlag) -> QImage:
    """One indicator drawn by the application's style on the theme's surface colour."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(style.colour("surface"))
    option = QStyleOption()
    option.rect = QRect(2, 2, 16, 16)
    option.palette = app.palette()
    option.state = QStyle.StateFlag.State_Enabled | state
    painter = QPainter(image)
    app.style().drawPrimitive(element, option, painter, None)
    painter.end()
    return image


def _strongest_contrast(image: QImage, against: str) -> float:
    return max(
        contrast(image.pixelColor(x, y).name(), against)
        for y in range(image.height())
        for x in range(image.width())
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize(
    "element",
    [
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    ],
    ids=["check box", "item view check", "radio button"],
)
def test_indicators_show_on_the_surface_in_both_themes(
    themes: None, monkeypatch: pytest.MonkeyPatch, theme: str, element: QStyle.PrimitiveElement
) -> None:
    monkeypatch.setenv("REGIE_THEME", theme)
    style.apply(QApplication.instance())  # type: ignore[arg-type]
    surface = style.palette().surface
    off = _painted(element, QStyle.StateFlag.State_Off)
    assert _strongest_contrast(off, surface) >= 3  # WCAG 1.4.11: a control's outline
    on = _painted(element, QStyle.StateFlag.State_On)
    assert QColor(style.palette().accent).name() in _colours(on)
    assert _strongest_contrast(on, style.palette().accent) >= 3  # the mark on the accent


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("invalid", [False, True], ids=["valid", "invalid"])
def test_a_spin_box_in_a_table_draws_its_arrows(
    qtbot, themes: None, monkeypatch: pytest.MonkeyPatch, theme: str, invalid: bool
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("REGIE_THEME", theme)
    style.apply(QApplication.instance())  # type: ignore[arg-type]
    table = QTableWidget(1, 1)
    qtbot.addWidget(table)
    spin = QSpinBox()
    table.setCellWidget(0, 0, spin)
    set_invalid(spin, invalid)
    table.show()
    qtbot.waitExposed(table)
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option)
    image = spin.grab().toImage()
    for part in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
        button = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, part, spin)
        assert button.width() >= 10 and button.height() >= 6, button
        arrow = image.copy(button.adjusted(2, 2, -2, -2))
        corner = arrow.pixelColor(0, 0).name()  # the button's face
        assert _strongest_contrast(arrow, corner) >= 2, (part, theme)  # an arrow is drawn
    if invalid:
        assert QColor(style.palette().danger).name() in _colours(image)
