"""Domain errors: one class per rule, each with a stable problem slug (SPEC 8).

The HTTP layer maps every `DomainError` to an RFC 9457 problem document once,
in `app.problems`; nothing here knows about HTTP beyond the suggested status.
"""

from __future__ import annotations

from typing import Any, ClassVar

PROBLEM_BASE = "https://supportdesk.dev/problems/"


class DomainError(Exception):
    """A broken rule. `type_slug` is stable: clients branch on it."""

    type_slug: ClassVar[str] = "domain-error"
    status: ClassVar[int] = 400
    title: ClassVar[str] = "The request breaks a rule"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra

    @property
    def type_uri(self) -> str:
        return PROBLEM_BASE + self.type_slug


class NotFound(DomainError):
    """Missing, or invisible to the caller: both answer the same (SPEC 1)."""

    type_slug = "not-found"
    status = 404
    title = "Not found"


class Conflict(DomainError):
    type_slug = "conflict"
    status = 409
    title = "Conflict"


class Forbidden(DomainError):
    type_slug = "forbidden"
    status = 403
    title = "Forbidden"


class InvalidField(DomainError):
    """A document is well-formed JSON but a field breaks a rule (422 naming the field)."""

    type_slug = "invalid-field"
    status = 422
    title = "A field is not valid"

    def __init__(self, field: str, detail: str, **extra: Any) -> None:
        super().__init__(detail, **extra)
        self.field = field


class AuthenticationFailed(DomainError):
    type_slug = "authentication-failed"
    status = 401
    title = "Authentication failed"


class TooManyAttempts(DomainError):
    type_slug = "too-many-attempts"
    status = 429
    title = "Too many attempts"

    def __init__(self, detail: str, retry_after_seconds: int) -> None:
        super().__init__(detail, retry_after=retry_after_seconds)
        self.retry_after_seconds = retry_after_seconds


class FreeMailAddress(DomainError):
    type_slug = "free-mail-address"
    status = 422
    title = "Use your company address"


class EmailDomainNotRegistered(DomainError):
    type_slug = "email-domain-not-registered"
    status = 422
    title = "This e-mail domain is not registered for a customer"


class TokenInvalid(DomainError):
    """An activation or reset link that is unknown, used or expired."""

    type_slug = "token-invalid"
    status = 400
    title = "The link is invalid, used or expired"


class PasswordTooWeak(InvalidField):
    type_slug = "password-too-weak"
    title = "The password is too weak"


class InvalidCalendar(InvalidField):
    """A calendar document breaks Appendix A (unknown zone, end not after start, …)."""

    type_slug = "invalid-calendar"
    title = "The calendar is not valid"


class CalendarHasNoBusinessTime(InvalidCalendar):
    """A business clock cannot run on a calendar that never opens (SPEC 3.1)."""

    type_slug = "calendar-has-no-business-time"
    title = "The calendar has no business time"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__("shifts", detail, **extra)


class InvalidSlaPolicy(InvalidField):
    """An SLA policy document breaks Appendix A (duplicate target, unknown severity, …)."""

    type_slug = "invalid-sla-policy"
    title = "The SLA policy is not valid"


class DuplicateExternalRef(Conflict):
    """A partner's own reference names one of its tickets only (SPEC 6)."""

    type_slug = "duplicate-external-ref"
    title = "This partner reference is already used"

    def __init__(self, external_ref: str) -> None:
        super().__init__(
            f"your helpdesk already raised a case with reference {external_ref!r}",
            external_ref=external_ref,
        )


class DatabaseUnavailable(DomainError):
    """The database cannot be reached or lost the connection: nothing was done for good,
    the same request may be sent again after `Retry-After` seconds (SPEC 8)."""

    type_slug = "service-unavailable"
    status = 503
    title = "The service is temporarily unavailable"

    def __init__(self, detail: str, retry_after_seconds: int = 5) -> None:
        super().__init__(detail)
        self.retry_after_seconds = retry_after_seconds
