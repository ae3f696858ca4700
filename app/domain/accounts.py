"""Sign-up and password rules (SPEC 2), pure."""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.errors import EmailDomainNotRegistered, FreeMailAddress, PasswordTooWeak

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
