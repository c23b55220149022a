"""French without tools: the package ships its compiled catalogues, and a source checkout
(or an editable install) compiles them with the lrelease inside PySide6, never from PATH."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app import i18n

ROOT = Path(__file__).resolve().parents[1]
#: A PATH with no Qt tool on it (pyside6-lrelease lives beside the Python interpreter).
BARE_PATH = os.pathsep.join(p for p in ("/usr/bin", "/bin") if Path(p).is_dir())
FRENCH_REFUSAL = "Aucune unité n’a le code-barres NOPE-1."


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        "HOME": str(tmp_path / "home"),
        "PATH": BARE_PATH,
        "REGIE_LANG": "fr",
        "REGIE_DB": str(tmp_path / "regie.db"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.update(extra)
    return env


def _refusal(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    """A command the CLI refuses with a domain error (no such unit), on an empty
    cooperative (a database file that does not exist is refused before that)."""
    from app.core.migrate import open_database

    open_database(Path(env["REGIE_DB"])).dispose()
    return subprocess.run(
        [*command, "units", "status", "NOPE-1", "in_repair"],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _copy_sources(target: Path) -> Path:
    """The project's files a build reads, away from the shared work tree."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm", "catalogues.json")
    for name in ("app", "inventory", "booking", "invoicing", "resources"):
        shutil.copytree(ROOT / name, target / name, ignore=ignore)
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, target / name)
    return target


def test_the_bundled_lrelease_is_found_without_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", BARE_PATH)
    tool = i18n.lrelease()
    assert tool is not None and tool.is_file()
    import PySide6

    assert Path(PySide6.__file__).resolve().parent in tool.parents


def test_a_source_checkout_is_french_with_no_tool_on_path(tmp_path: Path) -> None:
    """``venv/bin/regie`` of an editable install, never activated: no PySide6 tool on
    PATH, an empty cache; the catalogue is compiled on first use and the refusal is French."""
    env = _env(tmp_path, PYTHONPATH=str(ROOT))
    code = "import sys; from app.cli import main; sys.exit(main())"
    done = _refusal([sys.executable, "-c", code], env, tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip() == FRENCH_REFUSAL
    assert "Traceback" not in done.stderr
    compiled = list((tmp_path / "cache").rglob("regie_fr-*.qm"))
    assert len(compiled) == 1


def test_a_shipped_catalogue_is_used_while_it_matches_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "translations"
    folder.mkdir()
    source = folder / "regie_fr.ts"
    shutil.copy2(i18n.TRANSLATIONS / "regie_fr.ts", source)
    shipped = i18n.compile_catalogue(source, folder / "regie_fr.qm")
    assert shipped is not None
    (folder / i18n.STAMPS).write_text(json.dumps({"regie_fr.qm": i18n.digest(source)}))
    assert i18n.compiled_catalogue("fr", folder) == shipped
    assert not (tmp_path / "cache").exists()  # nothing compiled at run time
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    fresh = i18n.compiled_catalogue("fr", folder)  # the source changed: compiled again
    assert fresh is not None and fresh != shipped and fresh.parent.name == "translations"
    monkeypatch.setattr(i18n, "lrelease", lambda: None)  # and with no lrelease at all:
    fresh.unlink()
    assert i18n.compiled_catalogue("fr", folder) == shipped  # the shipped one, not English


@pytest.mark.slow
def test_the_wheel_ships_the_compiled_catalogues_and_speaks_french_without_tools(
    tmp_path: Path,
) -> None:
    sources = _copy_sources(tmp_path / "src")
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation"]
        + ["--no-index", "-q", "-w", str(wheels)],
        cwd=sources,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("regie-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        stamps = json.loads(archive.read("resources/translations/catalogues.json"))
        french_source = archive.read("resources/translations/regie_fr.ts")
    assert {
        "resources/translations/regie_fr.qm",
        "resources/translations/regie_en.qm",
    } <= names
    import hashlib

    assert stamps["regie_fr.qm"] == hashlib.sha256(french_source).hexdigest()[:16]

    venv = tmp_path / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
        check=True,
        timeout=300,
    )
    bindir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "-q", "--no-deps", "--no-index"]
        + [str(wheel)],
        check=True,
        timeout=300,
    )
    done = _refusal([str(bindir / "regie")], _env(tmp_path), tmp_path)  # not activated
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip() == FRENCH_REFUSAL
    assert not list((tmp_path / "cache").rglob("*.qm"))  # the shipped catalogue, as is
