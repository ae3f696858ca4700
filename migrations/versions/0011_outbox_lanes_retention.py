"""outbox lanes, wake-ups and retention indexes (issue 11 points 9 and 11)

Revision ID: 0011_outbox_lanes_retention
Revises: 0010_account_security
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_outbox_lanes_retention"
down_revision: str | None = "0010_account_security"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Workers LISTEN on this channel (app/worker.py, NOTIFY_CHANNEL): a committed insert
# into the outbox wakes them at once instead of at their next poll.
NOTIFY_FUNCTION = """
CREATE FUNCTION supportdesk_outbox_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('supportdesk_outbox', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""
NOTIFY_TRIGGER = """
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
FOR EACH STATEMENT EXECUTE FUNCTION supportdesk_outbox_notify()
"""


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("destination", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.create_index("ix_outbox_finished", ["status", "created_at"], unique=False)
    subscription = (
        "(payload->>'subscription_id')"
        if op.get_bind().dialect.name == "postgresql"
        else "json_extract(payload, '$.subscription_id')"
    )
    op.execute(
        "UPDATE outbox SET destination = CASE WHEN kind = 'webhook' "  # noqa: S608 (constants)
        f"THEN 'webhook:' || {subscription} ELSE kind END"
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.alter_column("destination", server_default=None)
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_webhook_deliveries_attempted_at"), ["attempted_at"], unique=False
        )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(NOTIFY_FUNCTION)
        op.execute(NOTIFY_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER outbox_notify ON outbox")
        op.execute("DROP FUNCTION supportdesk_outbox_notify()")
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_webhook_deliveries_attempted_at"))
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_finished")
        batch_op.drop_column("destination")
