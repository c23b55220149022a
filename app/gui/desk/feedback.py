"""The desk's answer to a scan: a large coloured banner readable from two metres, and a sound.

Green: accepted. Red: refused (nothing was written). Amber: accepted with a warning (late
return), or a question (not on this booking). Blue: information (a booking opened). Each
with its icon and its words, never colour alone; the colours are the theme's status
colours (``success``, ``danger``, ``warning``, ``info``) with the text in whichever of
white or the window colour reads best on them, so the banner stays readable in the dark
theme. A scan the database could not take for now (the server away) is amber too: "Not
saved yet", kept pending and tried again (``pending``). The sound is QtMultimedia's QSoundEffect when that module is importable (it is not
in PySide6-Essentials), else ``QApplication.beep()``: one beep for accepted, two for
refused.
"""

from __future__ import annotations

import importlib
import math
import struct
import wave
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.paths import cache_dir
from app.gui.desk import look
from app.gui.desk.answers import Answer
from app.gui.desk.jobs import Job
from app.gui.shell import icons, style

tr = QCoreApplication.translate

#: kind → palette token of its background ("idle": the quiet surface).
TOKENS = {"ok": "success", "error": "danger", "warning": "warning", "info": "info"}
#: kind → icon name (``icons.NAMES``).
ICONS = {"ok": "ok", "error": "error", "warning": "warning", "info": "info", "idle": "desk"}
ICON_SIZE = 44


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(QColor(a)), _luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colours(kind: str) -> tuple[str, str]:
    """(background, text) of a banner ``kind`` in the theme in use."""
    p = style.palette()
    token = TOKENS.get(kind)
    if token is None:
        return p.surface_alt, p.text
    background = getattr(p, token)
    text = max((style.LIGHT.surface, style.DARK.window), key=lambda fg: contrast(fg, background))
    return background, text


class Banner(QFrame):
    """The big answer: an icon, a title line (outcome and code), the message under it, and
    the line's progress very large on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = "idle"
        self._styled: tuple[str, str] = ("", "")
        self.setObjectName("banner")
        self.setAccessibleName(tr("DeskScreen", "Answer to the last scan"))
        self.setMinimumHeight(118)
        self.icon = QLabel()
        self.icon.setObjectName("bannerIcon")
        self.icon.setFixedSize(ICON_SIZE + 2 * style.SPACE.s, ICON_SIZE + 2 * style.SPACE.s)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        self.title.setObjectName("bannerTitle")
        look.sized(self.title, "display")
        self.detail = QLabel()
        self.detail.setObjectName("bannerDetail")
        self.detail.setWordWrap(True)
        look.sized(self.detail, "detail")
        self.counter = QLabel()
        self.counter.setObjectName("bannerCounter")
        look.sized(self.counter, "counter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for label in (self.title, self.detail, self.counter):
            label.setTextFormat(Qt.TextFormat.PlainText)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        s = style.SPACE
        layout = QHBoxLayout(self)
        layout.setContentsMargins(s.xl, s.s, s.xl, s.m)
        layout.setSpacing(s.l)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(text, 1)
        layout.addWidget(self.counter)
        style.notifier().changed.connect(self._restyle)
        self.show_message("idle", "", "")

    def show_message(self, kind: str, title: str, detail: str, counter: str = "") -> None:
        """``counter``: the line's progress ("3 / 4"), shown very large on the right."""
        self.kind = kind
        if self._styled != (kind, style.theme()):  # re-styling costs: only on a change
            self._restyle()
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.counter.setText(counter)
        self.counter.setVisible(bool(counter))
        self.setAccessibleDescription(self.text())

    def _restyle(self, *_: object) -> None:
        self._styled = (self.kind, style.theme())
        background, colour = colours(self.kind)
        p, radius = style.palette(), style.SPACE.radius
        badge = (ICON_SIZE + 2 * style.SPACE.s) // 2
        self.setStyleSheet(
            f"QFrame#banner {{ background: {background}; border-radius: {radius}px; }}"
            f" QLabel {{ color: {colour}; background: transparent; }}"
            f" QLabel#bannerIcon {{ background: {p.surface}; border-radius: {badge}px; }}"
        )
        self.icon.setPixmap(icons.icon(ICONS[self.kind]).pixmap(QSize(ICON_SIZE, ICON_SIZE)))

    def text(self) -> str:
        parts = (self.title.text(), self.detail.text(), self.counter.text())
        return "\n".join(t for t in parts if t)


def pending(job: Job, problem: str) -> Answer:
    """The banner for a job kept pending: the database's sentence, and what happens next."""
    title = (
        tr("DeskScreen", "Not saved yet: %1").replace("%1", job.code)
        if job.code
        else tr("DeskScreen", "Not saved yet")
    )
    then = tr(
        "DeskScreen",
        "Kept pending: Régie tries again until it is saved; keep scanning, nothing is lost.",
    )
    return Answer("warning", title, f"{problem}\n{then}" if problem else then)


def _tone(path: Path, freqs: list[float], ms: int) -> Path:
    """A short sine tone (one frequency after the other) as a 16-bit mono WAV."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    rate = 22050
    frames = bytearray()
    for freq in freqs:
        count = rate * ms // 1000
        for n in range(count):
            fade = min(1.0, n / 200, (count - n) / 200)
            frames += struct.pack("<h", int(12000 * fade * math.sin(2 * math.pi * freq * n / rate)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return path


class Sounds(QObject):
    """``accepted()`` / ``refused()``: a chime, a buzz, or beeps. ``played`` keeps the last
    few kinds (tests read it); ``enabled`` silences everything."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self.played: list[str] = []
        self.effects: dict[str, Any] = {}
        try:  # imported by name: PySide6-Essentials has no multimedia (and no stubs of it)
            multimedia = importlib.import_module("PySide6.QtMultimedia")
        except ImportError:  # PySide6-Essentials: no multimedia, beeps only
            return
        sound_effect = multimedia.QSoundEffect
        folder = cache_dir() / "sounds"
        for kind, freqs, ms in (("ok", [1320.0], 90), ("error", [330.0, 220.0], 140)):
            try:
                effect = sound_effect(self)
                effect.setSource(QUrl.fromLocalFile(str(_tone(folder / f"{kind}.wav", freqs, ms))))
                self.effects[kind] = effect
            except (OSError, RuntimeError):  # no audio device or unwritable cache: beep
                self.effects.clear()
                return

    def _play(self, kind: str, beeps: int) -> None:
        self.played = [*self.played[-9:], kind]
        if not self.enabled:
            return
        effect = self.effects.get(kind)
        if effect is not None:
            effect.play()
            return
        QApplication.beep()
        for n in range(1, beeps):
            QTimer.singleShot(160 * n, QApplication.beep)

    def accepted(self) -> None:
        self._play("ok", 1)

    def refused(self) -> None:
        self._play("error", 2)
