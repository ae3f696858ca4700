"""the change feed, and `updated_since` on escalations (issue 10; tickets' index on
`updated_at` is 0015's)

Revision ID: 0016_change_feed
Revises: 0015_report_search_speed
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0016_change_feed"
down_revision: str | None = "0015_report_search_speed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "ticket_changes",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.String(length=50), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("tracking_number", sa.String(length=20), nullable=False),
        sa.Column("external_ref", sa.String(length=200), nullable=True),
        sa.Column("actor", JSON, nullable=False),
        sa.Column("data", JSON, nullable=False),
        sa.Column("internal", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_ticket_changes")),
        sa.UniqueConstraint("id", name=op.f("uq_ticket_changes_id")),
    )
    op.create_index(
        "ix_ticket_changes_customer_id_seq", "ticket_changes", ["customer_id", "seq"], unique=False
    )
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(
        "UPDATE escalations SET updated_at = COALESCE(resolved_at, acknowledged_at, created_at)"
    )
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.alter_column(
            "updated_at", existing_type=sa.DateTime(timezone=True), nullable=False
        )
        batch_op.create_index("ix_escalations_updated_at_id", ["updated_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.drop_index("ix_escalations_updated_at_id")
        batch_op.drop_column("updated_at")
    op.drop_index("ix_ticket_changes_customer_id_seq", table_name="ticket_changes")
    op.drop_table("ticket_changes")
