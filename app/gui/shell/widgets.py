"""Small shared helpers of the screens: locale formatting, error display, form fields that
highlight the one a ``ValidationError`` names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.errors import DomainError, ValidationError
from app.core.money import from_cents
from app.gui.shell import icons, style

tr = QCoreApplication.translate

#: Fixed colours of the light theme, kept importable: use ``style.colour("danger")`` or
#: ``style.set_role(label, "error")``, which follow the theme.
ERROR_COLOUR = style.LIGHT.danger
WARNING_COLOUR = style.LIGHT.warning
#: Once applied to every dialog for the red border of a field whose ``invalid`` property is
#: true; the app's style sheet (``style.style_sheet``) now draws it in the theme's danger
#: colour, so this adds nothing (kept for the screens that still set it).
INVALID_STYLE = ""


# --- locale formatting ---------------------------------------------------------------------


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def format_date(value: dt.date | None) -> str:
    """A date in the user's locale (26/11/2026), empty for None."""
    if value is None:
        return ""
    return QLocale().toString(qdate(value), QLocale.FormatType.ShortFormat)


def format_datetime(value: dt.datetime, tz: dt.tzinfo | None = None) -> str:
    local = value.astimezone(tz) if tz is not None and value.tzinfo is not None else value
    return f"{format_date(local.date())} {local:%H:%M}"


def edit_date(value: dt.date | None) -> str:
    """A date as typed in a form (31/03/2026), which ``fields.optional_date`` reads back."""
    return "" if value is None else value.strftime("%d/%m/%Y")


def _grouped(digits: str, separator: str) -> str:
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return separator.join(groups)


def format_amount(cents: int | None) -> str:
    """An amount in euros in the user's locale: "1 234,50 €" in French, "€1,234.50" in
    English. Built from the Decimal, never through a float."""
    if cents is None:
        return ""
    locale = QLocale()
    units, _, fraction = str(abs(from_cents(cents))).partition(".")
    number = f"{_grouped(units, locale.groupSeparator())}{locale.decimalPoint()}{fraction}"
    sign = "-" if cents < 0 else ""
    if locale.language() == QLocale.Language.French:
        return f"{sign}{number}\u00a0€"
    return f"{sign}€{number}"


def edit_amount(cents: int | None) -> str:
    """An amount as typed in a form ("1234,50" in French, "1234.50" otherwise), which
    ``money.parse_amount`` reads back: no digit separators, and only a point or a comma
    (never a locale's other decimal sign)."""
    if cents is None:
        return ""
    comma = QLocale().decimalPoint() == ","
    return str(from_cents(cents)).replace(".", "," if comma else ".")


def format_weight(grams: int) -> str:
    if not grams:
        return ""
    locale = QLocale()
    kilos, rest = divmod(grams, 1000)
    text = _grouped(str(kilos), locale.groupSeparator())
    if rest:
        text += f"{locale.decimalPoint()}{rest:03d}".rstrip("0")
    return f"{text}\u00a0kg"


# --- errors ----------------------------------------------------------------------------------


class ErrorListDialog(QDialog):
    """A refused action with its full explanation (every bad line of an import)."""

    def __init__(self, title: str, err: DomainError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 380)
        text = i18n.message(err)
        head, _, rest = text.partition("\n")
        layout = QVBoxLayout(self)
        self.head = QLabel(head)
        self.head.setWordWrap(True)
        style.set_role(self.head, "error")
        bold = self.head.font()
        bold.setBold(True)
        self.head.setFont(bold)
        layout.addWidget(self.head)
        self.details = QPlainTextEdit(rest)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(tr("ErrorListDialog", "Details"))
        self.details.setVisible(bool(rest))
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setIcon(icons.icon("close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def text(self) -> str:
        return "\n".join(filter(None, [self.head.text(), self.details.toPlainText()]))


class FitScrollArea(QScrollArea):
    """A long form that scrolls vertically when the screen is too short for it: as tall as
    its content where the screen allows (so short forms never scroll), never wider than it,
    and following the keyboard focus."""

    #: The share of the screen's available height a scrolled form may take (the rest is the
    #: dialog's title, message and buttons).
    SHARE = 0.8

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields take the focus, not the frame
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)

    def _bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)

    def _height_limit(self) -> int:
        screen = self.screen() or QGuiApplication.primaryScreen()
        height = screen.availableGeometry().height() if screen is not None else 768
        return int(height * self.SHARE)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        inner = self.content.sizeHint()
        height = min(inner.height(), self._height_limit())
        bar = self._bar() if height < inner.height() else 0
        return QSize(inner.width() + bar, height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        inner = self.content.minimumSizeHint()
        return QSize(inner.width() + self._bar(), min(inner.height(), 160))

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        content = self.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self.ensureWidgetVisible(new)


def no_mnemonic(text: str) -> str:
    """Data shown on a label, button or menu, which read ``&`` as an Alt-key marker:
    "Power & distribution" would show "Power _distribution"."""
    return text.replace("&", "&&")


def label_name(label: str) -> str:
    """A form label as an accessible name: "&Name:" reads "Name", "Nom :" reads "Nom"."""
    text = label.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip(":").strip()


def set_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class FormFields:
    """Rows of a QFormLayout whose widgets are named by the domain's field names, so the
    ``field`` of a ValidationError finds the widget to highlight; errors without a field
    (or naming a field the form lacks) go to the form's message label."""

    def __init__(self, form: QFormLayout, message: QLabel) -> None:
        self.form = form
        self.message = message
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        message.setWordWrap(True)
        style.set_role(message, "error")
        message.hide()

    def add(self, label: str, fields: str | tuple[str, ...], widget: QWidget) -> QWidget:
        """Add a row; ``fields`` are the domain field names this widget answers for."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setWordWrap(True)
        style.set_role(error, "error")
        error.hide()
        column.addWidget(error)
        self.form.addRow(label, holder)
        buddy = self.form.labelForField(holder)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(widget)
        if label and not widget.accessibleName():
            # A screen reader finds a buddy label only beside its field, not across the
            # holder: the field is named after its label here.
            widget.setAccessibleName(label_name(label))
        for name in (fields,) if isinstance(fields, str) else fields:
            self.widgets[name] = widget
            self.errors[name] = error
        return widget

    def clear(self) -> None:
        for name, widget in self.widgets.items():
            set_invalid(widget, False)
            self.errors[name].hide()
        self.message.hide()

    def show(self, err: DomainError) -> QWidget | None:
        """Show ``err`` next to its field (focused) or in the message label; returns the
        highlighted widget, if any."""
        self.clear()
        name = err.field if isinstance(err, ValidationError) else None
        widget = self.widgets.get(name) if name else None
        if widget is None:
            self.message.setText(i18n.message(err))
            self.message.show()
            self._grow()
            return None
        set_invalid(widget, True)
        self.errors[name].setText(i18n.message(err))  # type: ignore[index]
        self.errors[name].show()  # type: ignore[index]
        self._grow()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    def _grow(self) -> None:
        """A dialog grows to show a message that takes more lines (never shrinks)."""
        holder = self.form.parentWidget()
        window = holder.window() if holder is not None else None
        if not isinstance(window, QDialog) or not window.isVisible():
            return
        widget: QWidget | None = holder
        while widget is not None:  # size hints are cached up to the window: recompute
            layout = widget.layout()
            if layout is not None:
                layout.invalidate()
                layout.activate()
            widget.updateGeometry()
            widget = None if widget is window else widget.parentWidget()
        window.resize(window.size().expandedTo(window.sizeHint()))

    def error_text(self, name: str) -> str:
        label = self.errors[name]
        return label.text() if not label.isHidden() else ""


def guarded(show: Callable[[DomainError], object], build: Callable[[], object]) -> object | None:
    """Run ``build`` (parsing a form); a DomainError goes to ``show`` and gives None."""
    try:
        return build()
    except DomainError as err:
        show(err)
        return None


def screen_action(owner: QWidget, text: str, shortcut: str, slot: Any) -> QAction:
    """An action of ``owner`` with its shortcut, shown in its tooltip ("Open (Ctrl+O)")."""
    action = QAction(text, owner)
    action.setShortcut(QKeySequence(shortcut))
    keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({keys})")
    action.triggered.connect(slot)
    owner.addAction(action)
    return action


def fill_customer_filter(combo: QComboBox, rows: Sequence[tuple[int, str, str]]) -> None:
    """Refill a customer filter after its first ("All customers") item with ``rows`` (id,
    number, name), keeping the current choice when it is still there; emits no signal."""
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for cid, number, name in rows:
        combo.addItem(f"{name} ({number})", cid)
    found = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(False)


class ScreenShortcutsFirst(QObject):
    """Lets a screen's shortcuts win over a text field's own key bindings.

    On X11 a line edit takes Ctrl+E (end of line), Ctrl+K, Ctrl+U... for itself, so a
    screen's "Edit…" on Ctrl+E never fired while the search field had the focus (which is
    most of the time). Installed on such a field, this hands those keys to the shortcuts
    of the field's ancestors when one of them claims the key."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget):
            return False
        pressed = QKeySequence(event.keyCombination())  # type: ignore[attr-defined]
        if pressed.isEmpty() or not event.modifiers() & Qt.KeyboardModifier.ControlModifier:  # type: ignore[attr-defined]
            return False
        owner = watched.parentWidget()
        while owner is not None:
            for action in owner.actions():
                if action.isEnabled() and action.shortcut().matches(pressed) == (
                    QKeySequence.SequenceMatch.ExactMatch
                ):
                    event.ignore()  # not the field's: the shortcut map gets it
                    return True
            owner = owner.parentWidget()
        return False


def screen_shortcuts_first(field: QWidget) -> None:
    """Install ``ScreenShortcutsFirst`` on ``field`` (kept alive by the field)."""
    keeper = ScreenShortcutsFirst(field)
    field.installEventFilter(keeper)
