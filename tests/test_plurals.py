"""Counts read naturally in both languages: "1 unit", "2 units", "1 unité", "2 unités"
(Qt's numerus forms, never "(s)")."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from app.core.migrate import open_database
from inventory.csvio import COLUMNS

REGIE = shutil.which("regie")


@pytest.fixture(params=["fr", "en"])
def language(request, qapp):
    from app import i18n

    yield i18n.install(request.param)
    i18n.install("en")


EXPECTED = {
    "fr": {
        "hint": (
            "1 ligne, 1 pièce. Suppr retire une ligne ; + et - changent sa quantité.",
            "2 lignes, 5 pièces. Suppr retire une ligne ; + et - changent sa quantité.",
        ),
        "selected": ("1 étiquette sélectionnée", "27 étiquettes sélectionnées"),
        "taken": ("1 unité sortie.", "3 unités sorties."),
        "missing": ("1 manquant", "2 manquants"),
    },
    "en": {
        "hint": (
            "1 line, 1 piece. Delete removes a line; + and - change its quantity.",
            "2 lines, 5 pieces. Delete removes a line; + and - change its quantity.",
        ),
        "selected": ("1 label selected", "27 labels selected"),
        "taken": ("Taken out: 1 unit.", "Taken out: 3 units."),
        "missing": ("1 missing", "2 missing"),
    },
}


def test_screen_counts_in_singular_and_plural(language):
    from app.gui.bookings.booking_editor import lines_hint

    tr = QCoreApplication.translate
    expected = EXPECTED[language]
    assert (lines_hint(1, 1), lines_hint(2, 5)) == expected["hint"]
    selected = tuple(tr("LabelsScreen", "%n label(s) selected", None, n) for n in (1, 27))
    assert selected == expected["selected"]
    taken = tuple(tr("CasesScreen", "Taken out: %n unit(s).", None, n) for n in (1, 3))
    assert taken == expected["taken"]
    missing = tuple(tr("cli", "%n missing", None, n) for n in (1, 2))
    assert missing == expected["missing"]


def _catalogue(path: Path, types: int, units: int) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    records = []
    for t in range(types):
        code = f"PAR-{t}"
        records.append(
            {
                "record": "type",
                "code": code,
                "name": f"Projecteur {t}",
                "category": "lighting",
                "tracking": "serialized",
            }
        )
        records += [{"record": "unit", "item_code": code} for _ in range(units if t == 0 else 0)]
    for record in records:
        writer.writerow([record.get(c, "") for c in COLUMNS])
    path.write_bytes(out.getvalue().encode("utf-8"))
    return path


@pytest.mark.skipif(REGIE is None, reason="the regie console script is not installed")
@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        (
            "fr",
            "1 type de matériel et 1 unité importés (0 mis à jour)",
            "2 types de matériel et 3 unités importés (0 mis à jour)",
        ),
        (
            "en",
            "1 item type and 1 unit imported (0 updated)",
            "2 item types and 3 units imported (0 updated)",
        ),
    ],
)
def test_the_command_line_counts_in_the_users_language(tmp_path, lang, one, many):
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_")}
    env.update(
        REGIE_LANG=lang,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CACHE_HOME=str(tmp_path / "xdg-cache"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
    )
    outputs = []
    for name, types, units in (("one", 1, 1), ("many", 2, 3)):
        env["REGIE_DB"] = str(tmp_path / f"{name}.db")
        open_database(tmp_path / f"{name}.db").dispose()  # a missing file is refused
        source = _catalogue(tmp_path / f"{name}.csv", types, units)
        result = subprocess.run(
            [REGIE, "items", "import", str(source)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout.strip())
    assert outputs == [one, many]
