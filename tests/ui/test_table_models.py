"""The table models on their own, as a view asks them: each cell by its column's heading, the
roles that carry meaning (alignment, colour, what may be typed in), and edits in place."""

import importlib
import pkgutil
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

import hrsupply.ui
from hrsupply.services.counts import CountRow
from hrsupply.services.reorder import ReorderLine
from hrsupply.services.stock import StockRow
from hrsupply.services.visits import Line, VisitRow
from hrsupply.ui.counts_screen import CountLinesModel
from hrsupply.ui.front_desk_tables import LinesModel, TodayModel
from hrsupply.ui.reorder_screen import SuggestionsModel
from hrsupply.ui.stock_screen import StockTableModel
from hrsupply.ui.tables import ColumnsModel

DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
ALIGN, BACKGROUND = Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def cell(model, row: int, heading: str, role=DISPLAY):
    return model.data(model.index(row, model.column(heading)), role)


def editable(model, row: int) -> set[str]:
    return {h for h in model.COLUMNS if model.flags(model.index(row, model.column(h))) & Qt.ItemFlag.ItemIsEditable}


def _every_model() -> list[type[ColumnsModel]]:
    for module in pkgutil.iter_modules(hrsupply.ui.__path__):
        importlib.import_module(f"hrsupply.ui.{module.name}")
    found, todo = [], list(ColumnsModel.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return sorted(found, key=lambda c: c.__name__)


# Every model that declares its columns (the program report's are the period's months and places).
@pytest.mark.parametrize("model", [m for m in _every_model() if m.COLUMNS], ids=lambda c: c.__name__)
def test_every_heading_names_one_column(model):
    assert len(set(model.COLUMNS)) == len(model.COLUMNS)
    assert all(model.column(h) == n for n, h in enumerate(model.COLUMNS))


def test_the_visits_lines_add_up_the_same_item_and_take_a_typed_quantity(qapp):
    model = LinesModel({1: "Syringe 1 mL", 2: "Naloxone"})
    model.lot_names = {7: "A-7"}
    model.add(Line(1, 10))
    model.add(Line(2, 1, 7))
    model.add(Line(1, 5))  # the same item again: one line, quantities added
    assert [(cell(model, n, "Item"), cell(model, n, "Quantity"), cell(model, n, "Lot")) for n in range(2)] == [
        ("Syringe 1 mL", "15", ""),
        ("Naloxone", "1", "A-7"),
    ]
    assert editable(model, 0) == {"Quantity"} and cell(model, 0, "Quantity", ALIGN) == RIGHT
    assert cell(model, 0, "Quantity", EDIT) == "15"  # the digits typed replace it
    changed = []
    model.changed.connect(lambda: changed.append(True))
    assert not model.setData(model.index(0, model.column("Quantity")), "lots")
    assert model.setData(model.index(0, model.column("Quantity")), "1,200") and cell(model, 0, "Quantity") == "1,200"
    assert model.setData(model.index(0, model.column("Quantity")), "0")  # 0 takes the line off
    assert [cell(model, 0, "Item")] == ["Naloxone"] and model.rowCount() == 1 and len(changed) == 2


def _visit(**changes) -> VisitRow:
    row = dict(
        id=1,
        occurred_at=datetime(2026, 11, 3, 9, 5),
        location="SITE",
        participant=None,
        items="Syringe 1 mL ×40",
        syringes_out=40,
        naloxone_out=0,
        syringes_returned=100,
        returned_estimated=True,
        collecting_for=0,
        naloxone_reason=None,
        reversals_reported=0,
        referrals=(),
        recorded_by="desk",
        undone=False,
    )
    return VisitRow(**{**row, **changes})


def test_todays_visits_say_anonymous_estimated_and_undone_in_words(qapp):
    model = TodayModel()
    model.set_rows([_visit(), _visit(participant="MAJO85", undone=True, returned_estimated=False)])
    assert [cell(model, 0, h) for h in ("Time", "Code", "Handed out", "Returned", "Reversals")] == [
        "09:05",
        "anonymous",
        "Syringe 1 mL ×40",
        "100 (est.)",
        "",
    ]
    assert cell(model, 1, "Handed out") == "UNDONE · Syringe 1 mL ×40" and cell(model, 1, "Code") == "MAJO85"
    assert cell(model, 1, "By", Qt.ItemDataRole.ForegroundRole) == Qt.gray
    assert cell(model, 0, "By", Qt.ItemDataRole.ForegroundRole) is None and editable(model, 0) == set()
    assert cell(model, 1, "Time", Qt.ItemDataRole.FontRole).strikeOut()  # seen without reading a word
    assert cell(model, 0, "Time", Qt.ItemDataRole.FontRole) is None


def test_todays_visits_say_their_words_in_spanish(qapp):
    from hrsupply import i18n

    model = TodayModel()
    model.set_rows([_visit(), _visit(participant="MAJO85", undone=True)])
    i18n.use("es")
    try:
        assert cell(model, 0, "Code") == "anónimo" and cell(model, 1, "Handed out").startswith("DESHECHA · ")
    finally:
        i18n.use("en")


def test_stock_rows_say_their_status_in_words_with_figures_right_aligned(qapp):
    model = StockTableModel()
    model.set_rows(
        [
            StockRow(1, "SITE", 1, "SYR-1ML", "Syringe", "Syringes", "each", 1200, 2000, 3000, None, 0),
            StockRow(1, "SITE", 2, "NAL", "Naloxone", "Naloxone", "kit", 30, None, None, date(2026, 12, 1), 0, 30),
        ]
    )
    assert [cell(model, 0, h) for h in ("Item", "On hand", "Minimum", "Par", "Expired", "Status")] == [
        "Syringe",
        "1,200",
        "2,000",
        "3,000",
        "",
        "below minimum",
    ]
    assert cell(model, 1, "Status") == "stocked out (30 expired)" and cell(model, 1, "Next expiry") == "2026-12-01"
    assert {h for h in model.COLUMNS if cell(model, 0, h, ALIGN) == RIGHT} == {"On hand", "Expired", "Minimum", "Par"}
    assert cell(model, 0, "Item", BACKGROUND) is not None  # below minimum: coloured as well as said


def _suggestion(**changes) -> ReorderLine:
    line = dict(
        item_id=1,
        sku="SYR-1ML",
        name="Syringe 1 mL",
        category="Syringes",
        unit="each",
        on_hand=500,
        on_order=0,
        used=3000,
        stockout_days=2,
        amc=3100.0,
        months_of_stock=0.16,
        minimum=2000,
        par=6000,
        target=6200,
        status="below minimum",
        pack="case",
        pack_units=1000,
        packs=6,
        source_id=None,
        source="Henry Schein",
        expired=20,
        expiring=100,
    )
    return ReorderLine(**{**line, **changes})


def test_suggestions_take_only_the_packs_to_order_and_explain_their_figures(qapp):
    model = SuggestionsModel()
    model.set_rows([_suggestion()])
    assert [cell(model, 0, h) for h in ("Status", "Expired\n/ soon", "AMC", "Order\npack", "Units", "Source")] == [
        "below minimum",
        "20 / 100",
        "3,100.0",
        "case of 1,000",
        "6,000",
        "Henry Schein",
    ]
    assert editable(model, 0) == {"Packs\nto order"} and cell(model, 0, "Packs\nto order", EDIT) == 6
    right = {h for h in model.COLUMNS if cell(model, 0, h, ALIGN) == RIGHT}
    assert "Order\npack" not in right and {"On hand\n(usable)", "Packs\nto order", "Units"} <= right
    assert "20 expired" in cell(model, 0, "Expired\n/ soon", Qt.ItemDataRole.ToolTipRole)
    assert "days out of stock" in cell(model, 0, "AMC", Qt.ItemDataRole.ToolTipRole)
    assert model.setData(model.index(0, model.column("Packs\nto order")), "8")
    assert (cell(model, 0, "Packs\nto order"), cell(model, 0, "Units")) == ("8", "8,000")
    assert not model.setData(model.index(0, model.column("Units")), "8")


def test_a_count_hides_what_is_expected_while_blind_and_takes_counted_and_reason(qapp):
    model = CountLinesModel(None, "lead", owner=None)
    row = CountRow(1, 1, "NAL", "Naloxone", "Naloxone", "kit", True, None, None, 12, None, None)
    model.set_rows(
        [row, CountRow(2, 1, "NAL", "Naloxone", "Naloxone", "kit", True, "A", date(2027, 1, 1), 5, 4, "lost")]
    )
    assert cell(model, 0, "Lot") == "add the lot found" and cell(model, 0, "Counted") == ""
    assert cell(model, 0, "Counted", BACKGROUND) is not None  # still to count: shaded
    assert (cell(model, 1, "Difference"), cell(model, 1, "Expiry"), cell(model, 1, "Reason")) == (
        "-1",
        "2027-01-01",
        "lost",
    )
    assert editable(model, 0) == {"Counted", "Reason"}
    assert cell(model, 1, "Counted", EDIT) == 4 and cell(model, 1, "Reason", EDIT) == "lost"
    model.hide_expected = True
    model.set_rows(list(model.rows))
    assert (cell(model, 1, "Expected"), cell(model, 1, "Difference"), cell(model, 1, "Counted")) == ("—", "—", "4")
    assert cell(model, 1, "Item", BACKGROUND) is None  # a difference is not coloured in while blind


def test_a_column_of_figures_is_as_wide_as_its_widest_figure_in_any_row(qtbot):
    from PySide6.QtCore import Qt

    from hrsupply.ui.tables import ColumnsModel, table_view

    class Figures(ColumnsModel):
        COLUMNS = ("Item", "Closing")

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            name, figure = self.rows[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.cell(index, {"Item": name, "Closing": f"{figure:,}"})
            if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None

    model = Figures()
    view = table_view(model, stretch=0)
    qtbot.addWidget(view)
    view.resize(600, 200)  # a few rows in sight; the widest figure is far below them
    view.show()
    model.set_rows([(f"Item {n}", n) for n in range(200)] + [("Syringes", 1_234_567_890)])
    qtbot.waitUntil(lambda: view.columnWidth(1) > 0)
    qtbot.wait(50)
    assert view.columnWidth(1) > view.fontMetrics().horizontalAdvance("1,234,567,890")


def test_the_reconciliation_totals_row_is_bold_and_its_lines_are_not(qapp):
    from hrsupply.services.reconcile import ReconcileLine
    from hrsupply.ui.reports_screen import ReconcileModel

    model = ReconcileModel()
    model.set_lines([ReconcileLine("SITE", "SYR-1ML", "Syringes", 10, 5, 0, 3, 0, 0, 0, 0, 12)], {"SYR-1ML": "each"})
    fonts = [model.data(model.index(n, 0), Qt.ItemDataRole.FontRole) for n in range(model.rowCount())]
    assert fonts[0] is None and fonts[-1].bold() and len(fonts) == 2


def test_a_column_fits_rows_added_one_by_one_and_an_empty_table_keeps_room_for_them(qtbot):
    """A visit's lines and the stock card's pages are added, not reset: their columns fit them
    ("IM24290" in a Lot column fitted to its heading was cut); an empty table's columns are at least
    Qt's default, not their heading ("Lot", 25 px)."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from hrsupply.ui.tables import ColumnsModel, table_view

    class Lines(ColumnsModel):
        COLUMNS = ("Item", "Lot")

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.cell(index, dict(zip(self.COLUMNS, self.rows[index.row()], strict=True)))
            return None

        def add(self, row) -> None:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
            self.rows.append(row)
            self.endInsertRows()

    model = Lines()
    view = table_view(model, stretch=0)
    qtbot.addWidget(view)
    view.show()
    QApplication.processEvents()
    assert view.columnWidth(1) >= view.horizontalHeader().defaultSectionSize()
    lot = "IM24290-LONG-LOT-NUMBER"
    model.add(("Naloxone IM 0.4 mg/mL kit", lot))
    QApplication.processEvents()
    assert view.columnWidth(1) >= view.fontMetrics().horizontalAdvance(lot)
