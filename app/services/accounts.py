"""Account use cases (SPEC 2): sign-up, activation, login, refresh, logout, reset, profile."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.db.models import OneTimeToken, RefreshToken, User
from app.db.session import UnitOfWork
from app.domain.accounts import (
    LoginLocks,
    check_password,
    email_domain,
    login_wait,
    may_send_account_mail,
    signup_customer,
)
from app.domain.actors import Actor, Role
from app.domain.errors import (
    AuthenticationFailed,
    InvalidField,
    NotFound,
    TokenInvalid,
    TooManyAttempts,
)
from app.domain.ids import new_id
from app.domain.organisations import VERIFIED
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


def new_person(
    email: str,
    name: str,
    role: Role,
    now: datetime,
    *,
    customer_id: uuid.UUID | None = None,
    partner_id: uuid.UUID | None = None,
    password_hash: str | None = None,
    is_active: bool = False,
    signup_company: str | None = None,
) -> User:
    """A person's account row with the profile defaults every account starts with; the
    one constructor for sign-ups, invitations, e-mail contacts and the first admin."""
    return User(
        id=new_id(),
        email=email.lower(),
        name=name,
        role=role.value,
        customer_id=customer_id,
        partner_id=partner_id,
        password_hash=password_hash,
        is_active=is_active,
        signup_company=signup_company,
        phone_numbers=[],
        timezone="UTC",
        notification_preferences={},
        created_at=now,
        updated_at=now,
    )


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


async def signup(uow: UnitOfWork, ctx: ServiceContext, body: SignupIn, client: str) -> str:
    email = body.email.lower()
    now = ctx.now()
    await _count_anonymous_request(uow, ctx, client, now)
    orgs = uow.organisations
    address_reg = await orgs.registration(email)
    domain_reg = await orgs.registration(email_domain(email))
    domain_verified = domain_reg is not None and domain_reg.status == VERIFIED
    customer_id = signup_customer(
        email,
        address_owner=address_reg.customer_id if address_reg else None,
        domain_owner=domain_reg.customer_id if domain_reg and domain_verified else None,
        domain_pending=domain_reg is not None and not domain_verified,
        extra_free_mail=ctx.settings.extra_free_mail_domains,
    )
    if not await _may_mail(uow, ctx, email, now):
        await uow.commit()
        return SIGNUP_ACCEPTED
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
        user = new_person(
            email,
            body.name,
            Role.CUSTOMER_USER,
            now,
            customer_id=customer_id,
            signup_company=body.company,
        )
        uow.accounts.add(user)
        await uow.accounts.flush()
        queue_activation(uow, ctx, user)
    await uow.commit()
    return SIGNUP_ACCEPTED


async def _count_anonymous_request(
    uow: UnitOfWork, ctx: ServiceContext, client: str, now: datetime
) -> None:
    """Sign-up and reset requests per client address an hour (issue 11, point 6)."""
    window = timedelta(hours=1)
    count = await uow.accounts.count_event(f"requests:{client}", now, window)
    if count > ctx.settings.account_requests_per_client_hour:
        raise TooManyAttempts("too many requests from this client: try again later", 3600)


async def _may_mail(uow: UnitOfWork, ctx: ServiceContext, email: str, now: datetime) -> bool:
    """Counts an account e-mail to `email` (whether or not it has an account, so the
    answer reveals nothing); False past the hourly limit: then nothing is sent."""
    sent = await uow.accounts.count_event(f"mail:{email.lower()}", now, timedelta(hours=1))
    return may_send_account_mail(sent, ctx.settings.account_mails_per_address_hour)


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


async def login(
    uow: UnitOfWork, ctx: ServiceContext, email: str, password: str, client: str
) -> TokenOut:
    """Password login, throttled per client, per address and per (address, client).

    Strangers' failures lock an address only for clients that never logged into it: a
    client the owner logged in from before counts only its own failures (issue 11, 6).
    """
    now = ctx.now()
    settings = ctx.settings
    address = email.strip().lower()
    keys = (f"login-client:{client}", f"login:{address}", f"login:{address}|{client}")
    rows = await uow.accounts.throttles(list(keys))
    locks = LoginLocks(*(rows[k].locked_until if k in rows else None for k in keys))
    user = await uow.accounts.user_by_email(address)
    known = False
    if locks.account is not None and locks.account > now and user is not None:
        since = now - timedelta(days=settings.login_known_client_days)
        known = await uow.accounts.is_login_client(user.id, client, since)
    wait = login_wait(locks, known_client=known, now=now)
    if wait is not None:
        raise TooManyAttempts(f"too many failed logins: try again in {wait} seconds", wait)
    ok = await verify_password(ctx.settings, password, user.password_hash if user else None)
    if not ok or user is None or not user.is_active:
        window = timedelta(seconds=settings.login_window_seconds)
        limits = (settings.login_client_max_failures,) + (settings.login_max_failures,) * 2
        for key, limit in zip(keys, limits, strict=True):
            await uow.accounts.record_login_failure(key, now, window, limit)
        await uow.commit()
        raise AuthenticationFailed("the e-mail address or the password is wrong")
    await uow.accounts.clear_login_failures(keys[2])
    if locks.account is None or locks.account <= now:
        await uow.accounts.clear_login_failures(keys[1])
    await uow.accounts.remember_login_client(user.id, client, now)
    tokens = _issue_tokens(uow, ctx, user, new_id(), now)
    await uow.commit()
    return tokens


def _issue_tokens(
    uow: UnitOfWork, ctx: ServiceContext, user: User, family_id: uuid.UUID, now: datetime
) -> TokenOut:
    access, expires_in = jwt_tokens.issue_access_token(
        ctx.settings, user.id, user.token_version, now
    )
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


async def logout_everywhere(uow: UnitOfWork, ctx: ServiceContext, actor: Actor) -> None:
    """Ends every session of the caller: refresh tokens and access tokens alike."""
    user = await me(uow, actor)
    _revoke_sessions(uow, user)
    await uow.accounts.revoke_all_refresh_tokens(user.id, ctx.now())
    await uow.commit()


def _revoke_sessions(uow: UnitOfWork, user: User) -> None:
    # Every access token carries the version it was issued at (`ver`); authentication
    # compares it with this column in the cached identity, which this change re-stamps
    # in every process (app/db/cache.py).
    user.token_version += 1


async def request_password_reset(
    uow: UnitOfWork, ctx: ServiceContext, email: str, client: str
) -> str:
    now = ctx.now()
    email = email.strip().lower()
    await _count_anonymous_request(uow, ctx, client, now)
    may_mail = await _may_mail(uow, ctx, email, now)
    user = await uow.accounts.user_by_email(email)
    if may_mail and user is not None and user.is_active:
        minutes = ctx.settings.password_reset_token_minutes
        # A new link voids the older ones: only the latest e-mail works.
        await uow.accounts.void_one_time_tokens(user.id, PASSWORD_RESET, now)
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
    # A new password ends every session that the old one opened, access tokens included,
    # and every other reset link still in a mailbox.
    await _set_password(uow, ctx, user, body.password)
    await uow.commit()


async def change_password(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, current: str, new: str
) -> TokenOut:
    """The caller changes their own password with the current one. Every other session
    ends (refresh and access tokens alike, and reset links); this one gets a new pair."""
    user = await me(uow, actor)
    if not await verify_password(ctx.settings, current, user.password_hash):
        raise InvalidField("current_password", "the current password is not right")
    await _set_password(uow, ctx, user, new)
    tokens = _issue_tokens(uow, ctx, user, new_id(), ctx.now())
    await uow.commit()
    return tokens


async def set_password(uow: UnitOfWork, ctx: ServiceContext, email: str, new: str) -> User:
    """An operator sets a person's password (`supportdesk set-password`): their sessions
    end, as after a reset; an inactive account (an e-mail contact) is activated."""
    user = await uow.accounts.user_by_email(email.strip().lower())
    if user is None:
        raise NotFound(f"no account has the address {email}")
    await _set_password(uow, ctx, user, new)
    user.is_active = True
    await uow.commit()
    return user


async def _set_password(uow: UnitOfWork, ctx: ServiceContext, user: User, new: str) -> None:
    now = ctx.now()
    check_password(new, user.email)
    user.password_hash = await hash_password(ctx.settings, new)
    user.updated_at = now
    await uow.accounts.void_one_time_tokens(user.id, PASSWORD_RESET, now)
    await uow.accounts.revoke_all_refresh_tokens(user.id, now)
    _revoke_sessions(uow, user)


async def authenticate(
    uow: UnitOfWork, ctx: ServiceContext, *, api_key: str | None, token: str | None
) -> Actor:
    """The caller an `X-API-Key` (first) or a bearer token names; AuthenticationFailed
    without either or when it is wrong. Checked once per unit of work: the request's
    Idempotency-Key middleware and its route both ask."""
    credential = f"key:{api_key}" if api_key else f"token:{token}" if token else None
    if credential is None:
        raise AuthenticationFailed("authentication required: send a bearer token or an X-API-Key")
    if uow.authenticated is not None and uow.authenticated[0] == credential:
        known: Actor = uow.authenticated[1]
        return known
    if api_key:
        actor = await actor_from_api_key(uow, ctx, api_key)
    else:
        assert token is not None
        actor = await actor_from_access_token(uow, ctx, token)
    uow.authenticated = (credential, actor)
    return actor


async def actor_from_access_token(uow: UnitOfWork, ctx: ServiceContext, token: str) -> Actor:
    claims = jwt_tokens.decode_access_token(ctx.settings, token, ctx.now())
    # From the identity cache, current as of this transaction (app/db/cache.py): a
    # disabled account or a bumped token version ("log out everywhere", a new
    # password) stamps the cache, so the revocation counts at once in every process.
    who = await uow.accounts.identity(claims.user_id)
    if who is None or not who.is_active or claims.token_version != who.token_version:
        raise AuthenticationFailed("the access token is invalid, expired or revoked")
    return Actor(
        role=Role(who.role),
        user_id=who.user_id,
        customer_id=who.customer_id,
        partner_id=who.partner_id,
        email=who.email,
        name=who.name,
    )


async def actor_from_api_key(uow: UnitOfWork, ctx: ServiceContext, key: str) -> Actor:
    key_hash = digest(key)
    row = await uow.accounts.key_identity(key_hash)
    if row is None or row.revoked_at is not None:
        raise AuthenticationFailed("the API key is invalid or revoked")
    now = ctx.now()
    if row.last_used_at is None or now - row.last_used_at > timedelta(minutes=5):
        await uow.accounts.touch_api_key(key_hash, row, now)
        await uow.commit()
    return Actor(role=Role.PARTNER_AGENT, partner_id=row.partner_id, api_key_id=row.api_key_id)


def actor_of(user: User) -> Actor:
    return Actor(
        role=Role(user.role),
        user_id=user.id,
        customer_id=user.customer_id,
        partner_id=user.partner_id,
        email=user.email,
        name=user.name,
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
