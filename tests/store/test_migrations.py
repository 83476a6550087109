"""Schema migrations on databases that already hold data: nothing lost, new indexes and search filled in."""

from __future__ import annotations

from api.sample_db import add_samples
from sqlalchemy import create_engine, inspect, text

from sitrep.store import EventQuery, Store, count_events
from sitrep.store.migrations import MIGRATIONS, SCHEMA_VERSION, _set_version, current_version, migrate


def build_old_database(path, version: int) -> None:
    """A database at an older schema version, filled through the Store (as that version's code would)."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        for step in MIGRATIONS[:version]:
            step(conn)
        _set_version(conn, version)
    store = Store(engine)
    with store.transaction() as conn:
        add_samples(store, conn)
    engine.dispose()


def table_counts(store: Store) -> dict[str, int]:
    return {name: store.count(name) for name in ("documents", "posts", "mentions", "events")}


def test_a_v4_database_gains_indexes_and_text_search_and_keeps_its_data(tmp_path):
    path = tmp_path / "v4.sqlite"
    build_old_database(path, 4)
    old = Store(create_engine(f"sqlite:///{path}"))
    before = table_counts(old)
    assert not old.text_index
    old.close()

    store = Store.open(path)
    with store.engine.connect() as conn:
        assert current_version(conn) == SCHEMA_VERSION
        indexes = {i["name"] for i in inspect(conn).get_indexes("events")}
        keys = conn.execute(text("SELECT count(*) FROM mention_search_keys")).scalar_one()
    assert table_counts(store) == before
    assert {"ix_events_date_cover", "ix_events_summary", "ix_events_actors"} <= indexes
    assert "ix_events_date_id" not in indexes  # v5's, superseded by v6's covering date index
    assert keys == before["mentions"]
    assert store.text_index
    assert count_events(store, EventQuery(text="vegetable market")) == 1
    assert count_events(store, EventQuery(admin1="IDLIB")) == 3
    store.close()


def test_migrating_again_changes_nothing(tmp_path):
    path = tmp_path / "v5.sqlite"
    build_old_database(path, 5)
    store = Store.open(path)
    before = table_counts(store)
    with store.transaction() as conn:
        assert migrate(conn) == 0
        MIGRATIONS[-1](conn)  # a migration run twice (a new database runs every one after create_all)
        keys = conn.execute(text("SELECT count(*) FROM mention_search_keys")).scalar_one()
    assert table_counts(store) == before
    assert keys == before["mentions"]
    assert count_events(store, EventQuery(text="vegetable market")) == 1
    store.close()


def test_a_new_database_has_every_index_and_the_text_search(tmp_path):
    store = Store.open(tmp_path / "new.sqlite")
    with store.engine.connect() as conn:
        assert current_version(conn) == SCHEMA_VERSION
        indexes = {i["name"] for i in inspect(conn).get_indexes("events")}
    assert {"ix_events_date_cover", "ix_events_type_date_cover", "ix_events_admin1_caseless"} <= indexes
    assert store.text_index
    store.close()


def test_statistics_are_refreshed_only_where_analyze_ran_before(tmp_path):
    analysed, plain = tmp_path / "analysed.sqlite", tmp_path / "plain.sqlite"
    for path in (analysed, plain):
        build_old_database(path, 5)
    engine = create_engine(f"sqlite:///{analysed}")
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    for path, expected in ((analysed, True), (plain, False)):
        store = Store.open(path)
        with store.engine.connect() as conn:
            query = "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
            has_stats = conn.exec_driver_sql(query).scalar_one() > 0
            fresh = has_stats and conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_stat1 WHERE idx = 'ix_events_date_cover'"
            ).scalar_one()
        assert bool(fresh) is expected, path.name
        store.close()
