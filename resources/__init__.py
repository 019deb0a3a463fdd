"""Data rather than code, read with importlib.resources (a source checkout, a wheel and the frozen
app alike): the app icon, the Linux desktop entry and AppStream metadata, the starter catalog.

Installed as the package `hrsupply.resources` (pyproject.toml maps it here)."""
