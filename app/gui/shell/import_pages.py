"""The import assistant's first three pages: what to import, which file (how it was read,
its first rows as they are), and which of the file's columns feeds each of Régie's."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.gui.shell import icons, style
from app.gui.shell.import_sources import Mapping, Source, missing

tr = QCoreApplication.translate
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)

#: Rows of the file shown raw on the file page.
SHOWN_ROWS = 20
#: Encodings offered (None: detected), with their labels.
ENCODINGS: tuple[tuple[str | None, str], ...] = (
    (None, QT_TRANSLATE_NOOP("ImportWizard", "Detect")),
    ("utf-8", QT_TRANSLATE_NOOP("ImportWizard", "UTF-8")),
    ("cp1252", QT_TRANSLATE_NOOP("ImportWizard", "Windows-1252 (Excel)")),
)
#: Separators offered (None: detected).
DELIMITERS: tuple[tuple[str | None, str], ...] = (
    (None, QT_TRANSLATE_NOOP("ImportWizard", "Detect")),
    (";", QT_TRANSLATE_NOOP("ImportWizard", "Semicolon ;")),
    (",", QT_TRANSLATE_NOOP("ImportWizard", "Comma ,")),
    ("\t", QT_TRANSLATE_NOOP("ImportWizard", "Tab")),
)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    style.set_role(label, "heading")
    label.setWordWrap(True)
    return label


def note(text: str = "", role: str = "muted") -> QLabel:
    label = QLabel(text)
    style.set_role(label, role)
    label.setWordWrap(True)
    return label


def column_names(columns: Sequence[Any]) -> str:
    """The columns of a kind as a person reads them: required ones marked with *."""
    return ", ".join(i18n.label(c.label) + (" *" if c.required else "") for c in columns)


class KindPage(QWidget):
    """What to import: one choice per kind of data, with the columns it reads."""

    chosen = Signal()  # double-click or Enter: go on

    def __init__(self, sources: Sequence[Source], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sources = list(sources)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("ImportWizard", "What do you want to import?")))
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for number, source in enumerate(self.sources):
            button = QRadioButton(i18n.label(source.label).replace("&", "&&"))
            self.group.addButton(button, number)
            self.buttons[source.key] = button
            layout.addWidget(button)
            text = tr("ImportWizard", "Columns: %1").replace("%1", column_names(source.columns))
            if source.description:
                text = i18n.label(source.description) + "\n" + text
            button.setAccessibleDescription(text)
            columns = note(text)
            columns.setContentsMargins(24, 0, 0, 8)
            layout.addWidget(columns)
        layout.addWidget(note(tr("ImportWizard", "* required column")))
        layout.addStretch(1)
        if self.sources:
            self.buttons[self.sources[0].key].setChecked(True)

    def choose(self, key: str) -> None:
        if key in self.buttons:
            self.buttons[key].setChecked(True)

    def source(self) -> Source | None:
        number = self.group.checkedId()
        return self.sources[number] if 0 <= number < len(self.sources) else None

    def focus(self) -> None:
        button = self.group.checkedButton()
        if button is not None:
            button.setFocus()


class FilePage(QWidget):
    """Which file, how it was read (encoding, separator, sheet: changeable), its first rows."""

    browse = Signal()
    reread = Signal()  # the path, encoding, separator or sheet changed
    left = Signal()  # the path field lost the focus (Tab): read the file if it is another

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("ImportWizard", "Choose the file (CSV or Excel .xlsx)")))
        form = QFormLayout()
        path_row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setPlaceholderText(tr("ImportWizard", "customers.csv, rates.xlsx…"))
        self.path.returnPressed.connect(self.reread)
        self.path.editingFinished.connect(self.left)  # Tab reads it too, not only Enter
        path_row.addWidget(self.path, 1)
        self.browse_button = QPushButton(icons.icon("open"), tr("ImportWizard", "Br&owse…"))
        self.browse_button.clicked.connect(self.browse)
        path_row.addWidget(self.browse_button)
        form.addRow(tr("ImportWizard", "&File:"), path_row)
        path_label = form.labelForField(path_row)
        if isinstance(path_label, QLabel):
            path_label.setBuddy(self.path)
        self.encoding = self._combo(ENCODINGS)
        self.delimiter = self._combo(DELIMITERS)
        self.sheet = QComboBox()
        self.sheet.activated.connect(lambda _i: self.reread.emit())
        form.addRow(tr("ImportWizard", "&Encoding:"), self.encoding)
        form.addRow(tr("ImportWizard", "&Separator:"), self.delimiter)
        form.addRow(tr("ImportWizard", "S&heet:"), self.sheet)
        self.form = form
        self.path.setAccessibleName(tr("ImportWizard", "File"))
        self.encoding.setAccessibleName(tr("ImportWizard", "Encoding"))
        self.delimiter.setAccessibleName(tr("ImportWizard", "Separator"))
        self.sheet.setAccessibleName(tr("ImportWizard", "Sheet"))
        layout.addLayout(form)
        self.status = note()
        layout.addWidget(self.status)
        self.rows = QTableWidget()
        self.rows.setAccessibleName(tr("ImportWizard", "First rows of the file"))
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.setAlternatingRowColors(True)
        self.rows.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.rows, 1)
        self.show_sheets([])
        self.table: Any = None

    def _combo(self, choices: tuple[tuple[str | None, str], ...]) -> QComboBox:
        combo = QComboBox()
        for value, text in choices:
            combo.addItem(tr("ImportWizard", text), value)
        combo.activated.connect(lambda _i: self.reread.emit())
        return combo

    # what the person chose
    def chosen_encoding(self) -> str | None:
        value = self.encoding.currentData()
        return str(value) if value else None

    def chosen_delimiter(self) -> str | None:
        value = self.delimiter.currentData()
        return str(value) if value else None

    def chosen_sheet(self) -> str | None:
        return self.sheet.currentText() or None if self.sheet.isEnabled() else None

    def set_spreadsheet(self, spreadsheet: bool) -> None:
        """An Excel file has no encoding or separator; a CSV file no sheets."""
        self.encoding.setEnabled(not spreadsheet)
        self.delimiter.setEnabled(not spreadsheet)
        self.sheet.setEnabled(spreadsheet and self.sheet.count() > 1)

    def show_sheets(self, names: Sequence[str]) -> None:
        current = self.sheet.currentText()
        self.sheet.clear()
        self.sheet.addItems(list(names))
        if current in names:
            self.sheet.setCurrentText(current)
        self.sheet.setEnabled(len(names) > 1)

    # what was read
    def show_table(self, table: Any, spreadsheet: bool) -> None:
        self.table = table
        style.set_role(self.status, "muted")
        self.status.setText(describe(table, spreadsheet))
        headers = list(table.headers)
        shown = table.rows[:SHOWN_ROWS]
        self.rows.clear()
        self.rows.setColumnCount(len(headers))
        self.rows.setRowCount(len(shown))
        self.rows.setHorizontalHeaderLabels(headers)
        self.rows.setVerticalHeaderLabels([str(line) for line, _cells in shown])
        for row, (_line, cells) in enumerate(shown):
            for column in range(len(headers)):
                value = cells[column] if column < len(cells) else ""
                self.rows.setItem(row, column, QTableWidgetItem(str(value)))
        self.rows.resizeColumnsToContents()
        for column in range(len(headers)):
            self.rows.setColumnWidth(column, min(self.rows.columnWidth(column), 260))

    def show_problem(self, text: str) -> None:
        self.table = None
        style.set_role(self.status, "error")
        self.status.setText(text)
        self.rows.clear()
        self.rows.setRowCount(0)
        self.rows.setColumnCount(0)


ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "cp1252": "Windows-1252",
    "windows-1252": "Windows-1252",
}


def describe(table: Any, spreadsheet: bool) -> str:
    """How the file was read, in a sentence: "Read as Windows-1252, separated by
    semicolons: 12 rows, 7 columns."."""
    rows = tr("ImportWizard", "%n row(s)", None, len(table.rows))
    columns = tr("ImportWizard", "%n column(s)", None, len(table.headers))
    if spreadsheet:
        return (
            tr("ImportWizard", "Excel workbook: %1, %2.").replace("%1", rows).replace("%2", columns)
        )
    encoding = str(getattr(table, "encoding", "") or "")
    delimiter = str(getattr(table, "delimiter", "") or "")
    separated = {
        ";": tr("ImportWizard", "semicolons"),
        ",": tr("ImportWizard", "commas"),
        "\t": tr("ImportWizard", "tabs"),
    }.get(delimiter, repr(delimiter))
    return (
        tr("ImportWizard", "Read as %1, separated by %2: %3, %4.")
        .replace("%1", ENCODING_NAMES.get(encoding.lower(), encoding))
        .replace("%2", separated)
        .replace("%3", rows)
        .replace("%4", columns)
    )


def twice(mapping: Mapping) -> dict[str, list[str]]:
    """The file's headers chosen for more than one of Régie's columns (allowed, said)."""
    keys_of: dict[str, list[str]] = {}
    for key, header in mapping.items():
        if header:
            keys_of.setdefault(header, []).append(key)
    return {header: keys for header, keys in keys_of.items() if len(keys) > 1}


class MappingPage(QWidget):
    """For each of Régie's columns, the file's column that feeds it (or none)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("ImportWizard", "Which column of the file holds what?")))
        layout.addWidget(
            note(
                tr(
                    "ImportWizard",
                    "Régie guessed from the file's headers; change what is wrong. Columns "
                    "marked * are required. Your choices are remembered for the next file.",
                )
            )
        )
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.area, 1)
        self.message = note(role="error")
        layout.addWidget(self.message)
        self.combos: dict[str, QComboBox] = {}
        self.samples: dict[str, QLabel] = {}
        self.columns: list[Any] = []
        self.table: Any = None

    def fill(self, columns: Sequence[Any], table: Any, mapping: Mapping) -> None:
        self.columns, self.table = list(columns), table
        holder = QWidget()
        form = QFormLayout(holder)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.combos, self.samples = {}, {}
        for column in self.columns:
            name = i18n.label(column.label)
            combo = QComboBox()
            combo.addItem(tr("ImportWizard", "(not in the file)"), "")
            for header in table.headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(column.key, ""))))
            combo.setAccessibleName(name)
            combo.currentIndexChanged.connect(lambda _i: self._changed())
            sample = note()
            row = QHBoxLayout()
            row.addWidget(combo, 1)
            row.addWidget(sample, 1)
            text = tr("ImportWizard", "%1:").replace("%1", name + " *" if column.required else name)
            label = QLabel(text.replace("&", "&&"))
            label.setBuddy(combo)
            form.addRow(label, row)
            self.combos[column.key] = combo
            self.samples[column.key] = sample
        self.area.setWidget(holder)
        self._changed(announce=False)

    def mapping(self) -> Mapping:
        """Every column's header, "" for a column left out (so the importer does not guess
        it back)."""
        return {key: str(combo.currentData() or "") for key, combo in self.combos.items()}

    def complete(self) -> bool:
        return not missing(self.columns, self.mapping())

    def focus(self) -> None:
        first = next(iter(self.combos.values()), None)
        if first is not None:
            first.setFocus()

    def _changed(self, announce: bool = True) -> None:
        mapping = self.mapping()
        for key, sample in self.samples.items():
            sample.setText(self._sample(mapping.get(key, "")))
        lacking = missing(self.columns, mapping)
        texts = []
        if lacking:
            texts.append(
                tr("ImportWizard", "Choose the file's column for: %1.").replace(
                    "%1", ", ".join(i18n.label(c.label) for c in lacking)
                )
            )
        for header, keys in twice(mapping).items():
            names = ", ".join(i18n.label(c.label) for c in self.columns if c.key in keys)
            texts.append(
                tr("ImportWizard", "The column “%1” is chosen for: %2.")
                .replace("%1", header)
                .replace("%2", names)
            )
        self.message.setText("\n".join(texts))
        self.message.setVisible(bool(texts))
        if announce:
            self.changed.emit()

    def _sample(self, header: str) -> str:
        """The first non-empty value of the chosen column, as an example."""
        if not header or self.table is None or header not in self.table.headers:
            return ""
        index = list(self.table.headers).index(header)
        for _line, cells in self.table.rows:
            if index < len(cells) and str(cells[index]).strip():
                return tr("ImportWizard", "e.g. %1").replace("%1", str(cells[index]))
        return tr("ImportWizard", "(empty in the file)")
