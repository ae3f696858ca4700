"""Per-process caches of what rarely changes, correct across any number of processes.

What is cached (issue 9, point 3), by kind:

* `identity`: who a user id or an API key is (role, tenancy, revocation state), so a
  request authenticates without reading the user or key row;
* `contracts`: a contract's terms at a calendar and policy version, and the contracts of
  a customer (which one is in force at an instant is then computed, not queried);
* `webhooks`: the active subscriptions that hear about a customer.

How a process learns of a change made by another: the `cache_stamps` table holds one
random stamp per kind. Every change to what a kind caches writes a new stamp for it in
the change's own transaction — a session hook (`_stamp_changes`) does it on every flush
and bulk statement touching the watched tables, so no use case can forget to. A request
that uses a cache first reads the stamps, in one small statement of its own transaction
(`CacheView`); a kind whose stamp is not the one the process cached under is dropped.
So a request that starts after a change committed sees it, whichever process made it.

Why a stamp read in the transaction rather than PostgreSQL LISTEN/NOTIFY: it works the
same on SQLite; it has no delivery lag (a notification arrives some time after the
COMMIT, so a request could still use the old value meanwhile); and a process whose
listening connection broke cannot miss a change and serve stale data. The price is one
primary-key read of three rows per request, which replaces the user row read that
authentication needed anyway. Changes to these kinds are rare (an administrator's
edit, a revocation), and each drops the kind's entries in every process, which then
re-read what they need once.

Only plain frozen values are cached, never ORM rows (which belong to one session).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from app.db.models import (
    ApiKey,
    CacheStamp,
    Calendar,
    Contract,
    Customer,
    SlaPolicy,
    User,
    WebhookSubscription,
)

IDENTITY = "identity"
CONTRACTS = "contracts"
WEBHOOKS = "webhooks"
KINDS = (IDENTITY, CONTRACTS, WEBHOOKS)

# Watched models: the kind a change to them stamps, whether an INSERT matters (a new
# contract may be the one in force; a new user is in no cache yet), and the columns
# whose change alone does not matter (bookkeeping written on the hot path).
_WATCHED: dict[type[Any], tuple[str, bool, frozenset[str]]] = {
    User: (IDENTITY, False, frozenset()),
    ApiKey: (IDENTITY, False, frozenset({"last_used_at"})),
    Contract: (CONTRACTS, True, frozenset()),
    Calendar: (CONTRACTS, True, frozenset()),
    SlaPolicy: (CONTRACTS, True, frozenset()),
    WebhookSubscription: (
        WEBHOOKS,
        True,
        frozenset({"consecutive_failures", "failing_since"}),
    ),
    Customer: (WEBHOOKS, False, frozenset()),  # its partner's subscriptions hear of it
}

# Entries per kind before a process starts afresh (a bound, not an eviction policy).
_LIMIT = 20_000


class Caches:
    """One process's (one `Database`'s) cached values, each kind under the stamp it was
    read under."""

    def __init__(self) -> None:
        self._stamps: dict[str, str | None] = {}
        self._tables: dict[str, dict[Any, Any]] = {kind: {} for kind in KINDS}

    def table(self, kind: str, stamp: str | None) -> dict[Any, Any]:
        """The kind's entries, valid under `stamp` (dropped first if they were not)."""
        table = self._tables[kind]
        if kind not in self._stamps or self._stamps[kind] != stamp or len(table) > _LIMIT:
            table.clear()
            self._stamps[kind] = stamp
        return table


class CacheView:
    """A unit of work's window on the caches: the stamps read once in its transaction."""

    def __init__(self, caches: Caches, session: AsyncSession) -> None:
        self._caches = caches
        self._session = session
        self._stamps: Mapping[str, str] | None = None

    async def table(self, kind: str) -> dict[Any, Any]:
        if self._stamps is None:
            rows = await self._session.execute(select(CacheStamp.kind, CacheStamp.stamp))
            self._stamps = {kind: stamp for kind, stamp in rows}
        return self._caches.table(kind, self._stamps.get(kind))

    def forget_stamps(self) -> None:
        """A new transaction reads them afresh (called on commit and rollback)."""
        self._stamps = None


def _changed_kinds(session: Session) -> set[str]:
    kinds: set[str] = set()
    for obj in session.new:
        watched = _WATCHED.get(type(obj))
        if watched is not None and watched[1]:
            kinds.add(watched[0])
    for obj in session.deleted:
        watched = _WATCHED.get(type(obj))
        if watched is not None:
            kinds.add(watched[0])
    for obj in session.dirty:
        watched = _WATCHED.get(type(obj))
        if watched is None or watched[0] in kinds:
            continue
        state = inspect(obj)
        changed = {a.key for a in state.attrs if a.history.has_changes()}
        if changed - watched[2]:
            kinds.add(watched[0])
    return kinds


def _stamp(session: Session, kinds: set[str]) -> None:
    """New stamps for `kinds`, in the session's transaction (once per kind and transaction)."""
    done: set[str] = session.info.setdefault("stamped", set())
    kinds = kinds - done
    if not kinds:
        return
    done.update(kinds)
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    rows = [{"kind": kind, "stamp": uuid.uuid4().hex} for kind in sorted(kinds)]
    stmt = insert(CacheStamp).values(rows)
    stmt = stmt.on_conflict_do_update(
        index_elements=[CacheStamp.kind], set_={"stamp": stmt.excluded.stamp}
    )
    session.connection().execute(stmt)


def _count_write(session: Session) -> None:
    session.info["writes"] = session.info.get("writes", 0) + 1


def watch(session_class: type[Session]) -> None:
    """Installs the hooks on the session class the units of work use."""

    @event.listens_for(session_class, "after_flush")
    def _after_flush(session: Session, _flush: UOWTransaction) -> None:
        if session.new or session.dirty or session.deleted:
            _count_write(session)
        kinds = _changed_kinds(session)
        if kinds:
            _stamp(session, kinds)

    @event.listens_for(session_class, "do_orm_execute")
    def _bulk(state: ORMExecuteState) -> None:
        if not (state.is_insert or state.is_update or state.is_delete):
            return
        _count_write(state.session)
        mapper = state.bind_mapper
        watched = _WATCHED.get(mapper.class_) if mapper is not None else None
        if watched is None or (state.is_insert and not watched[1]):
            return
        if state.is_update:
            # The SET columns of a bulk UPDATE; unknown ones count as a change.
            values = getattr(state.statement, "_values", None) or {}
            names = {getattr(k, "key", k) for k in values}
            if names and names <= watched[2]:
                return
        _stamp(state.session, {watched[0]})

    @event.listens_for(session_class, "after_transaction_end")
    def _end(session: Session, transaction: Any) -> None:
        if transaction.parent is None:
            session.info.pop("stamped", None)
