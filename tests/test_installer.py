"""The installer's pieces: the launcher runs Régie's modules as ``python -m`` when installed
and as ``regie --run-module`` inside the bundle; build.py compiles the catalogues the way
app.i18n trusts them and writes a desktop entry and a tarball; the Windows recipe names the
programs the spec builds. (CI builds the real bundle and smoke-runs it: installer/smoke.py.)"""

from __future__ import annotations

import configparser
import importlib.util
import json
import subprocess
import sys
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

from app import i18n, launcher
from app.version import VERSION

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"installer_{name}", ROOT / "installer" / name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


# --- the launcher ------------------------------------------------------------------------------


def test_installed_a_module_runs_as_python_dash_m() -> None:
    assert not launcher.frozen()
    assert launcher.module_command("app.first_start", ["/tmp/demo.db"]) == (
        sys.executable,
        ["-m", "app.first_start", "/tmp/demo.db"],
    )


def test_in_the_bundle_the_regie_program_runs_the_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/regie/regie")
    assert launcher.frozen()
    assert launcher.module_command("app.first_start", ["/tmp/demo.db"]) == (
        "/opt/regie/regie",
        ["--run-module", "app.first_start", "/tmp/demo.db"],
    )


def test_the_bundle_entry_is_the_command_line_and_runs_modules() -> None:
    plain = _python("-m", "app.launcher", "--version")
    assert (plain.returncode, plain.stdout.strip()) == (0, f"regie {VERSION}")
    module = _python("-m", "app.launcher", "--run-module", "app", "--version")
    assert (module.returncode, module.stdout.strip()) == (0, f"regie {VERSION}")
    # the demo's build process, asked wrongly, answers in its own JSON-line protocol
    build = _python("-m", "app.launcher", "--run-module", "app.first_start")
    assert build.returncode == 2
    assert "error" in json.loads(build.stdout.strip().splitlines()[-1])


def test_the_bundle_entry_refuses_other_modules_in_one_line() -> None:
    for args in (["--run-module", "os"], ["--run-module"]):
        done = _python("-m", "app.launcher", *args)
        assert done.returncode == 2
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


# --- build.py ----------------------------------------------------------------------------------


def test_the_compiled_catalogues_are_the_ones_app_i18n_trusts(tmp_path: Path) -> None:
    build = _load("build.py")
    folder = tmp_path / "translations"
    build.compile_translations(folder)
    stamps = json.loads((folder / i18n.STAMPS).read_text(encoding="utf-8"))
    assert set(stamps) == {"regie_fr.qm", "regie_en.qm"}
    for language in ("fr", "en"):
        source = i18n.TRANSLATIONS / f"regie_{language}.ts"
        assert stamps[f"regie_{language}.qm"] == i18n.digest(source)
        assert (folder / f"regie_{language}.qm").stat().st_size > 0
    # in the bundle the sources are not shipped: the compiled catalogue is used as it is
    assert i18n.compiled_catalogue("fr", folder) == folder / "regie_fr.qm"


def test_linux_desktop_entry_menu_script_and_tarball(tmp_path: Path) -> None:
    build = _load("build.py")
    bundle = tmp_path / "dist" / "regie"
    bundle.mkdir(parents=True)
    (bundle / "regie").write_text("#!/bin/sh\n", encoding="utf-8")
    tarball = build.linux_extras(bundle, tmp_path / "dist", archive=True)
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(bundle / "regie.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name"] == "Régie" and desktop["Type"] == "Application"
    assert desktop["Exec"].startswith("regie") and desktop["Icon"] == "regie"
    assert desktop["Terminal"] == "false"
    assert (bundle / "regie.png").read_bytes() == (build.ICON).read_bytes()
    assert (bundle / "install-desktop-entry.sh").stat().st_mode & 0o111
    assert tarball is not None and tarball.name.startswith(f"regie-{VERSION}-linux-")
    with tarfile.open(tarball) as archive:
        names = set(archive.getnames())
    assert {f"regie-{VERSION}/regie", f"regie-{VERSION}/regie.desktop"} <= names


def test_the_menu_script_installs_the_entry_where_the_folder_is(tmp_path: Path) -> None:
    build = _load("build.py")
    bundle = tmp_path / "opt" / "regie"
    bundle.mkdir(parents=True)
    build.linux_extras(bundle, tmp_path, archive=False)
    data = tmp_path / "share"
    done = subprocess.run(
        ["sh", str(bundle / "install-desktop-entry.sh")],
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(data)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    written = (data / "applications" / "regie.desktop").read_text(encoding="utf-8")
    assert f'Exec="{bundle}/regie" %U' in written
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "regie.png").exists()


def test_build_without_pyinstaller_says_how_to_get_it() -> None:
    code = (
        "import sys, runpy; sys.modules['PyInstaller'] = None; "
        "sys.argv = ['installer/build.py']; "
        "runpy.run_path('installer/build.py', run_name='__main__')"
    )
    done = _python("-c", code)
    assert done.returncode == 1
    assert "pip install '.[installer]'" in done.stderr and "Traceback" not in done.stderr


# --- the recipes for the other systems ---------------------------------------------------------


def test_windows_recipe_is_per_user_with_a_start_menu_entry_of_the_window_program() -> None:
    script = (ROOT / "installer" / "windows" / "regie.iss").read_text(encoding="utf-8-sig")
    spec = (ROOT / "installer" / "regie.spec").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in script and "{autopf}" in script
    assert '{userprograms}\\Régie"; Filename: "{app}\\regie-window.exe"' in script
    assert 'NAME + "-window"' in spec and "BUNDLE(" in spec
    for path in ("resources\\icons\\regie.ico", "licence-summary.txt"):
        assert path in script
    assert (ROOT / "resources" / "icons" / "regie.ico").exists()
    assert (ROOT / "installer" / "windows" / "licence-summary.txt").exists()
