"""accounts hardening: token version, domain claim status, known login clients (issue 11)

Revision ID: 0010_account_security
Revises: 0009_contract_facts_on_call
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_account_security"
down_revision: str | None = "0009_contract_facts_on_call"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("token_version", sa.Integer(), server_default="0", nullable=False)
        )
    # Existing registrations were made by administrators or before claims existed: verified.
    with op.batch_alter_table("customer_domains", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status", sa.String(length=10), server_default="verified", nullable=False)
        )
    op.create_table(
        "login_clients",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_login_clients_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "client", name=op.f("pk_login_clients")),
    )


def downgrade() -> None:
    op.drop_table("login_clients")
    with op.batch_alter_table("customer_domains", schema=None) as batch_op:
        batch_op.drop_column("status")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("token_version")
