"""The key events a USB scanner sends, character by character, for GUI tests."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, Qt

K = Qt.Key
M = Qt.KeyboardModifier
SHIFT, ALTGR = M.ShiftModifier, M.GroupSwitchModifier

#: Key events one character takes, as (key, modifiers, text) presses and releases.
Stroke = list[tuple[QEvent.Type, int, Qt.KeyboardModifier, str]]
PRESS, RELEASE = QEvent.Type.KeyPress, QEvent.Type.KeyRelease


def _key_of(char: str) -> int:
    if char.isalnum() and char.isascii():
        return int(getattr(K, f"Key_{char.upper()}"))
    named = {"-": K.Key_Minus, "@": K.Key_At, "?": K.Key_Question, ")": K.Key_ParenRight}
    named |= {"&": K.Key_Ampersand, "é": K.Key_Eacute, "à": K.Key_Agrave, "*": K.Key_Asterisk}
    return int(named.get(char, K.Key_unknown))


def shifted(char: str, modifier: Qt.KeyboardModifier = SHIFT) -> Stroke:
    """Shift (or AltGr) down, the key, the key up, Shift up: what a scanner sends."""
    key = K.Key_Shift if modifier == SHIFT else K.Key_AltGr
    return [
        (PRESS, key, M.NoModifier, ""),
        (PRESS, _key_of(char), modifier, char),
        (RELEASE, _key_of(char), modifier, char),
        (RELEASE, key, modifier, ""),
    ]


def plain(char: str) -> Stroke:
    return [
        (PRESS, _key_of(char), M.NoModifier, char),
        (RELEASE, _key_of(char), M.NoModifier, char),
    ]


def qwerty(code: str) -> Iterator[Stroke]:
    """A scanner set up for US on a US PC: Shift for capitals only."""
    for char in code:
        yield shifted(char) if char.isupper() else plain(char)


def azerty(code: str) -> Iterator[Stroke]:
    """A scanner set up for AZERTY on a French PC: Shift for capitals and digits, AltGr for @."""
    for char in code:
        if char == "@":
            yield shifted(char, ALTGR)
        elif char.isupper() or char.isdigit():
            yield shifted(char)
        else:
            yield plain(char)


def us_scanner_on_azerty(received: str) -> Iterator[Stroke]:
    """What the PC receives from a US scanner on a French PC (``LU?)àààé&``): Shift where
    the US scanner pressed it (capitals and ``?``)."""
    for char in received:
        yield shifted(char) if char.isupper() or char == "?" else plain(char)
