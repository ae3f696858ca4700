"""Sign-up and password rules (SPEC 2), pure."""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from app.domain.errors import Conflict, EmailDomainNotRegistered, FreeMailAddress, PasswordTooWeak

FREE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.co.uk",
        "yahoo.fr",
        "yahoo.de",
        "ymail.com",
        "hotmail.com",
        "hotmail.co.uk",
        "hotmail.fr",
        "outlook.com",
        "live.com",
        "msn.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "gmx.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "t-online.de",
        "mail.com",
        "mail.ru",
        "yandex.ru",
        "yandex.com",
        "proton.me",
        "protonmail.com",
        "pm.me",
        "tutanota.com",
        "zoho.com",
        "fastmail.com",
        "hey.com",
        "qq.com",
        "163.com",
        "126.com",
        "naver.com",
        "free.fr",
        "orange.fr",
        "laposte.net",
        "libero.it",
        "seznam.cz",
        "wp.pl",
        "inbox.com",
    }
)

MIN_PASSWORD_LENGTH = 10


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].lower()


def check_signup_address(
    email: str,
    *,
    address_registered: bool,
    domain_registered: bool,
    extra_free_mail: Iterable[str] = (),
) -> None:
    """Only registered company domains, or explicitly registered addresses, may sign up."""
    if address_registered:
        return
    domain = email_domain(email)
    if domain in FREE_MAIL_DOMAINS or domain in {d.lower() for d in extra_free_mail}:
        raise FreeMailAddress(
            f"{domain} is a free-mail domain: use your company address to sign up",
            field="email",
        )
    if not domain_registered:
        raise EmailDomainNotRegistered(
            f"{domain} is not registered for a customer company: ask your company's "
            "support administrator or your account manager to register it",
            field="email",
        )


class SignupRegistrationConflict(Conflict):
    """The address is registered for one company and its domain for another: a sign-up
    never picks one silently (issue 11, point 3)."""

    type_slug = "signup-registration-conflict"
    title = "The address belongs to two companies"


def signup_customer(
    email: str,
    *,
    address_owner: uuid.UUID | None,
    domain_owner: uuid.UUID | None,
    domain_pending: bool = False,
    extra_free_mail: Iterable[str] = (),
) -> uuid.UUID:
    """The one company a sign-up joins (SPEC 2).

    `domain_owner` is the company holding the address's verified domain; a claim that
    vendor staff have not approved yet (`domain_pending`) admits nobody. When the address
    and its domain are registered for different companies, nobody guesses: the person is
    asked to contact support.
    """
    if address_owner is not None and domain_owner is not None and address_owner != domain_owner:
        raise SignupRegistrationConflict(
            f"{email} is registered for one customer company and its domain for another: "
            "contact support so that they settle which company the address belongs to",
            field="email",
        )
    if address_owner is None and domain_owner is None and domain_pending:
        raise EmailDomainNotRegistered(
            f"{email_domain(email)} awaits the vendor's approval of your company's claim: "
            "you can sign up once it is approved",
            field="email",
        )
    check_signup_address(
        email,
        address_registered=address_owner is not None,
        domain_registered=domain_owner is not None,
        extra_free_mail=extra_free_mail,
    )
    owner = address_owner or domain_owner
    assert owner is not None
    return owner


def is_free_mail(domain: str, extra_free_mail: Iterable[str] = ()) -> bool:
    domain = domain.lower()
    return domain in FREE_MAIL_DOMAINS or domain in {d.lower() for d in extra_free_mail}


def check_password(password: str, email: str) -> None:
    """A long-enough password that is not the address itself (OWASP ASVS 2.1)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordTooWeak(
            "password", f"the password needs at least {MIN_PASSWORD_LENGTH} characters"
        )
    if len(password) > 256:
        raise PasswordTooWeak("password", "the password may have at most 256 characters")
    lowered = password.lower()
    if lowered == email.lower() or lowered == email.split("@")[0].lower():
        raise PasswordTooWeak("password", "the password must not be your e-mail address")
    if len(set(password)) < 4:
        raise PasswordTooWeak("password", "the password needs more different characters")


# --- throttling (issue 11, point 6) -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoginLocks:
    """When each throttle key of a login attempt is locked until (None: not locked).

    `client` counts every failure from one client address, whatever the account;
    `account` every failure for one address, from anywhere; `pair` the failures for one
    address from one client.
    """

    client: datetime | None
    account: datetime | None
    pair: datetime | None


def login_wait(locks: LoginLocks, *, known_client: bool, now: datetime) -> int | None:
    """Seconds a login attempt must wait, or None when it may try its password.

    A client that guessed too often waits, whatever the account. An account that
    strangers guessed at is locked for clients that never logged into it, but not for
    a client the owner logged in from before: there only that client's own failures
    for the account count, so a stranger can never lock the owner out.
    """
    relevant = [locks.client, locks.pair if known_client else locks.account]
    waits = [math.ceil((until - now).total_seconds()) for until in relevant if until]
    longest = max((w for w in waits if w > 0), default=0)
    return longest or None


def may_send_account_mail(sent_this_hour: int, per_hour: int) -> bool:
    """At most `per_hour` account e-mails (activation, reset, "already registered") to an
    address an hour: more are silently not sent, so nobody can flood a mailbox and the
    answer reveals nothing about the account."""
    return sent_this_hour <= per_hour
