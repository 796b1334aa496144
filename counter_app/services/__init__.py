"""Use cases: one transaction each, with role checks and audit events. No Qt."""
