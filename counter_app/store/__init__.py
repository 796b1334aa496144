"""Persistence: SQLAlchemy models, the engine, migrations and the schema check."""
