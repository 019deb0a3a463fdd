"""The recovery sheet: the passphrase of an encrypted database on paper, with what it opens, to
keep in the office safe. Without the passphrase nobody can read the records, so this sheet is
the only way back from a forgotten one."""

from __future__ import annotations

import platform
from datetime import date
from pathlib import Path

from hrsupply.files import written
from hrsupply.i18n import tr
from hrsupply.services.card_pdf import wrap


def write(path: str | Path, passphrase: str, database: str, program: str = "") -> Path:
    """One page: what the passphrase opens, the passphrase in large monospaced type with how
    many characters and spaces it has (so none is lost copying it), and what to do with it."""
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
            for part in wrap(line, "Helvetica", 11, width - 2 * inch):  # a long path wraps, never runs off
                c.drawString(inch, y, part)
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
        c.setFont("Helvetica", 10)
        c.drawString(
            inch,
            y,
            tr("{n} characters, {spaces} of them spaces").format(n=len(passphrase), spaces=passphrase.count(" ")),
        )
        y -= 0.6 * inch
        c.setFont("Helvetica", 11)
        for paragraph in _advice():
            for line in wrap(paragraph, "Helvetica", 11, width - 2 * inch):
                c.drawString(inch, y, line)
                y -= 0.22 * inch
            y -= 0.12 * inch
        c.showPage()
        c.save()
    return path


def _advice() -> list[str]:
    """What the sheet is for, in paragraphs (wrapped to the page as they are drawn)."""
    return [
        tr(
            "This passphrase opens the encrypted records of participant visits, their backups and the van's "
            "sync files. Without it nobody can read them: not the program, not hrsupply's makers."
        ),
        tr(
            "Keep this sheet in the office safe, folded, with nothing else written on it. Never photograph it, "
            "email it or keep it beside the computer. If it may have been seen, change the passphrase (Settings "
            "→ Safety and backups → Change passphrase) and print a new sheet; shred this one."
        ),
        tr(
            "To open the records on a new computer: install hrsupply, copy the database file, start the app "
            "and type the passphrase when it asks (or set HRSUPPLY_DB_KEY for the command line)."
        ),
    ]
