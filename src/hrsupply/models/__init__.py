"""SQLAlchemy tables only: no business rules, no Qt."""

from hrsupply.models.base import Base
from hrsupply.models.catalog import Item, Location, Lot, ParLevel
from hrsupply.models.ledger import Balance, ImportBatch, Movement
from hrsupply.models.visits import Preset, PresetLine, Setting, Visit, VisitReferral

__all__ = ["Base", "Item", "Location", "Lot", "ParLevel", "Movement", "Balance", "ImportBatch",
           "Visit", "VisitReferral", "Preset", "PresetLine", "Setting"]
