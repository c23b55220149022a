"""Delivering what a command just issued (an invoice, a credit note): atomic from the
user's point of view.

Everything that can be checked is checked before the number is taken: the ``--out``
folder (``app.cli.output.check_outputs``, ``printing.check_folder``), the printer, and
standard output (a pipe whose reader has gone: ``stdout_gone``). The PDF files are written
to temporary files beside their targets inside the issuing write transaction
(``PendingFiles.write``): a disk that refuses rolls the issue back. They are renamed once
the transaction committed. Whatever fails after that (the rename, the printer, standard
output) cannot undo the issue: the command then says on stderr that the document WAS
issued, its number and how to get its PDF (``regie invoices pdf NUMBER --out FILE``), and
exits 1.
"""

from __future__ import annotations

import contextlib
import os
import select
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.cli.output import silence_stdout
from app.cli.printing import printed_json, send
from app.core.errors import DomainError
from app.i18n import message, tr


def stdout_gone() -> bool:
    """Whether standard output is a pipe nobody reads any more (``regie … | head -c 0``
    once ``head`` has ended): writing to it would fail."""
    try:
        fd = sys.stdout.fileno()
        if not stat.S_ISFIFO(os.fstat(fd).st_mode):
            return False
        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        events = poller.poll(0)
    except (AttributeError, ValueError, OSError):  # no real file behind sys.stdout
        return False
    return any(ev & (select.POLLERR | select.POLLHUP) for _fd, ev in events)


def check_stdout() -> None:
    """Refuse, before anything is issued, to write to a closed standard output."""
    if stdout_gone():
        raise DomainError(
            "Standard output is closed (the program reading it has ended): nothing was issued."
        )


@dataclass
class PendingFiles:
    """Files written beside their targets now, renamed over them by ``commit``."""

    temps: dict[Path, Path] = field(default_factory=dict)

    def write(self, target: str | Path, data: bytes) -> None:
        final = Path(target)
        temp = self.temps.get(final)
        if temp is None:
            folder = final.parent if str(final.parent) else Path(".")
            handle, name = tempfile.mkstemp(prefix=".regie-", suffix=".pdf.tmp", dir=folder)
            os.close(handle)
            temp = self.temps[final] = Path(name)
        temp.write_bytes(data)

    def commit(self) -> list[tuple[Path, OSError]]:
        """Rename every temporary file over its target; the targets that failed."""
        failed = []
        for final, temp in self.temps.items():
            try:
                os.replace(temp, final)
            except OSError as err:
                failed.append((final, err))
        self.discard()
        return failed

    def discard(self) -> None:
        for temp in self.temps.values():
            temp.unlink(missing_ok=True)
        self.temps.clear()


@dataclass(frozen=True)
class Issued:
    """One document just issued: its JSON (``number`` and the rest), its PDF and the file
    it goes to ("" for none)."""

    shown: dict[str, Any]
    pdf: bytes
    path: str = ""


def deliver(
    issued: Sequence[Issued],
    *,
    printer: str | None,
    failed_files: Sequence[tuple[Path, OSError]],
    show: Callable[[], None],
    sender: Callable[[bytes, str, str], int] = send,
) -> int:
    """After the issue committed: print the documents on ``printer`` (through
    ``sender``), then ``show`` the result on stdout. Every failure is said on stderr, in
    one line, with the documents' numbers and how to get their PDFs; exit 1 then, 0 when
    all went well."""
    problems: list[str] = []
    for path, err in failed_files:
        problems.append(
            tr("cli", "its PDF could not be written to {path} ({reason})").format(
                path=str(path), reason=err.strerror or str(err)
            )
        )
    unprinted: DomainError | None = None
    if printer is not None:
        for item in issued:
            try:
                pages = sender(item.pdf, printer, item.shown["number"])
            except DomainError as err:
                unprinted = err
                break
            item.shown["printed"] = printed_json(printer, pages)
    try:
        show()
        sys.stdout.flush()
    except (BrokenPipeError, OSError, ValueError):
        silence_stdout()
        problems.append(tr("cli", "its details could not be shown (standard output is closed)"))
    numbers = ", ".join(item.shown["number"] for item in issued)
    if unprinted is not None and not problems:
        _say(
            tr(
                "cli",
                "{number} was issued but could not be printed: {reason} "
                "Print it again with: regie invoices pdf {number} --print",
            ).format(number=numbers, reason=message(unprinted))
        )
        return 1
    if not problems:
        return 0
    if unprinted is not None:
        problems.append(
            tr("cli", "it could not be printed ({reason})").format(reason=message(unprinted))
        )
    commands = " ; ".join(
        tr("cli", "regie invoices pdf {number} --out FILE").format(number=item.shown["number"])
        for item in issued
    )
    text = tr(
        "cli",
        "{numbers} was issued (it is stored with its number and cannot be undone), but "
        "{problems}. Get its PDF with: {commands}",
    )
    _say(text.format(numbers=numbers, problems="; ".join(problems), commands=commands))
    return 1


def _say(text: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        print(text, file=sys.stderr, flush=True)
