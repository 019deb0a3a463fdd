"""Windows, dialogs and splitters open where the user left them."""

from PySide6.QtWidgets import QDialog, QSplitter

from hrsupply.ui.geometry import Remembers
from hrsupply.ui.ops import settle
from hrsupply.ui.stock_screen import StockScreen


class Sized(Remembers, QDialog):
    pass


def test_a_dialog_opens_at_the_size_it_was_left(qtbot):
    first = Sized()
    qtbot.addWidget(first)
    first.show()
    first.resize(640, 410)
    first.hide()
    again = Sized()
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (640, 410)


def test_splitter_positions_are_kept_per_screen(qtbot, db, cat):
    screen = StockScreen(db)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    settle()
    [split] = screen.findChildren(QSplitter)
    split.setSizes([200, 400])
    sizes = split.sizes()
    screen.hide()
    again = StockScreen(db)
    qtbot.addWidget(again)
    again.resize(1200, 700)
    again.show()
    settle()
    assert again.findChildren(QSplitter)[0].sizes() == sizes


def test_a_save_dialog_opens_in_the_folder_last_used_for_that_kind_of_file(qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from hrsupply.ui.geometry import file_to_open, file_to_save

    offered, answers = [], [str(tmp_path / "exports" / "report.xlsx"), "", str(tmp_path / "usb" / "van.sync")]
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda parent, title, start, f: (offered.append(start), (answers.pop(0), f))[1]
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda parent, title, start, f: (offered.append(start), ("", f))[1]
    )
    assert file_to_save(None, "Export", "report.xlsx", "xlsx", "*.xlsx").endswith("report.xlsx")
    assert file_to_save(None, "Export", "stock.xlsx", "xlsx", "*.xlsx") == ""  # cancelled: nothing remembered
    file_to_save(None, "Sync", "van.sync", "sync", "*.sync")
    file_to_open(None, "Sync", "sync", "*.sync")
    assert offered == ["report.xlsx", str(tmp_path / "exports" / "stock.xlsx"), "van.sync", str(tmp_path / "usb")]


def test_a_dialog_left_large_at_200_percent_opens_at_its_own_size_at_100_and_never_off_screen(qtbot):
    from hrsupply.ui import preferences

    try:
        preferences.set_text_size(200)
        big = Sized()
        qtbot.addWidget(big)
        big.show()
        big.resize(1100, 600)
        big.hide()
        preferences.set_text_size(100)
        small = Sized()
        qtbot.addWidget(small)
        small.resize(400, 300)
        small.show()
        assert (small.width(), small.height()) == (400, 300)  # not the 200% size
        room = small.screen().availableGeometry()
        small.hide()
        huge = Sized()
        qtbot.addWidget(huge)
        huge.resize(room.width() + 500, room.height() + 500)  # as if left on a larger screen
        huge.show()
        assert huge.frameGeometry().width() <= room.width() and huge.frameGeometry().height() <= room.height()
    finally:
        preferences.set_text_size(100)
