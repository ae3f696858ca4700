"""E-mail contacts (SPEC 6, issue 13 point 7): who a sender's address is to us.

Mail from a registered address or domain raises a case even when the sender has no
portal account: they become an e-mail contact of the customer, a user without a
password who raises and follows cases by mail. Signing up later activates that same
row (`accounts.signup` reuses an inactive user), so the contact keeps their cases.
"""

from __future__ import annotations

from app.db.models import Customer, User
from app.db.session import UnitOfWork
from app.domain import inbound_mail as rules
from app.domain.actors import Role
from app.domain.inbound_mail import InboundMail
from app.services.accounts import new_person
from app.services.context import ServiceContext


def writer(user: User | None) -> User | None:
    """The user whose mail acts as them: active, or known by address only."""
    if user is None:
        return None
    writes = rules.writes_by_mail(
        is_active=user.is_active, has_password=user.password_hash is not None
    )
    return user if writes else None


def standing(
    known: User | None, writer: User | None, customer: Customer | None
) -> rules.SenderAccount:
    """What `known` (the user with the sender's address, if any) is to `customer`;
    `writer` is `known` when it may write by mail."""
    if known is None:
        return rules.SenderAccount.NONE
    if writer is not None and customer is not None and writer.customer_id == customer.id:
        return rules.SenderAccount.WRITER
    return rules.SenderAccount.REFUSED


async def add(
    uow: UnitOfWork, ctx: ServiceContext, customer: Customer, message: InboundMail
) -> User:
    """A user of the customer without a password: signing up later activates this same
    row (accounts.signup reuses an inactive user), so the contact keeps their cases."""
    now = ctx.now()
    user = new_person(
        message.sender,
        rules.contact_name(message),
        Role.CUSTOMER_USER,
        now,
        customer_id=customer.id,
    )
    uow.accounts.add(user)
    await uow.accounts.flush()
    return user
