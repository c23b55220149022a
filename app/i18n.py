"""Translations: Qt's translator for every string people see, French or English.

The catalogues are ``resources/translations/regie_fr.ts`` and ``regie_en.ts`` (English
plural forms only: "1 booking", "2 bookings"). A built package ships them compiled
(``.qm``, made by ``setup.py``'s build step, with ``catalogues.json`` naming the source each
was compiled from). A source checkout or an editable install compiles them on first use
into the user's cache directory with the ``lrelease`` that comes inside the installed
PySide6 package (found from ``PySide6.__file__``, never from ``PATH``). Domain errors are
translated here too: their template is looked up in the ``messages`` context before its
fields are filled.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from app.core.access import LABEL_PARAMS, Forbidden
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


#: Written by the build step beside the compiled catalogues: {"regie_fr.qm": digest of
#: the .ts it was compiled from}.
STAMPS = "catalogues.json"


def digest(source: Path) -> str:
    return hashlib.sha256(source.read_bytes()).hexdigest()[:16]


def lrelease() -> Path | None:
    """The ``lrelease`` inside the installed PySide6 package (no PATH involved)."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    names = ("lrelease.exe",) if sys.platform == "win32" else ("lrelease",)
    for name in names:
        for candidate in (folder / name, folder / "Qt" / "bin" / name):
            if candidate.is_file():
                return candidate
    return None


def compile_catalogue(source: Path, target: Path) -> Path | None:
    """Compile ``source`` (.ts) to ``target`` (.qm); None when it cannot be done."""
    tool = lrelease()
    if tool is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [str(tool), "-silent", str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return target if target.exists() else None


def _shipped_digest(shipped: Path) -> str | None:
    try:
        stamps = json.loads((shipped.parent / STAMPS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = stamps.get(shipped.name) if isinstance(stamps, dict) else None
    return value if isinstance(value, str) else None


_compiled: dict[str, Path] = {}  # digest of a source -> its compiled catalogue


def compiled_catalogue(language: str, folder: Path | None = None) -> Path | None:
    """The compiled catalogue of ``language``: the shipped one when it matches its source,
    else one compiled into the cache (named by the source's digest, so never stale), else
    whatever compiled catalogue exists."""
    folder = folder or TRANSLATIONS
    source = folder / f"regie_{language}.ts"
    shipped = source.with_suffix(".qm")
    if not source.exists():
        return shipped if shipped.exists() else None
    wanted = digest(source)
    if shipped.exists() and _shipped_digest(shipped) == wanted:
        return shipped
    known = _compiled.get(wanted)
    if known is not None and known.exists():
        return known  # compiled earlier by this process
    target = cache_dir() / "translations" / f"regie_{language}-{wanted}.qm"
    if target.exists():
        return target
    compiled = compile_catalogue(source, target)
    if compiled is not None:
        _compiled[wanted] = compiled
        return compiled
    return shipped if shipped.exists() else None


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
    if language != "en":
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Qt's own catalogue translates its standard buttons (Save, Cancel...) and dialogs.
        _load(app, str(Path(qt_folder) / f"qtbase_{language}.qm"))
    catalogue = compiled_catalogue(language)  # English: its plural forms
    if catalogue is not None:
        _load(app, str(catalogue))
    from app import tabular_language  # (it reads this module's catalogues)

    tabular_language.install()  # imports read and show labels and numbers in this language
    return language


def _load(app: QCoreApplication, path: str) -> None:
    translator = QTranslator(app)
    if translator.load(path):
        app.installTranslator(translator)
        _installed.append(translator)


def tr(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate`` under a short name, with the same arguments."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def counted(template: str, params: dict[str, object]) -> int:
    """The count a domain template's plural forms follow: its ``{count}`` field, when the
    template is written with "(s)" (see installer/translations.py)."""
    count = params.get("count")
    if "(s)" in template and isinstance(count, int) and not isinstance(count, bool):
        return count
    return -1


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
    for key, value in list(params.items()):  # a sentence within a sentence (a file's cell)
        if isinstance(value, DomainError):
            params[key] = message(value)
    if isinstance(err, Forbidden):  # a refusal's role and action are labels (N_)
        for key in LABEL_PARAMS:
            if isinstance(params.get(key), str):
                params[key] = label(params[key])
    template = tr("messages", err.template, None, counted(err.template, params))
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


def status_word(status: str) -> str:
    """A status key (``confirmed``, ``in_repair``…) as people read it, in their language
    (JSON keeps the key)."""
    return label(STATUS_WORDS[status]).lower() if status in STATUS_WORDS else status


def label(text: str) -> str:
    """A domain label marked with ``N_`` (category, status), translated."""
    return tr("messages", text)


def enum_label(labels: Mapping[Any, str], value: object) -> str:
    """The translated label of a stored enum value (``"out"``, ``"in_repair"``…) from a
    domain's ``{Enum member: N_("Label")}`` table; a value it does not know, as it is."""
    for member, text in labels.items():
        if getattr(member, "value", member) == value:
            return label(text)
    return str(value)
