"""The migrations build exactly the schema the models describe, on either database."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, text

from app.db.models import Base
from app.db.search import SQLITE_TRIGGERS, is_search_artefact
from app.db.session import Database


def _include_name(name: str | None, type_: str, parent_names: object) -> bool:
    return not is_search_artefact(name, type_)  # dialect-specific, owned by app.db.search


def _diff(connection: Connection) -> list[object]:
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "include_name": _include_name}
    )
    return list(compare_metadata(context, Base.metadata))


async def test_models_and_migrations_agree(database: Database) -> None:
    async with database.engine.connect() as conn:
        diff = await conn.run_sync(_diff)
    assert diff == []


async def test_the_search_index_is_in_place_at_head(database: Database) -> None:
    """A later SQLite migration that rebuilt tickets or comments would drop the triggers
    that keep the FTS5 index current; this notices it."""
    async with database.engine.connect() as conn:
        if database.dialect == "postgresql":
            found = await conn.execute(
                text(
                    "SELECT indexname FROM pg_indexes WHERE indexname IN "
                    "('ix_tickets_search_vector', 'ix_comments_search_vector')"
                )
            )
            assert len(found.all()) == 2
        else:
            found = await conn.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'"))
            assert set(SQLITE_TRIGGERS) <= {row[0] for row in found}
