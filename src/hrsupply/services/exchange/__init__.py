"""The spreadsheet exchange format: import a whole workbook or nothing, export everything.

Sheets (names and headers case-insensitive, columns in any order, header in row 1): Items,
Locations, Par, Sources, Packs, Barcodes, Kits, Presets, Movements, Visits and Visit lines; any of
them may be left out. Every problem in a file is reported at once, by sheet, row and column; a
file with any problem writes nothing. An export holds everything a program needs to move to a new
computer or another system (never users or PIN hashes), and imports into an empty database as the
same records: the handouts of a visit are its Visit lines, the Movements are everything else.

The import runs in stages, each a module that can be called on its own: `read` (the file to raw
rows), `rows` (each sheet's cells typed and checked), `plan` (rehearsed against the stock, rows
already in the records found, the write under lock); `importing` runs them (`prepare`, `commit`).
"""

from hrsupply.services.exchange.export import export_workbook
from hrsupply.services.exchange.importing import ImportSummary, Prepared, commit, import_workbook, prepare
from hrsupply.services.exchange.read import sheet_rows
from hrsupply.services.exchange.sheets import LIMITS, SHEETS

__all__ = [
    "LIMITS",
    "SHEETS",
    "ImportSummary",
    "Prepared",
    "commit",
    "export_workbook",
    "import_workbook",
    "prepare",
    "sheet_rows",
]
