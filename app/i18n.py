"""Translations: Qt's translator for every string people see, French or English.

The French catalogue is ``resources/translations/regie_fr.ts``; it is compiled to ``.qm``
with ``pyside6-lrelease`` on first use (into the user's cache directory) whenever the
compiled file is missing or older. Domain errors are translated here too: their template
is looked up in the ``messages`` context before its fields are filled.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from app.core.errors import DomainError, ValidationErrors
from app.core.paths import cache_dir
from booking.models import BOOKING_STATUS_LABELS
from inventory.models import STATUS_LABELS

#: Status values that messages carry as fields, and their (translatable) labels.
STATUS_WORDS: dict[str, str] = {
    **{status.value: text for status, text in STATUS_LABELS.items()},
    **{status.value: text for status, text in BOOKING_STATUS_LABELS.items()},
}

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = ("fr", "en")


def chosen_language() -> str:
    """``REGIE_LANG``, else the language chosen in settings, else the system's."""
    forced = os.environ.get("REGIE_LANG", "")
    if forced:
        return forced.split("_")[0].lower()
    chosen = str(QSettings("regie", "regie").value("language", "") or "")
    if chosen in LANGUAGES:
        return chosen
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def locale_for(language: str) -> QLocale:
    return (
        QLocale(QLocale.Language.French, QLocale.Country.France)
        if language == "fr"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )


def compiled_catalogue(language: str) -> Path | None:
    source = TRANSLATIONS / f"regie_{language}.ts"
    if not source.exists():
        return None
    shipped = source.with_suffix(".qm")
    if shipped.exists() and shipped.stat().st_mtime >= source.stat().st_mtime:
        return shipped
    target = cache_dir() / "translations" / shipped.name
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    return _compile(source, target)


def _compile(source: Path, target: Path) -> Path | None:
    tool = shutil.which("pyside6-lrelease")
    if tool is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [tool, "-silent", str(source), "-qm", str(target)], check=True, capture_output=True
    )
    return target


_installed: list[QTranslator] = []


def install(language: str | None = None) -> str:
    """Install the translator for ``language`` (default: the chosen one) on the running
    Qt application, creating a QCoreApplication when there is none (CLI)."""
    app = QCoreApplication.instance() or QCoreApplication([])
    language = language or chosen_language()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(locale_for(language))
    if language == "en":
        return language
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Qt's own catalogue translates its standard buttons (Save, Cancel...) and dialogs.
    _load(app, str(Path(qt_folder) / f"qtbase_{language}.qm"))
    catalogue = compiled_catalogue(language)
    if catalogue is not None:
        _load(app, str(catalogue))
    return language


def _load(app: QCoreApplication, path: str) -> None:
    translator = QTranslator(app)
    if translator.load(path):
        app.installTranslator(translator)
        _installed.append(translator)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def message(err: DomainError) -> str:
    """A domain error in the user's language (field names and statuses translated too)."""
    params = dict(err.params)
    if isinstance(params.get("field"), str):
        params["field"] = tr("fields", params["field"])
    if isinstance(params.get("missing"), str):  # a list of mandatory mentions (N_ labels)
        params["missing"] = ", ".join(label(part) for part in params["missing"].split(", "))
    for key in ("status", "current"):
        if params.get(key) in STATUS_WORDS:
            params[key] = label(STATUS_WORDS[params[key]]).lower()
    template = tr("messages", err.template)
    try:
        head = template.format(**params)
    except (KeyError, IndexError, ValueError):
        head = template
    if err.details and not isinstance(err, ValidationErrors):
        return "\n".join([head] + ["- " + message(detail) for detail in err.details])
    if isinstance(err, ValidationErrors):
        line = tr("messages", "line {line}: {problem}")
        lines = [head] + [line.format(line=n, problem=message(inner)) for n, inner in err.errors]
        return "\n".join(lines)
    return head


def label(text: str) -> str:
    """A domain label marked with ``N_`` (category, status), translated."""
    return tr("messages", text)
