from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hrsupply.models.base import Base


class SyncPeer(Base):
    """The other side of a sync pair: a van laptop for the central, the central for a laptop.
    `sent_*` are this side's record ids (movements, visits, client cards) the peer has confirmed;
    `received_*` the peer's ids this side has applied (so the next file from either side starts
    where the other one stands)."""

    __tablename__ = "sync_peers"

    id: Mapped[int] = mapped_column(primary_key=True)
    peer_id: Mapped[str] = mapped_column(String(36), unique=True)  # the peer's database_id
    role: Mapped[str] = mapped_column(String(16))  # what the peer is: "central" or "laptop"
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))  # the laptop's location
    secret: Mapped[str] = mapped_column(String(64))  # signs the pair's files (hex)
    central_url: Mapped[str | None] = mapped_column(String(500))  # a laptop's way to the central
    sent_movements: Mapped[int] = mapped_column(Integer, default=0)
    sent_visits: Mapped[int] = mapped_column(Integer, default=0)
    received_movements: Mapped[int] = mapped_column(Integer, default=0)
    received_visits: Mapped[int] = mapped_column(Integer, default=0)
    sent_cards: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    received_cards: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_received_at: Mapped[datetime | None] = mapped_column(DateTime)


class SetAside(Base):
    """A record from a peer that was not applied (its id is here with other content, or what it
    rests on is missing), kept with the reason for an admin to retry or dismiss."""

    __tablename__ = "sync_set_aside"
    __table_args__ = (Index("uq_sync_set_aside", "peer_id", "kind", "uid", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    peer_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(16))  # "visit" or "movement"
    uid: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(String(300))
    payload: Mapped[str] = mapped_column(Text)  # the record as it came (JSON)
    at: Mapped[datetime] = mapped_column(DateTime)
    dismissed_at: Mapped[datetime | None] = mapped_column(DateTime)
    dismissed_by: Mapped[str | None] = mapped_column(String(64))


class ParticipantCode(Base):
    """A participant code known at the central, kept on a laptop so the desk completes codes and
    tells a returning participant from a new one offline (codes only)."""

    __tablename__ = "participant_codes"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
