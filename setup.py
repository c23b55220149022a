"""Packaging step of its own: the translation catalogues are compiled into the package.

Everything else is declared in pyproject.toml. ``build_py`` also compiles each
``resources/translations/regie_*.ts`` to ``.qm`` with the ``lrelease`` that comes inside
the PySide6 package (a build requirement; never looked up on ``PATH``) and writes
``catalogues.json`` naming the source each was compiled from, so an installed Régie is in
French without any tool at run time (``app.i18n.compiled_catalogue``). A catalogue that
cannot be compiled stops the build: a package without French is not a package.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
TRANSLATIONS = Path("resources") / "translations"


def lrelease() -> Path:
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    for candidate in (folder / name, folder / "Qt" / "bin" / name):
        if candidate.is_file():
            return candidate
    raise RuntimeError(f"PySide6 has no {name} in {folder}: cannot compile the translations")


class BuildWithCatalogues(build_py):
    """``build_py``, then the compiled catalogues beside their sources."""

    def run(self) -> None:
        super().run()
        if not getattr(self, "editable_mode", False):  # editable: compiled on first use
            self.compile_catalogues(Path(self.build_lib) / TRANSLATIONS)

    def compile_catalogues(self, target: Path) -> None:
        tool = lrelease()
        target.mkdir(parents=True, exist_ok=True)
        stamps: dict[str, str] = {}
        for source in sorted((ROOT / TRANSLATIONS).glob("regie_*.ts")):
            compiled = target / f"{source.stem}.qm"
            subprocess.run(
                [str(tool), "-silent", str(source), "-qm", str(compiled)],
                check=True,
                timeout=300,
            )
            stamps[compiled.name] = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
        (target / "catalogues.json").write_text(json.dumps(stamps, indent=1), encoding="utf-8")


setup(cmdclass={"build_py": BuildWithCatalogues})
