"""The desk's answer to a scan: a large coloured banner readable from two metres, and a sound.

Green: accepted. Red: refused (nothing was written). Amber: accepted with a warning (late
return), or a question (not on this booking). Blue-grey: information (a booking opened).
The sound is QtMultimedia's QSoundEffect when that module is importable (it is not in
PySide6-Essentials), else ``QApplication.beep()``: one beep for accepted, two for refused.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.paths import cache_dir

#: kind → (background, text colour, left stripe). High contrast: white on deep colours.
COLOURS: dict[str, tuple[str, str, str]] = {
    "ok": ("#1b7f3b", "#ffffff", "#0d4f22"),
    "error": ("#c62828", "#ffffff", "#7f0000"),
    "warning": ("#f9a825", "#1a1a1a", "#c17900"),
    "info": ("#37474f", "#ffffff", "#102027"),
    "idle": ("#eceff1", "#263238", "#90a4ae"),
}
SYMBOLS = {"ok": "✔", "error": "✖", "warning": "⚠", "info": "ℹ", "idle": "▶"}


class Banner(QFrame):
    """The big answer: a title line (outcome and code) and the message under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = "idle"
        self.setObjectName("banner")
        self.setMinimumHeight(118)
        self.title = QLabel()
        self.title.setObjectName("bannerTitle")
        title_font = QFont(self.font())
        title_font.setPointSizeF(28)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.detail = QLabel()
        self.detail.setObjectName("bannerDetail")
        self.detail.setWordWrap(True)
        detail_font = QFont(self.font())
        detail_font.setPointSizeF(17)
        self.detail.setFont(detail_font)
        self.counter = QLabel()
        self.counter.setObjectName("bannerCounter")
        counter_font = QFont(self.font())
        counter_font.setPointSizeF(40)
        counter_font.setBold(True)
        self.counter.setFont(counter_font)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for label in (self.title, self.detail, self.counter):
            label.setTextFormat(Qt.TextFormat.PlainText)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(22, 10, 26, 12)
        layout.addLayout(text, 1)
        layout.addWidget(self.counter)
        self.show_message("idle", "", "")

    def show_message(self, kind: str, title: str, detail: str, counter: str = "") -> None:
        """``counter``: the line's progress ("3 / 4"), shown very large on the right."""
        background, colour, stripe = COLOURS[kind]
        self.kind = kind
        self.setStyleSheet(
            f"QFrame#banner {{ background: {background}; border-left: 14px solid {stripe};"
            " border-radius: 4px; }"
            f" QLabel {{ color: {colour}; background: transparent; }}"
        )
        self.title.setText(f"{SYMBOLS[kind]}  {title}" if title else "")
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.counter.setText(counter)
        self.counter.setVisible(bool(counter))

    def text(self) -> str:
        parts = (self.title.text(), self.detail.text(), self.counter.text())
        return "\n".join(t for t in parts if t)


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
        try:
            from PySide6.QtMultimedia import QSoundEffect  # type: ignore[import-not-found]
        except ImportError:  # PySide6-Essentials: no multimedia, beeps only
            return
        folder = cache_dir() / "sounds"
        for kind, freqs, ms in (("ok", [1320.0], 90), ("error", [330.0, 220.0], 140)):
            try:
                effect = QSoundEffect(self)
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
