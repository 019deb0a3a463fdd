"""Small-count suppression that cannot be worked back.

A count of 1 to SMALL − 1 people is shown as "<5" (primary suppression). That alone is not enough:
a total beside it, the other locations' figures, or unique = new + returning can give it back. So
the figures published together are taken with every relation a reader knows holds between them,
and, as long as some hidden figure can be pinned to one value from the rest, another figure of the
same relation is hidden too ("*": complementary suppression). A "*" is a figure of 0 or of SMALL or
more (1 to SMALL − 1 would be "<5"), so a reader can narrow it no further than that.

The check is interval reasoning over the relations: sound (what it pins is pinned), and together
with hiding a second figure wherever one stands alone it leaves every hidden figure open; the test
suite checks that claim with an exact integer solver.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

SMALL = 5
UNDER = f"<{SMALL}"  # primary: 1 to SMALL − 1 people
HIDDEN = "*"  # complementary: hidden so that no "<5" can be solved
INF = float("inf")


@dataclass(frozen=True)
class Relation:
    """What a reader knows of a whole and its parts:
    - "sum": whole = sum of the parts (visits over locations, unique = new + returning);
    - "distinct": max(parts) <= whole <= sum(parts) (people over locations or months);
    - "at_least": whole >= sum(parts) (new people over months at one location);
    - "at_most": whole <= sum(parts) (returning people over months).
    """

    kind: str
    whole: Hashable
    parts: tuple[Hashable, ...]

    @property
    def cells(self) -> tuple[Hashable, ...]:
        return (self.whole, *self.parts)


def suppress(values: dict[Hashable, int], relations: Iterable[Relation]) -> dict[Hashable, str]:
    """The cells to hide and how: UNDER for a count of 1..SMALL-1, HIDDEN for one hidden so that
    no UNDER can be solved. `values` holds every published people count."""
    relations = [r for r in relations if all(c in values for c in r.cells)]
    hidden = {cell: UNDER for cell, v in values.items() if 0 < v < SMALL}
    while True:
        for cell in _pinned(values, relations, hidden):
            extra = _complement(cell, values, relations, hidden)
            if extra is not None:
                hidden[extra] = HIDDEN
                break  # look again: one more hidden figure often frees several
        else:
            return hidden


def _complement(cell, values, relations, hidden):
    """Another figure to hide beside `cell`: in its relation with the fewest hidden figures, the
    smallest part (a part says less than the whole), else the whole."""
    best = None
    for r in sorted((r for r in relations if cell in r.cells), key=lambda r: sum(c in hidden for c in r.cells)):
        parts = sorted((c for c in r.parts if c not in hidden), key=lambda c: values[c])
        if parts:
            return parts[0]
        if r.whole not in hidden and best is None:
            best = r.whole
    return best


def bounds(
    values: dict[Hashable, int], relations: list[Relation], hidden: dict[Hashable, str]
) -> dict[Hashable, list[float]]:
    """What a reader can know of each hidden figure: [low, high], by narrowing every relation in
    turn until nothing changes."""
    box: dict[Hashable, list[float]] = {}
    for cell, v in values.items():
        if cell not in hidden:
            box[cell] = [v, v]
        else:
            box[cell] = [1, SMALL - 1] if hidden[cell] == UNDER else [0, INF]
    for _ in range(200):  # narrowing converges in a few rounds; the cap is for safety
        changed = False
        for r in relations:
            changed |= _narrow(r, box)
        for cell, how in hidden.items():  # a "*" is 0 or at least SMALL, never 1 to SMALL − 1
            if how == HIDDEN:
                lo, hi = box[cell]
                new = [SMALL if lo > 0 else lo, 0 if hi < SMALL else hi]
                if new != box[cell]:
                    box[cell], changed = new, True
        if not changed:
            break
    return {c: box[c] for c in hidden}


def _narrow(r: Relation, box: dict) -> bool:
    changed = False

    def tighten(cell, lo=None, hi=None):
        nonlocal changed
        cur = box[cell]
        if lo is not None and lo > cur[0]:
            cur[0], changed = lo, True
        if hi is not None and hi < cur[1]:
            cur[1], changed = hi, True

    whole, parts = r.whole, r.parts
    lo_sum = sum(box[p][0] for p in parts)
    hi_sum = sum(box[p][1] for p in parts)
    if r.kind == "sum":
        tighten(whole, lo_sum, hi_sum)
        for p in parts:
            tighten(p, box[whole][0] - (hi_sum - box[p][1]), box[whole][1] - (lo_sum - box[p][0]))
    elif r.kind == "distinct":
        tighten(whole, max(box[p][0] for p in parts), hi_sum)
        for p in parts:
            tighten(p, box[whole][0] - (hi_sum - box[p][1]), box[whole][1])
    elif r.kind == "at_most":
        tighten(whole, hi=hi_sum)
        for p in parts:
            tighten(p, box[whole][0] - (hi_sum - box[p][1]))
    elif r.kind == "at_least":
        tighten(whole, lo_sum)
        for p in parts:
            tighten(p, hi=box[whole][1] - (lo_sum - box[p][0]))
    return changed


def _pinned(values, relations, hidden) -> list:
    """The "<5" figures a reader could work out exactly."""
    return [c for c, (lo, hi) in bounds(values, relations, hidden).items() if lo == hi and hidden[c] == UNDER]
