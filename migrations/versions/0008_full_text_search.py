"""Full-text search: generated tsvectors with GIN indexes (PostgreSQL), FTS5 (SQLite).

Revision ID: 0008_full_text_search
Revises: 0007_clock_not_applicable
"""

from __future__ import annotations

from alembic import op

from app.db import search

revision: str = "0008_full_text_search"
down_revision: str | None = "0007_clock_not_applicable"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in search.POSTGRESQL_DDL:
            op.execute(statement)
    else:
        search.rebuild_sqlite_index(op.execute)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_comments_search_vector")
        op.execute("ALTER TABLE comments DROP COLUMN IF EXISTS search_vector")
        op.execute("DROP INDEX IF EXISTS ix_tickets_search_vector")
        op.execute("ALTER TABLE tickets DROP COLUMN IF EXISTS search_vector")
    else:
        for trigger in search.SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute(f"DROP TABLE IF EXISTS {search.FTS_TABLE}")
