"""Driving the installed ``regie`` from the outside: an Xvfb display, real processes, xdotool
keystrokes, screenshots, the CLI's JSON and the PDF printer's output.

Nothing here imports Qt or the application: the journeys see Régie as a user (and a script)
does. Every wait polls a condition until a generous deadline (the machine may be busy); no
step asserts a duration.
"""

from __future__ import annotations

import json
import os
import pwd
import re
import shutil
import signal
import site
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

SCREEN_W, SCREEN_H = 1366, 768
NOISE = 400  # pixels: a blinking text cursor, not a change
#: deadlines (seconds): generous, so a busy 2-core machine never fails a journey by itself
WINDOW_DEADLINE = float(os.environ.get("REGIE_JOURNEY_WINDOW_DEADLINE", "90"))
STATE_DEADLINE = float(os.environ.get("REGIE_JOURNEY_STATE_DEADLINE", "90"))
CLI_DEADLINE = 300
REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "build" / "journeys"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


class JourneyError(AssertionError):
    """A journey step did not happen: says what was awaited and what was seen."""


def wait_for(
    condition: Callable[[], T | None],
    what: str,
    timeout: float = STATE_DEADLINE,
    every: float = 0.3,
    alive: Callable[[], str | None] | None = None,
) -> T:
    """Poll ``condition`` until it returns something truthy; fail with ``what`` after
    ``timeout`` seconds, or at once when ``alive`` reports the program died."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while True:
        last = condition()
        if last:
            return last
        if alive is not None and (dead := alive()):
            raise JourneyError(f"while waiting for {what}: {dead}")
        if time.monotonic() > deadline:
            raise JourneyError(f"gave up waiting for {what} after {timeout:.0f} s (last: {last!r})")
        time.sleep(every)


def regie_executable() -> str:
    """The installed console script: beside this interpreter first (a venv, or pyenv's real
    bin directory, not its shim), else the one on PATH."""
    beside = Path(sys.executable).with_name("regie")
    if beside.exists():
        return str(beside)
    found = shutil.which("regie")
    if not found:
        raise JourneyError("the `regie` console script is not installed (pip install -e .)")
    return found


def need_tools(*tools: str) -> list[str]:
    return [tool for tool in tools if shutil.which(tool) is None]


def skip_or_fail(reason: str) -> None:
    """Outside CI a missing system tool skips the journeys; in CI it is a failure."""
    import pytest

    if IN_CI:
        pytest.fail(f"CI must provide this: {reason}", pytrace=False)
    pytest.skip(reason)


# --- the X display ------------------------------------------------------------------------


@dataclass
class Display:
    """A private Xvfb server (1366x768x24, no window manager)."""

    name: str
    process: subprocess.Popen[bytes]

    def env(self) -> dict[str, str]:
        return {"DISPLAY": self.name}

    def run(self, *args: str, check: bool = True, timeout: float = 60) -> str:
        env = {**os.environ, "DISPLAY": self.name}
        done = subprocess.run(
            list(args), env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
        if check and done.returncode != 0:
            raise JourneyError(f"{' '.join(args)} failed ({done.returncode}): {done.stderr}")
        return done.stdout

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.run("import", "-window", "root", str(path), timeout=120)
        return path

    def picture(self) -> bytes:
        """What the screen shows now (raw RGB)."""
        env = {**os.environ, "DISPLAY": self.name}
        return subprocess.run(
            ["import", "-window", "root", "-depth", "8", "rgb:-"],
            env=env,
            capture_output=True,
            timeout=120,
            check=False,
        ).stdout

    @staticmethod
    def differing_pixels(a: bytes, b: bytes) -> int:
        from PIL import Image, ImageChops

        size = (SCREEN_W, SCREEN_H)
        if len(a) != len(b) or len(a) != SCREEN_W * SCREEN_H * 3:
            return SCREEN_W * SCREEN_H
        diff = ImageChops.difference(
            Image.frombytes("RGB", size, a), Image.frombytes("RGB", size, b)
        )
        return diff.convert("L").point(lambda v: 255 if v else 0).histogram()[255]

    def wait_settled(self, before: bytes, what: str, timeout: float = STATE_DEADLINE) -> bytes:
        """Wait until the screen differs from ``before`` and then stays the same for about a
        second (the program has reacted and finished drawing). A blinking text cursor is a
        few dozen pixels: changes under ``NOISE`` pixels do not count."""
        seen: list[bytes] = []

        def settled() -> bytes | None:
            seen.append(self.picture())
            del seen[:-3]
            if len(seen) < 3 or self.differing_pixels(before, seen[-1]) <= NOISE:
                return None
            if all(self.differing_pixels(seen[-1], s) <= NOISE for s in seen[:-1]):
                return seen[-1]
            return None

        return wait_for(settled, what, timeout=timeout, every=0.4)

    def set_layout(self, layout: str) -> None:
        self.run("setxkbmap", layout)

    def layout(self) -> str:
        out = self.run("setxkbmap", "-query")
        match = re.search(r"^layout:\s*(\S+)", out, re.M)
        return match.group(1) if match else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_display() -> Display:
    """Start Xvfb on a free display chosen by the server itself (-displayfd: no race with
    other X servers on the machine)."""
    read, write = os.pipe()
    process = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            f"{SCREEN_W}x{SCREEN_H}x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    number = b""
    deadline = time.monotonic() + 60
    try:
        while not number.endswith(b"\n"):
            if time.monotonic() > deadline or process.poll() is not None:
                raise JourneyError("Xvfb did not start")
            chunk = os.read(read, 16)
            if not chunk:
                raise JourneyError("Xvfb did not say its display number")
            number += chunk
    finally:
        os.close(read)
    display = Display(f":{int(number.strip())}", process)
    wait_for(
        lambda: (
            subprocess.run(
                ["xdpyinfo"] if shutil.which("xdpyinfo") else ["xwininfo", "-root"],
                env={**os.environ, "DISPLAY": display.name},
                capture_output=True,
                check=False,
            ).returncode
            == 0
        ),
        "the X server to answer",
        timeout=60,
    )
    return display


# --- windows ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Geometry:
    x: int
    y: int
    width: int
    height: int

    def fits(self, width: int = SCREEN_W, height: int = SCREEN_H) -> bool:
        return (
            self.x >= 0
            and self.y >= 0
            and self.x + self.width <= width
            and self.y + self.height <= height
        )

    def __str__(self) -> str:
        return f"{self.width}x{self.height}+{self.x}+{self.y}"


def _geometry(display: Display, window: str) -> Geometry | None:
    out = display.run("xwininfo", "-id", window, check=False)
    values = {}
    for key, label in (
        ("x", "Absolute upper-left X"),
        ("y", "Absolute upper-left Y"),
        ("width", "Width"),
        ("height", "Height"),
    ):
        match = re.search(rf"^\s*{label}:\s*(-?\d+)", out, re.M)
        if not match:
            return None
        values[key] = int(match.group(1))
    return Geometry(**values)


# --- a Régie process ----------------------------------------------------------------------


@dataclass
class Regie:
    """One ``regie`` process on the journey display, and the CLI on the same database."""

    display: Display
    db: Path
    home: Path
    shots: Path
    lang: str = "fr"
    processes: list[tuple[subprocess.Popen[bytes], Path]] = field(default_factory=list)
    shot_count: int = 0

    # environment shared by the GUI and the CLI
    def env(self, **extra: str) -> dict[str, str]:
        env = {
            **os.environ,
            # a home of its own (dialogs default to ~/Documents...), the user's site-packages
            # still found; cups-pdf writes in the passwd home whatever HOME says
            "HOME": str(self.home),
            "PYTHONUSERBASE": site.getuserbase(),
            "DISPLAY": self.display.name,
            "QT_QPA_PLATFORM": "xcb",
            "REGIE_LANG": self.lang,
            "REGIE_DB": str(self.db),
            "XDG_DATA_HOME": str(self.home / "data"),
            "XDG_CACHE_HOME": str(self.home / "cache"),
            "XDG_CONFIG_HOME": str(self.home / "config"),
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("QT_QPA_PLATFORMTHEME", None)
        env.update(extra)
        return env

    # -- the GUI
    def start(self, *args: str) -> subprocess.Popen[bytes]:
        log = self.home / f"regie-{len(self.processes) + 1}.stderr"
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "wb") as err:
            process = subprocess.Popen(
                [regie_executable(), *args],
                env=self.env(),
                stdin=subprocess.DEVNULL,
                stdout=err,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.processes.append((process, log))
        return process

    def stderr(self) -> str:
        texts = []
        for process, log in self.processes:
            text = log.read_text(errors="replace") if log.exists() else ""
            texts.append(f"--- regie pid {process.pid} (exit {process.poll()}):\n{text}")
        return "\n".join(texts)

    def _dead(self) -> str | None:
        for process, log in self.processes:
            if process.poll() is not None:
                tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
                return f"regie exited with status {process.returncode}:\n{tail}"
        return None

    def windows(self, name: str = "") -> list[str]:
        """Visible windows of our processes whose title matches the regex ``name``."""
        found: list[str] = []
        for process, _log in self.processes:
            out = self.display.run(
                "xdotool",
                "search",
                "--all",
                "--onlyvisible",
                "--pid",
                str(process.pid),
                "--name",
                name or ".",
                check=False,
            )
            for window in out.split():
                geometry = _geometry(self.display, window)
                if geometry and geometry.width > 1 and geometry.height > 1:
                    found.append(window)
        return found

    def title(self, window: str) -> str:
        return self.display.run("xdotool", "getwindowname", window, check=False).strip()

    def wait_window(self, name: str, timeout: float = WINDOW_DEADLINE) -> str:
        """The id of a visible window whose title matches ``name`` (newest first)."""
        return wait_for(
            lambda: (self.windows(name) or [None])[-1],
            f"a window titled /{name}/ (visible: {self.visible_titles()})",
            timeout=timeout,
            alive=self._dead,
        )

    def wait_window_not_in(self, before: set[str], timeout: float = WINDOW_DEADLINE) -> str:
        """A visible window that was not there before (a dialog that opened)."""
        return wait_for(
            lambda: next((w for w in reversed(self.windows()) if w not in before), None),
            f"a new window (visible: {self.visible_titles()})",
            timeout=timeout,
            alive=self._dead,
        )

    def wait_gone(self, window: str, timeout: float = WINDOW_DEADLINE) -> None:
        wait_for(
            lambda: window not in self.windows(),
            f"window {window} ({self.title(window)!r}) to close",
            timeout=timeout,
            alive=self._dead,
        )

    def wait_no_window(self, name: str, timeout: float = WINDOW_DEADLINE) -> None:
        wait_for(
            lambda: not self.windows(name),
            f"the window /{name}/ to close",
            timeout=timeout,
            alive=self._dead,
        )

    def visible_titles(self) -> list[str]:
        return [self.title(w) for w in self.windows()]

    def geometry(self, window: str) -> Geometry:
        geometry = _geometry(self.display, window)
        if geometry is None:
            raise JourneyError(f"window {window} has no geometry (closed?)")
        return geometry

    def focus(self, window: str) -> None:
        self.display.run("xdotool", "windowfocus", window, check=False)
        # without a window manager the focus is set at once; wait until X says so
        wait_for(
            lambda: (
                self.display.run("xdotool", "getwindowfocus", check=False).strip() == window
                or self._focus_inside(window)
            ),
            f"the keyboard focus on window {window}",
            timeout=30,
            alive=self._dead,
        )

    def _focus_inside(self, window: str) -> bool:
        focused = self.display.run("xdotool", "getwindowfocus", "-f", check=False).strip()
        return focused == window

    def scan(self, code: str, enter: bool = True) -> None:
        """What a USB scanner does: the code's keys 6 ms apart (Shift for capitals, and
        whatever the X layout needs), then Return."""
        self.display.run("xdotool", "type", "--delay", "6", "--", code)
        if enter:
            self.key("Return")

    def type(self, text: str, delay_ms: int = 60) -> None:
        """A person typing (slower than a scanner)."""
        self.display.run("xdotool", "type", "--delay", str(delay_ms), "--", text)

    def key(self, *keys: str, delay_ms: int = 80) -> None:
        self.display.run("xdotool", "key", "--delay", str(delay_ms), *keys)

    def screenshot(self, name: str, window: str | None = None) -> Path:
        """A picture of the whole screen, saved under build/journeys/<test>/ for people to
        look at; when ``window`` is given, its geometry must fit the 1366x768 screen."""
        self.shot_count += 1
        safe = re.sub(r"[^\w.-]+", "-", name).strip("-")
        path = self.display.screenshot(self.shots / f"{self.shot_count:02d}-{safe}.png")
        if window is not None:
            geometry = self.geometry(window)
            assert geometry.fits(), (
                f"{name}: window {self.title(window)!r} is {geometry}, "
                f"larger than the {SCREEN_W}x{SCREEN_H} screen (see {path})"
            )
        return path

    def stop(self) -> None:
        for process, _log in self.processes:
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()

    def mnemonic(self, context: str, english: str) -> str:
        """The Alt+letter of a label in the journey's language, e.g.
        ``mnemonic("BookingEditor", "Save and &confirm")`` → ``alt+c`` in English, the
        letter the French catalogue gives in French."""
        return mnemonic(context, english, self.lang)

    # -- the CLI on the same database
    def cli(self, *args: str, check: bool = True, timeout: float = CLI_DEADLINE) -> str:
        done = subprocess.run(
            [regie_executable(), *args],
            env=self.env(QT_QPA_PLATFORM="offscreen"),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if "Traceback" in done.stderr:
            raise JourneyError(f"regie {' '.join(args)} printed a traceback:\n{done.stderr}")
        if check and done.returncode != 0:
            raise JourneyError(f"regie {' '.join(args)} exited {done.returncode}: {done.stderr}")
        return done.stdout

    def json(self, *args: str) -> Any:
        return json.loads(self.cli(*args, "--json"))

    def booking(self, reference: str) -> dict[str, Any]:
        return self.json("bookings", "show", reference)

    def progress(self, reference: str) -> dict[str, dict[str, int]]:
        return {line["code"]: line for line in self.booking(reference)["progress"]}

    def wait_progress(
        self,
        reference: str,
        want: dict[str, dict[str, int]],
        what: str,
        timeout: float = STATE_DEADLINE,
    ) -> dict[str, dict[str, int]]:
        """Poll ``regie bookings show REF --json`` until each code's progress has the
        wanted figures (e.g. {"DMX5-10": {"left": 4}})."""

        def reached() -> dict[str, dict[str, int]] | None:
            progress = self.progress(reference)
            for code, figures in want.items():
                line = progress.get(code, {})
                if any(line.get(k) != v for k, v in figures.items()):
                    self._last_progress = progress
                    return None
            return progress

        self._last_progress: dict[str, Any] = {}
        try:
            return wait_for(reached, what, timeout=timeout, alive=self._dead)
        except JourneyError as err:
            raise JourneyError(f"{err}\nprogress seen: {self._last_progress}") from None


# --- labels --------------------------------------------------------------------------------


def translation(context: str, english: str, lang: str) -> str:
    """The text a label shows in ``lang``: the shipped catalogue's translation (French from
    resources/translations/regie_fr.ts), the English source otherwise or when untranslated."""
    if lang == "en":
        return english
    import xml.etree.ElementTree as ET

    catalogue = REPO / "resources" / "translations" / f"regie_{lang}.ts"
    if catalogue.exists():
        for ctx in ET.parse(catalogue).getroot().iter("context"):
            if ctx.findtext("name") != context:
                continue
            for message in ctx.iter("message"):
                if message.findtext("source") == english:
                    text = message.findtext("translation") or ""
                    return text or english
    return english


def mnemonic(context: str, english: str, lang: str) -> str:
    text = translation(context, english, lang)
    match = re.search(r"&([^&\s])", text)
    if not match:
        raise JourneyError(f"{text!r} ({context}: {english!r}) has no mnemonic")
    return f"alt+{match.group(1).lower()}"


# --- the printer --------------------------------------------------------------------------


def default_printer() -> str | None:
    if shutil.which("lpstat") is None:
        return None
    done = subprocess.run(["lpstat", "-d"], capture_output=True, text=True, check=False)
    match = re.search(r"destination:\s*(\S+)", done.stdout)
    return match.group(1) if match else None


def cups_pdf_folder() -> Path:
    """Where cups-pdf writes a job: ``~/PDF`` of the job's owner (this user's passwd home,
    whatever $HOME says)."""
    return Path(pwd.getpwuid(os.getuid()).pw_dir) / "PDF"


def pdf_jobs() -> set[Path]:
    folder = cups_pdf_folder()
    return set(folder.glob("*.pdf")) if folder.is_dir() else set()


def wait_new_pdfs(
    before: Iterable[Path], count: int = 1, timeout: float = STATE_DEADLINE, named: str = ""
) -> list[Path]:
    """The PDFs the printer wrote since ``before`` was listed (whose file name, made by
    cups-pdf from the job's title, contains ``named``: other programs may print meanwhile),
    once ``count`` of them exist, their sizes stopped changing and each ends with its
    trailer (Ghostscript may pause for over a second in the middle of a long job)."""
    seen = set(before)
    sizes: dict[Path, int] = {}

    def done() -> list[Path] | None:
        new = sorted(
            (p for p in pdf_jobs() - seen if named.replace(" ", "_") in p.name),
            key=lambda p: p.stat().st_mtime,
        )
        if len(new) < count:
            return None
        now = {p: p.stat().st_size for p in new}
        stable = now == sizes and all(size > 0 and _complete(p) for p, size in now.items())
        sizes.clear()
        sizes.update(now)
        return new if stable else None

    return wait_for(
        done, f"{count} new PDF(s) named *{named}* in {cups_pdf_folder()}", timeout, every=1.0
    )


def _complete(path: Path) -> bool:
    """The file ends with a PDF trailer (``%%EOF`` in its last kilobyte)."""
    with path.open("rb") as pdf:
        pdf.seek(max(0, path.stat().st_size - 1024))
        return b"%%EOF" in pdf.read()


def pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s*(\d+)", out.stdout, re.M)
    return int(match.group(1)) if match else 0


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=False
    )
    return done.stdout


def render_pdf(path: Path, into: Path, stem: str) -> list[Path]:
    """Render each page at 50 dpi beside the screenshots, for people to look at."""
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", str(path), str(into / stem)], check=True, timeout=300
    )
    return sorted(into.glob(f"{stem}*.png"))
