"""argparse's own sentences in the user's language.

argparse words its usage errors through ``gettext`` with no French catalogue installed, so
``regie`` said "the following arguments are required" in the middle of French messages.
Its user-facing sentences are listed here (literal, so the translation extractor collects
them) and argparse's ``_`` is pointed at Qt's translator for them."""

from __future__ import annotations

import argparse

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTranslator

from app import i18n

#: The sentences argparse shows people (Python 3.11's wording), marked for translation.
MESSAGES = {
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
}


_catalogue: list[QTranslator] = []


def translate(context: str, text: str) -> str:
    """``text`` in the user's language, before (or without) a Qt application: usage errors
    are found while parsing, before the translations are installed on the application."""
    if not _catalogue:
        translator = QTranslator()
        language = i18n.chosen_language()
        path = i18n.compiled_catalogue(language) if language != "en" else None
        _catalogue.append(translator)
        if path is None or not translator.load(str(path)):
            return text
    found = _catalogue[0].translate(context, text)
    return found or text


def _translated(text: str) -> str:
    return translate("argparse", text) if text in MESSAGES else text


def install() -> None:
    """Route argparse's sentences through the user's catalogue (idempotent)."""
    argparse._ = _translated  # type: ignore[attr-defined]
