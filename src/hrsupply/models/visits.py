import uuid
from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hrsupply.models.base import Base


class Visit(Base):
    """One participant visit at the front desk or the van.

    Deliberately holds no name, birth date, address or free-text note: only an optional code the
    participant can reproduce, and counts.
    """

    __tablename__ = "visits"
    __table_args__ = (
        Index("ix_visits_location_at", "location_id", "occurred_at"),
        Index("ix_visits_participant_at", "participant", "occurred_at"),
        Index("uq_visits_uid", "uid", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(64))
    participant: Mapped[str | None] = mapped_column(String(32))
    syringes_returned: Mapped[int] = mapped_column(Integer, default=0)
    returned_estimated: Mapped[bool] = mapped_column(Boolean, default=False)  # from a container's size
    # Weighed instead of counted: the weight (g) the count was worked out from (program setting
    # syringes_per_pound); None when counted or estimated by a container.
    returned_grams: Mapped[int | None] = mapped_column(Integer)
    collecting_for: Mapped[int] = mapped_column(Integer, default=0)  # secondary distribution
    naloxone_reason: Mapped[str | None] = mapped_column(String(32))
    reversals_reported: Mapped[int] = mapped_column(Integer, default=0)
    from_tally: Mapped[bool] = mapped_column(Boolean, default=False)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)
    undone_by: Mapped[str | None] = mapped_column(String(64))
    # The visit's id everywhere (an export's visit_id): an import never adds the same visit twice.
    uid: Mapped[str | None] = mapped_column(String(36), default=lambda: str(uuid.uuid4()))
    # The database_id of the side that recorded it, when it came by sync (None: recorded here).
    origin: Mapped[str | None] = mapped_column(String(36))
    arrived_at: Mapped[datetime | None] = mapped_column(DateTime)  # when it came by sync


class VisitReferral(Base):
    __tablename__ = "visit_referrals"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    referral: Mapped[str] = mapped_column(String(64))


class Preset(Base):
    """A set of lines handed out together, e.g. the standard injection pack, on one key."""

    __tablename__ = "presets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class PresetLine(Base):
    __tablename__ = "preset_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    preset_id: Mapped[int] = mapped_column(ForeignKey("presets.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    quantity: Mapped[int] = mapped_column(Integer)


class Setting(Base):
    """Program-wide settings (code scheme, sharps container sizes, referral list) as JSON."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
