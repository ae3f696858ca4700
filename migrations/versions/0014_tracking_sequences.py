"""cache stamps; tracking numbers from per-year sequences (issue 9 points 2 and 3)

The PostgreSQL sequences themselves (`tracking_<year>`) are created on demand by the
first ticket of a year (app/db/tracking.py), starting after the year's counter row, so
nothing is created here for them; SQLite keeps the counter table.

Revision ID: 0014_tracking_sequences
Revises: 0013_list_indexes
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_tracking_sequences"
down_revision: str | None = "0013_list_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cache_stamps",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("stamp", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_cache_stamps")),
    )


def downgrade() -> None:
    op.drop_table("cache_stamps")
