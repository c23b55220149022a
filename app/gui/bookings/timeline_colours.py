"""The colours the timeline and the calendar paint with, derived from the style kernel's
palette and chip tones (never written here): a shortage in the red tone, quotes in the
booking "quote" tone, weekends and public holidays as light washes of the surface.

``colours()`` is computed once per theme; the painted views call it at each paint, so a
theme switch (``style.notifier().changed``) only needs a repaint."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from app.gui.shell import chips, style


@dataclass(frozen=True)
class Colours:
    text: QColor
    muted: QColor
    base: QColor
    grid: QColor
    header_bg: QColor
    category_bg: QColor
    today: QColor
    today_text: QColor
    shortage_bg: QColor
    shortage_fg: QColor
    full_bg: QColor
    tentative: QColor
    tentative_bg: QColor
    weekend_bg: QColor
    holiday_bg: QColor
    holiday_fg: QColor

    def today_wash(self, alpha: int = 40) -> QColor:
        wash = QColor(self.today)
        wash.setAlpha(alpha)
        return wash


def mix(a: str, b: str, t: float) -> QColor:
    """``a`` moved a fraction ``t`` of the way to ``b``."""
    ca, cb = QColor(a), QColor(b)
    return QColor(
        round(ca.red() + (cb.red() - ca.red()) * t),
        round(ca.green() + (cb.green() - ca.green()) * t),
        round(ca.blue() + (cb.blue() - ca.blue()) * t),
    )


def _build(theme: str) -> Colours:
    p = style.palette()
    red, grey, violet = style.tone("red"), style.tone("grey"), style.tone("violet")
    quote = chips.tone_of("booking", "quote")
    return Colours(
        text=QColor(p.text),
        muted=QColor(p.muted),
        base=QColor(p.surface),
        grid=QColor(p.border),
        header_bg=QColor(p.surface_alt),
        category_bg=QColor(grey.bg),
        today=QColor(p.accent),
        today_text=QColor(p.accent_text),
        shortage_bg=QColor(red.bg),
        shortage_fg=QColor(p.danger),
        full_bg=mix(grey.bg, p.surface, 0.15),
        tentative=QColor(p.warning),
        tentative_bg=QColor(quote.bg),
        weekend_bg=mix(p.surface, p.surface_alt, 0.7),
        holiday_bg=mix(p.surface, violet.bg, 0.5),
        holiday_fg=QColor(violet.fg),
    )


_cache: dict[str, Colours] = {}


def colours() -> Colours:
    """The colours of the theme in use."""
    theme = style.theme()
    found = _cache.get(theme)
    if found is None:
        found = _cache[theme] = _build(theme)
    return found


def swatch(name: str) -> tuple[str, str]:
    """(text, background) of a legend swatch that is not a status: ``weekend``,
    ``holiday``, ``full``, ``shortage``, ``quotes``."""
    c = colours()
    backgrounds = {
        "weekend": c.weekend_bg,
        "holiday": c.holiday_bg,
        "full": c.full_bg,
        "shortage": c.shortage_bg,
        "quotes": c.tentative_bg,
    }
    fg = {"holiday": c.holiday_fg, "shortage": c.shortage_fg}.get(name, c.text)
    return fg.name(), backgrounds[name].name()
