"""Build Régie's self-contained application for the system this runs on.

    pip install '.[installer]'        # PyInstaller, once
    python installer/build.py         # -> dist/regie/ (+ on Linux: the tarball)

Steps: the translation catalogues are compiled (``.qm``, with the ``lrelease`` inside
PySide6) into ``build/installer/translations``; PyInstaller builds ``dist/regie/`` from
``installer/regie.spec`` (one folder: the ``regie`` program and everything it needs; nothing
is needed on the target machine); then, per system:

- Linux: ``regie.desktop``, the icon and ``install-desktop-entry.sh`` go into the folder,
  and ``dist/regie-VERSION-linux-ARCH.tar.gz`` is written (no AppImage: appimagetool is
  not available offline);
- Windows: ``dist/regie/`` holds ``regie.exe`` (command line) and ``regie-window.exe``
  (the Start-menu entry); ``installer/windows/regie.iss`` (Inno Setup) makes the per-user
  installer from it: ``iscc installer\\windows\\regie.iss``;
- macOS: ``dist/Régie.app`` (PyInstaller's BUNDLE).

Why PyInstaller rather than ``pyside6-deploy``: pyside6-deploy drives Nuitka (a C compiler
and a long compile of every module, for a one-file program by default) and knows the Qt
side of an application only; Régie also needs the data its libraries read from disk
(Alembic's scripts, factur-x's schemas, fonts) and a second program on Windows, which a
PyInstaller spec says in a few lines, builds in minutes with no compiler, and has hooks for
most of our dependencies. docs/INSTALL.md has the details.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.version import VERSION  # noqa: E402

SPEC = ROOT / "installer" / "regie.spec"
ICON = ROOT / "resources" / "icons" / "regie.png"
NAME = "regie"

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=Régie
GenericName=Rental and inventory desk
GenericName[fr]=Régie de matériel scénique
Comment=Rental and inventory desk for pooled stage equipment
Comment[fr]=Réservations, sorties, retours et factures du matériel mutualisé
Exec={exec} %U
Icon={icon}
Terminal=false
Categories=Office;Finance;
Keywords=rental;inventory;invoice;location;inventaire;facture;
StartupWMClass=regie
"""

INSTALL_ENTRY = """#!/bin/sh
# Adds Régie to this account's application menu (the folder stays where it is).
set -e
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/regie.png" "$icons/regie.png"
sed "s|^Exec=.*|Exec=\\"$here/regie\\" %U|; s|^Icon=.*|Icon=regie|" \\
  "$here/regie.desktop" > "$apps/regie.desktop"
echo "Régie is in the application menu ($apps/regie.desktop)."
"""


def say(text: str) -> None:
    print(f"build: {text}", flush=True)


def fail(text: str) -> int:
    print(f"build: {text}", file=sys.stderr, flush=True)
    return 1


def compile_translations(target: Path) -> None:
    """Every ``resources/translations/regie_*.ts`` compiled to ``target``, with the
    ``catalogues.json`` stamps that ``app.i18n`` checks (as the wheel's build does)."""
    from app import i18n

    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    stamps: dict[str, str] = {}
    for source in sorted(i18n.TRANSLATIONS.glob("regie_*.ts")):
        compiled = i18n.compile_catalogue(source, target / f"{source.stem}.qm")
        if compiled is None:
            raise SystemExit(f"build: could not compile {source.name} (no lrelease in PySide6?)")
        stamps[compiled.name] = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    (target / i18n.STAMPS).write_text(json.dumps(stamps, indent=1), encoding="utf-8")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def linux_extras(bundle: Path, dist: Path, archive: bool) -> Path | None:
    """The desktop entry, icon and menu installer in the folder; the tarball beside it."""
    shutil.copy2(ICON, bundle / "regie.png")
    (bundle / "regie.desktop").write_text(
        DESKTOP_ENTRY.format(exec=NAME, icon="regie"), encoding="utf-8"
    )
    script = bundle / "install-desktop-entry.sh"
    script.write_text(INSTALL_ENTRY, encoding="utf-8")
    script.chmod(0o755)
    if not archive:
        return None
    machine = platform.machine().lower() or "unknown"
    tarball = dist / f"{NAME}-{VERSION}-linux-{machine}.tar.gz"
    with tarfile.open(tarball, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"{NAME}-{VERSION}")
    return tarball


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python installer/build.py",
        description="Build Régie's self-contained application (dist/regie/) for this system.",
    )
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="output folder")
    parser.add_argument("--work", default=str(ROOT / "build" / "installer"), help="work folder")
    parser.add_argument("--no-archive", action="store_true", help="no tarball (Linux)")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        return fail("PyInstaller is not installed: pip install '.[installer]'")
    dist, work = Path(args.dist).resolve(), Path(args.work).resolve()
    began = time.monotonic()
    translations = work / "translations"
    say(f"Régie {VERSION}: compiling the translations into {translations}")
    compile_translations(translations)
    say("PyInstaller (a few minutes)")
    env = dict(os.environ, REGIE_BUILD_TRANSLATIONS=str(translations))
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level=WARN"]
        + ["--distpath", str(dist), "--workpath", str(work / "pyinstaller"), str(SPEC)],
        cwd=ROOT,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        return fail(f"PyInstaller failed (exit status {done.returncode})")
    bundle = dist / NAME
    if sys.platform.startswith("linux"):
        tarball = linux_extras(bundle, dist, archive=not args.no_archive)
        if tarball is not None:
            say(f"tarball: {tarball} ({tarball.stat().st_size / 1e6:.0f} MB)")
    elif sys.platform == "win32":
        say(r"installer: iscc installer\windows\regie.iss (Inno Setup 6)")
    elif sys.platform == "darwin":
        say(f"application: {dist / 'Régie.app'}")
    say(
        f"bundle: {bundle} ({folder_size(bundle) / 1e6:.0f} MB) in {time.monotonic() - began:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
