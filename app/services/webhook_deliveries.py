"""The delivery side of webhooks (SPEC 6): what the worker's sender asks before an attempt
and tells after it — the log, the failure streak, and disabling a dead receiver."""

from __future__ import annotations

import uuid
from datetime import timedelta

from app.db.models import WebhookDelivery, WebhookSubscription
from app.db.session import Database, UnitOfWork
from app.domain import webhooks as rules
from app.domain.ids import new_id
from app.services import mail
from app.services.context import ServiceContext
from app.services.sealing import unseal
from app.services.webhooks import SECRET_PURPOSE


class DeliveryLog:
    """Implements `app.integrations.webhooks.DeliveryLog` over the database."""

    def __init__(self, db: Database, ctx: ServiceContext) -> None:
        self.db = db
        self.ctx = ctx

    async def target(self, subscription_id: uuid.UUID) -> rules.WebhookTarget | None:
        async with self.db.unit_of_work() as uow:
            row = await uow.webhooks.subscription_by_id(subscription_id)
            if row is None or not row.is_active:
                return None
            settings = self.ctx.settings
            current = unseal(settings, SECRET_PURPOSE, row.secret_sealed).decode()
            previous = None
            if row.previous_secret_sealed is not None:
                previous = unseal(settings, SECRET_PURPOSE, row.previous_secret_sealed).decode()
            secrets = rules.signing_secrets(
                current, previous, row.previous_secret_until, self.ctx.now()
            )
            return rules.WebhookTarget(row.id, row.url, secrets)

    async def record(self, attempt: rules.DeliveryAttempt) -> None:
        async with self.db.unit_of_work() as uow:
            await record_attempt(uow, self.ctx, attempt)


async def record_attempt(
    uow: UnitOfWork, ctx: ServiceContext, attempt: rules.DeliveryAttempt
) -> None:
    """Logs the attempt; a success ends the failure streak, a long enough streak disables
    the subscription and tells its contact by e-mail."""
    repo = uow.webhooks
    number = await repo.attempts_of(attempt.delivery_id) + 1
    repo.add(
        WebhookDelivery(
            id=new_id(),
            subscription_id=attempt.subscription_id,
            delivery_id=attempt.delivery_id,
            event_id=attempt.event_id,
            event_type=attempt.event_type,
            attempt=number,
            status_code=attempt.status_code,
            error=attempt.error[:2000] if attempt.error else None,
            succeeded=attempt.succeeded,
            duration_ms=attempt.duration_ms,
            attempted_at=attempt.attempted_at,
        )
    )
    if attempt.succeeded:
        await repo.record_success(attempt.subscription_id)
    else:
        now = ctx.now()
        failures, failing_since = await repo.record_failure(attempt.subscription_id, now)
        settings = ctx.settings
        policy = rules.DisablePolicy(
            failures=settings.webhooks_disable_after_failures,
            failing_for=timedelta(minutes=settings.webhooks_disable_after_failing_minutes),
        )
        disable = rules.should_disable(failures, failing_since, now, policy)
        if disable and await repo.disable(attempt.subscription_id, now):
            subscription = await repo.subscription_by_id(attempt.subscription_id)
            assert subscription is not None
            _queue_disabled_notice(uow, ctx, subscription, failures, attempt.error)
    await uow.commit()


def _queue_disabled_notice(
    uow: UnitOfWork,
    ctx: ServiceContext,
    subscription: WebhookSubscription,
    failures: int,
    last_error: str | None,
) -> None:
    text = (
        f"Hello,\n\nSupportDesk stopped delivering webhooks to {subscription.url} after "
        f"{failures} failed attempts in a row (the last one: {last_error or 'unknown error'}).\n\n"
        f"Subscription {subscription.id} is now disabled and receives no further events. "
        "Once the receiver works again, re-enable it with PATCH "
        f'/v1/webhooks/{subscription.id} and {{"is_active": true}}; the delivery log '
        f"(GET /v1/webhooks/{subscription.id}/deliveries) shows what went wrong."
    )
    mail.queue_email(
        uow.outbox,
        ctx.now(),
        to=[subscription.contact_email],
        subject="Your SupportDesk webhook was disabled",
        text=text,
    )
