"""the SLA report reads the clocks alone (issue 9: the yearly report at 1 M tickets < 1 s)

The report groups clocks by their ticket's severity and filters them by their ticket's
creation: joining a year of tickets (half a million at 1 M) to their clocks took most of
its 2.5 s. Each clock now carries a copy of both, `ticket_severity` and
`ticket_created_at`, kept in step by the database itself — a trigger when a clock is
inserted and one when a ticket's severity (or creation instant) changes — so that no
path of the application (ORM, Core inserts, a severity change, the bench loaders) can
forget it. The index `ix_ticket_clocks_report` is in the report's grouping order,
(metric, severity, created), and on PostgreSQL carries what the report reads (INCLUDE),
so the report is one index-only scan feeding the grouping-set aggregate, with no join
and no sort. That scan reads every clock's entry whatever the period; a short period
(a month) reads its range of `ix_ticket_clocks_ticket_created_at` instead and sorts the
little it finds — the planner takes whichever costs less.

Plain ADD COLUMN and CREATE INDEX on SQLite (no batch copy of `ticket_clocks`), so its
rowids and the full-text triggers of `tickets` stay as they are.

Revision ID: 0015_report_search_speed
Revises: 0014_tracking_sequences
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_report_search_speed"
down_revision: str | None = "0014_tracking_sequences"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_ticket_clocks_report"
INDEX_COLUMNS = ["metric", "ticket_severity", "ticket_created_at"]
INDEX_INCLUDE = ["state", "counted_seconds", "stopped_at"]
PERIOD_INDEX = "ix_ticket_clocks_ticket_created_at"

POSTGRESQL_UP = (
    """CREATE FUNCTION ticket_clocks_copy_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        SELECT t.severity, t.created_at INTO NEW.ticket_severity, NEW.ticket_created_at
        FROM tickets t WHERE t.id = NEW.ticket_id;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER ticket_clocks_copy_ticket
    BEFORE INSERT OR UPDATE OF ticket_id ON ticket_clocks
    FOR EACH ROW EXECUTE FUNCTION ticket_clocks_copy_ticket()""",
    """CREATE FUNCTION tickets_copy_to_clocks() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE ticket_clocks
        SET ticket_severity = NEW.severity, ticket_created_at = NEW.created_at
        WHERE ticket_id = NEW.id;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER tickets_copy_to_clocks
    AFTER UPDATE OF severity, created_at ON tickets
    FOR EACH ROW
    WHEN (OLD.severity IS DISTINCT FROM NEW.severity
          OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION tickets_copy_to_clocks()""",
)
POSTGRESQL_DOWN = (
    "DROP TRIGGER tickets_copy_to_clocks ON tickets",
    "DROP FUNCTION tickets_copy_to_clocks()",
    "DROP TRIGGER ticket_clocks_copy_ticket ON ticket_clocks",
    "DROP FUNCTION ticket_clocks_copy_ticket()",
)
# SQLite cannot assign NEW in a trigger: the copy is written just after the insert.
SQLITE_UP = (
    """CREATE TRIGGER ticket_clocks_copy_ticket AFTER INSERT ON ticket_clocks BEGIN
        UPDATE ticket_clocks SET
            ticket_severity = (SELECT severity FROM tickets WHERE id = new.ticket_id),
            ticket_created_at = (SELECT created_at FROM tickets WHERE id = new.ticket_id)
        WHERE rowid = new.rowid;
    END""",
    """CREATE TRIGGER ticket_clocks_copy_ticket_moved AFTER UPDATE OF ticket_id
    ON ticket_clocks BEGIN
        UPDATE ticket_clocks SET
            ticket_severity = (SELECT severity FROM tickets WHERE id = new.ticket_id),
            ticket_created_at = (SELECT created_at FROM tickets WHERE id = new.ticket_id)
        WHERE rowid = new.rowid;
    END""",
    """CREATE TRIGGER tickets_copy_to_clocks AFTER UPDATE OF severity, created_at
    ON tickets BEGIN
        UPDATE ticket_clocks
        SET ticket_severity = new.severity, ticket_created_at = new.created_at
        WHERE ticket_id = new.id;
    END""",
)
SQLITE_DOWN = (
    "DROP TRIGGER tickets_copy_to_clocks",
    "DROP TRIGGER ticket_clocks_copy_ticket_moved",
    "DROP TRIGGER ticket_clocks_copy_ticket",
)
FILL = """UPDATE ticket_clocks SET
    ticket_severity = (SELECT t.severity FROM tickets t WHERE t.id = ticket_clocks.ticket_id),
    ticket_created_at = (SELECT t.created_at FROM tickets t WHERE t.id = ticket_clocks.ticket_id)"""
POSTGRESQL_FILL = """UPDATE ticket_clocks c
    SET ticket_severity = t.severity, ticket_created_at = t.created_at
    FROM tickets t WHERE t.id = c.ticket_id"""


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.add_column("ticket_clocks", sa.Column("ticket_severity", sa.Integer(), nullable=True))
    op.add_column(
        "ticket_clocks",
        sa.Column("ticket_created_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.execute(POSTGRESQL_FILL if postgresql else FILL)
    for statement in POSTGRESQL_UP if postgresql else SQLITE_UP:
        op.execute(statement)
    op.create_index(
        INDEX, "ticket_clocks", INDEX_COLUMNS, unique=False, postgresql_include=INDEX_INCLUDE
    )
    op.create_index(PERIOD_INDEX, "ticket_clocks", ["ticket_created_at"], unique=False)


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.drop_index(PERIOD_INDEX, table_name="ticket_clocks")
    op.drop_index(INDEX, table_name="ticket_clocks")
    for statement in POSTGRESQL_DOWN if postgresql else SQLITE_DOWN:
        op.execute(statement)
    with op.batch_alter_table("ticket_clocks") as batch_op:
        batch_op.drop_column("ticket_created_at")
        batch_op.drop_column("ticket_severity")
