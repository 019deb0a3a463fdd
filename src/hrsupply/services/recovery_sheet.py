"""The recovery sheet: the passphrase of an encrypted database on paper, with what it opens, to
keep in the office safe. Without the passphrase nobody can read the records, so this sheet is
the only way back from a forgotten one."""

from __future__ import annotations

import platform
from datetime import date
from pathlib import Path

from hrsupply.files import written
from hrsupply.i18n import tr


def write(path: str | Path, passphrase: str, database: str, program: str = "") -> Path:
    """One page: what the passphrase opens, the passphrase in large monospaced type, grouped
    for reading aloud, and what to do with the sheet."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.units import inch
    from reportlab.pdfgen.canvas import Canvas

    path = Path(path)
    width, height = letter
    with written(path) as temp:
        c = Canvas(str(temp), pagesize=letter)
        c.setTitle(tr("hrsupply recovery sheet"))
        c.setAuthor("hrsupply")
        y = height - inch
        c.setFont("Helvetica-Bold", 20)
        c.drawString(inch, y, tr("hrsupply recovery sheet"))
        y -= 0.4 * inch
        c.setFont("Helvetica", 11)
        for line in (
            (program + " · " if program else "") + tr("made {day}").format(day=date.today().isoformat()),
            tr("Computer: {name}").format(name=platform.node() or "?"),
            tr("Database: {path}").format(path=database),
        ):
            c.drawString(inch, y, line[:110])
            y -= 0.25 * inch
        y -= 0.3 * inch
        c.setFont("Helvetica-Bold", 12)
        c.drawString(inch, y, tr("The passphrase (exact: letter case, spaces and punctuation count)"))
        y -= 0.6 * inch
        c.setFont("Courier-Bold", 18)
        for n in range(0, len(passphrase), 40):
            c.drawString(inch, y, passphrase[n : n + 40])
            y -= 0.35 * inch
        y -= 0.2 * inch
        c.setFont("Courier", 10)
        c.drawString(inch, y, tr("Read aloud in groups of 4: ") + " ".join(_groups(passphrase))[:90])
        y -= 0.6 * inch
        c.setFont("Helvetica", 11)
        for line in _advice():
            c.drawString(inch, y, line)
            y -= 0.22 * inch
        c.showPage()
        c.save()
    return path


def _groups(text: str) -> list[str]:
    return [text[n : n + 4] for n in range(0, len(text), 4)]


def _advice() -> list[str]:
    return [
        tr("This passphrase opens the encrypted records of participant visits, their backups and the"),
        tr("van's sync files. Without it nobody can read them: not the program, not hrsupply's makers."),
        "",
        tr("Keep this sheet in the office safe, folded, with nothing else written on it. Never photograph"),
        tr("it, email it or keep it beside the computer. If it may have been seen, change the passphrase"),
        tr("(Settings → Safety and backups → Change passphrase) and print a new sheet; shred this one."),
        "",
        tr("To open the records on a new computer: install hrsupply, copy the database file, start the"),
        tr("app and type the passphrase when it asks (or set HRSUPPLY_DB_KEY for the command line)."),
    ]
