"""Qt widgets only. Screens talk to services; nothing here imports SQLAlchemy."""
