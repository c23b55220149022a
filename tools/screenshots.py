#!/usr/bin/env python3
"""Screenshots of every area of Régie, from the real app on the demo data.

    python3 tools/screenshots.py                # display :79, HiDPI runs on :80
    python3 tools/screenshots.py --display :79 --hidpi-display :80 --langs fr --themes dark

It starts its own X server (Xvfb, 1366x768, US keyboard layout), builds the demo
cooperative once (``regie demo`` into a temporary ``REGIE_DB``, with temporary
``XDG_*`` folders so nothing of yours is read or written), then for each language
(``REGIE_LANG``) and theme (``REGIE_THEME``) launches ``regie``, visits each area with
its keyboard shortcut (``app.gui.shell.main.AREAS``) through xdotool, waits until the
screen stops changing and captures it; then a booking's editor (opened from the bookings
list), an invoice's detail, and ``regie desk``. The PNGs are reduced to 256 colours (the
repository stays small) and written to ``docs/screens/<lang>-<theme>/NN-<area>.png``, with
``docs/screens/README.md`` listing them. Two HiDPI runs (``QT_SCALE_FACTOR`` 1.5 on a
2049x1152 screen, 2.0 on 2732x1536) capture the home and bookings areas into
``docs/screens/hidpi/``.

Needs Xvfb, xdotool, setxkbmap and ImageMagick (``import``, ``convert``); says so in a
sentence when one is missing. Look at the result before saying a screen is done.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screens"
SIZE = (1366, 768)
WINDOW_TITLE = "Régie"

#: The areas in the order of ``app.gui.shell.main.AREAS``: (file name, xdotool keys).
AREAS: list[tuple[str, str]] = [
    ("home", "ctrl+shift+0"),
    ("inventory", "ctrl+1"),
    ("kits", "ctrl+2"),
    ("cases", "ctrl+3"),
    ("labels", "ctrl+4"),
    ("timeline", "ctrl+5"),
    ("calendar", "ctrl+6"),
    ("customers", "ctrl+7"),
    ("bookings", "ctrl+8"),
    ("desk", "ctrl+9"),
    ("invoices", "ctrl+shift+1"),
    ("pricing", "ctrl+shift+2"),
    ("reports", "ctrl+shift+3"),
]
TOOLS = {
    "Xvfb": "the Xvfb X server (apt-get install xvfb)",
    "xdotool": "xdotool (apt-get install xdotool)",
    "setxkbmap": "setxkbmap (apt-get install x11-xkb-utils)",
    "import": "ImageMagick's import (apt-get install imagemagick)",
    "convert": "ImageMagick's convert (apt-get install imagemagick)",
}


class Failure(Exception):
    """A sentence for the person who ran the script."""


# --- the environment ---------------------------------------------------------------------


def check_tools() -> None:
    missing = [text for tool, text in TOOLS.items() if shutil.which(tool) is None]
    if missing:
        raise Failure(
            "Cannot take screenshots: missing " + "; ".join(missing) + ". Install them and run "
            "this script again."
        )
    if regie_command() is None:
        raise Failure("Cannot find the regie command: install Régie (pip install -e .) first.")


def regie_command() -> list[str] | None:
    found = shutil.which("regie")
    return [found] if found else None


@contextmanager
def x_server(display: str, width: int, height: int) -> Iterator[dict[str, str]]:
    """An Xvfb on ``display`` with a US keyboard; yields the environment to run X clients."""
    if Path(f"/tmp/.X11-unix/X{display.lstrip(':')}").exists():
        raise Failure(
            f"Display {display} is already in use: choose another with --display "
            "(or stop the X server running there)."
        )
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    try:
        for _ in range(100):
            if (
                subprocess.run(
                    ["xdotool", "getmouselocation"], env=env, capture_output=True
                ).returncode
                == 0
            ):
                break
            if server.poll() is not None:
                raise Failure(f"Xvfb could not start on display {display}.")
            time.sleep(0.1)
        else:
            raise Failure(f"Xvfb did not answer on display {display}.")
        for _ in range(20):  # the keyboard extension may answer a moment after the server
            if subprocess.run(["setxkbmap", "us"], env=env, capture_output=True).returncode == 0:
                break
            time.sleep(0.25)
        else:
            raise Failure(f"setxkbmap could not set the US layout on display {display}.")
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


def build_demo(base: Path, existing: Path | None = None) -> dict[str, str]:
    """A demo database and empty XDG folders; returns the environment that uses them."""
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        folder = base / name.lower()
        folder.mkdir()
        env[name] = str(folder)
    env["REGIE_DB"] = str(base / "demo.db")
    if existing is not None:
        if not existing.is_file():
            raise Failure(f"No database at {existing}.")
        shutil.copyfile(existing, base / "demo.db")
        return env
    print("Building the demo database (a minute or two)…", flush=True)
    done = subprocess.run(
        [*regie_command_or_fail(), "demo"], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise Failure("regie demo failed:\n" + done.stderr.strip())
    return env


def regie_command_or_fail() -> list[str]:
    command = regie_command()
    if command is None:
        raise Failure("Cannot find the regie command.")
    return command


# --- driving the app ---------------------------------------------------------------------


class App:
    """One ``regie`` process on a display, driven by xdotool."""

    def __init__(self, env: dict[str, str], args: list[str], log: Path) -> None:
        self.env = env
        self.log = log
        self.process = subprocess.Popen(
            [*regie_command_or_fail(), *args],
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        self.window = self._wait_for_window()

    def _wait_for_window(self, timeout: float = 90) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.process.poll() is not None:
                raise Failure(
                    "regie stopped before showing its window:\n" + self.log.read_text()[-2000:]
                )
            found = self.xdotool("search", "--onlyvisible", "--name", WINDOW_TITLE, check=False)
            for window in found.split():
                geometry = self.xdotool("getwindowgeometry", window, check=False)
                if "Geometry: 1x1" not in geometry:
                    return window
            time.sleep(0.5)
        raise Failure(f"regie showed no window within {timeout:.0f} s.")

    def xdotool(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True)
        if check and done.returncode != 0:
            raise Failure(f"xdotool {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def fill_screen(self) -> None:
        """There is no window manager: place the main window over the whole screen, as a
        maximised window on a laptop."""
        self.xdotool("windowmove", self.window, "0", "0")
        self.xdotool("windowsize", self.window, "100%", "100%")
        self.focus()

    def focus(self) -> None:
        self.xdotool("windowfocus", "--sync", self.window, check=False)

    def key(self, *keys: str) -> None:
        for key in keys:
            self.xdotool("key", "--clearmodifiers", key)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "20", text)

    def windows(self) -> list[str]:
        """The visible top-level windows of the display (no window manager: all ours)."""
        found = self.xdotool("search", "--onlyvisible", "--name", ".", check=False).split()
        return [
            w
            for w in found
            if "Geometry: 1x1" not in self.xdotool("getwindowgeometry", w, check=False)
        ]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def capture(env: dict[str, str], target: Path) -> None:
    subprocess.run(["import", "-window", "root", str(target)], env=env, check=True)


def settle(env: dict[str, str], work: Path, least: float = 1.5, most: float = 25.0) -> Path:
    """Capture until the screen shows again what it showed just before (painted, loading
    over; a blinking text cursor alternates between two images, so a repeat of either of
    the last two counts); returns the last capture."""
    time.sleep(least)
    seen: list[str] = []
    end, n = time.monotonic() + most, 0
    while True:
        n += 1
        shot = work / f"settle-{n % 2}.png"
        capture(env, shot)
        digest = hashlib.sha1(shot.read_bytes()).hexdigest()
        if digest in seen[-2:] or time.monotonic() > end:
            return shot
        seen.append(digest)
        time.sleep(0.7)


def keep(raw: Path, target: Path) -> None:
    """A small PNG: 256 colours without dithering (text stays crisp)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["convert", str(raw), "+dither", "-colors", "256", f"PNG8:{target}"], check=True)


# --- one run -----------------------------------------------------------------------------


def main_window_shots(env: dict[str, str], work: Path, folder: str) -> None:
    app = App(env, [], work / f"{folder}-regie.log")
    try:
        app.fill_screen()
        settle(env, work)
        for n, (name, keys) in enumerate(AREAS):
            app.focus()
            app.key(keys)
            save(env, work, folder, f"{n:02d}-{name}.png")
        booking_editor(app, env, work, folder, len(AREAS))
        invoice_detail(app, env, work, folder, len(AREAS) + 1)
        administration(app, env, work, folder, len(AREAS) + 3)
    finally:
        app.stop()


def save(env: dict[str, str], work: Path, folder: str, name: str) -> None:
    keep(settle(env, work), OUT / folder / name)
    print(f"  {folder}/{name}", flush=True)


def booking_editor(app: App, env: dict[str, str], work: Path, folder: str, n: int) -> None:
    """The bookings list (Ctrl+8), its first row, Ctrl+O: the booking's editor."""
    app.focus()
    app.key("ctrl+8")
    settle(env, work)
    app.key("Tab", "Down", "Up")  # from the search box into the list, on the first row
    app.key("ctrl+o")
    save(env, work, folder, f"{n:02d}-booking-editor.png")
    for _ in range(3):  # Escape closes the editor (nothing was changed)
        if app.windows() == [app.window]:
            break
        app.key("Escape")
        time.sleep(1)


def invoice_detail(app: App, env: dict[str, str], work: Path, folder: str, n: int) -> None:
    """The invoices (Ctrl+Shift+1) searched for "FA-": an issued invoice's detail."""
    app.focus()
    app.key("ctrl+shift+1")
    settle(env, work)
    app.key("ctrl+f")
    app.type("FA-")
    app.key("Return")
    save(env, work, folder, f"{n:02d}-invoice-detail.png")


#: File-menu mnemonics of the administrators' windows, by language.
ADMIN_KEYS = {
    "accounts": {"en": "a", "fr": "c"},
    "activity": {"en": "t", "fr": "t"},
    "backups": {"en": "b", "fr": "s"},
}


def administration(app: App, env: dict[str, str], work: Path, folder: str, n: int) -> None:
    """File → Accounts…, Activity…, Backups… (the demo's administrator logs in by itself)."""
    lang = env.get("REGIE_LANG", "en")
    for k, (name, keys) in enumerate(ADMIN_KEYS.items()):
        app.focus()
        app.key("alt+f")
        time.sleep(0.5)
        app.key(keys.get(lang, keys["en"]))
        save(env, work, folder, f"{n + k:02d}-{name}.png")
        for _ in range(3):  # Escape closes the dialog
            if app.windows() == [app.window]:
                break
            app.key("Escape")
            time.sleep(1)


def desk_shot(env: dict[str, str], work: Path, folder: str, n: int) -> None:
    app = App(env, ["desk"], work / f"{folder}-desk.log")
    try:
        app.fill_screen()
        save(env, work, folder, f"{n:02d}-regie-desk.png")
    finally:
        app.stop()


def language_theme_run(base_env: dict[str, str], work: Path, lang: str, theme: str) -> None:
    folder = f"{lang}-{theme}"
    print(f"{folder}:", flush=True)
    shutil.rmtree(OUT / folder, ignore_errors=True)
    env = dict(base_env, REGIE_LANG=lang, REGIE_THEME=theme)
    config = work / f"config-{folder}"  # a fresh window geometry and settings per run
    config.mkdir()
    env["XDG_CONFIG_HOME"] = str(config)
    main_window_shots(env, work, folder)
    desk_shot(env, work, folder, len(AREAS) + 2)


def hidpi_run(base_env: dict[str, str], work: Path, scale: str, lang: str) -> None:
    env = dict(base_env, REGIE_LANG=lang, REGIE_THEME="light", QT_SCALE_FACTOR=scale)
    config = work / f"config-hidpi-{scale}"
    config.mkdir()
    env["XDG_CONFIG_HOME"] = str(config)
    percent = f"{round(float(scale) * 100)}"
    print(f"hidpi {percent} %:", flush=True)
    app = App(env, [], work / f"hidpi-{scale}.log")
    try:
        app.fill_screen()
        settle(env, work)
        for name, keys in (("home", "ctrl+shift+0"), ("bookings", "ctrl+8")):
            app.focus()
            app.key(keys)
            save(env, work, "hidpi", f"{lang}-{percent}-{name}.png")
    finally:
        app.stop()


DESCRIPTIONS = {
    **{name: f"{name} area ({keys})" for name, keys in AREAS},
    "booking-editor": "a booking's editor, opened from the bookings list (Ctrl+O)",
    "invoice-detail": "an issued invoice's detail beside the list",
    "regie-desk": "`regie desk`, the desk in its own window",
    "accounts": "File → Accounts…: people, roles, passwords, badges (administrators)",
    "activity": "File → Activity… (Ctrl+Shift+A): the audit trail",
    "backups": "File → Backups…: the last good backup, the folder, back up now, restore",
}


def describe(stem: str) -> str:
    """ "03-cases" → "cases area (ctrl+3)"; "fr-150-home" → "home at 150 %"."""
    head, _, rest = stem.partition("-")
    if head.isdigit():
        return DESCRIPTIONS.get(rest, rest)
    percent, _, name = rest.partition("-")
    return f"{name}, {head}, at {percent} %"


def write_readme() -> None:
    """README.md listing every screenshot on disk (runs of a subset keep the others)."""
    lines = [
        "# Screenshots",
        "",
        "Made by `python3 tools/screenshots.py` from the real app on the demo data "
        "(`regie demo`) at 1366 × 768, in both themes (`REGIE_THEME`) and both languages "
        "(`REGIE_LANG`), reduced to 256 colours. Run it again after changing a screen, and "
        "look at the result.",
        "",
    ]
    folders = sorted(
        (f for f in OUT.iterdir() if f.is_dir()), key=lambda f: (f.name == "hidpi", f.name)
    )
    for folder in folders:
        lines += [f"## {folder.name}", ""]
        if folder.name == "hidpi":
            lines += ["`QT_SCALE_FACTOR` 1.5 on a 2049 × 1152 screen, 2.0 on 2732 × 1536.", ""]
        for png in sorted(folder.glob("*.png")):
            lines.append(f"- [{png.name}]({folder.name}/{png.name}) — {describe(png.stem)}")
        lines.append("")
    (OUT / "README.md").write_text("\n".join(lines), encoding="utf-8")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--display", default=":79", help="the X display to start (:79)")
    parser.add_argument(
        "--hidpi-display", default=":80", help="the X display of the HiDPI runs (:80)"
    )
    parser.add_argument("--langs", default="fr,en", help="languages, comma-separated")
    parser.add_argument("--themes", default="light,dark", help="themes, comma-separated")
    parser.add_argument("--no-hidpi", action="store_true", help="skip the HiDPI shots")
    parser.add_argument("--hidpi-only", action="store_true", help="only the HiDPI shots")
    parser.add_argument(
        "--demo", type=Path, help="copy this demo database instead of running regie demo"
    )
    return parser.parse_args(argv)


def main_runs(args: argparse.Namespace, demo: dict[str, str], work: Path) -> list[str]:
    """Every language and theme at 1366x768; returns the failures (one sentence each)."""
    failures = []
    with x_server(args.display, *SIZE) as x_env:
        env = dict(demo, DISPLAY=x_env["DISPLAY"], QT_QPA_PLATFORM="xcb")
        for lang in args.langs.split(","):
            for theme in args.themes.split(","):
                try:
                    language_theme_run(env, work, lang.strip(), theme.strip())
                except Failure as err:  # the other sets may still be taken
                    failures.append(f"{lang}-{theme}: {err}")
                    print(failures[-1], file=sys.stderr, flush=True)
    return failures


def hidpi_runs(args: argparse.Namespace, demo: dict[str, str], work: Path) -> list[str]:
    """Home and bookings at 150 % and 200 %; returns the failures."""
    failures = []
    shutil.rmtree(OUT / "hidpi", ignore_errors=True)
    for scale, width, height in (("1.5", 2049, 1152), ("2.0", 2732, 1536)):
        with x_server(args.hidpi_display, width, height) as x_env:
            env = dict(demo, DISPLAY=x_env["DISPLAY"], QT_QPA_PLATFORM="xcb")
            try:
                hidpi_run(env, work, scale, "fr")
            except Failure as err:
                failures.append(f"hidpi {scale}: {err}")
                print(failures[-1], file=sys.stderr, flush=True)
    return failures


def run(args: argparse.Namespace) -> int:
    check_tools()
    with tempfile.TemporaryDirectory(prefix="regie-screens-") as temp:
        work = Path(temp)
        demo = build_demo(work, args.demo)
        failures = [] if args.hidpi_only else main_runs(args, demo, work)
        if not args.no_hidpi:
            failures += hidpi_runs(args, demo, work)
    write_readme()
    count = len(list(OUT.glob("*/*.png")))
    print(f"{count} screenshots in {OUT.relative_to(ROOT)}/ (listed in README.md there).")
    if failures:
        print(f"{len(failures)} run(s) failed (see above).", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        return run(parse_args(argv))
    except Failure as err:
        print(err, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
