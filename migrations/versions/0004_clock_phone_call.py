"""ticket clocks keep the verified call's basis (after_phone_call)

Revision ID: 0004_clock_phone_call
Revises: 0003_tickets
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_clock_phone_call"
down_revision: str | None = "0003_tickets"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ticket_clocks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("phone_call_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("phone_call_minutes", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ticket_clocks", schema=None) as batch_op:
        batch_op.drop_column("phone_call_minutes")
        batch_op.drop_column("phone_call_at")
