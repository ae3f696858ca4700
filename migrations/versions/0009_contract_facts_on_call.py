"""contracts: the facts an incident must carry, the on-call address; customers: the
standing facts of their cases (issue 13)

Revision ID: 0009_contract_facts_on_call
Revises: 0008_full_text_search
Create Date: 2026-12-02 04:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0009_contract_facts_on_call"
down_revision: str | None = "0008_full_text_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contracts") as batch:
        # Existing contracts require no facts beyond SPEC 4's call facts.
        batch.add_column(
            sa.Column(
                "required_facts",
                sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
                nullable=False,
                server_default=sa.text("'[]'"),
            )
        )
        batch.add_column(sa.Column("on_call_address", sa.String(length=320), nullable=True))
    with op.batch_alter_table("customers") as batch:
        batch.add_column(sa.Column("how_widespread", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("test_calls_allowed", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("customers") as batch:
        batch.drop_column("test_calls_allowed")
        batch.drop_column("how_widespread")
    with op.batch_alter_table("contracts") as batch:
        batch.drop_column("on_call_address")
        batch.drop_column("required_facts")
