"""File → Import data: customers, rates, opening balances and the catalogue from CSV or
xlsx, with column mapping and a preview before anything is written.

Four steps in one dialog: what to import → which file (how it was read: encoding and
separator detected, changeable; its first rows as they are) → which of the file's columns
feeds each of Régie's (guessed from the headers, remembered per kind) → the preview (the
importer run in a transaction rolled back: rows to create, change, leave, or every bad line
with its sentence) → Import (one transaction, progress and Cancel) → what was done; the
screens refresh. Reading, previewing and importing run off the GUI thread (``ops.long``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core import settings, tabular
from app.core.errors import DomainError, ValidationErrors
from app.gui.shell import files, help_window, icons, import_sources, style
from app.gui.shell.import_pages import QT_TRANSLATE_NOOP, FilePage, KindPage, MappingPage
from app.gui.shell.import_results import ResultsPage
from app.gui.shell.import_sources import Mapping, Source
from app.gui.shell.operations import Cancelled, Operations, Progress

tr = QCoreApplication.translate

KIND, FILE, MAPPING, RESULTS = range(4)
STEPS = (
    QT_TRANSLATE_NOOP("ImportWizard", "What to import"),
    QT_TRANSLATE_NOOP("ImportWizard", "The file"),
    QT_TRANSLATE_NOOP("ImportWizard", "Its columns"),
    QT_TRANSLATE_NOOP("ImportWizard", "Preview and import"),
)


class ImportWizard(QDialog):
    """The import assistant (one per import; closed, it is gone)."""

    def __init__(
        self,
        ops: Operations,
        sources: Sequence[Source],
        kind: str | None = None,
        parent: QWidget | None = None,
        *,
        demo: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ImportWizard")
        self.setWindowTitle(tr("ImportWizard", "Import data"))
        self.ops = ops
        self.sources = list(sources)
        self.table: Any = None
        self.mapping: Mapping = {}
        self.busy = False  # a job runs (reading, preview, import)
        self.handle: Progress | None = None  # its cancel
        self.preview: Any = None
        self.loaded_path = ""  # the file last read
        self.tried_path = ""  # the file last asked for (read or refused)
        self.demo = demo  # the demo's database: previews only, never an import
        layout = QVBoxLayout(self)
        self.demo_banner = QLabel(
            tr(
                "ImportWizard",
                "This is the demo cooperative: your own data never goes into it. You may "
                "preview a file here; to import it, first set up your cooperative (File → "
                "Set up my cooperative…), then import into it.",
            )
        )
        self.demo_banner.setObjectName("demo-banner")
        self.demo_banner.setWordWrap(True)
        style.set_role(self.demo_banner, "warning")
        self.demo_banner.setVisible(demo)
        layout.addWidget(self.demo_banner)
        self.step = QLabel()
        style.set_role(self.step, "muted")
        layout.addWidget(self.step)
        self.stack = QStackedWidget()
        self.kind_page = KindPage(self.sources)
        self.file_page = FilePage()
        self.mapping_page = MappingPage()
        self.results = ResultsPage()
        for page in (self.kind_page, self.file_page, self.mapping_page, self.results):
            self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)
        layout.addLayout(self._buttons())
        self.kind_page.group.idToggled.connect(lambda *_: self._update())
        self.file_page.browse.connect(self.browse)
        self.file_page.reread.connect(self.load)
        self.file_page.left.connect(self.load_if_new)
        self.mapping_page.changed.connect(self._update)
        self.resize(980, 640)
        help_window.add_f1(self, "import")  # the guide's "bringing your data in"
        if kind is not None and kind in self.kind_page.buttons:
            self.kind_page.choose(kind)
            self.go(FILE)
        else:
            self.go(KIND)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.back_button = QPushButton(icons.icon("previous"), tr("ImportWizard", "&Back"))
        self.next_button = QPushButton(icons.icon("next"), tr("ImportWizard", "&Next"))
        self.import_button = QPushButton(icons.icon("import"), tr("ImportWizard", "&Import"))
        self.close_button = QPushButton(icons.icon("close"), tr("ImportWizard", "Close"))
        self.again_button = QPushButton(
            icons.icon("import"), tr("ImportWizard", "Import &another file")
        )
        self.again_button.clicked.connect(self.again)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.forward)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.back_button)
        row.addStretch(1)
        for button in (self.next_button, self.import_button, self.again_button, self.close_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        self.back_button.setAutoDefault(False)
        return row

    # --- moving between the steps ---------------------------------------------------------

    @property
    def page(self) -> int:
        return self.stack.currentIndex()

    @property
    def source(self) -> Source | None:
        return self.kind_page.source()

    def go(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        self.step.setText(
            tr("ImportWizard", "Step %1 of %2: %3")
            .replace("%1", str(page + 1))
            .replace("%2", str(len(STEPS)))
            .replace("%3", tr("ImportWizard", STEPS[page]))
        )
        self._update()
        if page == KIND:
            self.kind_page.focus()
        elif page == FILE:
            self.file_page.path.setFocus()  # type a path, or Alt+O to browse
        elif page == MAPPING:
            self.mapping_page.focus()

    def forward(self) -> None:
        if not self.next_button.isEnabled():
            return
        if self.page == KIND:
            self.go(FILE)
        elif self.page == FILE:
            self._fill_mapping()
            self.go(MAPPING)
        elif self.page == MAPPING:
            self.mapping = self.mapping_page.mapping()
            if self.source is not None:
                import_sources.remember(self.source.key, self.mapping)
            self.go(RESULTS)
            self.run_preview()

    def back(self) -> None:
        if not self.busy and self.page > KIND and self.results.outcome != "imported":
            self.go(self.page - 1)

    def again(self) -> None:
        """After an import, another one (the customers first, then their rates and
        balances): back to the choice of kind, the next kind chosen."""
        if self.busy:
            return
        self.table, self.preview, self.loaded_path, self.tried_path = None, None, "", ""
        self.results.outcome = ""
        self.file_page.path.clear()
        self.file_page.show_sheets([])
        self.file_page.show_problem("")
        current = self.kind_page.group.checkedId()
        following = self.kind_page.group.button(current + 1)
        if following is not None:
            following.setChecked(True)
        self.go(KIND)

    def _update(self) -> None:
        busy = self.busy
        page = self.page
        self.back_button.setEnabled(
            not busy
            and page > KIND
            and not (page == RESULTS and self.results.outcome == "imported")
        )
        ready = {
            KIND: self.source is not None,
            FILE: self.table is not None and bool(self.table.headers),
            MAPPING: self.mapping_page.complete(),
        }.get(page, False)
        self.next_button.setVisible(page != RESULTS)
        self.next_button.setEnabled(ready and not busy)
        self.next_button.setText(
            tr("ImportWizard", "&Preview") if page == MAPPING else tr("ImportWizard", "&Next")
        )
        found = import_sources.counts(self.preview) if self.preview is not None else {}
        can_import = self.results.outcome == "preview" and bool(
            found.get("create") or found.get("update")
        )
        imported = page == RESULTS and self.results.outcome == "imported"
        self.import_button.setVisible(page == RESULTS and not imported)
        self.again_button.setVisible(imported)
        self.import_button.setEnabled(can_import and not busy and not self.demo)
        if self.demo:
            self.import_button.setToolTip(
                tr("ImportWizard", "Not into the demo: set up your cooperative first.")
            )
        self.close_button.setText(
            tr("ImportWizard", "Cancel") if busy else tr("ImportWizard", "Close")
        )
        default = self.import_button if page == RESULTS else self.next_button
        if page == RESULTS and self.results.outcome == "imported":
            default = self.close_button
        default.setDefault(True)

    # --- the file -------------------------------------------------------------------------

    def browse(self) -> None:
        start = self.file_page.path.text() or import_sources.last_folder()
        path = files.open_file_name(
            self,
            tr("ImportWizard", "Import data"),
            start,
            tr("ImportWizard", "CSV or Excel files (*.csv *.txt *.xlsx);;All files (*)"),
        )
        if path:
            import_sources.remember_folder(str(Path(path).parent))
            self.file_page.path.setText(path)
            self.load()

    def load_if_new(self) -> None:
        """The path field was left (Tab, a click elsewhere): read the file typed unless it is
        the one already asked for (Enter or Re-read reads it again)."""
        text = self.file_page.path.text().strip()
        if text and str(Path(text).expanduser()) != self.tried_path:
            self.load()

    def load(self) -> None:
        """Read the chosen file with the encoding, separator and sheet chosen (or
        detected), off the GUI thread."""
        text = self.file_page.path.text().strip()
        if not text or self.busy:
            return
        path = Path(text).expanduser()
        page = self.file_page
        if str(path) != self.loaded_path:  # another file: its own sheets, detection anew
            page.show_sheets([])
        encoding, delimiter, sheet = (
            page.chosen_encoding(),
            page.chosen_delimiter(),
            page.chosen_sheet(),
        )
        self.table = None
        self.tried_path = str(path)

        def task(_progress: Progress) -> Any:
            return import_sources.read_file(
                path, encoding=encoding, delimiter=delimiter, sheet=sheet
            )

        def loaded(table: Any) -> None:
            self.loaded_path = str(path)
            spreadsheet = import_sources.is_spreadsheet(table)
            page.show_sheets(list(table.sheets) if spreadsheet else [])
            page.set_spreadsheet(spreadsheet)
            if table.headers:
                self.table = table
                page.show_table(table, spreadsheet)
            else:
                page.show_problem(tr("ImportWizard", "The file is empty."))
            self._update()

        def failed(err: DomainError | Cancelled) -> None:
            self.loaded_path = ""
            page.show_problem(problem_text(err))
            self._update()

        self._start(task, lambda *_: None, loaded, failed)

    def _fill_mapping(self) -> None:
        source = self.source
        if source is None or self.table is None:
            return
        headers = list(self.table.headers)
        page = self.mapping_page
        if (
            page.table is not None
            and list(page.table.headers) == headers
            and page.columns == list(source.columns)
        ):
            mapping = page.mapping()  # back and forth over the same columns: the choices stay
        else:
            mapping = import_sources.initial_mapping(source.key, headers, source.columns)
        page.fill(source.columns, self.table, mapping)

    # --- preview and import ---------------------------------------------------------------

    def run_preview(self) -> None:
        """The importer in a transaction rolled back: what it would do, nothing written."""
        source, table, mapping, db = self.source, self.table, dict(self.mapping), self.ops.ctx.db
        if source is None or table is None:
            return
        self.preview = None
        self.results.working(tr("ImportWizard", "Checking the file… (nothing is written)"))

        def task(progress: Progress) -> Any:
            return import_sources.rehearse(
                db, lambda uow: source.run(uow, table, mapping, progress)
            )

        def previewed(result: Any) -> None:
            self.preview = result
            self.results.show_changes(result, done=False)
            self._update()
            (self.import_button if self.import_button.isEnabled() else self.back_button).setFocus()

        self._start(task, self.results.report, previewed, self._refused)

    def start_import(self) -> None:
        source, table, mapping, db = self.source, self.table, dict(self.mapping), self.ops.ctx.db
        if source is None or table is None or not self.import_button.isEnabled() or self.demo:
            return
        self.results.working(tr("ImportWizard", "Importing…"))

        def task(progress: Progress) -> Any:
            with db.write() as uow:
                tabular.refuse_demo_import(uow)  # demo and own data never mix (X1's rule)
                return source.run(uow, table, mapping, progress)

        def imported(result: Any) -> None:
            self.results.show_changes(result, done=True)
            self._update()
            self.close_button.setFocus()
            self.ops.changed.emit(source.change)
            window = self.parentWidget()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(tr("ImportWizard", "Import done."), 10000)

        self._start(task, self.results.report, imported, self._refused)

    def _refused(self, err: DomainError | Cancelled) -> None:
        self.preview = None
        if isinstance(err, Cancelled):
            self.results.show_stopped(tr("ImportWizard", "Cancelled."))
        else:
            self.results.show_refusal(err)
        self._update()
        self.back_button.setFocus()

    # --- jobs -----------------------------------------------------------------------------

    def _start(self, task: Any, report: Any, done: Any, failed: Any) -> None:
        """Run ``task`` off the GUI thread; the buttons say it is busy until it calls back
        (at once with the tests' synchronous runner)."""
        self.busy = True
        self._update()

        def finish(callback: Any) -> Any:
            def deliver(value: Any) -> None:
                self.busy, self.handle = False, None
                callback(value)

            return deliver

        handle = self.ops.long(task, report, finish(done), finish(failed))
        if self.busy:
            self.handle = handle

    def reject(self) -> None:
        """Close; while a job runs, Cancel stops it first (the dialog stays to say so)."""
        if self.busy:
            if self.handle is not None:
                self.handle.cancel()
            return
        super().reject()


def problem_text(err: DomainError | Cancelled) -> str:
    """Why a file cannot be read, without the "nothing was changed" heading of a list of
    problems (reading changes nothing)."""
    if isinstance(err, ValidationErrors):
        return "\n".join(i18n.message(problem) for _line, problem in err.errors)
    if isinstance(err, DomainError):
        return i18n.message(err)
    return tr("ImportWizard", "Cancelled.")


def open_import(window: QMainWindow, kind: str | None = None) -> None:
    """Open the import assistant over ``window`` (a ``MainWindow``), on ``kind`` if given
    (``customers``, ``rates``, ``balances``, ``catalogue``), once the kinds' columns in
    this database are read (the rates have one per price category). On the demo's
    database the assistant says so at its top and previews only: the demo and a
    cooperative's own data never mix."""
    ops: Operations = getattr(window, "ops")  # noqa: B009 - a MainWindow's
    from app import tabular_language

    tabular_language.install()  # French labels, numbers and dates read and shown in French
    clock = ops.ctx.clock

    def show(found: tuple[list[Source], bool]) -> None:
        wizard = ImportWizard(ops, found[0], kind, window, demo=found[1])
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        setattr(window, "dialog", wizard)  # noqa: B010 - kept alive while open, as MainWindow does
        wizard.finished.connect(lambda *_: setattr(window, "dialog", None))
        wizard.open()

    ops.read(lambda uow: (import_sources.sources(uow, clock=clock), settings.is_demo(uow)), show)
