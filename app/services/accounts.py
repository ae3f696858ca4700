"""Account use cases (SPEC 2): sign-up, activation, login, refresh, logout, reset, profile."""

from __future__ import annotations

import math
import uuid
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.db.models import OneTimeToken, RefreshToken, User
from app.db.session import UnitOfWork
from app.domain.accounts import check_password, check_signup_address
from app.domain.actors import Actor, Role
from app.domain.errors import (
    AuthenticationFailed,
    InvalidField,
    TokenInvalid,
    TooManyAttempts,
)
from app.domain.ids import new_id
from app.domain.preconditions import Precondition, unconditional
from app.schemas.accounts import (
    ActivateIn,
    MePatch,
    PasswordResetConfirmIn,
    SignupIn,
    TokenOut,
)
from app.services import jwt_tokens, mail
from app.services.context import ServiceContext
from app.services.security import digest, hash_password, new_secret, verify_password

ACTIVATION = "activation"
PASSWORD_RESET = "password_reset"  # noqa: S105 (a purpose name)
SIGNUP_ACCEPTED = (
    "If this address may sign up, an activation e-mail is on its way. "
    "Follow its link to choose a password."
)
RESET_ACCEPTED = "If this address has an account, a password-reset e-mail is on its way."


def _link(ctx: ServiceContext, path: str, token: str) -> str:
    return f"{ctx.settings.public_base_url.rstrip('/')}/{path}?token={token}"


def issue_one_time_token(
    uow: UnitOfWork, user: User, purpose: str, lifetime: timedelta, now: datetime
) -> str:
    secret = new_secret()
    uow.accounts.add(
        OneTimeToken(
            id=new_id(),
            user_id=user.id,
            purpose=purpose,
            token_hash=digest(secret),
            expires_at=now + lifetime,
            created_at=now,
        )
    )
    return secret


def queue_activation(uow: UnitOfWork, ctx: ServiceContext, user: User) -> None:
    """An activation link by e-mail: single use, expiring, stored hashed (SPEC 2)."""
    now = ctx.now()
    hours = ctx.settings.activation_token_hours
    secret = issue_one_time_token(uow, user, ACTIVATION, timedelta(hours=hours), now)
    subject, text = mail.activation_text(user.name, _link(ctx, "activate", secret), hours)
    mail.queue_email(uow.outbox, now, to=[user.email], subject=subject, text=text)


async def signup(uow: UnitOfWork, ctx: ServiceContext, body: SignupIn) -> str:
    email = body.email.lower()
    now = ctx.now()
    orgs = uow.organisations
    address_reg = await orgs.registration(email)
    domain_reg = await orgs.registration(email.rsplit("@", 1)[1])
    check_signup_address(
        email,
        address_registered=address_reg is not None,
        domain_registered=domain_reg is not None,
        extra_free_mail=ctx.settings.extra_free_mail_domains,
    )
    registration = address_reg or domain_reg
    assert registration is not None
    existing = await uow.accounts.user_by_email(email)
    if existing is not None and existing.is_active:
        # Same answer as for a new address; the owner learns of it by e-mail only.
        subject, text = mail.already_registered_text(
            existing.name, f"{ctx.settings.public_base_url.rstrip('/')}/password-reset"
        )
        mail.queue_email(uow.outbox, now, to=[email], subject=subject, text=text)
    elif existing is not None:
        existing.signup_company = body.company
        queue_activation(uow, ctx, existing)
    else:
        user = User(
            id=new_id(),
            email=email,
            name=body.name,
            role=Role.CUSTOMER_USER.value,
            customer_id=registration.customer_id,
            is_active=False,
            signup_company=body.company,
            phone_numbers=[],
            timezone="UTC",
            notification_preferences={},
            created_at=now,
            updated_at=now,
        )
        uow.accounts.add(user)
        await uow.accounts.flush()
        queue_activation(uow, ctx, user)
    await uow.commit()
    return SIGNUP_ACCEPTED


async def _consume(uow: UnitOfWork, token: str, purpose: str, now: datetime) -> User:
    row = await uow.accounts.one_time_token(digest(token), purpose)
    if row is None or row.used_at is not None or row.expires_at <= now:
        raise TokenInvalid("the link is invalid, already used or expired: ask for a new one")
    if not await uow.accounts.use_one_time_token(row.id, now):
        raise TokenInvalid("the link is invalid, already used or expired: ask for a new one")
    user = await uow.accounts.user_by_id(row.user_id)
    assert user is not None
    return user


async def activate(uow: UnitOfWork, ctx: ServiceContext, body: ActivateIn) -> User:
    now = ctx.now()
    user = await _consume(uow, body.token, ACTIVATION, now)
    check_password(body.password, user.email)
    user.password_hash = await hash_password(ctx.settings, body.password)
    if body.name:
        user.name = body.name
    user.is_active = True
    user.updated_at = now
    await uow.commit()
    return user


async def login(uow: UnitOfWork, ctx: ServiceContext, email: str, password: str) -> TokenOut:
    """Password login, throttled per address whether or not it has an account."""
    now = ctx.now()
    key = f"login:{email.strip().lower()}"
    throttle = await uow.accounts.throttle(key)
    if throttle is not None and throttle.locked_until is not None and throttle.locked_until > now:
        wait = math.ceil((throttle.locked_until - now).total_seconds())
        raise TooManyAttempts(
            f"too many failed logins for this address: try again in {wait} seconds", wait
        )
    user = await uow.accounts.user_by_email(email.strip())
    ok = await verify_password(ctx.settings, password, user.password_hash if user else None)
    if not ok or user is None or not user.is_active:
        settings = ctx.settings
        await uow.accounts.record_login_failure(
            key, now, timedelta(seconds=settings.login_window_seconds), settings.login_max_failures
        )
        await uow.commit()
        raise AuthenticationFailed("the e-mail address or the password is wrong")
    await uow.accounts.clear_login_failures(key)
    tokens = _issue_tokens(uow, ctx, user, new_id(), now)
    await uow.commit()
    return tokens


def _issue_tokens(
    uow: UnitOfWork, ctx: ServiceContext, user: User, family_id: uuid.UUID, now: datetime
) -> TokenOut:
    access, expires_in = jwt_tokens.issue_access_token(ctx.settings, user.id, now)
    refresh = new_secret()
    uow.accounts.add(
        RefreshToken(
            id=new_id(),
            user_id=user.id,
            family_id=family_id,
            token_hash=digest(refresh),
            expires_at=now + timedelta(days=ctx.settings.refresh_token_days),
            created_at=now,
        )
    )
    return TokenOut(access_token=access, expires_in=expires_in, refresh_token=refresh)


async def refresh(uow: UnitOfWork, ctx: ServiceContext, refresh_token: str) -> TokenOut:
    """Rotates the refresh token; a rotated one seen again revokes its family (theft)."""
    now = ctx.now()
    refused = AuthenticationFailed("the refresh token is invalid, expired or revoked")
    row = await uow.accounts.refresh_token(digest(refresh_token))
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        raise refused
    if row.rotated_at is not None or not await uow.accounts.rotate_refresh_token(row.id, now):
        await uow.accounts.revoke_family(row.family_id, now)
        await uow.commit()
        raise refused
    user = await uow.accounts.user_by_id(row.user_id)
    if user is None or not user.is_active:
        raise refused
    tokens = _issue_tokens(uow, ctx, user, row.family_id, now)
    await uow.commit()
    return tokens


async def logout(uow: UnitOfWork, ctx: ServiceContext, refresh_token: str) -> None:
    row = await uow.accounts.refresh_token(digest(refresh_token))
    if row is not None:
        await uow.accounts.revoke_family(row.family_id, ctx.now())
        await uow.commit()


async def request_password_reset(uow: UnitOfWork, ctx: ServiceContext, email: str) -> str:
    now = ctx.now()
    user = await uow.accounts.user_by_email(email)
    if user is not None and user.is_active:
        minutes = ctx.settings.password_reset_token_minutes
        secret = issue_one_time_token(uow, user, PASSWORD_RESET, timedelta(minutes=minutes), now)
        subject, text = mail.password_reset_text(
            user.name, _link(ctx, "reset-password", secret), minutes
        )
        mail.queue_email(uow.outbox, now, to=[user.email], subject=subject, text=text)
        await uow.commit()
    return RESET_ACCEPTED


async def confirm_password_reset(
    uow: UnitOfWork, ctx: ServiceContext, body: PasswordResetConfirmIn
) -> None:
    now = ctx.now()
    user = await _consume(uow, body.token, PASSWORD_RESET, now)
    check_password(body.password, user.email)
    user.password_hash = await hash_password(ctx.settings, body.password)
    user.updated_at = now
    # A new password ends every session that the old one opened.
    await uow.accounts.revoke_all_refresh_tokens(user.id, now)
    await uow.commit()


async def actor_from_access_token(uow: UnitOfWork, ctx: ServiceContext, token: str) -> Actor:
    claims = jwt_tokens.decode_access_token(ctx.settings, token, ctx.now())
    user = await uow.accounts.user_by_id(claims.user_id)
    if user is None or not user.is_active:
        raise AuthenticationFailed("the access token is invalid or expired")
    return actor_of(user)


async def actor_from_api_key(uow: UnitOfWork, ctx: ServiceContext, key: str) -> Actor:
    row = await uow.accounts.api_key_by_hash(digest(key))
    if row is None or row.revoked_at is not None:
        raise AuthenticationFailed("the API key is invalid or revoked")
    now = ctx.now()
    if row.last_used_at is None or now - row.last_used_at > timedelta(minutes=5):
        row.last_used_at = now
        await uow.commit()
    return Actor(role=Role.PARTNER_AGENT, partner_id=row.partner_id, api_key_id=row.id)


def actor_of(user: User) -> Actor:
    return Actor(
        role=Role(user.role),
        user_id=user.id,
        customer_id=user.customer_id,
        partner_id=user.partner_id,
        email=user.email,
    )


async def me(uow: UnitOfWork, actor: Actor) -> User:
    if actor.user_id is None:
        raise InvalidField("authorization", "an API key acts for a partner, not for a person")
    user = await uow.accounts.user_by_id(actor.user_id)
    assert user is not None
    return user


async def update_me(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    body: MePatch,
    precondition: Precondition = unconditional,
) -> User:
    user = await me(uow, actor)
    precondition(user)
    changes: dict[str, Any] = body.changes()
    if "timezone" in changes:
        try:
            ZoneInfo(str(changes["timezone"]))
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise InvalidField("timezone", f"unknown time zone {changes['timezone']!r}") from exc
    for name, value in changes.items():
        if value is None:
            raise InvalidField(name, f"{name} may not be null")
        setattr(user, name, value)
    user.updated_at = ctx.now()
    await uow.commit()
    return user
