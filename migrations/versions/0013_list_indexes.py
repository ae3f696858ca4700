"""indexes for keyset lists in every scope and sort (issue 9 point 5)

Each list is ordered by (key, id) and resumed with the row comparison
`(key, id) < (:key, :id)`: an index on (key, id) — and on (customer_id, key, id) for a
customer's or a partner's lists — serves the order and bounds the scan. The index on
`created_at` alone becomes (created_at, id).

Revision ID: 0013_list_indexes
Revises: 0011_outbox_lanes_retention
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013_list_indexes"
down_revision: str | None = "0012_webhook_secrets"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_tickets_created_at_id": ["created_at", "id"],
    "ix_tickets_updated_at_id": ["updated_at", "id"],
    "ix_tickets_customer_id_created_at_id": ["customer_id", "created_at", "id"],
    "ix_tickets_customer_id_updated_at_id": ["customer_id", "updated_at", "id"],
    "ix_tickets_customer_id_severity_id": ["customer_id", "severity", "id"],
}


def upgrade() -> None:
    # Plain CREATE/DROP INDEX on both databases: no batch copy of `tickets` on SQLite,
    # so its full-text triggers and rowids stay as they are.
    for name, columns in INDEXES.items():
        op.create_index(name, "tickets", columns, unique=False)
    op.drop_index("ix_tickets_created_at", table_name="tickets")


def downgrade() -> None:
    op.create_index("ix_tickets_created_at", "tickets", ["created_at"], unique=False)
    for name in reversed(INDEXES):
        op.drop_index(name, table_name="tickets")
