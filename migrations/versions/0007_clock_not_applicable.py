"""ticket clocks remember when their target stopped applying (a severity change)

Revision ID: 0007_clock_not_applicable
Revises: 0006_inbound_mail
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_clock_not_applicable"
down_revision: str | None = "0006_inbound_mail"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ticket_clocks", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("not_applicable_at", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("ticket_clocks", schema=None) as batch_op:
        batch_op.drop_column("not_applicable_at")
