"""Every window and dialog fits the screen and comes back where it was left.

One mechanism for all of them: an application-wide event filter (``install(app)``, once,
right after the QApplication is made). When a top-level ``QMainWindow`` or ``QDialog`` is
shown, its last size and position (saved in ``QSettings`` under ``geometry/<key>``, the key
being its objectName or else its class name) are restored, then clamped to the available
geometry of the screen it lands on (the screen minus any panel), so a window saved on a big
monitor never opens off-screen or larger than a laptop's screen. When it is hidden (closed),
its geometry is saved. Full-screen windows (the desk kiosk) are left alone; message boxes,
progress and file dialogs size themselves and are only clamped.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

#: Dialogs that size themselves: clamped to the screen, never restored or saved.
SELF_SIZED = (QMessageBox, QProgressDialog, QFileDialog)
_RESTORED = "_regie_geometry_restored"


def settings() -> QSettings:
    return QSettings("regie", "regie")


def key_of(window: QWidget) -> str:
    return window.objectName() or type(window).__name__


def available(window: QWidget, near: QPoint | None = None) -> QRect:
    """The available geometry (screen minus panels) of the screen at ``near``, else of
    the window's own screen (its parent's), else of the primary screen."""
    screen: QScreen | None = None
    if near is not None:
        screen = QGuiApplication.screenAt(near)
    if screen is None:
        parent = window.parentWidget()
        # QWidget.screen explicitly: MainWindow.screen(key) is one of its areas
        screen = QWidget.screen(parent.window() if parent is not None else window)
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def clamp(rect: QRect, area: QRect, minimum: QSize | None = None) -> QRect:
    """``rect`` made no larger than ``area`` (but not below ``minimum`` where that still
    fits) and moved inside it."""
    width = min(rect.width(), area.width())
    height = min(rect.height(), area.height())
    if minimum is not None:
        width = max(width, min(minimum.width(), area.width()))
        height = max(height, min(minimum.height(), area.height()))
    x = max(area.left(), min(rect.x(), area.right() + 1 - width))
    y = max(area.top(), min(rect.y(), area.bottom() + 1 - height))
    return QRect(x, y, width, height)


def fit(window: QWidget, preferred: QSize) -> None:
    """Resize ``window`` to ``preferred``, or to the screen's available size if smaller."""
    area = available(window)
    window.resize(min(preferred.width(), area.width()), min(preferred.height(), area.height()))


def _frame(window: QWidget) -> QSize:
    """The window manager's decoration around the client area (zero until known)."""
    frame = window.frameGeometry().size() - window.geometry().size()
    return QSize(max(frame.width(), 0), max(frame.height(), 0))


def place(window: QWidget, saved: QRect | None) -> QRect:
    """Where ``window`` goes: its saved rectangle (else its current one), clamped to the
    available geometry of the screen it lands on."""
    rect = QRect(saved) if saved is not None and saved.isValid() else window.geometry()
    if saved is None and not window.testAttribute(Qt.WidgetAttribute.WA_Resized):
        # Qt sizes a new window to at most 2/3 of the screen: a long form may have it all
        rect.setSize(rect.size().expandedTo(window.sizeHint()))
    if saved is None and window.parentWidget() is None:
        if not window.testAttribute(Qt.WidgetAttribute.WA_Moved):
            rect.moveCenter(available(window).center())  # a first start: centred
    area = available(window, rect.center() if saved is not None else None)
    frame = _frame(window)
    inner = QRect(area.topLeft(), area.size() - frame)
    minimum = window.minimumSizeHint() if window.layout() is not None else window.minimumSize()
    return clamp(rect, inner, minimum.expandedTo(window.minimumSize()))


def read(key: str) -> tuple[QRect, bool] | None:
    value = settings().value(f"geometry/{key}", "")
    try:
        x, y, w, h, maximised = (int(part) for part in str(value or "").split(","))
    except ValueError:
        return None
    if w <= 0 or h <= 0:
        return None
    return QRect(x, y, w, h), bool(maximised)


def write(key: str, rect: QRect, maximised: bool) -> None:
    value = f"{rect.x()},{rect.y()},{rect.width()},{rect.height()},{int(maximised)}"
    settings().setValue(f"geometry/{key}", value)


def _managed(obj: QObject) -> bool:
    return (
        isinstance(obj, (QMainWindow, QDialog))
        and obj.isWindow()
        and not obj.windowState() & Qt.WindowState.WindowFullScreen
    )


def restore(window: QWidget) -> None:
    """Restore (or clamp) ``window`` once, just before it appears."""
    if window.property(_RESTORED):
        return
    window.setProperty(_RESTORED, True)
    found = None if isinstance(window, SELF_SIZED) else read(key_of(window))
    rect = place(window, found[0] if found else None)
    if (
        found is None
        and isinstance(window, QDialog)
        and not window.testAttribute(Qt.WidgetAttribute.WA_Moved)
    ):
        # First time: only the size; QDialog.showEvent (after this filter) then centres it
        # on its parent, inside the screen (moving it here would stop that).
        window.resize(rect.size())
    else:
        window.setGeometry(rect)
    if found and found[1] and isinstance(window, QMainWindow):
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def save(window: QWidget) -> None:
    if isinstance(window, SELF_SIZED) or not window.property(_RESTORED):
        return
    maximised = bool(window.windowState() & Qt.WindowState.WindowMaximized)
    rect = window.normalGeometry() if maximised else window.geometry()
    if rect.isValid():
        write(key_of(window), rect, maximised)


class GeometryKeeper(QObject):
    """The application-wide event filter (see the module's docstring)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.Show and _managed(obj):
            restore(obj)  # type: ignore[arg-type]
        elif kind == QEvent.Type.Hide and _managed(obj):
            save(obj)  # type: ignore[arg-type]
        return False


_keeper: GeometryKeeper | None = None


def install(app: QApplication | None = None) -> GeometryKeeper:
    """Install the filter on the application (once; later calls return the same one)."""
    global _keeper
    app = app or QApplication.instance()  # type: ignore[assignment]
    if _keeper is None:
        _keeper = GeometryKeeper(app)
        app.installEventFilter(_keeper)  # type: ignore[union-attr]
    return _keeper


def uninstall() -> None:
    global _keeper
    app = QApplication.instance()
    if _keeper is not None and app is not None:
        app.removeEventFilter(_keeper)
        _keeper.deleteLater()
    _keeper = None
