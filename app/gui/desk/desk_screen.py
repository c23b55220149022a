"""The warehouse desk: check kit out and back in with a USB barcode scanner, gloves on.

Scanning
    A USB scanner is a keyboard that types the code then Enter, a few milliseconds per
    character, pressing Shift (and AltGr on AZERTY) around some of them. While the desk
    shows, ``app.gui.shell.scanner.ScanCatcher`` recognises such bursts from the timing of their
    printable characters, whatever modifier keys come between them, and hands them to the
    desk whatever widget has the focus (never typed into it). Keys typed by a person are
    replayed to their widget. The desk's scan field takes codes typed by hand too. Codes
    are found without case, and when unknown as typed on the other keyboard layout (a
    scanner set up for US on an AZERTY PC): ``inventory.barcodes.candidates``.

Quantities
    Bulk codes count one per scan. For more, press ``*`` (the big key of the numeric pad),
    type the quantity, then scan the bulk code, with or without Enter after the quantity
    (``*12`` then the scan; ``*12`` in the same burst as the code works too when the code
    does not start with a digit).

Queueing
    Each scan is one write transaction through ``ops.write`` (committed before the banner
    says "accepted"). Scans are queued in arrival order and run one at a time
    (``jobs.JobQueue``): with the real ThreadRunner, scans that arrive while one is in
    flight wait their turn, never dropped, never concurrent.

The screen is composed of ``ScanBar`` (modes, scan field, quantity), ``Banner`` (the answer),
the prompts (``prompts``), ``BookingPanel`` (the open booking), ``SidePanel`` (departures,
returns, units still out), the summary after F10 and ``ActionBar`` (commands, keys).
"""

from __future__ import annotations

import re
import socket
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.gui.desk import answers
from app.gui.desk.actions import ActionBar, build_menu, desk_commands
from app.gui.desk.booking_panel import BookingPanel
from app.gui.desk.documents import DeskDocuments
from app.gui.desk.feedback import Banner, Sounds, pending
from app.gui.desk.jobs import Job, JobQueue, Who, decide, guard
from app.gui.desk.look import DeskLook
from app.gui.desk.prompt_flows import DeskPrompts
from app.gui.desk.prompts import SummaryPage
from app.gui.desk.scan_bar import ScanBar
from app.gui.desk.side_panel import SidePanel
from app.gui.shell import style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from app.gui.shell.scanner import (
    MIN_SCAN_LENGTH,
    SCAN_GAP_MS,
    ScanCatcher,
    is_text_input,
)
from app.i18n import message
from booking import desk_queries
from booking.bookings import ShortageError
from booking.desk import Outcome, ScanResult
from booking.desk_queries import DeskBooking
from booking.models import BookingStatus, Condition

tr = QCoreApplication.translate

__all__ = ["MIN_SCAN_LENGTH", "SCAN_GAP_MS", "DeskScreen", "ScanCatcher"]

#: ``*`` then a quantity (typed, or in the same burst as the code: ``*12CAB-DMX10``).
QUANTITY_PREFIX = re.compile(r"\*(\d*)(.*)", re.DOTALL)


class DeskScreen(DeskPrompts, DeskDocuments, QWidget):
    """Check-out (F5) and check-in (F6) by scan; see the module's docstring."""

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        station: str | None = None,
        sounds: Sounds | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.station = station or socket.gethostname()
        self.sounds = sounds or Sounds(self)
        self.mode = "out"
        self.booking: DeskBooking | None = None
        self.armed = ""  # "damaged" or "missing": how the next check-in scan counts
        self.damaged_code = ""  # a damaged unit waiting for its note
        self.offer: ScanResult | None = None
        self.last_result: ScanResult | None = None
        self.jobs = JobQueue(self._start)
        self._own_change = False
        self.last_document: Path | None = None  # the last document saved as PDF
        self.last_printed = ""  # the title of the last document sent to a printer
        #: Who works at the kiosk (``desk_login.DeskSession``): badges scanned here log in.
        self.login: Any = None
        self.catcher = ScanCatcher(self, self._human_keys, unfinished=self._unfinished_burst)
        self.catcher.scanned.connect(self.scan)
        self._build()
        ops.changed.connect(self._on_changed)
        self.set_mode("out")

    @property
    def queue(self) -> JobQueue:
        """The jobs waiting for the one in flight."""
        return self.jobs

    @property
    def busy(self) -> bool:
        return self.jobs.busy

    # --- construction -------------------------------------------------------------------

    def _build(self) -> None:
        self.setObjectName("desk")
        self.look = DeskLook(self)
        self.bar = ScanBar()
        self.bar.mode_chosen.connect(self.set_mode)
        self.bar.follow(self.jobs)  # the scan bar lists the scans waiting for the database
        self.scan_field, self.quantity = self.bar.scan_field, self.bar.quantity
        self.scan_field.returnPressed.connect(self._typed)
        self.quantity.lineEdit().returnPressed.connect(self.focus_scan)
        self.banner = Banner()
        self._build_prompts()
        self.booking_panel = BookingPanel()
        self.lines_model = self.booking_panel.lines_model
        self.lines_view = self.booking_panel.lines_view
        self.side = SidePanel()
        self.side.departure_chosen.connect(self.open_booking)
        self.side.return_chosen.connect(lambda ref: self.open_booking(ref, "in"))
        self.side.missing_chosen.connect(self._missing_chosen)
        self.departures_model, self.departures_view = (
            self.side.departures_model,
            self.side.departures_view,
        )
        self.out_list, self.side_title = self.side.out_list, self.side.title
        self.summary = SummaryPage()
        self.summary_list, self.summary_hint = self.summary.list, self.summary.hint
        self.summary.keys = {
            Qt.Key.Key_Return: self.close_booking,
            Qt.Key.Key_Enter: self.close_booking,
            Qt.Key.Key_P: lambda: self.print_document("finish"),
            Qt.Key.Key_S: lambda: self.save_document("finish"),
        }
        self.summary.escape = self.back_to_picking
        commands = desk_commands(self)
        self.menu = build_menu(self, commands)
        self.actions_bar = ActionBar(commands, self.station)
        self.keys_label = self.actions_bar.keys_label
        self._lay_out()

    def _lay_out(self) -> None:
        s = style.SPACE
        pick_page = QWidget()
        pick_row = QHBoxLayout(pick_page)
        pick_row.setContentsMargins(0, 0, 0, 0)
        pick_row.setSpacing(s.l)
        pick_row.addWidget(self.booking_panel, 5)
        pick_row.addWidget(self.side, 3)
        self.pick_row = pick_row
        self.pages = QStackedWidget()
        self.pages.addWidget(pick_page)
        self.pages.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(s.l, s.m, s.l, s.s)
        layout.setSpacing(s.m)
        layout.addWidget(self.bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.offer_panel)
        layout.addWidget(self.note_panel)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.actions_bar)
        self.setFocusProxy(self.scan_field)

    # --- showing --------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.catcher.install()
        self.refresh_departures()
        self.focus_scan()
        if self.window().isFullScreen():
            QTimer.singleShot(0, self, self.fill_screen)  # not after the desk is gone

    def fill_screen(self) -> None:
        """The kiosk (``regie desk``) covers its screen: without a window manager, the
        full-screen state alone leaves the window at its default size."""
        window = self.window()
        screen = window.screen()
        if screen is not None and window.geometry() != screen.geometry():
            window.setGeometry(screen.geometry())

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        self.catcher.uninstall()
        super().hideEvent(event)

    def focus_search(self) -> None:  # the main window calls it when the area shows
        self.focus_scan()

    def focus_scan(self) -> None:
        self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_quantity(self) -> None:
        self.quantity.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.quantity.selectAll()

    def _human_keys(self, text: str, receiver: QObject) -> bool:
        """Keys typed by a person that are a desk command: ``*`` (and a quantity typed
        right after it) opens the quantity of the next bulk scan."""
        if not text.startswith("*") or (
            receiver is self.note_edit
            or is_text_input(receiver)
            and receiver is not self.scan_field
        ):
            return False
        prefix = QUANTITY_PREFIX.fullmatch(text)
        assert prefix is not None
        digits, rest = prefix.groups()
        if rest and not rest.isdigit():
            return False  # "*" then words: plain text for the field
        self.focus_quantity()
        if digits or rest:
            self.set_quantity(digits + rest)
        return True

    def _unfinished_burst(self, text: str, receiver: QObject) -> bool:
        """A scanner burst whose Enter did not come (yet): into the scan field, whatever had
        the focus, so the Enter that follows scans it. A person's note keeps its text."""
        if receiver is self.note_edit or text.startswith("*"):
            return False
        self.scan_field.setText(
            self.scan_field.text() + text if receiver is self.scan_field else text
        )
        self.focus_scan()
        return True

    def set_quantity(self, digits: str) -> None:
        """The quantity of the next bulk scan, shown in its box."""
        value = int(digits) if digits.isdigit() else 1
        self.quantity.setValue(max(1, min(value, self.quantity.maximum())))
        self.quantity.lineEdit().deselect()
        self.quantity.lineEdit().end(False)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.armed = ""
        self.bar.set_mode(mode)
        self.dismiss_offer()
        self.pages.setCurrentIndex(0)
        if (
            mode == "out"
            and self.booking is not None
            and self.booking.status not in (BookingStatus.CONFIRMED, BookingStatus.OUT)
        ):
            self.booking = None
        self._show_booking(self.booking, None)
        if mode == "in" and self.booking is not None:  # what is out now, scanned here or not
            self.jobs.add(Job("reload", self.booking.reference, mode=mode))
        self._show_keys()
        self.banner.show_message("idle", self._mode_title(), self.bar.prompt())
        self.focus_scan()

    def _mode_title(self) -> str:
        return tr("DeskScreen", "Check-out") if self.mode == "out" else tr("DeskScreen", "Check-in")

    def _show_keys(self) -> None:
        self.actions_bar.show_keys(self.armed)

    def _show_booking(self, view: DeskBooking | None, highlight: int | None) -> None:
        self.booking = view
        if view is None:
            self.booking_panel.show_none(self.mode)
        else:
            self.booking_panel.show_booking(view, self.mode, highlight)
        # the booking's lines get the room; with none open, the list to choose from does
        self.pick_row.setStretch(0, 2 if view is None else 5)
        self.pick_row.setStretch(1, 3)
        if self.mode == "out":
            self.side.show_departures()
        elif view is None:
            self.side.show_returns()
        else:
            self.side.show_units_out(view.units_out, view.bulk_out)

    # --- departures and returns ------------------------------------------------------------

    def refresh_departures(self) -> None:
        clock = self.ops.ctx.clock
        self.ops.read(
            lambda uow: (
                desk_queries.departure_rows(uow, clock),
                desk_queries.return_rows(uow, clock),
            ),
            lambda rows: self.side.set_rows(*rows),
        )

    def open_booking(self, reference: str, mode: str = "out") -> None:
        if self.mode != mode:
            self.set_mode(mode)
        self.jobs.add(Job("open", reference, mode=mode))

    def _on_changed(self, what: object) -> None:
        if self._own_change:
            self._own_change = False
            return
        if what == Change.BOOKINGS:
            self.refresh_departures()

    # --- scanning -----------------------------------------------------------------------

    def _typed(self) -> None:
        code = self.scan_field.text().strip()
        self.scan_field.clear()
        if code:
            self.scan(code)

    def scan(self, code: str) -> None:
        """One scan (from the scanner, wherever the focus is, or typed in the scan field).
        ``*`` and a quantity before the code set the quantity of this bulk scan."""
        code = code.strip()
        prefix = QUANTITY_PREFIX.fullmatch(code)
        if prefix is not None:
            digits, code = prefix.group(1), prefix.group(2).strip()
            if digits:
                self.set_quantity(digits)
            if not code:  # only the quantity: the scan comes next
                if digits:
                    self.focus_scan()
                else:
                    self.focus_quantity()
                return
        if not code or self.login is not None and self.login.takes(code):  # a badge
            return
        quantity = self.quantity.value() if self.quantity.value() > 1 else None
        if self.quantity.value() != 1:
            self.quantity.setValue(1)
        if self.quantity.hasFocus() or self.quantity.lineEdit().hasFocus():
            self.focus_scan()
        if self.damaged_code:  # a new scan before the note was confirmed: keep both
            self.confirm_damaged()
        self.offer = None
        self.offer_panel.hide()
        if self.mode == "in" and self.armed == "damaged":
            self.armed = ""
            self._show_keys()
            self._ask_damage_note(code)
            return
        condition = Condition.OK
        if self.mode == "in" and self.armed == "missing":
            condition = Condition.MISSING
            self.armed = ""
            self._show_keys()
        self.jobs.add(Job("scan", code, quantity, condition, mode=self.mode))

    def undo(self) -> None:
        self.jobs.add(Job("undo", mode=self.mode))

    def _start(self, job: Job) -> None:
        ctx = self.ops.ctx
        reference = self.booking.reference if self.booking is not None else ""
        who = Who(self.ops.user, self.station, reference, ctx.clock)

        def work(uow: UnitOfWork) -> tuple[ScanResult | None, DeskBooking | None]:
            result = decide(uow, job, who)
            if (
                result is not None
                and job.kind == "scan"
                and job.mode == "out"
                and result.reference == reference
                and len(result.movement_ids) <= 1
                and result.outcome is not Outcome.BOOKING
            ):
                return result, None  # one line changed at most: patched from the result
            ref = result.reference if result is not None else job.code
            if result is not None and result.outcome is Outcome.BOOKING and job.mode == "out":
                ref = str(result.message.params.get("code", ""))  # open the booking scanned
            if result is not None and not result.reference:
                return result, None
            return result, desk_queries.desk_booking(uow, ref)

        def done(answer: tuple[ScanResult | None, DeskBooking | None]) -> None:
            self._own_change = True
            self._finished(job, *answer)

        def failed(err: DomainError) -> None:
            self._failed(job, err)

        if job.kind in ("open", "reload"):
            self.ops.read(work, lambda answer: self._finished(job, *answer), failed)
        else:
            # no Retry box: a scan the server could not take stays pending, retried by the desk
            self.ops.write(guard(work), done, failed, changes=Change.BOOKINGS, retry=False)

    def _finished(self, job: Job, result: ScanResult | None, view: DeskBooking | None) -> None:
        self.jobs.done()
        try:
            self._answer(job, result, view)
        finally:
            self.jobs.pump()

    def _failed(self, job: Job, err: DomainError) -> None:
        self.jobs.done()
        try:
            if self.jobs.hold(job, err):  # the database away for now: kept, retried, never twice
                self._say(pending(job, message(err)))
                self.sounds.refused()
                return
            title = (
                tr("DeskScreen", "Not enough stock")
                if isinstance(err, ShortageError)
                else tr("DeskScreen", "Refused")
            )
            self._say(answers.refused(job, title, message(err)))
            self.sounds.refused()
        finally:
            self.jobs.pump()

    # --- the answer -----------------------------------------------------------------------

    def _say(self, answer: answers.Answer) -> None:
        self.banner.show_message(answer.kind, answer.title, answer.detail, answer.counter)
        self.banner.repaint()  # painted now, before anything else (the answer within a blink)

    def _answer(self, job: Job, result: ScanResult | None, view: DeskBooking | None) -> None:
        self.last_result = result
        highlight = result.line.item_type_id if result is not None and result.line else None
        if job.kind == "reload":
            if view is not None and self.booking is not None and view.reference == job.code:
                self._show_booking(view, self.lines_model.highlight)
            return
        if job.kind == "open" or (result is not None and result.outcome is Outcome.BOOKING):
            if view is not None and job.mode in ("out", self.mode):
                self.pages.setCurrentIndex(0)
                self._show_booking(view, None)
                self._say(answers.opened(view, job.mode))
                self.sounds.accepted()
                return
        if result is None:
            return  # a booking opened for a mode left since
        if view is None and result.line is not None:
            view = self._patched(result)
        if view is not None:
            self._show_booking(view, highlight)
        elif self.booking is not None and self.lines_model.highlight is not None:
            self.lines_model.set_lines(self.booking.lines, self.mode, None)  # it counted nowhere
        if not result.ok and result.outcome is Outcome.NOT_ON_BOOKING and job.kind != "undo":
            self._offer(result)
        self._say(answers.answer(job, result, view))
        if result.ok:
            self.sounds.accepted()
        else:
            self.sounds.refused()

    def _patched(self, result: ScanResult) -> DeskBooking | None:
        """The open booking with the one line ``result`` counted against updated."""
        view, line = self.booking, result.line
        if view is None or line is None or result.reference != view.reference:
            return None
        lines = [line if p.item_type_id == line.item_type_id else p for p in view.lines]
        if all(p.item_type_id != line.item_type_id for p in lines):
            lines.append(line)
        status = view.status
        if result.ok and status == BookingStatus.CONFIRMED:
            status = BookingStatus.OUT.value
        return replace(view, lines=lines, status=status)
