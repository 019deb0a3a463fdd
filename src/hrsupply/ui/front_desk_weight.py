"""The "or weighed" box of the front desk and the van's tally sheet: a program that weighs the
sharps that come back (Settings → Front desk: syringes to the pound) types the weight, and the
count shows what it comes to. The visit keeps the weight; the service works the count out again
(services/returns.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QLabel, QSpinBox

from hrsupply.i18n import tr
from hrsupply.services.returns import GRAMS, syringes_for, to_grams


class WeighedReturns:
    """Owns the weight box beside the returned count (hidden while the program counts only)."""

    def __init__(self, returned: QSpinBox, estimated: QCheckBox | None = None):
        self.returned, self.estimated = returned, estimated
        self.per_pound: int | None = None
        self.unit = "lb"
        self.box = QDoubleSpinBox(decimals=2, maximum=2000, singleStep=0.25)
        self.box.setAccessibleName(tr("Weight of the returned sharps"))
        self.label = QLabel(tr("or &weighed  (Alt+W)"))
        self.label.setBuddy(self.box)
        self.box.valueChanged.connect(self._weighed)
        self.show(None, "lb")

    def show(self, per_pound: int | None, unit: str) -> None:
        self.per_pound, self.unit = per_pound, unit if unit in GRAMS else "lb"
        self.box.setSuffix(f" {self.unit}")
        for widget in (self.box, self.label):
            widget.setVisible(bool(per_pound))
        if not per_pound:
            self.box.setValue(0)

    def grams(self) -> int | None:
        return to_grams(self.box.value(), self.unit) if self.per_pound and self.box.value() > 0 else None

    def _weighed(self, _amount: float) -> None:
        """The count follows the weight (and cannot be typed over while there is one); weighed
        is not "estimated by a container"."""
        grams = self.grams()
        self.returned.setReadOnly(grams is not None)
        if grams is not None and self.estimated is not None:
            self.estimated.setChecked(False)
        if grams is not None:
            self.returned.setValue(syringes_for(grams, self.per_pound))

    def clear(self) -> None:
        self.box.setValue(0)
