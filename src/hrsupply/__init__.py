"""hrsupply: supply and visit records for syringe services programs."""

__version__ = "0.1.0"
