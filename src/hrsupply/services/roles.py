"""The roles, what each may do, and who is signed in: plain data the window needs before its
first paint (services/access.py checks them against the database)."""

from __future__ import annotations

from dataclasses import dataclass

from hrsupply.i18n import QT_TR_NOOP, tr

ROLES = {
    "admin": QT_TR_NOOP("admin"),
    "supply_lead": QT_TR_NOOP("supply lead"),
    "front_desk": QT_TR_NOOP("front desk"),
    "van_crew": QT_TR_NOOP("van crew"),
}

# permission -> (what it lets a user do, the roles that have it)
PERMISSIONS = {
    "visits": (QT_TR_NOOP("record visits"), {"admin", "supply_lead", "front_desk", "van_crew"}),
    "van": (QT_TR_NOOP("load out or close out a van"), {"admin", "supply_lead", "van_crew"}),
    "stock": (QT_TR_NOOP("receive, adjust, count or order stock"), {"admin", "supply_lead"}),
    "catalog": (QT_TR_NOOP("change items, par levels, locations or sources"), {"admin", "supply_lead"}),
    "backdate": (QT_TR_NOOP("record an entry dated before today"), {"admin", "supply_lead"}),
    "reports": (QT_TR_NOOP("see and export the program report"), {"admin", "supply_lead"}),
    "admin": (QT_TR_NOOP("manage users and settings, or export participant-level data"), {"admin"}),
}


def can(role: str, permission: str) -> bool:
    return role in PERMISSIONS[permission][1]


@dataclass(frozen=True)
class Account:
    """Who is signed in."""

    username: str
    role: str

    @property
    def role_label(self) -> str:
        return tr(ROLES[self.role])
