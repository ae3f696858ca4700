"""Queries about tickets and what hangs off them, tenancy-scoped in one place."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    Text,
    and_,
    case,
    cast,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.db import search
from app.db.models import (
    Attachment,
    Call,
    CallVerification,
    Comment,
    SeverityChange,
    Ticket,
    TicketClock,
    TicketEvent,
    TrackingCounter,
)
from app.db.repositories.base import Repository
from app.db.repositories.pagination import Page, decode_cursor, encode_cursor, page_by_id
from app.db.repositories.scoping import get_visible, visible
from app.domain.actors import Scope
from app.domain.errors import InvalidField, NotFound
from app.domain.tracking import format_tracking_number, parse_tracking_number

SORTS = {
    "created_at": Ticket.created_at,
    "updated_at": Ticket.updated_at,
    "severity": Ticket.severity,
}


# A new ticket's tracking number: the number itself, or the SQL that draws it in the
# ticket's own INSERT (PostgreSQL) — either is assigned to `Ticket.tracking_number`.
NewTrackingNumber = str | ColumnElement[str]


@dataclass(frozen=True, slots=True)
class TicketFilters:
    status: Sequence[str] | None = None
    severity: list[int] | None = None
    customer_id: uuid.UUID | None = None
    assignee_id: uuid.UUID | None = None
    operations_centre: str | None = None
    external_ref: str | None = None
    breached: bool | None = None
    due_before: datetime | None = None
    text: str | None = None
    tracking_number: str | None = None
    updated_since: datetime | None = None  # changed at or after (every recorded change)
    search_internal: bool = False  # staff: full-text search also matches internal comments
    now: datetime | None = None  # "breached" includes running clocks already past due


class TicketRepository(Repository):
    async def new_tracking_number(self, year: int) -> NewTrackingNumber:
        """The tracking number of a ticket created in `year`: unique and increasing,
        allocated without a lock held to COMMIT (issue 9, point 2).

        PostgreSQL: the next value of the year's own sequence (created on demand),
        formatted inside the ticket's INSERT — no statement of its own; the row's
        RETURNING hands the number back (`Ticket.tracking_number` is server-fetched).
        Concurrent creations never wait on one another; a rolled-back creation leaves
        a gap. SQLite: the year's counter row in one upsert — writers are serialised by
        BEGIN IMMEDIATE there anyway — formatted by the domain.
        """
        if self.dialect == "postgresql":
            name = await _year_sequence(self.session, year)
            n = select(func.nextval(name).label("n")).subquery()
            # The SQL spelling of `format_tracking_number`: six digits, wider past 999999.
            digits = case(
                (n.c.n < 1_000_000, func.lpad(cast(n.c.n, Text), 6, "0")), else_=cast(n.c.n, Text)
            )
            prefix = format_tracking_number(year, 1).removesuffix("000001")
            return select(func.concat(prefix, digits)).scalar_subquery()
        upsert = (
            sqlite_insert(TrackingCounter)
            .values(year=year, last_value=1)
            .on_conflict_do_update(
                index_elements=[TrackingCounter.year],
                set_={"last_value": TrackingCounter.last_value + 1},
            )
            .returning(TrackingCounter.last_value)
        )
        return format_tracking_number(year, int((await self.session.execute(upsert)).scalar_one()))

    async def insert_clocks(self, rows: list[dict[str, Any]]) -> None:
        """New clock rows in one Core INSERT (they are not loaded afterwards): an
        executemany, which SQLAlchemy sends as one multi-row statement from a cached
        compilation (`.values(rows)` would be compiled anew each time)."""
        if rows:
            await self.session.execute(insert(_CLOCKS), rows)

    async def ticket(self, ticket_id: uuid.UUID, scope: Scope, *, lock: bool = False) -> Ticket:
        if lock and self.dialect == "postgresql":
            stmt = visible(select(Ticket).where(Ticket.id == ticket_id), scope, Ticket.customer_id)
            row: Ticket | None = (
                await self.session.execute(stmt.with_for_update())
            ).scalar_one_or_none()
            if row is not None:
                return row
        return await get_visible(
            self.session, Ticket, ticket_id, scope, Ticket.customer_id, what="ticket"
        )

    async def ticket_with_clocks(
        self, ticket_id: uuid.UUID, scope: Scope
    ) -> tuple[Ticket, list[TicketClock]]:
        """A visible ticket and its clocks in one statement (the `/sla` read); NotFound
        whether it is missing or foreign, as `ticket`."""
        stmt: Select[Any] = visible(
            select(Ticket, TicketClock)  # type: ignore[arg-type]
            .outerjoin(TicketClock, TicketClock.ticket_id == Ticket.id)
            .where(Ticket.id == ticket_id),
            scope,
            Ticket.customer_id,
        ).order_by(TicketClock.id)
        rows = (await self.session.execute(stmt)).all()
        if not rows:
            raise NotFound(f"ticket {ticket_id} was not found")
        return rows[0][0], [row[1] for row in rows if row[1] is not None]

    async def ticket_by_tracking_number(self, number: str, scope: Scope) -> Ticket | None:
        stmt = visible(
            select(Ticket).where(Ticket.tracking_number == number), scope, Ticket.customer_id
        )
        found: Ticket | None = (await self.session.execute(stmt)).scalar_one_or_none()
        return found

    async def by_external_ref(self, partner_id: uuid.UUID, ref: str) -> Ticket | None:
        stmt = select(Ticket).where(Ticket.partner_id == partner_id, Ticket.external_ref == ref)
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def tickets(
        self, scope: Scope, filters: TicketFilters, sort: str | None, limit: int, cursor: str | None
    ) -> Page[Ticket]:
        """A keyset page; with `filters.text`, only matching tickets, best match first unless
        another `sort` is asked for. A text that is a tracking number finds that case."""
        stmt = _filtered(visible(select(Ticket), scope, Ticket.customer_id), filters)
        rank = None
        number = parse_tracking_number(filters.text) if filters.text else None
        if number is not None:
            stmt = stmt.where(Ticket.tracking_number == str(number))
        elif filters.text:
            found = search.matching(
                stmt,
                self.dialect,
                filters.text,
                internal=filters.search_internal,
                ranked=sort in (None, "relevance"),
            )
            if found is None:
                raise InvalidField("q", "give at least one word or number to search for")
            stmt, rank = found
        sort = sort or ("relevance" if rank is not None else "-created_at")
        descending = sort.startswith("-")
        key = sort.lstrip("-")
        column: Any
        if key == "relevance":
            if rank is None:
                raise InvalidField("sort", "sort by relevance only with a text query (q)")
            column, descending = rank.label("relevance"), True
            stmt = stmt.add_columns(column)
        elif key in SORTS:
            column = SORTS[key]
        else:
            raise InvalidField(
                "sort", f"sort by one of {sorted(SORTS)} (prefix - for descending) or relevance"
            )
        value_of = rank if key == "relevance" else column
        if cursor:
            stmt = stmt.where(_after(value_of, decode_cursor(cursor), descending))
        order = (column.desc(), Ticket.id.desc()) if descending else (column, Ticket.id)
        result = await self.session.execute(stmt.order_by(*order).limit(limit + 1))
        rows = list(result.all())
        more = len(rows) > limit
        rows = rows[:limit]
        tickets = [row[0] for row in rows]
        next_cursor = None
        if more and rows:
            last = rows[-1]
            value = last[1] if key == "relevance" else getattr(last[0], key)
            next_cursor = encode_cursor(
                [value.isoformat() if isinstance(value, datetime) else value, str(last[0].id)]
            )
        return Page(tickets, next_cursor)

    async def clocks(self, ticket_id: uuid.UUID) -> list[TicketClock]:
        stmt = select(TicketClock).where(TicketClock.ticket_id == ticket_id)
        return list((await self.session.execute(stmt.order_by(TicketClock.id))).scalars())

    async def events(
        self,
        ticket_id: uuid.UUID,
        limit: int,
        cursor: str | None,
        *,
        include_internal: bool = True,
    ) -> Page[Any]:
        stmt = select(TicketEvent).where(TicketEvent.ticket_id == ticket_id)
        if not include_internal:
            # Events about internal notes and attachments say so in `after.visibility`.
            visibility = TicketEvent.after["visibility"].as_string()
            stmt = stmt.where(func.coalesce(visibility, "") != "internal")
        return await page_by_id(self.session, stmt, TicketEvent.id, limit, cursor)

    async def comments(
        self, ticket_id: uuid.UUID, include_internal: bool, limit: int, cursor: str | None
    ) -> Page[Any]:
        stmt = select(Comment).where(Comment.ticket_id == ticket_id)
        if not include_internal:
            stmt = stmt.where(Comment.visibility == "public")
        return await page_by_id(self.session, stmt, Comment.id, limit, cursor)

    async def attachments(
        self, ticket_id: uuid.UUID, include_internal: bool, limit: int, cursor: str | None
    ) -> Page[Any]:
        stmt = select(Attachment).where(Attachment.ticket_id == ticket_id)
        if not include_internal:
            stmt = stmt.where(Attachment.visibility == "public")
        return await page_by_id(self.session, stmt, Attachment.id, limit, cursor)

    async def attachment(self, ticket_id: uuid.UUID, attachment_id: uuid.UUID) -> Attachment | None:
        stmt = select(Attachment).where(
            Attachment.id == attachment_id, Attachment.ticket_id == ticket_id
        )
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def severity_changes(
        self, ticket_id: uuid.UUID, limit: int, cursor: str | None
    ) -> Page[Any]:
        stmt = select(SeverityChange).where(SeverityChange.ticket_id == ticket_id)
        return await page_by_id(self.session, stmt, SeverityChange.id, limit, cursor)

    async def severity_change(
        self, ticket_id: uuid.UUID, change_id: uuid.UUID
    ) -> SeverityChange | None:
        stmt = select(SeverityChange).where(
            SeverityChange.id == change_id, SeverityChange.ticket_id == ticket_id
        )
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def pending_severity_change(self, ticket_id: uuid.UUID) -> SeverityChange | None:
        stmt = select(SeverityChange).where(
            SeverityChange.ticket_id == ticket_id,
            SeverityChange.status.in_(("pending", "disputed")),
        )
        return (await self.session.execute(stmt)).scalars().first()

    async def call_verifications(
        self, user_id: uuid.UUID, code_hash: str
    ) -> list[CallVerification]:
        stmt = select(CallVerification).where(
            CallVerification.user_id == user_id, CallVerification.code_hash == code_hash
        )
        return list((await self.session.execute(stmt)).scalars())

    async def use_call_verification(self, verification_id: uuid.UUID, now: datetime) -> bool:
        result = await self.session.execute(
            update(CallVerification)
            .where(CallVerification.id == verification_id, CallVerification.used_at.is_(None))
            .values(used_at=now)
        )
        return result.rowcount == 1  # type: ignore[attr-defined,no-any-return]

    async def calls(self, ticket_id: uuid.UUID) -> list[Call]:
        stmt = select(Call).where(Call.ticket_id == ticket_id).order_by(Call.id)
        return list((await self.session.execute(stmt)).scalars())

    async def status_moves(self, ticket_id: uuid.UUID) -> list[tuple[datetime, str]]:
        """Every state the ticket entered, in order, from its `state_changed` audit events."""
        stmt = (
            select(TicketEvent.at, TicketEvent.after)
            .where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind == "state_changed")
            .order_by(TicketEvent.at, TicketEvent.id)
        )
        rows = (await self.session.execute(stmt)).all()
        return [(row.at, row.after["status"]) for row in rows]


class MonitorQueries(Repository):
    """What the SLA monitor looks for, each an index range scan, and the atomic claims
    that make two monitors (or a re-run after a crash) act once (SPEC 3.1, issue 5)."""

    async def clocks_to_warn(self, now: datetime, limit: int) -> list[uuid.UUID]:
        stmt = (
            select(TicketClock.id)
            .where(
                TicketClock.state == "running",
                TicketClock.warn_at <= now,
                TicketClock.warned_at.is_(None),
            )
            .order_by(TicketClock.warn_at)
            .limit(limit)
        )
        return list((await self.session.execute(stmt)).scalars())

    async def clocks_to_breach(self, now: datetime, limit: int) -> list[uuid.UUID]:
        stmt = (
            select(TicketClock.id)
            .where(TicketClock.state == "running", TicketClock.due_at < now)
            .order_by(TicketClock.due_at)
            .limit(limit)
        )
        return list((await self.session.execute(stmt)).scalars())

    async def claim_warning(self, clock_id: uuid.UUID, now: datetime) -> TicketClock | None:
        """Marks the warning sent; `None` when another monitor already did."""
        result = await self.session.execute(
            update(TicketClock)
            .where(
                TicketClock.id == clock_id,
                TicketClock.state == "running",
                TicketClock.warned_at.is_(None),
                TicketClock.warn_at <= now,
            )
            .values(warned_at=now)
        )
        return await self._claimed(result, clock_id)

    async def claim_breach(self, clock_id: uuid.UUID, now: datetime) -> TicketClock | None:
        """Marks the clock breached (since its due time); `None` when already done."""
        result = await self.session.execute(
            update(TicketClock)
            .where(
                TicketClock.id == clock_id,
                TicketClock.state == "running",
                TicketClock.due_at < now,
            )
            .values(state="breached", breached_at=TicketClock.due_at, updated_at=now)
        )
        return await self._claimed(result, clock_id)

    async def _claimed(self, result: Any, clock_id: uuid.UUID) -> TicketClock | None:
        if result.rowcount != 1:
            return None
        return await self.session.get(TicketClock, clock_id, populate_existing=True)

    async def resolved_before(self, cutoff: datetime, limit: int) -> list[uuid.UUID]:
        stmt = (
            select(Ticket.id)
            .where(Ticket.status == "resolved", Ticket.resolved_at <= cutoff)
            .order_by(Ticket.resolved_at)
            .limit(limit)
        )
        return list((await self.session.execute(stmt)).scalars())

    async def claim_auto_close(self, ticket_id: uuid.UUID, now: datetime) -> bool:
        """Holds a still-resolved case's row for the auto-close, which then goes the one
        way a state changes (`tickets.apply_transition`); a second monitor waits, and then
        finds the case no longer resolved."""
        result = await self.session.execute(
            update(Ticket)
            .where(Ticket.id == ticket_id, Ticket.status == "resolved")
            .values(updated_at=now)
        )
        return result.rowcount == 1  # type: ignore[attr-defined,no-any-return]


def _filtered(stmt: Select[Any], f: TicketFilters) -> Select[Any]:
    if f.status:
        stmt = stmt.where(Ticket.status.in_(f.status))
    if f.severity:
        stmt = stmt.where(Ticket.severity.in_(f.severity))
    if f.customer_id:
        stmt = stmt.where(Ticket.customer_id == f.customer_id)
    if f.assignee_id:
        stmt = stmt.where(Ticket.assignee_id == f.assignee_id)
    if f.operations_centre:
        stmt = stmt.where(Ticket.operations_centre == f.operations_centre)
    if f.external_ref:
        stmt = stmt.where(Ticket.external_ref == f.external_ref)
    if f.tracking_number:
        number = parse_tracking_number(f.tracking_number)
        stmt = stmt.where(Ticket.tracking_number == (str(number) if number else f.tracking_number))
    if f.breached is not None:
        late = TicketClock.state == "breached"
        if f.now is not None:
            late = or_(late, and_(TicketClock.state == "running", TicketClock.due_at <= f.now))
        breached = exists().where(TicketClock.ticket_id == Ticket.id, late)
        stmt = stmt.where(breached if f.breached else ~breached)
    if f.updated_since is not None:
        stmt = stmt.where(Ticket.updated_at >= f.updated_since)
    if f.due_before is not None:
        stmt = stmt.where(
            exists().where(
                TicketClock.ticket_id == Ticket.id,
                TicketClock.state == "running",
                TicketClock.due_at < f.due_before,
            )
        )
    return stmt


def _after(column: Any, values: list[Any], descending: bool) -> Any:
    """Rows strictly after the cursor's (value, id) in the chosen order, as one row
    comparison `(column, id) < (value, id)`: both keys go the same direction in every sort,
    so PostgreSQL (and SQLite) bound the scan of the matching `(…, column, id)` index with
    it, where the equivalent `column < v OR (column = v AND id < i)` is a filter only."""
    try:
        raw, last_id = values
        ticket_id = uuid.UUID(str(last_id))
        value = datetime.fromisoformat(raw) if isinstance(raw, str) else raw
        if isinstance(raw, bool) or not isinstance(value, (datetime, int, float)):
            raise TypeError("not a position")
        if isinstance(value, datetime) and value.tzinfo is None:
            raise TypeError("not a position")
    except (ValueError, TypeError) as exc:
        raise InvalidField("cursor", "the cursor is not one this service issued") from exc
    position = tuple_(column, Ticket.id)
    bound = tuple_(literal(value, column.type), literal(ticket_id, Ticket.id.type))
    return position < bound if descending else position > bound


_CLOCKS: Table = TicketClock.__table__  # type: ignore[assignment]

# The (database, year) sequences this process knows to exist: created once, never dropped.
_known_sequences: set[tuple[str, int]] = set()


async def _year_sequence(session: AsyncSession, year: int) -> str:
    """`tracking_<year>`, created on demand on a connection of its own (committed at
    once, whatever becomes of the request), starting after the year's last number from
    the counter table of old. Racing creators are safe: `IF NOT EXISTS`, and the loser of
    a simultaneous CREATE (a duplicate catalog row) finds the winner's sequence."""
    if not 1000 <= year <= 9999:
        raise ValueError(f"year {year} is not a four-digit year")
    name = f"tracking_{year}"
    engine = session.bind
    assert isinstance(engine, AsyncEngine)
    known = (engine.url.render_as_string(), year)
    if known in _known_sequences:
        return name
    async with engine.connect() as conn:
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        last = (
            await conn.execute(
                select(TrackingCounter.last_value).where(TrackingCounter.year == year)
            )
        ).scalar_one_or_none()
        try:
            await conn.execute(
                text(f"CREATE SEQUENCE IF NOT EXISTS {name} START WITH {int(last or 0) + 1}")
            )
        except DBAPIError:
            exists = await conn.execute(text("SELECT to_regclass(:name)"), {"name": name})
            if exists.scalar_one_or_none() is None:
                raise
    _known_sequences.add(known)
    return name
