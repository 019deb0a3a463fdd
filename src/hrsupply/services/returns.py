"""Used syringes returned by weight: some programs weigh the sharps that come back rather than
count them (one county counts 281 syringes to the pound). The weight is kept with the visit and
the count worked out from the program's syringes_per_pound, so the report can keep counted,
estimated by container and estimated by weight apart."""

from __future__ import annotations

from hrsupply.errors import UserError
from hrsupply.i18n import tr

GRAMS = {"lb": 453.59237, "kg": 1000.0}
UNITS = tuple(GRAMS)


def to_grams(amount: float, unit: str) -> int:
    """A weight as typed (lb or kg) in whole grams."""
    if unit not in GRAMS:
        raise UserError(tr("the weight's unit: lb or kg, not {unit!r}").format(unit=unit))
    if not 0 < amount <= 2000:
        raise UserError(tr("the weight of the returned sharps: above 0, up to 2,000"))
    return round(amount * GRAMS[unit])


def syringes_for(grams: int, per_pound: int | None) -> int:
    """How many syringes `grams` of returned sharps hold, at `per_pound` syringes to the pound."""
    if not per_pound:
        raise UserError(tr("returns by weight: set how many syringes a pound holds first (Settings → Front desk)"))
    return round(grams / GRAMS["lb"] * per_pound)
