"""The user's language for imports and exports (``app.core.tabular.use_language``): labels
translated through Régie's catalogues, numbers written with the locale's signs.

The domain stays Qt-free: a face calls ``install()`` once its translator is installed
(``app.i18n.install``), and every importer then reads a cell's enum value from its English
label or its label in any language Régie speaks ("Lumière", "Particulier"), refuses in the
user's language, and shows the rows' summaries with French numbers ("4,50 €") in French.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QTranslator

from app import i18n
from app.core import tabular

_kept: list[QTranslator] = []  # the other languages' translators, alive for the process
_others: tuple[Callable[[str], str], ...] | None = None


def _other(language: str) -> Callable[[str], str] | None:
    path = i18n.compiled_catalogue(language)
    if path is None:
        return None
    translator = QTranslator()
    if not translator.load(str(path)):
        return None
    _kept.append(translator)

    def translate(text: str) -> str:
        return translator.translate("messages", text) or text

    return translate


def _others_loaded() -> tuple[Callable[[str], str], ...]:
    """Every language but English (the labels' own), loaded once when first needed."""
    global _others
    if _others is None:
        _others = tuple(
            found
            for language in i18n.LANGUAGES
            if language != "en" and (found := _other(language)) is not None
        )
    return _others


def install() -> None:
    """Install the current language (and every other one, for reading files)."""
    locale = QLocale()
    tabular.use_language(
        tabular.Language(
            translate=i18n.label,
            others=_others_loaded,
            decimal=locale.decimalPoint(),
            group=locale.groupSeparator(),
            french=locale.language() == QLocale.Language.French,
        )
    )
