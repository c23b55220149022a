"""Smoke-run the self-contained application as a person would, and measure it (CI's step).

    python installer/smoke.py [--build] [--bundle dist/regie] [--compare] [--out build/ci/bundle]

With a fresh home (XDG folders of its own) and nothing else: ``regie --version``; ``regie
demo`` into a new file; ``regie verify`` on it; a refusal in French (the compiled
catalogues are in the bundle); the main window on an X display (``$DISPLAY``, else an Xvfb
of its own), found by its title and photographed (``OUT/window.png``, its path printed);
the time from launching to the main window shown (the ``REGIE_FIRST_START_PROBE`` moment),
once cold and twice warm. ``--compare`` measures the same start of Régie installed from its
wheel (``pip install .``, here into a folder of its own) beside it. ``--build`` runs
``installer/build.py`` first. The figures are printed and written to ``OUT/report.json``.
Any step that fails says which and exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.version import VERSION  # noqa: E402

FRENCH_REFUSAL = "Aucune unité n’a le code-barres NOPE-1."
WINDOW_DEADLINE = 120.0  # seconds: a cold start on a busy CI machine


class SmokeFailed(Exception):
    """A step did not do what it should: the message says which and what happened."""


def say(text: str) -> None:
    print(f"smoke: {text}", flush=True)


class Home:
    """Fresh XDG folders and the environment of one person's first use."""

    def __init__(self, root: Path, display: str | None) -> None:
        self.root = root
        self.display = display

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        for name in ("REGIE_DB", "REGIE_USER", "REGIE_PASSWORD", "PYTHONPATH"):
            env.pop(name, None)
        env.update(
            HOME=str(self.root / "home"),
            XDG_DATA_HOME=str(self.root / "data"),
            XDG_CONFIG_HOME=str(self.root / "config"),
            XDG_CACHE_HOME=str(self.root / "cache"),
            REGIE_LANG="en",
            QT_QPA_PLATFORM="offscreen",
        )
        env.update(extra)
        return env


def run(command: Sequence[str], env: dict[str, str], what: str, timeout: float = 900) -> str:
    try:
        done = subprocess.run(
            list(command), env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise SmokeFailed(f"{what}: {err}") from None
    if done.returncode != 0 or "Traceback" in done.stderr:
        raise SmokeFailed(
            f"{what}: exit status {done.returncode}\n{done.stdout[-2000:]}{done.stderr[-4000:]}"
        )
    return done.stdout


# --- an X display ---------------------------------------------------------------------------


def _reachable(display: str) -> bool:
    if shutil.which("xdpyinfo") is None:
        return bool(display)
    done = subprocess.run(
        ["xdpyinfo"], env=dict(os.environ, DISPLAY=display), capture_output=True, check=False
    )
    return done.returncode == 0


def start_xvfb() -> tuple[str, subprocess.Popen[bytes] | None]:
    """``$DISPLAY`` when it answers, else a new Xvfb (1366x768x24) on a free number."""
    current = os.environ.get("DISPLAY", "")
    if current and _reachable(current):
        return current, None
    if shutil.which("Xvfb") is None:
        raise SmokeFailed("no X display and no Xvfb to start one (apt-get install xvfb)")
    for number in range(90, 140):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        name = f":{number}"
        server = subprocess.Popen(
            ["Xvfb", name, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if server.poll() is not None:
                break
            if Path(f"/tmp/.X11-unix/X{number}").exists() and _reachable(name):
                return name, server
            time.sleep(0.2)
        server.kill()
        server.wait()
    raise SmokeFailed("could not start Xvfb on any display from :90 to :139")


def find_window(display: str, title: str, process: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + WINDOW_DEADLINE
    env = dict(os.environ, DISPLAY=display)
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SmokeFailed(f"regie ended (exit status {process.returncode}) before its window")
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", title],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        windows = found.stdout.split()
        if windows:
            return windows[0]
        time.sleep(0.5)
    raise SmokeFailed(f"no window titled {title!r} within {WINDOW_DEADLINE:.0f} s")


def photograph(display: str, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["import", "-window", "root", str(target)],
        env=dict(os.environ, DISPLAY=display),
        check=True,
        timeout=60,
    )
    from PIL import Image

    with Image.open(target) as picture:
        colours = picture.convert("RGB").getcolors(maxcolors=1 << 16)
    if colours is not None and len(colours) < 16:
        raise SmokeFailed(f"the screenshot {target} is nearly blank ({len(colours)} colours)")
    return target


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- the steps ---------------------------------------------------------------------------------


def start_time(command: list[str], home: Home, database: Path, display: str) -> float:
    """Seconds from launching ``command`` to its main window shown on ``database``."""
    probe = home.root / "probe"
    probe.unlink(missing_ok=True)
    env = home.env(DISPLAY=display, QT_QPA_PLATFORM="xcb", REGIE_FIRST_START_PROBE=str(probe))
    began = time.time()
    run([*command, "--db", str(database)], env, f"{' '.join(command)} (start time)", 300)
    moments = dict(line.split() for line in probe.read_text().splitlines() if line.strip())
    if "ready" not in moments:
        raise SmokeFailed(f"{' '.join(command)}: the main window was never shown")
    return float(moments["ready"]) - began


def timings(command: list[str], home: Home, database: Path, display: str) -> dict[str, float]:
    cold = start_time(command, home, database, display)
    warm = [start_time(command, home, database, display) for _ in range(2)]
    return {"cold_s": round(cold, 2), "warm_s": round(statistics.median(warm), 2)}


def wheel_install(target: Path, home: Home) -> list[str]:
    """Régie's wheel installed into ``target`` (``pip install .``, dependencies from this
    Python's site-packages); the command that runs its ``regie``."""
    run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation"]
        + ["--target", str(target), str(ROOT)],
        home.env(),
        "pip install . (into a folder of its own)",
    )
    code = (
        f"import sys; sys.path.insert(0, {str(target)!r}); import app; "
        f"assert app.__file__.startswith({str(target)!r}), app.__file__; "
        "from app.cli import main; sys.exit(main())"
    )
    return [sys.executable, "-c", code]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def smoke(bundle: Path, out: Path, compare: bool) -> dict[str, object]:
    program = bundle / ("regie.exe" if sys.platform == "win32" else "regie")
    if not program.is_file():
        raise SmokeFailed(f"no bundle at {bundle} (python installer/build.py first)")
    report: dict[str, object] = {"version": VERSION, "bundle": str(bundle)}
    report["bundle_mb"] = round(folder_size(bundle) / 1e6, 1)
    tarballs = sorted(bundle.parent.glob(f"regie-{VERSION}-*.tar.gz"))
    if tarballs:
        report["tarball_mb"] = round(tarballs[-1].stat().st_size / 1e6, 1)
    work = Path(tempfile.mkdtemp(prefix="regie-smoke-"))
    server: subprocess.Popen[bytes] | None = None
    try:
        home = Home(work, None)
        say(f"{program} --version")
        shown = run([str(program), "--version"], home.env(), "regie --version").strip()
        if shown != f"regie {VERSION}":
            raise SmokeFailed(f"regie --version said {shown!r}, not 'regie {VERSION}'")

        database = work / "demo.db"
        say(f"regie --db {database} demo")
        began = time.monotonic()
        run([str(program), "--db", str(database), "demo"], home.env(), "regie demo")
        report["demo_s"] = round(time.monotonic() - began, 1)

        say("regie verify")
        run([str(program), "--db", str(database), "verify"], home.env(), "regie verify")

        say("a refusal in French")
        french = subprocess.run(
            [str(program), "--db", str(database), "units", "status", "NOPE-1", "in_repair"],
            env=home.env(REGIE_LANG="fr"),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if french.returncode != 1 or french.stderr.strip() != FRENCH_REFUSAL:
            raise SmokeFailed(f"the French refusal was {french.returncode}: {french.stderr!r}")

        display, server = start_xvfb()
        say(f"the main window on {display}")
        window = subprocess.Popen(
            [str(program), "--db", str(database)],
            env=home.env(DISPLAY=display, QT_QPA_PLATFORM="xcb"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            find_window(display, "Régie", window)
            time.sleep(3)  # the dashboard's figures are read after the window shows
            picture = photograph(display, out / "window.png")
        finally:
            stop(window)
        report["screenshot"] = str(picture)
        say(f"screenshot: {picture}")

        say("start time to the main window (cold, then warm)")
        report["start_bundle"] = timings([str(program)], home, database, display)
        if compare:
            say("pip install . and the same start")
            command = wheel_install(work / "site-packages", home)
            report["start_pip"] = timings(command, home, database, display)
    finally:
        if server is not None:
            stop(server)
        shutil.rmtree(work, ignore_errors=True)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python installer/smoke.py", description=__doc__)
    parser.add_argument("--bundle", default=str(ROOT / "dist" / "regie"))
    parser.add_argument("--out", default=str(ROOT / "build" / "ci" / "bundle"))
    parser.add_argument("--build", action="store_true", help="run installer/build.py first")
    parser.add_argument("--compare", action="store_true", help="also time pip install .")
    args = parser.parse_args(argv)
    bundle, out = Path(args.bundle).resolve(), Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    try:
        if args.build:
            began = time.monotonic()
            run(
                [
                    sys.executable,
                    str(ROOT / "installer" / "build.py"),
                    "--dist",
                    str(bundle.parent),
                ],
                dict(os.environ),
                "python installer/build.py",
                timeout=3600,
            )
            build_s = round(time.monotonic() - began)
        report = smoke(bundle, out, args.compare)
        if args.build:
            report["build_s"] = build_s
    except SmokeFailed as err:
        print(f"smoke: FAILED: {err}", file=sys.stderr, flush=True)
        return 1
    (out / "report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    say(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
