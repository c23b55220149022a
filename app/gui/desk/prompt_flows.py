"""What the desk's prompts do: a scan not on the booking (add it as unplanned, substitute it,
ignore it), check-in's damaged (F7, a note) and missing (F8), and finishing a booking (F10,
the summary, the next booking). ``DeskPrompts`` is mixed into ``DeskScreen``; the prompts'
widgets are in ``prompts``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QListWidgetItem

from app.gui.desk.jobs import Job
from app.gui.desk.prompts import NotePanel, OfferPanel
from app.gui.shell.scan_widgets import shortcut_action
from booking.models import Condition

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStackedWidget, QWidget

    from app.gui.desk.feedback import Banner
    from app.gui.desk.jobs import JobQueue
    from app.gui.desk.prompts import SummaryPage
    from app.gui.desk.scan_bar import ScanField
    from app.gui.desk.side_panel import SidePanel
    from booking.desk import ScanResult
    from booking.desk_queries import DeskBooking

tr = QCoreApplication.translate


class DeskPrompts:
    """The prompts' behaviour (a mixin of ``DeskScreen``, whose state it reads)."""

    mode: str
    armed: str
    damaged_code: str
    offer: ScanResult | None
    booking: DeskBooking | None
    banner: Banner
    jobs: JobQueue
    side: SidePanel
    pages: QStackedWidget
    summary: SummaryPage

    def _build_prompts(self) -> None:
        self.offer_panel = OfferPanel()
        self.offer_text, self.substitute_list = (
            self.offer_panel.text,
            self.offer_panel.substitute_list,
        )
        self.substitute_list.itemActivated.connect(self._substitute_chosen)
        self.offer_panel.keys = {
            Qt.Key.Key_A: self.add_unplanned,
            Qt.Key.Key_S: self.choose_substitute,
        }
        self.offer_panel.escape = self.dismiss_offer
        shortcut_action(
            self.substitute_list,
            tr("DeskScreen", "Ignore"),
            "Escape",
            self.dismiss_offer,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.note_panel = NotePanel()
        self.note_text, self.note_edit = self.note_panel.text, self.note_panel.edit
        self.note_edit.returnPressed.connect(self.confirm_damaged)
        shortcut_action(
            self.note_edit,
            tr("DeskScreen", "Cancel"),
            "Escape",
            self.cancel_damaged,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

    # the screen's
    scan_field: ScanField
    set_mode: Callable[[str], None]
    focus_scan: Callable[[], None]
    _show_keys: Callable[[], None]
    _show_booking: Callable[[DeskBooking | None, int | None], None]
    refresh_departures: Callable[[], None]
    window: Callable[[], QWidget]

    # --- not on the booking: unplanned item or substitution ------------------------------

    def _offer(self, result: ScanResult) -> None:
        self.offer = result
        name = str(result.offer.get("name", result.code))
        self.offer_text.setText(
            tr(
                "DeskScreen",
                "%1 is not booked.   A: add it as an unplanned item   ·   "
                "S: substitute it for a booked type   ·   Esc: ignore",
            ).replace("%1", name)
        )
        self.substitute_list.clear()
        self.substitute_list.hide()
        self.offer_panel.show()
        self.offer_panel.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_unplanned(self) -> None:
        if self.offer is None:
            return
        code = self.offer.code
        quantity = self.offer.offer.get("quantity")  # a bulk scan's *N
        self.dismiss_offer()
        self.jobs.add(Job("unplanned", code, quantity=quantity, mode="out"))

    def choose_substitute(self) -> None:
        if self.offer is None or self.booking is None:
            return
        self.substitute_list.clear()
        for line in self.booking.lines:
            if line.left < line.wanted:
                item = QListWidgetItem(f"{line.name}  ({line.code})   {line.left} / {line.wanted}")
                item.setData(Qt.ItemDataRole.UserRole, line.code)
                item.setToolTip(item.text())
                self.substitute_list.addItem(item)
        rows = self.substitute_list.count()
        row_height = self.substitute_list.sizeHintForRow(0) if rows else 0
        frame = 2 * self.substitute_list.frameWidth()
        self.substitute_list.setFixedHeight(max(row_height * min(rows, 4), 64) + frame)
        self.substitute_list.show()
        self.substitute_list.setCurrentRow(0)
        self.substitute_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _substitute_chosen(self, item: QListWidgetItem) -> None:
        for_type = item.data(Qt.ItemDataRole.UserRole)
        if self.offer is None or not for_type:
            return
        code = self.offer.code
        self.dismiss_offer()
        self.jobs.add(Job("substitute", code, for_type=str(for_type), mode="out"))

    def dismiss_offer(self) -> None:
        focused = QApplication.focusWidget()
        had_focus = focused is not None and (
            self.offer_panel.isAncestorOf(focused) or focused is self.offer_panel
        )
        self.offer = None
        self.offer_panel.hide()
        if had_focus:
            self.focus_scan()

    # --- check-in: damaged, missing -------------------------------------------------------

    def arm(self, how: str) -> None:
        """F7 / F8: the next check-in scan is damaged (asks a note) or declared missing."""
        if self.mode != "in":
            self.set_mode("in")
        self.armed = "" if self.armed == how else how
        self._show_keys()
        if self.armed == "damaged":
            self.banner.show_message(
                "warning",
                tr("DeskScreen", "Next scan: damaged"),
                tr("DeskScreen", "Scan the damaged unit; you will be asked what is wrong."),
            )
        elif self.armed == "missing":
            self.banner.show_message(
                "warning",
                tr("DeskScreen", "Next scan: missing"),
                tr(
                    "DeskScreen",
                    "Scan the unit's label, or choose it in the list of units "
                    "still out and press Enter.",
                ),
            )
            self.side.focus_out()
        else:
            self.banner.show_message("idle", tr("DeskScreen", "Check-in"), "")
            self.focus_scan()

    def _missing_chosen(self, code: str) -> None:
        if not code or self.mode != "in":
            return
        self.armed = ""
        self._show_keys()
        self.jobs.add(Job("scan", code, condition=Condition.MISSING, mode="in"))
        self.focus_scan()

    def _ask_damage_note(self, code: str) -> None:
        self.damaged_code = code
        self.note_text.setText(
            tr("DeskScreen", "%1 comes back damaged: what is wrong with it?").replace("%1", code)
        )
        self.note_edit.clear()
        self.note_panel.show()
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.banner.show_message(
            "warning",
            tr("DeskScreen", "Damaged · %1").replace("%1", code),
            tr("DeskScreen", "Type a note, then Enter: it goes to repair. Esc: not checked in."),
        )

    def confirm_damaged(self) -> None:
        code, note = self.damaged_code, self.note_edit.text().strip()
        if not code:
            return
        self.damaged_code = ""
        self.note_panel.hide()
        self.focus_scan()
        self.jobs.add(Job("scan", code, condition=Condition.DAMAGED, note=note, mode="in"))

    def cancel_damaged(self) -> None:
        code = self.damaged_code
        self.damaged_code = ""
        self.note_panel.hide()
        self.focus_scan()
        self.banner.show_message(
            "info", tr("DeskScreen", "Not checked in · %1").replace("%1", code), ""
        )

    # --- finishing -------------------------------------------------------------------------

    def finish(self) -> None:
        """F10: what did not go (or what is still out), and the delivery note."""
        if self.booking is None:
            return
        view = self.booking
        self.summary.mode = self.mode
        self.summary.list.clear()
        if self.mode == "out":
            title, rows = self._not_gone(view)
        else:
            title, rows = self._not_back(view)
        for row in rows:
            item = QListWidgetItem(row)
            item.setToolTip(row)
            self.summary.list.addItem(item)
        self.summary.list_empty.refresh()
        self.summary.title.setText(title)
        document = (
            tr("DeskScreen", "P: print the delivery note")
            if self.mode == "out"
            else tr("DeskScreen", "P: print the return report")
        )
        hints = [
            document,
            tr("DeskScreen", "S: save it as PDF"),
            tr("DeskScreen", "Enter: next booking"),
            tr("DeskScreen", "Esc: back to the scans"),
        ]
        self.summary.hint.setText("   ·   ".join(hints))
        # the last scan's answer (a refusal in red, say) does not belong over the summary
        self.banner.show_message(
            "idle",
            tr("DeskScreen", "Check-out") if self.mode == "out" else tr("DeskScreen", "Check-in"),
            tr("DeskScreen", "Summary of %1").replace("%1", view.reference),
        )
        self.pages.setCurrentIndex(1)
        self.summary.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @staticmethod
    def _not_gone(view: DeskBooking) -> tuple[str, list[str]]:
        short = [p for p in view.lines if p.left < p.wanted]
        if not short:
            title = tr("DeskScreen", "%1: everything booked has left")
        elif all(p.left == 0 for p in view.lines):
            title = tr("DeskScreen", "%1: nothing has left yet")
        else:
            title = tr("DeskScreen", "%1: not everything has left")
        title = title.replace("%1", view.reference)
        rows = [
            f"{p.name}  ({p.code})   "
            + tr("DeskScreen", "%1 of %2 did not go")
            .replace("%1", str(p.wanted - p.left))
            .replace("%2", str(p.wanted))
            for p in short
        ]
        return title, rows

    @staticmethod
    def _not_back(view: DeskBooking) -> tuple[str, list[str]]:
        title = tr("DeskScreen", "%1: return report").replace("%1", view.reference)
        rows = []
        for p in view.lines:
            if not (p.out > 0 or p.damaged or p.missing):
                continue
            parts = [tr("DeskScreen", "%n still out", None, p.out)] if p.out > 0 else []
            if p.damaged:
                parts.append(tr("DeskScreen", "%n damaged", None, p.damaged))
            if p.missing:
                parts.append(tr("DeskScreen", "%n missing", None, p.missing))
            rows.append(f"{p.name}  ({p.code})   " + ", ".join(parts))
        return title, rows

    def back_to_picking(self) -> None:
        self.pages.setCurrentIndex(0)
        self.focus_scan()

    def close_booking(self) -> None:
        self.pages.setCurrentIndex(0)
        self._show_booking(None, None)
        self.banner.show_message(
            "idle",
            tr("DeskScreen", "Check-out") if self.mode == "out" else tr("DeskScreen", "Check-in"),
            self.scan_field.accessibleDescription(),
        )
        self.refresh_departures()
        if self.mode == "out" and self.side.departures_model.rowCount():
            self.side.departures_view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focus_scan()

    def focus_after_dialog(self) -> None:
        """Back to the keys of the desk (without a window manager, nobody else gives the
        keyboard back to the kiosk when a dialog closes)."""
        self.window().activateWindow()
        if self.pages.currentIndex() == 1:
            self.summary.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focus_scan()
