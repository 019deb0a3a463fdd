import uuid
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from hrsupply.models.base import Base


class ClientCard(Base):
    """A client card printed for a participant code: which card of that code it was, and when.
    Nothing else is kept (no name, no photo, not even who printed it); where it was printed
    is the program's, for its report."""

    __tablename__ = "client_cards"
    __table_args__ = (Index("ix_client_cards_code", "code"), Index("uq_client_cards_uid", "uid", unique=True))

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=lambda: str(uuid.uuid4()))
    code: Mapped[str] = mapped_column(String(32))
    number: Mapped[int] = mapped_column(Integer)  # 1: the first card; 2, 3…: replacements
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))  # where it was printed
    # As on visits: the database that printed it, when it came by sync (None: printed here).
    origin: Mapped[str | None] = mapped_column(String(36))
    arrived_at: Mapped[datetime | None] = mapped_column(DateTime)
