"""SQLAlchemy tables only: no business rules, no Qt."""

from hrsupply.models.base import Base
from hrsupply.models.cards import ClientCard
from hrsupply.models.catalog import Barcode, Item, KitComponent, Location, Lot, PackSize, ParLevel, Source
from hrsupply.models.counts import StockCount, StockCountLine
from hrsupply.models.ledger import Balance, DayChange, ImportBatch, MonthChange, Movement, Receipt, Review
from hrsupply.models.orders import PurchaseOrder, PurchaseOrderLine
from hrsupply.models.people import AuditEntry, User
from hrsupply.models.sync import ParticipantCode, SetAside, SyncPeer
from hrsupply.models.van import CloseOut, LoadOut, LoadOutLine
from hrsupply.models.visits import Preset, PresetLine, Setting, Visit, VisitReferral

__all__ = [
    "Base",
    "Item",
    "Location",
    "Lot",
    "ParLevel",
    "Movement",
    "Balance",
    "MonthChange",
    "DayChange",
    "ImportBatch",
    "Visit",
    "VisitReferral",
    "Preset",
    "PresetLine",
    "Setting",
    "PackSize",
    "Barcode",
    "Source",
    "KitComponent",
    "Receipt",
    "Review",
    "LoadOut",
    "LoadOutLine",
    "CloseOut",
    "PurchaseOrder",
    "PurchaseOrderLine",
    "StockCount",
    "StockCountLine",
    "User",
    "AuditEntry",
    "SyncPeer",
    "SetAside",
    "ParticipantCode",
    "ClientCard",
]
