from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, Integer, String, Text, true
from sqlalchemy.orm import Mapped, mapped_column

from hrsupply.models.base import Base


class User(Base):
    """Someone who signs in. The PIN or password is kept only as a salted scrypt hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # admin supply_lead front_desk van_crew
    secret_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # Wrong PINs in a row; after too many, sign-in waits until `locked_until`.
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    # The PIN is shorter than the rules now ask (it works until changed); None: not known yet.
    short_secret: Mapped[bool | None] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))


class AuditEntry(Base):
    """A change to what is not in the ledger: items, par levels, locations, sources, users,
    settings. `changes` is JSON: {field: [before, after]}. Append-only, like the ledger."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))  # created changed
    entity: Mapped[str] = mapped_column(String(32))  # item par location source user setting
    key: Mapped[str] = mapped_column(String(200))
    changes: Mapped[str] = mapped_column(Text)
