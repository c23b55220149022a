"""The user guide's pages on disk: where they are, their titles, a search over them.

Pages are ``resources/help/<lang>/<page>.html`` (French and English, the same names), their
images ``resources/help/img/<lang>/``, one style sheet ``resources/help/style.css``. The
contents list shows ``PAGES`` in this order; ``index.html`` links to every one.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache
from pathlib import Path

from PySide6.QtCore import QLocale

import resources

ROOT = Path(resources.__file__).resolve().parent / "help"
LANGUAGES = ("fr", "en")
INDEX = "index.html"

#: The guide's pages, in the contents' order.
PAGES = (
    "index.html",
    "install.html",
    "first-start.html",
    "daily.html",
    "booking.html",
    "catalogue.html",
    "invoicing.html",
    "month-end.html",
    "backups.html",
)

_TITLE = re.compile(r"<title>(.*?)</title>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_HEAD = re.compile(r"<head>.*?</head>", re.S | re.I)


def app_language() -> str:
    """The language the app speaks (its default locale, set from the chosen language)."""
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def fold(text: str) -> str:
    """Lower case without accents, one character for one (positions are kept)."""
    return "".join(_fold_char(ch) for ch in text)


@cache
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[:1]
    return (base or ch).lower()[:1] or ch


def find_folded(text: str, word: str, start: int = 0) -> tuple[int, int] | None:
    """Where ``word`` is in ``text`` from ``start`` on, accents and case ignored."""
    if not word:
        return None
    at = fold(text).find(fold(word), max(start, 0))
    return None if at < 0 else (at, at + len(word))


def page_text(source: str) -> str:
    """A page's words as a reader sees them (no head, no tags, entities decoded)."""
    body = _HEAD.sub(" ", source)
    return html.unescape(_TAG.sub(" ", body))


class Guide:
    """The guide in one language (English when the language has no guide)."""

    def __init__(self, language: str, root: Path = ROOT) -> None:
        self.language = language if (root / language / INDEX).is_file() else "en"
        self.folder = root / self.language
        self.pages = [page for page in PAGES if (self.folder / page).is_file()]
        self._texts: dict[str, str] = {}

    def path(self, page: str) -> Path:
        return self.folder / page

    def source(self, page: str) -> str:
        return self.path(page).read_text(encoding="utf-8")

    def title(self, page: str) -> str:
        found = _TITLE.search(self.source(page))
        return html.unescape(found.group(1).strip()) if found else page

    def text(self, page: str) -> str:
        if page not in self._texts:
            self._texts[page] = fold(page_text(self.source(page)))
        return self._texts[page]

    def search(self, words: str) -> list[tuple[str, int]]:
        """The pages holding every word (accents and case ignored), with how many times
        they hold them, most first (the contents' order between equals)."""
        wanted = [fold(word) for word in words.split()]
        found = []
        for page in self.pages:
            text = self.text(page)
            counts = [text.count(word) for word in wanted]
            if all(counts):
                found.append((page, sum(counts)))
        return sorted(found, key=lambda pair: -pair[1])
