"""Nothing on any screen widens the window past a 1280×720 laptop's, whatever the data says."""

from datetime import date

from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from hrsupply.db import open_database
from hrsupply.services import catalog, demo
from hrsupply.ui.main_window import MainWindow
from hrsupply.ui.ops import settle
from hrsupply.ui.widgets import Message

WIDTH = 1280
LONG = "Mobile health van two, the night route along the river, the rail yards and the shelters on Fifth"
SAY = "A long thing to say: " + " ".join(["every word of it wraps instead of widening the window"] * 6)


def _too_wide(window: QWidget) -> list[str]:
    """The widgets whose smallest width alone leaves no room for the navigation list beside them."""
    room = WIDTH - window.nav.width()
    return [
        f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r:.60} {w.minimumSizeHint().width()}"
        for w in window.findChildren(QWidget)
        if w.isVisible()
        and w.minimumSizeHint().width() > room
        and w.window() is window
        and not w.isAncestorOf(window.stack)
    ]


def test_every_screen_and_tab_fits_1280_wide_with_long_names_and_messages(qtbot, shown, tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    demo.populate(db, date.today(), days=2)
    with db.write() as s:  # names as long as a program writes them
        catalog.upsert_location(s, "VAN2", LONG, "van")
        catalog.upsert_item(s, "LONG", name="Wound care kit, " + LONG.lower(), category="Wound care " + LONG.lower())
    window = shown(MainWindow(db, "sam"))
    window.resize(WIDTH, 720)
    for name in window.names:
        screen = window.show_screen(name)
        settle()
        tabs = [t for t in screen.findChildren(QTabWidget)] or [None]
        for tab_widget in tabs:
            for index in range(tab_widget.count() if tab_widget else 1):
                if tab_widget:
                    tab_widget.setCurrentIndex(index)
                    settle()
                for message in screen.findChildren(Message):
                    message.error(SAY)
                QApplication.processEvents()
                where = f"{name}" + (f" / {tab_widget.tabText(index)}" if tab_widget else "")
                # Each screen scrolls rather than be cut off; at 100% none should need to.
                room = WIDTH - window.nav.width() - 12
                assert window.width() <= WIDTH and screen.minimumSizeHint().width() <= room, (
                    where,
                    window.width(),
                    _too_wide(window),
                )


def test_every_dialog_opens_within_a_1280x720_screen(qtbot, tmp_path):
    """Opened at its own size, each dialog leaves room for a title bar and a taskbar on a 720-px
    laptop, with its buttons on screen (the tally sheet was 760 high, the preview 1000)."""
    import logging

    from reportlab.pdfgen.canvas import Canvas

    from hrsupply.services import program
    from hrsupply.ui.code_builder import CodeBuilderDialog
    from hrsupply.ui.counts_screen import ChooseItems
    from hrsupply.ui.error_dialog import ErrorDialog
    from hrsupply.ui.pdf_preview import PdfPreview
    from hrsupply.ui.sign_in import FirstAdminDialog, SignInDialog
    from hrsupply.ui.tally_entry import TallyEntryDialog

    db = open_database(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    demo.populate(db, date.today(), days=2)
    with db.write() as s:
        catalog.upsert_location(s, "VAN2", LONG, "van")
    locations = [(loc.name, loc.id) for loc in catalog.locations(db)]
    pdf = tmp_path / "sheet.pdf"
    canvas = Canvas(str(pdf))
    canvas.drawString(72, 720, "A sheet")
    canvas.save()
    dialogs = {
        "tally sheet": TallyEntryDialog(db, "sam", None, locations, program.get(db, "referrals")),
        "print preview": PdfPreview(pdf, "Sheet", "sheet.pdf"),
        "code builder": CodeBuilderDialog(program.code_scheme(db)),
        "choose items": ChooseItems(catalog.items(db)),
        "error": ErrorDialog(SAY, logging.getLogger("test")),
        "sign in": SignInDialog(db),
        "first admin": FirstAdminDialog(db),
    }
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        settle()
        QApplication.processEvents()
        room = dialog.screen().availableGeometry()
        width, height = room.width() - 40, room.height() - 60  # the preview fills the screen it is on
        if name != "print preview":  # the rest open at a size a 720-px laptop holds
            width, height = min(width, WIDTH), min(height, 660)
        assert dialog.width() <= width and dialog.height() <= height, (name, dialog.size())
        assert dialog.minimumSizeHint().height() <= 660 and dialog.minimumSizeHint().width() <= WIDTH, name
        dialog.close()
