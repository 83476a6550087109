"""Storage: SQLite by default, any SQLAlchemy URL (PostgreSQL) for teams."""

from sitrep.store.db import Store, StoreError, database_url
from sitrep.store.queries import EventQuery, count_events, get_event, iter_events

__all__ = ["Store", "StoreError", "database_url", "EventQuery", "count_events", "get_event", "iter_events"]
