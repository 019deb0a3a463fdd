"""Settings an admin sets once for the whole program, without a terminal: its name and address,
the expiry window and reorder rules (Program), and what the front desk offers (Front desk: the
participant code scheme, presets F5–F8, sharps containers, referrals, naloxone reasons).
Each save is one transaction; every change is in the audit log."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from hrsupply.errors import UserError
from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.ui import card_settings, ops, preferences
from hrsupply.ui.flow import form_layout
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import Screen
from hrsupply.ui.widgets import PRESET_KEYS, Choices, EditGrid, Message, note

PROGRAM = (
    "program_name",
    "program_address",
    "expiry_window_days",
    "reorder_lookback_months",
    "target_months",
    "overstock_months",
    "small_count_suppression",
    *card_settings.KEYS,
)
FRONT_DESK = (
    "code_scheme",
    "sharps_sizes",
    "referrals",
    "naloxone_reasons",
    "syringes_per_pound",
    "returns_weight_unit",
)
# "Keep the start or the end of the answer", as typed in either language.
TAKE = {"start": "start", "end": "end", "inicio": "start", "final": "end"}
SIDES = (QT_TR_NOOP("start"), QT_TR_NOOP("end"))  # shown in the user's language
# Sample answers for the code scheme's live example: a name, or a year for a question about one.
SAMPLE_NAMES = ("Maria", "Jose", "Ana", "Luis", "Rosa")
SAMPLE_YEAR = "1985"


def _services():
    from hrsupply.services import catalog, presets, program

    return program, presets, catalog


class _SettingsPage(Screen):
    """A form of program settings with one Save, enabled once the settings are read (a save
    never writes the form's blanks)."""

    listens = Changes.SETTINGS | Changes.CATALOG

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.message = Message()
        self.save_button = QPushButton(tr("Save"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)

    def _saved(self, _result=None) -> None:
        self.message.ok(tr("Saved. Every workstation uses it from now on."))


class ProgramTab(_SettingsPage):
    def __init__(self, db, user: str, parent=None):
        super().__init__(db, user, parent)
        self.name, self.address = QLineEdit(), QLineEdit()
        self.name.setMaxLength(100)
        self.address.setMaxLength(200)
        self.address.setPlaceholderText(tr("printed under the name on every sheet (optional)"))
        self.expiry = QSpinBox(minimum=1, maximum=730, suffix=tr(" days"))
        self.lookback = QSpinBox(minimum=1, maximum=24, suffix=tr(" months"))
        self.target = QSpinBox(minimum=1, maximum=24, suffix=tr(" months"))
        self.overstock = QSpinBox(minimum=2, maximum=60, suffix=tr(" months"))
        for spin in (self.expiry, self.lookback, self.target, self.overstock):
            spin.setMaximumWidth(200)
        self.suppress = QCheckBox(tr("Show 1 to 4 participants as “<5” in reports sent outside"))
        self.language = Choices()
        for code, label in preferences.LANGUAGES.items():
            self.language.addItem(tr(label), code)  # "As the system" in the user's language
        self.text_size = QSpinBox(minimum=100, maximum=200, singleStep=10, suffix=" %")
        self.text_size.setMaximumWidth(200)
        form = form_layout()
        form.addRow(tr("Program &name"), self.name)
        form.addRow(tr("&Address"), self.address)
        form.addRow(tr("Lots count as &expiring within"), self.expiry)
        form.addRow(tr("Reorder: average &use over the last"), self.lookback)
        form.addRow(tr("Reorder: order up to"), self.target)
        form.addRow(tr("Overstocked above"), self.overstock)
        form.addRow(self.suppress)  # the whole row: a long sentence in Spanish
        here = form_layout()
        here.addRow(tr("&Language"), self.language)
        here.addRow(tr("&Text size"), self.text_size)
        for row in range(here.rowCount()):  # a label never cut ("Tamaño del textc"): its whole width
            label = here.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            label.setMinimumWidth(label.sizeHint().width() + label.fontMetrics().averageCharWidth())
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        self.card = card_settings.CardSettings(self.name, self.address)
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("<b>The program</b> (every workstation)")))
        left.addLayout(form)
        left.addWidget(QLabel(tr("<b>This workstation</b> (from the next start)"), wordWrap=True))
        left.addLayout(here)
        left.addStretch(1)
        # Side by side; the card's settings under the program's at a large text size.
        columns = QBoxLayout(
            QBoxLayout.Direction.TopToBottom if preferences.large_text() else QBoxLayout.Direction.LeftToRight
        )
        columns.addLayout(left, 1)
        columns.addWidget(self.card, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._label_fields(form, here, self.card.layout().itemAt(0).layout())

    def _label_fields(self, *forms) -> None:
        """Each field is named by its label, for screen readers (the label is its buddy)."""
        for form in forms:
            for row in range(form.rowCount()):
                label = form.itemAt(row, QFormLayout.LabelRole)
                field = form.itemAt(row, QFormLayout.FieldRole)
                if label and field and label.widget() and field.widget():
                    field.widget().setAccessibleName(label.widget().text().replace("&", ""))

    def reload(self, changes: Changes = Changes.SETTINGS) -> None:
        db = self.db
        ops.run(self, lambda: {key: _services()[0].get(db, key) for key in PROGRAM}, self._show, key="load")

    def _show(self, values: dict) -> None:
        self.name.setText(values["program_name"])
        self.address.setText(values["program_address"])
        self.expiry.setValue(values["expiry_window_days"])
        self.lookback.setValue(values["reorder_lookback_months"])
        self.target.setValue(values["target_months"])
        self.overstock.setValue(values["overstock_months"])
        self.suppress.setChecked(values["small_count_suppression"])
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language())))
        self.text_size.setValue(preferences.text_size())
        self.card.show_values(values)
        self.save_button.setEnabled(True)

    def values(self) -> dict:
        return {
            "program_name": self.name.text().strip(),
            "program_address": self.address.text().strip(),
            "expiry_window_days": self.expiry.value(),
            "reorder_lookback_months": self.lookback.value(),
            "target_months": self.target.value(),
            "overstock_months": self.overstock.value(),
            "small_count_suppression": self.suppress.isChecked(),
            **self.card.values(),
        }

    def save(self) -> None:
        if not self.name.text().strip():
            self.message.error(tr("The program needs a name: it heads every printed sheet."))
            self.name.setFocus()
            return
        here = (preferences.language(), preferences.text_size())
        preferences.set_language(self.language.currentData())
        preferences.set_text_size(self.text_size.value())
        changed_here = here != (preferences.language(), preferences.text_size())
        values, db, user = self.values(), self.db, self.user

        def saved(_result) -> None:
            self._saved()
            if changed_here:  # the window is built in its language and size: said, not left to guess
                self.message.ok(
                    tr("Saved. The language and text size of this workstation take effect at the next start.")
                )

        ops.run(self, lambda: _services()[0].put_many(db, user, values), saved, changes=Changes.SETTINGS)


def _about_a_year(question: str) -> bool:
    return any(word in question.lower() for word in ("year", "año", tr("year").lower()))


class FrontDeskTab(_SettingsPage):
    """What the front desk offers. Presets: rows with the same name make one preset, the first
    preset is F5, the next F6, up to F8 (more are kept, offered from the list)."""

    def __init__(self, db, user: str, parent=None):
        super().__init__(db, user, parent)
        self.scheme = EditGrid(
            tr("Participant code: the questions"),
            (QT_TR_NOOP("Question"), QT_TR_NOOP("Characters"), QT_TR_NOOP("Keep (start or end)")),
        )
        self.example = QLabel()
        self.example.setObjectName("example")
        self.example.setWordWrap(True)
        self.presets = EditGrid(
            tr("Presets (F5–F8)"), (QT_TR_NOOP("Preset"), QT_TR_NOOP("Item (SKU)"), QT_TR_NOOP("Quantity"))
        )
        self.keys = QLabel()
        self.keys.setWordWrap(True)
        self.sharps = EditGrid(tr("Sharps containers"), (QT_TR_NOOP("Container"), QT_TR_NOOP("Syringes when full")))
        self.referrals = EditGrid(tr("Referrals"), (QT_TR_NOOP("Referral"),))
        self.reasons = EditGrid(tr("Naloxone reasons"), (QT_TR_NOOP("Reason (“first kit” is always offered first)"),))
        self.scheme.table.itemChanged.connect(self._show_example)
        self.presets.table.itemChanged.connect(self._show_keys)
        self._skus: dict[str, tuple[int, str]] = {}  # SKU -> (item id, name)
        grid = QGridLayout()
        left = QVBoxLayout()
        left.addWidget(self.scheme, 1)
        left.addWidget(self.example)
        left.addWidget(self.presets, 2)
        left.addWidget(self.keys)
        # Returns may be weighed rather than counted (one county: 281 syringes to the pound).
        self.per_pound = QSpinBox(maximum=5000, specialValueText=tr("no: counted only"))
        self.weight_unit = Choices()
        for unit in ("lb", "kg"):
            self.weight_unit.addItem(unit, unit)
        weighed = form_layout()
        weighed.addRow(tr("Returns weighed: syringes to the &pound"), self.per_pound)
        weighed.addRow(tr("Weight typed in"), self.weight_unit)
        right = QVBoxLayout()
        right.addWidget(self.sharps, 1)
        right.addLayout(weighed)
        for box in (self.referrals, self.reasons):
            right.addWidget(box, 1)
        large = preferences.large_text()  # one column at a large text size
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 1 if large else 0, 0 if large else 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 0 if large else 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                tr(
                    "A participant's code is built from answers only they know; the answers are never kept. "
                    "Changing the questions changes every new code: returning participants get a new one."
                )
            )
        )
        layout.addLayout(grid, 1)
        layout.addLayout(buttons)
        for box in (self.scheme, self.presets, self.sharps, self.referrals, self.reasons):
            box.table.setAccessibleName(box.title())

    def reload(self, changes: Changes = Changes.SETTINGS) -> None:
        db = self.db

        def read():
            program, presets, catalog = _services()
            values = {key: program.get(db, key) for key in FRONT_DESK}
            return values, presets.list_presets(db), catalog.items(db, include_inactive=True)

        ops.run(self, read, self._show, key="load")

    def _show(self, read) -> None:
        values, presets, items = read
        self._skus = {i.sku.upper(): (i.id, i.name) for i in items}
        by_id = {item_id: sku for sku, (item_id, _) in self._skus.items()}
        # Shown (and saved) in the user's language: a default list reads as their words.
        self.scheme.set_rows([[tr(question), length, tr(take)] for question, length, take in values["code_scheme"]])
        self.sharps.set_rows([[tr(name), holds] for name, holds in values["sharps_sizes"]])
        self.referrals.set_rows([[tr(r)] for r in values["referrals"]])
        self.reasons.set_rows([[tr(r)] for r in values["naloxone_reasons"]])
        self.per_pound.setValue(values["syringes_per_pound"] or 0)
        self.weight_unit.setCurrentIndex(max(0, self.weight_unit.findData(values["returns_weight_unit"])))
        self.presets.set_rows([[p.name, by_id.get(l.item_id, l.item_id), l.quantity] for p in presets for l in p.lines])
        self._show_example()
        self._show_keys()
        self.save_button.setEnabled(True)

    # ---- reading the grids -----------------------------------------------------------------
    def _scheme(self) -> list[list]:
        out = []
        for n, (question, length, take) in enumerate(self.scheme.rows(), start=1):
            take = TAKE.get(take.strip().lower() or "start", take.strip().lower())
            if not length.strip().isdigit() or int(length) < 1:
                raise UserError(tr("Code question {n}: characters must be a whole number of at least 1").format(n=n))
            if take not in ("start", "end"):
                raise UserError(
                    tr("Code question {n}: keep the “start” or the “end” of the answer, not {take!r}").format(
                        n=n, take=take
                    )
                )
            out.append([question.strip(), int(length), take])
        if not out:
            raise UserError(tr("The participant code needs at least one question"))
        return out

    def _sharps(self) -> list[list]:
        out = []
        for container, holds in self.sharps.rows():
            if not holds.replace(",", "").strip().isdigit() or int(holds.replace(",", "")) < 1:
                raise UserError(
                    tr("Sharps container {name}: how many syringes when full?").format(
                        name=container or tr("(no name)")
                    )
                )
            out.append([container.strip(), int(holds.replace(",", ""))])
        return out

    def _presets(self):
        from hrsupply.services.presets import PresetInfo
        from hrsupply.services.visits import Line

        lines: dict[str, list] = {}
        for n, (name, sku, quantity) in enumerate(self.presets.rows(), start=1):
            found = self._skus.get(sku.strip().upper())
            if found is None:
                raise UserError(tr("Presets, row {n}: no item has the SKU {sku!r}").format(n=n, sku=sku.strip()))
            if not quantity.strip().isdigit() or int(quantity) < 1:
                raise UserError(tr("Presets, row {n}: the quantity must be a whole number of at least 1").format(n=n))
            lines.setdefault(name.strip(), []).append(Line(found[0], int(quantity)))
        return [PresetInfo(name, found) for name, found in lines.items()]

    # ---- what the admin sees as they type --------------------------------------------------
    def _show_example(self, *_args) -> None:
        program = _services()[0]
        try:
            parts = [program.CodePart(*part) for part in self._scheme()]
        except Exception as exc:  # noqa: BLE001 - half-typed rows: say what is wrong, no example
            self.example.setText(str(exc))
            return
        names = iter(SAMPLE_NAMES)
        answers = [SAMPLE_YEAR if _about_a_year(p.question) else next(names, "Maria") for p in parts]
        try:
            code = program.build_code(parts, answers)
        except Exception as exc:  # noqa: BLE001
            self.example.setText(tr("Example: {exc}").format(exc=exc))
            return
        said = ", ".join(f"{p.question} “{a}”" for p, a in zip(parts, answers))
        self.example.setText(tr("Example: {said} → <b>{code}</b>").format(said=said, code=code))

    def _show_keys(self, *_args) -> None:
        names = list(dict.fromkeys(name.strip() for name, *_ in self.presets.rows() if name.strip()))
        self.keys.setText(
            "   ".join(f"<b>{key}</b> {name}" for key, name in zip(PRESET_KEYS, names)) or "No presets yet."
        )

    def save(self) -> None:
        def read():
            values = {
                "code_scheme": self._scheme(),
                "sharps_sizes": self._sharps(),
                "referrals": [r[0].strip() for r in self.referrals.rows()],
                "naloxone_reasons": [r[0].strip() for r in self.reasons.rows()],
                "syringes_per_pound": self.per_pound.value() or None,
                "returns_weight_unit": self.weight_unit.currentData(),
            }
            return values, self._presets()

        read = ops.attempt(self, read)
        if read is None:
            return
        (values, found), db, user = read, self.db, self.user

        def work() -> None:
            program, presets, _catalog = _services()
            program.put_many(db, user, values, also=presets.replacing(user, found))

        ops.run(self, work, self._saved, changes=Changes.SETTINGS | Changes.CATALOG)
