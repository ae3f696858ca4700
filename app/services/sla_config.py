"""Calendars and SLA policies: versioned configuration (SPEC 3, Versions).

Only an administrator writes. Staff read everything; a customer or partner reads
the calendars and policies that its visible contracts use (the repository scopes
it). A PUT never edits a version: it adds the next one, with the writer and the
reason, and a `config_changes` row records the before and after.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy.exc import IntegrityError

from app.db.models import Calendar, CalendarVersion, ConfigChange, SlaPolicy, SlaPolicyVersion
from app.db.repositories.pagination import Page
from app.db.session import UnitOfWork
from app.domain import business_time, sla_policy
from app.domain.actors import Actor
from app.domain.errors import Conflict, InvalidField
from app.domain.ids import new_id
from app.domain.json_fields import join
from app.domain.organisations import require_admin
from app.domain.preconditions import Precondition, unconditional
from app.schemas.sla import CalendarDocument, CalendarUpdate, PolicyDocument, PolicyUpdate
from app.services.context import ServiceContext

H = TypeVar("H", Calendar, SlaPolicy)
V = TypeVar("V", CalendarVersion, SlaPolicyVersion)


@dataclass(frozen=True, slots=True)
class Versioned(Generic[H, V]):
    """A calendar or policy with its current version."""

    head: H
    current: V


CalendarView = Versioned[Calendar, CalendarVersion]
PolicyView = Versioned[SlaPolicy, SlaPolicyVersion]


def moved(exc: InvalidField, prefix: str) -> InvalidField:
    """The same error (type and slug kept) with its field under `prefix` in the request."""
    if not prefix:
        return exc
    error = type(exc).__new__(type(exc))
    InvalidField.__init__(error, join(prefix, exc.field), exc.detail, **exc.extra)
    return error


def checked_calendar(document: dict[str, Any], prefix: str = "") -> business_time.Calendar:
    """The domain calendar of a document, or a 422 naming the field (Appendix A)."""
    try:
        return business_time.calendar_from_document(document)
    except InvalidField as exc:
        raise moved(exc, prefix) from None


def checked_policy(document: dict[str, Any], prefix: str = "") -> sla_policy.SlaPolicy:
    try:
        return sla_policy.policy_from_document(document)
    except InvalidField as exc:
        raise moved(exc, prefix) from None


def _document(body: CalendarDocument | PolicyDocument) -> dict[str, Any]:
    return body.model_dump(mode="json", exclude={"reason"}, exclude_none=True)


def _change(
    kind: str,
    entity_id: uuid.UUID,
    version: int | None,
    actor: Actor,
    reason: str | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    at: datetime,
) -> ConfigChange:
    return ConfigChange(
        id=new_id(),
        entity_kind=kind,
        entity_id=entity_id,
        version=version,
        actor_id=actor.user_id,
        reason=reason,
        before=before,
        after=after,
        at=at,
    )


async def _commit_version(uow: UnitOfWork, what: str) -> None:
    try:
        await uow.commit()
    except IntegrityError as exc:
        # Two concurrent PUTs both wrote version N+1: the loser retries on the new head.
        await uow.rollback()
        raise Conflict(f"{what} was changed at the same time; reload it and retry") from exc


# Calendars


async def add_calendar(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    body: CalendarDocument,
    *,
    reason: str = "created",
) -> CalendarView:
    """Version 1 of a new calendar, added to the unit of work (not committed)."""
    require_admin(actor, "create calendars")
    document = _document(body)
    checked_calendar(document)
    now = ctx.now()
    head = Calendar(id=new_id(), name=body.name, current_version=1, created_at=now, updated_at=now)
    uow.sla_config.add(head)
    await uow.sla_config.flush()
    version = CalendarVersion(
        id=new_id(),
        calendar_id=head.id,
        version=1,
        document=document,
        created_by=actor.user_id,
        reason=reason,
        created_at=now,
    )
    uow.sla_config.add(version)
    uow.sla_config.add(_change("calendar", head.id, 1, actor, reason, None, document, now))
    return Versioned(head, version)


async def create_calendar(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, body: CalendarDocument
) -> CalendarView:
    view = await add_calendar(uow, ctx, actor, body)
    await uow.commit()
    return view


async def list_calendars(
    uow: UnitOfWork, actor: Actor, limit: int, cursor: str | None
) -> Page[CalendarView]:
    page = await uow.sla_config.calendars(actor.scope, limit, cursor)
    current = await uow.sla_config.current_calendar_versions(page.items)
    return Page([Versioned(h, current[h.id]) for h in page.items], page.next_cursor)


async def get_calendar(uow: UnitOfWork, actor: Actor, calendar_id: uuid.UUID) -> CalendarView:
    head = await uow.sla_config.calendar(calendar_id, actor.scope)
    return Versioned(head, await uow.sla_config.calendar_version(head.id, head.current_version))


async def update_calendar(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    calendar_id: uuid.UUID,
    body: CalendarUpdate,
    precondition: Precondition = unconditional,
) -> CalendarView:
    """A new version; an identical document changes nothing (a PUT is idempotent)."""
    view = await get_calendar(uow, actor, calendar_id)
    require_admin(actor, "change calendars")
    precondition(view)
    document = _document(body)
    checked_calendar(document)
    head, previous = view.head, view.current
    if previous.document == document:
        return view
    now = ctx.now()
    head.current_version = previous.version + 1
    head.name, head.updated_at = body.name, now
    version = CalendarVersion(
        id=new_id(),
        calendar_id=head.id,
        version=head.current_version,
        document=document,
        created_by=actor.user_id,
        reason=body.reason,
        created_at=now,
    )
    uow.sla_config.add(version)
    uow.sla_config.add(
        _change(
            "calendar",
            head.id,
            version.version,
            actor,
            body.reason,
            previous.document,
            document,
            now,
        )
    )
    await _commit_version(uow, f"calendar {calendar_id}")
    return Versioned(head, version)


async def list_calendar_versions(
    uow: UnitOfWork, actor: Actor, calendar_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[CalendarVersion]:
    await uow.sla_config.calendar(calendar_id, actor.scope)
    return await uow.sla_config.calendar_versions(calendar_id, limit, cursor)


# SLA policies


async def add_policy(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    body: PolicyDocument,
    *,
    reason: str = "created",
) -> PolicyView:
    """Version 1 of a new SLA policy, added to the unit of work (not committed)."""
    require_admin(actor, "create SLA policies")
    document = _document(body)
    checked_policy(document)
    now = ctx.now()
    head = SlaPolicy(id=new_id(), name=body.name, current_version=1, created_at=now, updated_at=now)
    uow.sla_config.add(head)
    await uow.sla_config.flush()
    version = SlaPolicyVersion(
        id=new_id(),
        sla_policy_id=head.id,
        version=1,
        document=document,
        created_by=actor.user_id,
        reason=reason,
        created_at=now,
    )
    uow.sla_config.add(version)
    uow.sla_config.add(_change("sla_policy", head.id, 1, actor, reason, None, document, now))
    return Versioned(head, version)


async def create_policy(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, body: PolicyDocument
) -> PolicyView:
    view = await add_policy(uow, ctx, actor, body)
    await uow.commit()
    return view


async def list_policies(
    uow: UnitOfWork, actor: Actor, limit: int, cursor: str | None
) -> Page[PolicyView]:
    page = await uow.sla_config.policies(actor.scope, limit, cursor)
    current = await uow.sla_config.current_policy_versions(page.items)
    return Page([Versioned(h, current[h.id]) for h in page.items], page.next_cursor)


async def get_policy(uow: UnitOfWork, actor: Actor, policy_id: uuid.UUID) -> PolicyView:
    head = await uow.sla_config.policy(policy_id, actor.scope)
    return Versioned(head, await uow.sla_config.policy_version(head.id, head.current_version))


async def update_policy(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    policy_id: uuid.UUID,
    body: PolicyUpdate,
    precondition: Precondition = unconditional,
) -> PolicyView:
    """A new version; tickets keep the version in force at their creation (SPEC 3)."""
    view = await get_policy(uow, actor, policy_id)
    require_admin(actor, "change SLA policies")
    precondition(view)
    document = _document(body)
    checked_policy(document)
    head, previous = view.head, view.current
    if previous.document == document:
        return view
    now = ctx.now()
    head.current_version = previous.version + 1
    head.name, head.updated_at = body.name, now
    version = SlaPolicyVersion(
        id=new_id(),
        sla_policy_id=head.id,
        version=head.current_version,
        document=document,
        created_by=actor.user_id,
        reason=body.reason,
        created_at=now,
    )
    uow.sla_config.add(version)
    uow.sla_config.add(
        _change(
            "sla_policy",
            head.id,
            version.version,
            actor,
            body.reason,
            previous.document,
            document,
            now,
        )
    )
    await _commit_version(uow, f"SLA policy {policy_id}")
    return Versioned(head, version)


async def list_policy_versions(
    uow: UnitOfWork, actor: Actor, policy_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[SlaPolicyVersion]:
    await uow.sla_config.policy(policy_id, actor.scope)
    return await uow.sla_config.policy_versions(policy_id, limit, cursor)
