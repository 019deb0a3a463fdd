"""Services: one module per thing users do. Each takes a Database, runs one transaction per use
case, validates input, and returns plain dataclasses. Nothing here imports Qt."""
