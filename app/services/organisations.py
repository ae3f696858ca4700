"""Organisation use cases: customers, domains, people, partners, API keys (SPEC 1, 3)."""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError

from app.db.models import ApiKey, Customer, CustomerDomain, Partner, User
from app.db.repositories.pagination import Page
from app.db.session import UnitOfWork
from app.domain import organisations as rules
from app.domain.accounts import email_domain
from app.domain.actors import Actor, Role
from app.domain.errors import Conflict, InvalidField, NotFound
from app.domain.ids import new_id
from app.domain.preconditions import Precondition, unconditional
from app.schemas.organisations import (
    ApiKeyIn,
    CustomerIn,
    CustomerPatch,
    DomainIn,
    PartnerIn,
    UserIn,
)
from app.services.accounts import new_person, queue_activation
from app.services.context import ServiceContext
from app.services.security import digest, new_secret

API_KEY_PREFIX = "sdk_"


async def _commit_unique(uow: UnitOfWork, what: str) -> None:
    try:
        await uow.commit()
    except IntegrityError as exc:
        await uow.rollback()
        raise Conflict(f"{what} already exists") from exc


async def create_customer(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, body: CustomerIn
) -> Customer:
    rules.require_admin(actor, "create customers")
    now = ctx.now()
    if body.partner_id is not None:
        await uow.organisations.partner(body.partner_id, actor.scope)
    if await uow.organisations.customer_by_name(body.name) is not None:
        raise Conflict(f"a customer named {body.name!r} already exists")
    customer = Customer(
        id=new_id(),
        name=body.name,
        customer_type=body.customer_type.value,
        partner_id=body.partner_id,
        how_widespread=body.how_widespread.value if body.how_widespread else None,
        test_calls_allowed=body.test_calls_allowed,
        created_at=now,
        updated_at=now,
    )
    uow.organisations.add(customer)
    await uow.organisations.flush()
    for i, domain in enumerate(body.domains):
        try:
            value = rules.normalise_domain(domain, ctx.settings.extra_free_mail_domains)
        except InvalidField as exc:
            raise InvalidField(f"domains[{i}]", exc.detail) from exc
        uow.organisations.add(_registration(customer.id, "domain", value, now))
    await _commit_unique(uow, "one of these domains")
    return customer


def _registration(
    customer_id: uuid.UUID, kind: str, value: str, now: object, status: str = rules.VERIFIED
) -> CustomerDomain:
    return CustomerDomain(
        id=new_id(),
        customer_id=customer_id,
        kind=kind,
        value=value,
        created_at=now,
        status=status,
    )


async def list_customers(
    uow: UnitOfWork, actor: Actor, limit: int, cursor: str | None
) -> Page[Customer]:
    return await uow.organisations.customers(actor.scope, limit, cursor)


async def get_customer(uow: UnitOfWork, actor: Actor, customer_id: uuid.UUID) -> Customer:
    return await uow.organisations.customer(customer_id, actor.scope)


async def update_customer(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    customer_id: uuid.UUID,
    body: CustomerPatch,
    precondition: Precondition = unconditional,
) -> Customer:
    customer = await uow.organisations.customer(customer_id, actor.scope)
    rules.require_admin(actor, "change a customer")
    precondition(customer)
    changes = body.changes()
    if changes.get("partner_id") is not None:
        await uow.organisations.partner(changes["partner_id"], actor.scope)
    for name, value in changes.items():
        if value is None and name not in {"partner_id", "how_widespread", "test_calls_allowed"}:
            raise InvalidField(name, f"{name} may not be null")
        setattr(customer, name, value.value if hasattr(value, "value") else value)
    customer.updated_at = ctx.now()
    await _commit_unique(uow, "a customer with this name")
    return customer


async def list_domains(
    uow: UnitOfWork, actor: Actor, customer_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[CustomerDomain]:
    await uow.organisations.customer(customer_id, actor.scope)
    return await uow.organisations.domains(customer_id, limit, cursor)


async def add_domain(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, customer_id: uuid.UUID, body: DomainIn
) -> CustomerDomain:
    """Registers a domain or an address for sign-up (issue 11, point 3): never over what
    another company holds unless vendor staff do it; a customer admin's domain claim stays
    pending until vendor staff approve it."""
    await uow.organisations.customer(customer_id, actor.scope)
    rules.require_customer_manager(actor, customer_id)
    orgs = uow.organisations
    if body.domain is not None:
        kind = "domain"
        value = rules.normalise_domain(body.domain, ctx.settings.extra_free_mail_domains)
        held_elsewhere = await orgs.domain_held_elsewhere(value, customer_id)
    else:
        kind, value = "address", str(body.address).lower()
        held_elsewhere = await _address_held_elsewhere(uow, value, customer_id)
    exact = await orgs.registration(value)
    status = rules.registration_status(
        actor,
        kind,
        value,
        exact_owner=exact.customer_id if exact else None,
        customer_id=customer_id,
        held_elsewhere=held_elsewhere,
    )
    row = _registration(customer_id, kind, value, ctx.now(), status)
    uow.organisations.add(row)
    await _commit_unique(uow, f"the registration of {value}")
    return row


async def _address_held_elsewhere(uow: UnitOfWork, email: str, customer_id: uuid.UUID) -> bool:
    """Another company holds the address's domain, or a person elsewhere has the address."""
    domain = await uow.organisations.registration(email_domain(email))
    if domain is not None and domain.customer_id != customer_id:
        return True
    user = await uow.accounts.user_by_email(email)
    return user is not None and user.customer_id != customer_id


async def approve_domain(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    customer_id: uuid.UUID,
    registration_id: uuid.UUID,
) -> CustomerDomain:
    """Vendor staff approve a customer admin's domain claim; from then on it admits
    sign-ups (the choice over DNS TXT proof: staff know their customers)."""
    await uow.organisations.customer(customer_id, actor.scope)
    row = await uow.organisations.registration_by_id(customer_id, registration_id)
    rules.require_admin(actor, "approve domain claims")
    rules.require_pending(row.status, row.value)
    row.status = rules.VERIFIED
    await uow.commit()
    return row


async def list_customer_users(
    uow: UnitOfWork, actor: Actor, customer_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[User]:
    await uow.organisations.customer(customer_id, actor.scope)
    return await uow.accounts.list_users(
        actor.scope, customer_id=customer_id, limit=limit, cursor=cursor
    )


async def _invite(
    uow: UnitOfWork,
    ctx: ServiceContext,
    body: UserIn,
    *,
    customer_id: uuid.UUID | None = None,
    partner_id: uuid.UUID | None = None,
) -> User:
    email = str(body.email).lower()
    if await uow.accounts.user_by_email(email) is not None:
        raise Conflict(f"{email} already has an account")
    now = ctx.now()
    user = new_person(
        email, body.name, body.role, now, customer_id=customer_id, partner_id=partner_id
    )
    uow.accounts.add(user)
    await uow.accounts.flush()
    queue_activation(uow, ctx, user)
    await _commit_unique(uow, f"an account for {email}")
    return user


async def invite_customer_user(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, customer_id: uuid.UUID, body: UserIn
) -> User:
    await uow.organisations.customer(customer_id, actor.scope)
    rules.require_customer_manager(actor, customer_id)
    rules.check_role_for_customer(actor, body.role)
    email = str(body.email).lower()
    if not actor.is_staff and await _address_held_elsewhere(uow, email, customer_id):
        # Inviting is registering one address: the same capture, the same refusal.
        raise rules.RegistrationHeldElsewhere(
            f"another company holds {email} or its domain: ask the vendor's support staff",
            field="email",
        )
    return await _invite(uow, ctx, body, customer_id=customer_id)


async def create_partner(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, body: PartnerIn
) -> Partner:
    rules.require_admin(actor, "create partners")
    if await uow.organisations.partner_by_name(body.name) is not None:
        raise Conflict(f"a partner named {body.name!r} already exists")
    partner = Partner(
        id=new_id(),
        name=body.name,
        helpdesk_email=str(body.helpdesk_email) if body.helpdesk_email else None,
        helpdesk_url=body.helpdesk_url,
        created_at=ctx.now(),
    )
    uow.organisations.add(partner)
    await _commit_unique(uow, "a partner with this name")
    return partner


async def list_partners(
    uow: UnitOfWork, actor: Actor, limit: int, cursor: str | None
) -> Page[Partner]:
    return await uow.organisations.partners(actor.scope, limit, cursor)


async def get_partner(uow: UnitOfWork, actor: Actor, partner_id: uuid.UUID) -> Partner:
    return await uow.organisations.partner(partner_id, actor.scope)


async def invite_partner_user(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, partner_id: uuid.UUID, body: UserIn
) -> User:
    await uow.organisations.partner(partner_id, actor.scope)
    rules.require_admin(actor, "add partner agents")
    if body.role is not Role.PARTNER_AGENT:
        raise InvalidField("role", "a partner's user is a partner_agent")
    return await _invite(uow, ctx, body, partner_id=partner_id)


async def list_partner_users(
    uow: UnitOfWork, actor: Actor, partner_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[User]:
    await uow.organisations.partner(partner_id, actor.scope)
    return await uow.accounts.list_users(
        actor.scope, partner_id=partner_id, limit=limit, cursor=cursor
    )


async def invite_staff(uow: UnitOfWork, ctx: ServiceContext, actor: Actor, body: UserIn) -> User:
    rules.require_admin(actor, "add vendor staff")
    rules.check_staff_role(body.role)
    return await _invite(uow, ctx, body)


async def list_staff(uow: UnitOfWork, actor: Actor, limit: int, cursor: str | None) -> Page[User]:
    rules.require_staff(actor, "list vendor staff")
    return await uow.accounts.list_users(actor.scope, staff_only=True, limit=limit, cursor=cursor)


async def create_api_key(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, partner_id: uuid.UUID, body: ApiKeyIn
) -> tuple[ApiKey, str]:
    await uow.organisations.partner(partner_id, actor.scope)
    rules.require_admin(actor, "issue API keys")
    secret = API_KEY_PREFIX + new_secret()
    row = ApiKey(
        id=new_id(),
        partner_id=partner_id,
        name=body.name,
        prefix=secret[:10],
        key_hash=digest(secret),
        created_by=actor.user_id,
        created_at=ctx.now(),
    )
    uow.accounts.add(row)
    await uow.commit()
    return row, secret


async def revoke_api_key(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, key_id: uuid.UUID
) -> None:
    row = await uow.accounts.api_key(key_id)
    if row is None or not (actor.is_staff or actor.partner_id == row.partner_id):
        raise NotFound(f"API key {key_id} was not found")
    rules.require_admin(actor, "revoke API keys")
    if row.revoked_at is None:
        row.revoked_at = ctx.now()
        await uow.commit()
