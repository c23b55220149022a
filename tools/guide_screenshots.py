#!/usr/bin/env python3
"""The user guide's screenshots, from the real app on the demo data.

    python3 tools/guide_screenshots.py                   # display :81, French and English
    python3 tools/guide_screenshots.py --langs fr --display :67 --demo DB

Like ``tools/screenshots.py`` (whose X server, demo and capture helpers it uses): an Xvfb at
1366x768, the demo cooperative built once into a temporary ``REGIE_DB`` (fresh ``XDG_*``
folders), then for each language ``regie`` driven by xdotool through the screens the guide
shows. Full-screen shots are scaled to ``WIDTH`` pixels; a dialog is captured alone. The
PNGs (256 colours) go to ``resources/help/img/<lang>/<name>.png``, the names the pages use
(``tests/test_guide.py`` checks that every image a page shows exists). The first-start
window is taken with empty data folders. A shot whose window does not show is reported and
the others are still taken (exit 1).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import screenshots as shots  # noqa: E402  (the tool beside this one)
from screenshots import App, Failure  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "help" / "img"
WIDTH = 800  # pixels: a screenshot in the guide's window, text still readable

#: Main-window areas the guide shows: (image name, keys).
AREA_SHOTS = [
    ("home", "ctrl+shift+0"),
    ("inventory", "ctrl+1"),
    ("labels", "ctrl+4"),
    ("timeline", "ctrl+5"),
    ("customers", "ctrl+7"),
    ("bookings", "ctrl+8"),
    ("desk", "ctrl+9"),
    ("pricing", "ctrl+shift+2"),
]

#: Titles of the error dialog (English, French): such a window is never kept as a shot.
ERROR_TITLES = (
    "unexpected error",
    "not allowed",
    "action refused",
    "erreur inattendue",
    "non autorisé",
    "action refusée",
)

#: File-menu mnemonics of Backups… and Set up my cooperative…, by language.
BACKUPS_KEY = {"en": "b", "fr": "s"}
SETUP_KEY = {"en": "m", "fr": "m"}


class Run:
    """One language's shots on one display."""

    def __init__(self, env: dict[str, str], work: Path, lang: str) -> None:
        self.env, self.work, self.lang = env, work, lang
        self.failures: list[str] = []

    def target(self, name: str) -> Path:
        return OUT / self.lang / f"{name}.png"

    def save_screen(self, name: str, *, trim: bool = False) -> None:
        """The whole screen once it is still, scaled to WIDTH; ``trim``: only what is drawn
        on the window's plain background (a window mostly empty), at its own size."""
        raw = shots.settle(self.env, self.work)
        if trim:
            trimmed = self.work / f"{name}-trimmed.png"
            background = subprocess.run(
                ["convert", str(raw), "-format", "%[pixel:p{0,0}]", "info:"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            subprocess.run(
                ["convert", str(raw), "-fuzz", "3%", "-trim", "+repage", "-bordercolor"]
                + [background, "-border", "24", str(trimmed)],
                check=True,
            )
            raw = trimmed
        reduce(raw, self.target(name), f"{WIDTH}x" if not trim else f"{WIDTH}x>")
        print(f"  {self.lang}/{name}.png", flush=True)

    def save_window(self, app: App, name: str, wait: float = 20) -> bool:
        """The newest window other than the main one, alone (a dialog); False when none
        shows within ``wait`` seconds."""
        if wait_for_other(app, wait) is None:
            self.failures.append(f"{self.lang}/{name}: its window did not show.")
            print(f"  {self.failures[-1]}", file=sys.stderr, flush=True)
            return False
        screen = shots.settle(self.env, self.work)
        window = newest_other(app)  # once still: a dialog may replace its first window
        if window is None:
            self.failures.append(f"{self.lang}/{name}: its window closed at once.")
            print(f"  {self.failures[-1]}", file=sys.stderr, flush=True)
            return False
        title = app.xdotool("getwindowname", window, check=False).strip()
        if any(words in title for words in ERROR_TITLES):
            self.failures.append(f"{self.lang}/{name}: Régie showed an error ({title}).")
            print(f"  {self.failures[-1]}", file=sys.stderr, flush=True)
            return False
        raw = self.work / f"{name}-raw.png"
        subprocess.run(  # the window's place cut out of the screen (as it is painted)
            ["convert", str(screen), "-crop", placement(app, window), "+repage", str(raw)],
            check=True,
        )
        reduce(raw, self.target(name), f"{WIDTH}x>")
        print(f"  {self.lang}/{name}.png", flush=True)
        return True

    def attempt(self, name: str, step: Callable[[], None]) -> None:
        try:
            step()
        except Failure as err:
            self.failures.append(f"{self.lang}/{name}: {err}")
            print(f"  {self.failures[-1]}", file=sys.stderr, flush=True)


def reduce(raw: Path, target: Path, geometry: str) -> None:
    """A small PNG (256 colours, no dithering: text stays crisp) without dates in it, so an
    unchanged screen gives the same bytes and the repository does not grow."""
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["convert", str(raw), "-resize", geometry, "+dither", "-colors", "256", "-strip"]
        + ["-define", "png:exclude-chunks=date,time", f"PNG8:{target}"],
        check=True,
    )


def placement(app: App, window: str) -> str:
    """The window's geometry on the screen, as ImageMagick's ``WxH+X+Y``."""
    found = dict(
        line.split("=", 1)
        for line in app.xdotool("getwindowgeometry", "--shell", window).split()
        if "=" in line
    )
    x, y = max(int(found["X"]), 0), max(int(found["Y"]), 0)
    return f"{found['WIDTH']}x{found['HEIGHT']}+{x}+{y}"


def newest_other(app: App) -> str | None:
    """The largest visible window other than the main one (a dialog, not a popup)."""
    others = [w for w in app.windows() if w != app.window]
    if not others:
        return None

    def area(window: str) -> int:
        width, height, _x, _y = placement(app, window).replace("+", "x").split("x")
        return int(width) * int(height)

    return max(others, key=area)


def wait_for_other(app: App, wait: float) -> str | None:
    end = time.monotonic() + wait
    while time.monotonic() < end:
        others = [w for w in app.windows() if w != app.window]
        if others:
            return others[-1]
        time.sleep(0.5)
    return None


def close_others(app: App) -> None:
    for _ in range(4):  # Escape closes a dialog (nothing was changed)
        if app.windows() == [app.window]:
            return
        app.key("Escape")
        time.sleep(1)


# --- the main window ---------------------------------------------------------------------


def main_window(run: Run) -> None:
    app = App(run.env, [], run.work / f"{run.lang}-regie.log")
    try:
        app.fill_screen()
        shots.settle(run.env, run.work)
        for name, keys in AREA_SHOTS:
            app.focus()
            app.key(keys)
            run.save_screen(name)
        run.attempt("booking-editor", lambda: booking_editor(run, app))
        run.attempt("invoices", lambda: invoices(run, app))
        run.attempt("reports", lambda: reports(run, app))
        run.attempt("statements", lambda: dialog(run, app, "statements", "ctrl+shift+m"))
        run.attempt("backups", lambda: backups(run, app))
        run.attempt("import", lambda: dialog(run, app, "import", "ctrl+shift+i"))
        run.attempt("help", lambda: help_window(run, app))
        # last: an assistant may ask before it closes
        run.attempt("setup", lambda: menu_dialog(run, app, "setup", SETUP_KEY))
    finally:
        app.stop()


def booking_editor(run: Run, app: App) -> None:
    """The bookings list, its first row, Ctrl+O: the booking's editor over the screen."""
    app.focus()
    app.key("ctrl+8")
    shots.settle(run.env, run.work)
    app.key("Tab", "Down", "Up", "ctrl+o")
    run.save_screen("booking-editor")
    close_others(app)


def invoices(run: Run, app: App) -> None:
    """Invoices searched for "FA-": the list and an issued invoice's detail."""
    app.focus()
    app.key("ctrl+shift+1")
    shots.settle(run.env, run.work)
    app.key("ctrl+f")
    app.type("FA-")
    app.key("Return")
    run.save_screen("invoices")


def reports(run: Run, app: App) -> None:
    app.focus()
    app.key("ctrl+shift+3")
    shots.settle(run.env, run.work)
    app.key("F5")
    run.save_screen("reports")


def dialog(run: Run, app: App, name: str, keys: str) -> None:
    app.focus()
    app.key(keys)
    run.save_window(app, name)
    close_others(app)


def backups(run: Run, app: App) -> None:
    menu_dialog(run, app, "backups", BACKUPS_KEY)


def menu_dialog(run: Run, app: App, name: str, keys: dict[str, str]) -> None:
    """A File-menu entry (its mnemonic in the run's language): the dialog alone."""
    app.focus()
    app.key("alt+f")
    time.sleep(0.5)
    app.key(keys.get(run.lang, keys["en"]))
    run.save_window(app, name)
    close_others(app)


def help_window(run: Run, app: App) -> None:
    """F1 on the desk: the guide's window on its page."""
    app.focus()
    app.key("ctrl+9")
    shots.settle(run.env, run.work)
    app.key("F1")
    run.save_window(app, "help")
    close_others(app)


# --- the first start ---------------------------------------------------------------------


def welcome(run: Run) -> None:
    """``regie`` with empty data folders and no REGIE_DB: the first-start choice."""
    env = {k: v for k, v in run.env.items() if k != "REGIE_DB"}
    base = Path(tempfile.mkdtemp(prefix="fresh-", dir=run.work))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        (base / name).mkdir()
        env[name] = str(base / name)
    app = App(env, [], run.work / f"{run.lang}-welcome.log")
    try:
        app.fill_screen()
        fresh = Run(env, run.work, run.lang)
        fresh.save_screen("welcome", trim=True)
    finally:
        app.stop()


def language_run(base_env: dict[str, str], work: Path, lang: str) -> list[str]:
    print(f"{lang}:", flush=True)
    env = dict(base_env, REGIE_LANG=lang, REGIE_THEME="light")
    config = work / f"config-{lang}"
    config.mkdir()
    env["XDG_CONFIG_HOME"] = str(config)
    run = Run(env, work, lang)
    run.attempt("main window", lambda: main_window(run))
    run.attempt("welcome", lambda: welcome(run))
    return run.failures


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--display", default=":81", help="the X display to start (:81)")
    parser.add_argument("--langs", default="fr,en", help="languages, comma-separated")
    parser.add_argument(
        "--demo", type=Path, help="copy this demo database instead of running regie demo"
    )
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> int:
    shots.check_tools()
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="regie-guide-") as temp:
        work = Path(temp)
        demo = shots.build_demo(work, args.demo)
        with shots.x_server(args.display, *shots.SIZE) as x_env:
            env = dict(demo, DISPLAY=x_env["DISPLAY"], QT_QPA_PLATFORM="xcb")
            for lang in args.langs.split(","):
                failures += language_run(env, work, lang.strip())
    count = len(list(OUT.glob("*/*.png")))
    print(f"{count} images in {OUT.relative_to(ROOT)}/.")
    if failures:
        print(f"{len(failures)} shot(s) failed:\n" + "\n".join(failures), file=sys.stderr)
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
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.exit(main())
