"""One Settings class, read from SUPPORTDESK_* environment variables (and .env)."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

VAR_DIR = Path("var")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SUPPORTDESK_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = f"sqlite+aiosqlite:///{VAR_DIR}/supportdesk.db"
    # Required outside development: a usable default would be a shared secret.
    secret_key: SecretStr | None = None
    public_base_url: str = "http://127.0.0.1:8000"
    host: str = "127.0.0.1"
    port: int = 8000
    log_level: str = "INFO"
    migrate_on_start: bool = False
    # API processes `serve` starts on its port (uvicorn workers); `--workers` overrides it.
    # Several need the rate limits shared (`redis_url`) and the outbox worker on its own
    # (`supportdesk worker`): see the README, "Several processes and instances".
    web_workers: int = Field(default=1, ge=1, le=64)
    # PostgreSQL connections each API process keeps (and may add for a burst, closing
    # them again afterwards). A request holds one for its whole life, so the pool bounds
    # the requests a process runs at once; a burst past it pays a backend start per
    # connection. Processes × (size + overflow) must stay under `max_connections`.
    database_pool_size: int = Field(default=20, ge=1, le=500)
    database_pool_overflow: int = Field(default=10, ge=0, le=500)
    # Runs the outbox worker inside `serve`: handy for `make run`, off in production.
    embedded_worker: bool = False

    jwt_issuer: str = "supportdesk"
    jwt_audience: str = "supportdesk-api"
    access_token_minutes: int = Field(default=15, ge=1, le=60)
    refresh_token_days: int = Field(default=14, ge=1, le=90)
    activation_token_hours: int = 48
    password_reset_token_minutes: int = 60
    # How long a caller verification code is accepted (SPEC 4.1.2): read out on a call.
    call_verification_minutes: int = Field(default=10, ge=1, le=24 * 60)

    login_max_failures: int = 5
    login_window_seconds: int = 900

    # Argon2id, at least OWASP's minimum (19 MiB, t=2, p=1).
    argon2_memory_kib: int = Field(default=19456, ge=19456)
    argon2_time_cost: int = Field(default=2, ge=2)
    argon2_parallelism: int = Field(default=1, ge=1)

    smtp_host: str = "127.0.0.1"
    smtp_port: int = 1025
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = False
    smtp_timeout_seconds: float = 10.0
    mail_from: str = "SupportDesk <support@supportdesk.localhost>"

    outbox_max_attempts: int = 8
    outbox_backoff_seconds: float = 30.0
    outbox_lock_seconds: int = 120
    worker_poll_seconds: float = 2.0
    # Deliveries run concurrently, bounded overall and per destination (the SMTP relay,
    # each webhook receiver): one slow receiver never delays e-mail or another receiver.
    outbox_concurrency: int = Field(default=32, ge=1)
    outbox_concurrency_per_destination: int = Field(default=8, ge=1)
    # The SLA monitor runs on its own schedule, never behind deliveries.
    sla_monitor_seconds: float = Field(default=5.0, gt=0)

    admin_email: str | None = None
    admin_password: SecretStr | None = None

    # Domains refused at sign-up on top of the built-in free-mail list.
    extra_free_mail_domains: list[str] = Field(default_factory=list)

    # Webhooks (SPEC 6). Private, loopback and link-local targets are refused unless allowed
    # (a test or an on-premises installation whose helpdesk lives on the LAN).
    webhooks_allow_private_targets: bool = False
    webhooks_timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    # A failed delivery is retried with exponential back-off (from outbox_backoff_seconds,
    # capped at webhooks_max_backoff_seconds, jittered) for at least this long.
    webhooks_retry_hours: int = Field(default=72, ge=1)
    webhooks_max_backoff_seconds: float = Field(default=6 * 3600, gt=0)
    # A subscription is disabled after this many failed attempts in a row, once it has
    # been failing for at least this long (a short burst of failures never disables it).
    # As long as a delivery is retried: a receiver down for a weekend is not disabled.
    webhooks_disable_after_failures: int = Field(default=20, ge=1)
    webhooks_disable_after_failing_minutes: int = Field(default=72 * 60, ge=0)

    # Idempotency-Key (SPEC 6): how long a key is remembered, and how long a concurrent
    # duplicate waits for the first request to finish before answering 409.
    idempotency_key_hours: int = Field(default=24, ge=1)
    idempotency_wait_seconds: float = Field(default=10.0, ge=0)

    # Attachments (SPEC 4): streamed to this directory, refused past the size limit.
    storage_dir: Path = VAR_DIR / "attachments"
    attachment_max_bytes: int = Field(default=25 * 2**20, ge=1)

    # E-mail in (SPEC 6): the SMTP gateway (`supportdesk mail-gateway`) accepts mail for
    # these two addresses only; a larger message is refused at SMTP time (552).
    mail_gateway_host: str = "127.0.0.1"
    mail_gateway_port: int = 2525
    support_address: str = "support@supportdesk.localhost"
    # Used when the customer's contract names no emergency address of its own.
    emergency_address: str = "emergency@supportdesk.localhost"
    # Paged by e-mail for an emergency case when its contract names no on-call address.
    on_call_address: str = "oncall@supportdesk.localhost"
    mail_gateway_max_message_bytes: int = Field(default=25 * 2**20, ge=1024)

    # Browsers (SPEC 8): origins allowed to call the API from a page, comma-separated
    # (e.g. "https://portal.example.com,https://helpdesk.example.org"); none by default.
    cors_origins: str = ""

    # Rate limits (SPEC 8), in the `limits` notation ("600/minute"): per API key, per
    # signed-in user, and per client address for anonymous calls. With a Redis URL every
    # API process shares one budget; without one each process counts in memory.
    rate_limit: str = "1200/minute"
    rate_limit_anonymous: str = "120/minute"
    redis_url: str | None = None
    rate_limit_key_prefix: str = "supportdesk"

    # Development only: `serve` also runs an SMTP sink on smtp_host:smtp_port that keeps
    # every message under this folder (`supportdesk mailbox` reads it). `make run` sets it.
    dev_mail_sink: bool = False
    dev_mailbox_dir: Path = VAR_DIR / "mailbox"

    # Optimistic concurrency (SPEC 8): edits may carry If-Match; with this set they must
    # (428 without it).
    require_if_match: bool = False
    # Throttling (issue 11, point 6). `login_max_failures` per address locks it for clients
    # that never logged into it; a client the owner logged in from within
    # `login_known_client_days` counts only its own failures. One client address is
    # throttled after `login_client_max_failures` failures, whatever the accounts.
    login_client_max_failures: int = Field(default=20, ge=1)
    login_known_client_days: int = Field(default=30, ge=1)
    # Account e-mails (activation, password reset, "already registered") per address an
    # hour; more are silently not sent. Anonymous sign-up/reset requests per client an hour.
    account_mails_per_address_hour: int = Field(default=3, ge=1)
    account_requests_per_client_hour: int = Field(default=30, ge=1)

    # Inbound mail sender authentication (issue 11, point 13): the authserv-id of the
    # receiving mail server whose RFC 8601 Authentication-Results header we trust. That
    # server must remove headers claiming this id from incoming mail. Unset: no inbound
    # mail counts as authenticated, so a registered sender's mail is quarantined.
    mail_trusted_authserv_id: str | None = None
    # Retention (issue 11): the worker deletes, in batches, delivered or dead outbox
    # messages, webhook delivery logs and expired links and refresh tokens older than
    # these, and idempotency keys past their expiry.
    retention_outbox_days: int = Field(default=30, ge=1)
    retention_webhook_deliveries_days: int = Field(default=30, ge=1)
    retention_expired_tokens_days: int = Field(default=7, ge=0)
    retention_batch_size: int = Field(default=1000, ge=1)
    retention_interval_seconds: float = Field(default=3600.0, gt=0)
    # Hardening (issue 11): every request body but an upload (which has the attachment
    # limit) is refused with 413 past this size, before it is read.
    request_body_max_bytes: int = Field(default=2 * 2**20, ge=1024)
    # `/docs`, `/redoc` and `/openapi.json`; off where the document should not be public.
    api_docs: bool = True
    # `/metrics`: with a token it needs `Authorization: Bearer <token>`; with a port it is
    # served there only (bound to `metrics_host`). In production, without either, the API
    # port does not serve it.
    metrics_token: SecretStr | None = None
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    metrics_host: str = "127.0.0.1"

    @model_validator(mode="after")
    def _secret_outside_development(self) -> Settings:
        if self.secret_key is None:
            if self.environment == "production":
                raise ValueError("SUPPORTDESK_SECRET_KEY is required in production")
            self.secret_key = SecretStr(_development_secret())
        elif self.environment == "production" and len(self.secret_key.get_secret_value()) < 32:
            raise ValueError("SUPPORTDESK_SECRET_KEY must have at least 32 characters")
        if self.environment == "production" and self.dev_mail_sink:
            raise ValueError("SUPPORTDESK_DEV_MAIL_SINK is for development only")
        return self

    @property
    def cors_origin_list(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def support_mailboxes(self) -> frozenset[str]:
        """The gateway's own addresses (support, emergency), lower case."""
        return frozenset({self.support_address.lower(), self.emergency_address.lower()})

    @property
    def mail_domain(self) -> str:
        """The mail domain of this deployment: the support address's. Preset role
        mailboxes (`supportmanager@…`) are built on it."""
        return self.support_address.rsplit("@", 1)[-1].lower()


def _development_secret() -> str:
    """A per-checkout random secret, kept under var/ so tokens survive a restart."""
    path = VAR_DIR / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        value = secrets.token_urlsafe(48)
        path.write_text(value)
        path.chmod(0o600)
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
