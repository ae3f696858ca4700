"""webhook secret rotation: the previous secret and until when it still signs (issue 10)

Existing secrets stay as they are: `whsec_` + 43 URL-safe characters, which the sender
recognises (they are never strict base64) and keys with the same bytes as before, so their
receivers keep their key; rotating gives them a Standard Webhooks secret.

Revision ID: 0012_webhook_secrets
Revises: 0011_outbox_lanes_retention
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_webhook_secrets"
down_revision: str | None = "0011_outbox_lanes_retention"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("webhook_subscriptions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("previous_secret_sealed", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("previous_secret_until", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("webhook_subscriptions", schema=None) as batch_op:
        batch_op.drop_column("previous_secret_until")
        batch_op.drop_column("previous_secret_sealed")
