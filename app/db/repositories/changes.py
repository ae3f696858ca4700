"""The change feed and the audit trail's writes: buffered per transaction, written just
before COMMIT with a sequence number in commit order (issue 10).

Why not a bare serial: a sequence number drawn mid-transaction (`nextval`) is *allocated*
in one order and *committed* in another. Transaction A draws 10, B draws 11, B commits
first; a reader polling `seq > 9` sees 11 and stores it as its cursor, then A commits 10
behind its back — skipped for ever. A filter on `pg_snapshot_xmin` does not save it
either: the reader would have to know which numbers are still in flight, and a number
drawn by a transaction that has not yet *started* its commit is invisible to any snapshot.

So the numbers are drawn at the last moment, in commit order: `write_pending` runs as the
final step of a real COMMIT (`UnitOfWork.commit`). On PostgreSQL it takes a transaction-
scoped advisory lock (`pg_advisory_xact_lock(FEED_LOCK)`), reads `max(seq)`, inserts the
transaction's rows with the next numbers, and commits; the lock is released only after the
commit is visible. The next writer therefore reads a `max(seq)` that includes ours, and
every number a reader can see was committed after all smaller ones: a reader that has seen
`n` never later finds a number below `n` appear. The lock is held for one INSERT and the
COMMIT only. On SQLite, writers are serialised by `BEGIN IMMEDIATE`, so `max(seq) + 1` is
already in commit order.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import BigInteger, Uuid, column, func, insert, select, text
from sqlalchemy.sql.selectable import TextualSelect

from app.db.bulk import Unnest
from app.db.models import OutboxMessage, TicketChange, TicketEvent
from app.db.repositories.base import Repository
from app.db.repositories.scoping import customer_predicate
from app.domain.actors import Scope
from app.domain.delivery import destination_of
from app.domain.ids import new_id

FEED_LOCK = 0x5D_C4A9_0010  # the change feed's advisory lock key (PostgreSQL)

# (kind, payload) of each outbox message a change sends, given its sequence number.
Fanout = Callable[[int], Sequence[tuple[str, dict[str, Any]]]]


@dataclass(slots=True)
class PendingChange:
    """A recorded change, waiting for COMMIT: its audit event, its feed row (without the
    `seq` it will get) and the webhooks it sends."""

    audit: dict[str, Any] | None
    change: dict[str, Any] | None
    fanout: Fanout | None = None
    # Outbox rows queued in the transaction (e-mails), written with the change's rows.
    messages: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class _Buffer:
    kept: list[PendingChange] = field(default_factory=list)  # committed savepoints
    open: list[PendingChange] = field(default_factory=list)  # since the last savepoint


class ChangeRepository(Repository):
    """Only `app.services.ticket_changes.record` adds; the unit of work writes or drops."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._buffer = _Buffer()

    def append(self, pending: PendingChange) -> None:
        self._buffer.open.append(pending)

    def enqueue(self, row: dict[str, Any]) -> None:
        """An outbox row of this transaction (`OutboxRepository.enqueue`): it is written
        at COMMIT with the change's own rows, and dropped with them on a rollback."""
        self._buffer.open.append(PendingChange(audit=None, change=None, messages=[row]))

    @property
    def pending(self) -> int:
        return len(self._buffer.kept) + len(self._buffer.open)

    @property
    def recorded_since_commit(self) -> bool:
        return bool(self._buffer.open)

    def keep(self) -> None:
        """A held use case committed: its changes commit with the request's transaction."""
        self._buffer.kept.extend(self._buffer.open)
        self._buffer.open.clear()

    def drop_open(self) -> None:
        """A held use case rolled back: what it recorded since its commit never happened."""
        self._buffer.open.clear()

    def drop_all(self) -> None:
        self._buffer = _Buffer()

    async def write_pending(self) -> None:
        """Writes the transaction's audit events, feed rows and outbox messages, with
        their sequence numbers; call it last before COMMIT (see the module docstring).

        PostgreSQL: the advisory lock, then one statement — the audit events and the
        e-mails as data-modifying CTEs of the feed rows' INSERT, whose numbers come from
        `max(seq)` read by that same statement (its snapshot is taken after the lock), the
        rows sent as arrays so that its text never changes (`app.db.bulk`) — and the
        webhooks, which carry their `seq`, when anyone listens. SQLite, which
        has no data-modifying CTEs, spends a statement per table."""
        pending = self._buffer.kept + self._buffer.open
        self._buffer = _Buffer()
        if not pending:
            return
        await self.session.flush()  # the ORM's rows (and their row locks) first
        audits = [p.audit for p in pending if p.audit is not None]
        mails = [m for p in pending for m in p.messages]
        changes = [p for p in pending if p.change is not None]
        if not changes:
            if audits:
                await self.session.execute(insert(TicketEvent), audits)
            if mails:
                await self.session.execute(insert(OutboxMessage), mails)
            return
        rows = [p.change for p in changes if p.change is not None]
        if self.dialect == "postgresql":
            await self.session.execute(select(func.pg_advisory_xact_lock(FEED_LOCK)))
            statement, parts = _feed_statement(_shape(audits), _shape(mails), _shape(rows))
            params: dict[str, list[Any]] = {}
            for part, part_rows in zip(parts, (audits, mails, rows), strict=True):
                params |= part.params(part_rows)
            result = await self.session.execute(statement, params)
        else:
            if audits:
                await self.session.execute(insert(TicketEvent), audits)
            if mails:
                await self.session.execute(insert(OutboxMessage), mails)
            newest = select(func.coalesce(func.max(TicketChange.seq), 0)).scalar_subquery()
            numbered_rows = [r | {"seq": newest + n} for n, r in enumerate(rows, start=1)]
            result = await self.session.execute(
                insert(TicketChange)
                .values(numbered_rows)
                .returning(TicketChange.id, TicketChange.seq)
            )
        numbered = {row[0]: row[1] for row in result.all()}
        messages: list[dict[str, Any]] = []
        for item in changes:
            assert item.change is not None
            seq = numbered[item.change["id"]]
            for kind, payload in item.fanout(seq) if item.fanout else ():
                messages.append(outbox_row(kind, payload, item.change["occurred_at"]))
        if messages:
            await self.session.execute(insert(OutboxMessage), messages)

    async def read(
        self,
        scope: Scope,
        after: int,
        limit: int,
        *,
        include_internal: bool,
        kinds: Collection[str] | None = None,
    ) -> tuple[list[TicketChange], int]:
        """The visible changes after `after` (of `kinds`, if given), oldest first, and the
        cursor to go on from.

        The newest number is read first: every number up to it is committed (commit
        order), so a page that is not full has seen all there is up to it, and the
        cursor moves there even when none of it was the caller's to see."""
        high = int(
            (
                await self.session.execute(select(func.coalesce(func.max(TicketChange.seq), 0)))
            ).scalar_one()
        )
        stmt = select(TicketChange).where(
            TicketChange.seq > after,
            TicketChange.seq <= high,
            customer_predicate(scope, TicketChange.customer_id),
        )
        if not include_internal:
            stmt = stmt.where(TicketChange.internal.is_(False))
        if kinds is not None:
            stmt = stmt.where(TicketChange.type.in_(kinds))
        rows = list(
            (await self.session.execute(stmt.order_by(TicketChange.seq).limit(limit))).scalars()
        )
        cursor = rows[-1].seq if len(rows) == limit else max(after, high)
        return rows, cursor


def _shape(rows: Sequence[dict[str, Any]]) -> tuple[str, ...]:
    """The columns the rows fill (each writer builds its rows alike); () for none."""
    return tuple(rows[0]) if rows else ()


@cache
def _feed_statement(
    audit: tuple[str, ...], mails: tuple[str, ...], feed: tuple[str, ...]
) -> tuple[TextualSelect, tuple[Unnest, Unnest, Unnest]]:
    """The PostgreSQL write of `write_pending`, one statement text per set of columns: the
    audit events and the e-mails as data-modifying CTEs of the feed rows' INSERT, whose
    numbers are `max(seq)` (an InitPlan, read once after the lock) plus their position."""
    parts = (
        Unnest(TicketEvent.__table__, audit or _ALL[TicketEvent], "a"),  # type: ignore[arg-type]
        Unnest(OutboxMessage.__table__, mails or _ALL[OutboxMessage], "m"),  # type: ignore[arg-type]
        Unnest(TicketChange.__table__, feed or _ALL[TicketChange], "f"),  # type: ignore[arg-type]
    )
    audit_part, mail_part, feed_part = parts
    # Built from the models' own names; every value is a parameter.
    sql = (
        f"WITH audit AS ({audit_part.insert_sql()}), mails AS ({mail_part.insert_sql()}) "  # noqa: S608
        + feed_part.insert_sql(numbered_by="SELECT coalesce(max(seq), 0) FROM ticket_changes")
        + " RETURNING id, seq"
    )
    statement = text(sql).columns(column("id", Uuid()), column("seq", BigInteger()))
    return statement, parts


_ALL = {
    model: tuple(c.name for c in model.__table__.columns if c.name != "seq")
    for model in (TicketEvent, OutboxMessage, TicketChange)
}


def outbox_row(kind: str, payload: dict[str, Any], now: datetime) -> dict[str, Any]:
    """An outbox message as a plain row (what `OutboxRepository.enqueue` adds)."""
    return {
        "id": new_id(),
        "kind": kind,
        "destination": destination_of(kind, payload),
        "payload": payload,
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": now,
        "locked_by": None,
        "locked_until": None,
        "last_error": None,
        "created_at": now,
        "sent_at": None,
    }
