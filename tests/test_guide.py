"""The user guide shipped in resources/help: French and English hold the same pages and
sections, every page is reachable from the index, every link and image it shows exists,
every screen of the main window has its page, and the guide's search finds words without
their accents."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.gui.shell import help_guide
from app.gui.shell.help_window import AREA_PAGES, PLACES, page_for
from app.gui.shell.main import AREAS

ROOT = help_guide.ROOT


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.images: list[str] = []
        self.anchors: set[str] = set()
        self.styles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if "id" in found:
            self.anchors.add(found["id"])
        if tag == "a" and "name" in found:
            self.anchors.add(found["name"])
        if tag == "a" and "href" in found:
            self.links.append(found["href"])
        if tag == "img":
            self.images.append(found.get("src", ""))
        if tag == "link":
            self.styles.append(found.get("href", ""))


def _read(lang: str, page: str) -> _Page:
    parsed = _Page()
    parsed.feed((ROOT / lang / page).read_text(encoding="utf-8"))
    return parsed


@pytest.mark.parametrize("lang", help_guide.LANGUAGES)
def test_every_page_of_the_contents_is_there_with_a_title(lang: str) -> None:
    guide = help_guide.Guide(lang)
    assert guide.language == lang
    assert guide.pages == list(help_guide.PAGES)
    titles = [guide.title(page) for page in guide.pages]
    assert all(title and not title.endswith(".html") for title in titles)
    assert len(set(titles)) == len(titles)
    assert sorted(p.name for p in (ROOT / lang).glob("*.html")) == sorted(help_guide.PAGES)


def test_french_and_english_have_the_same_sections() -> None:
    for page in help_guide.PAGES:
        assert _read("fr", page).anchors == _read("en", page).anchors, page


@pytest.mark.parametrize("lang", help_guide.LANGUAGES)
def test_every_page_is_reachable_from_the_index(lang: str) -> None:
    seen, todo = set(), [help_guide.INDEX]
    while todo:
        page = todo.pop()
        if page in seen:
            continue
        seen.add(page)
        todo += [link.partition("#")[0] for link in _read(lang, page).links if "://" not in link]
    assert seen >= set(help_guide.PAGES)
    index_links = {link.partition("#")[0] for link in _read(lang, help_guide.INDEX).links}
    assert index_links >= set(help_guide.PAGES) - {help_guide.INDEX}  # the index lists all


@pytest.mark.parametrize("lang", help_guide.LANGUAGES)
def test_every_link_leads_to_a_page_and_section_that_exist(lang: str) -> None:
    for page in help_guide.PAGES:
        for link in _read(lang, page).links:
            target, _, section = link.partition("#")
            target = target or page
            assert target in help_guide.PAGES, f"{lang}/{page}: {link}"
            if section:
                assert section in _read(lang, target).anchors, f"{lang}/{page}: {link}"


@pytest.mark.parametrize("lang", help_guide.LANGUAGES)
def test_every_image_a_page_shows_exists_in_its_language(lang: str) -> None:
    shown = set()
    for page in help_guide.PAGES:
        parsed = _read(lang, page)
        assert parsed.styles == ["../style.css"], page
        for src in parsed.images:
            assert src.startswith(f"../img/{lang}/"), f"{lang}/{page}: {src}"
            image = (ROOT / lang / src).resolve()
            assert image.is_file(), f"{lang}/{page}: {src} is missing"
            assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
            assert image.stat().st_size < 400_000, f"{src} is too large for the repository"
            shown.add(image.name)
    assert len(shown) >= 10  # the guide shows the real screens


def _target_exists(lang: str, target: str) -> bool:
    page, _, section = target.partition("#")
    return page in help_guide.PAGES and (not section or section in _read(lang, page).anchors)


@pytest.mark.parametrize("lang", help_guide.LANGUAGES)
def test_every_screen_and_place_has_its_page(lang: str) -> None:
    assert {area.key for area in AREAS} <= set(AREA_PAGES)
    for target in [*AREA_PAGES.values(), *PLACES.values()]:
        assert _target_exists(lang, target), target
    assert page_for("desk") == "daily.html#desk"
    assert page_for("invoices") == "invoicing.html"
    assert page_for("setup") == "first-start.html#assistant"
    assert page_for("no such screen") == help_guide.INDEX


def test_search_ignores_accents_and_case_and_needs_every_word() -> None:
    guide = help_guide.Guide("fr")
    pages = [page for page, _count in guide.search("Réservation")]
    assert "booking.html" in pages
    assert [page for page, _count in guide.search("reservation")] == pages
    both = dict(guide.search("caution retenue"))
    assert "invoicing.html" in both
    assert set(both) <= {page for page, _ in guide.search("caution")}
    assert guide.search("zzzz introuvable") == []


def test_find_folded_keeps_positions() -> None:
    text = "Le Comptoir : sortie et retour, Réservation."
    start, end = help_guide.find_folded(text, "reservation") or (0, 0)
    assert text[start:end] == "Réservation"
    assert help_guide.find_folded(text, "sortie", 20) is None


def test_a_language_without_a_guide_gets_the_english_one(tmp_path: Path) -> None:
    assert help_guide.Guide("de").language == "en"


def test_the_screenshot_script_says_what_it_does() -> None:
    script = Path(__file__).resolve().parent.parent / "tools" / "guide_screenshots.py"
    done = subprocess.run(
        [sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "screenshots" in done.stdout and "--langs" in done.stdout
