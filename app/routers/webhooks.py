"""Webhook subscriptions and their delivery log (SPEC 6).

A partner (agent or API key) subscribes for the customers it supports, a customer
administrator for the company, an administrator vendor-wide. Each event is POSTed as JSON
following the Standard Webhooks specification (https://www.standardwebhooks.com):

* `webhook-id`: the delivery id, the same on every retry and every replay (deduplicate
  on it);
* `webhook-timestamp`: unix seconds of this attempt;
* `webhook-signature`: `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<raw body>")>`, where
  the key is the base64-decoded part of the `whsec_…` secret; after a rotation, for 24 h,
  two such signatures separated by a space (the new secret's, then the old one's);
* `X-SupportDesk-Event`: the event type, e.g. `ticket.created` (the body's `type`).

Verify with a Standard Webhooks library (`pip install standardwebhooks`:
`Webhook(secret).verify(raw_body, headers)`), which also refuses a timestamp more than
5 minutes from your clock. Answer 2xx within the timeout; anything else is retried with
exponential back-off and jitter for at least 3 days, and a receiver failing all that time
is disabled (its contact is told; `PATCH` with `{"is_active": true}` re-enables it).
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from app.dependencies import Caller, Ctx, Cursor, IfMatch, Limit, UoW
from app.domain.webhooks import PING_EVENT
from app.etags import tagged
from app.schemas.common import Page, page_of, problem_responses
from app.schemas.webhooks import (
    WebhookCreated,
    WebhookDeliveryOut,
    WebhookIn,
    WebhookOut,
    WebhookPatch,
    WebhookReplayIn,
    WebhookReplayQueued,
    WebhookSecretRotated,
    WebhookTestQueued,
)
from app.services import webhooks

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])


@router.get("", response_model=Page[WebhookOut], responses=problem_responses(401, 403, 422))
async def list_webhooks(
    caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[WebhookOut]:
    """The caller's organisation's subscriptions (an administrator sees all)."""
    page = await webhooks.list_subscriptions(uow, caller, limit, cursor)
    return page_of(WebhookOut, page)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=WebhookCreated,
    responses=problem_responses(401, 403, 422),
)
async def create_webhook(
    body: WebhookIn, caller: Caller, uow: UoW, ctx: Ctx, response: Response
) -> WebhookCreated:
    """Subscribe to events. The signing `secret` is in this answer only: store it.

    The URL must be https in production and reach a public address: private, loopback,
    link-local and reserved addresses are refused (`webhook-target-not-public`)."""
    row, secret = await webhooks.create(uow, ctx, caller, body)
    response.headers["Location"] = f"/v1/webhooks/{row.id}"
    return WebhookCreated(**WebhookOut.model_validate(row).model_dump(), secret=secret)


@router.get(
    "/{webhook_id}", response_model=WebhookOut, responses=problem_responses(401, 403, 404, 422)
)
async def get_webhook(
    webhook_id: uuid.UUID, caller: Caller, uow: UoW, response: Response
) -> WebhookOut:
    return tagged(response, WebhookOut.model_validate(await webhooks.get(uow, caller, webhook_id)))


@router.patch(
    "/{webhook_id}",
    response_model=WebhookOut,
    responses=problem_responses(401, 403, 404, 412, 422, 428),
)
async def update_webhook(
    webhook_id: uuid.UUID,
    body: WebhookPatch,
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
    conditional: IfMatch,
    response: Response,
) -> WebhookOut:
    """Edit a subscription, or re-enable a disabled one with `{"is_active": true}` (its
    failure count starts again). A new `url` is checked as at creation."""
    check = conditional.precondition(WebhookOut.model_validate)
    row = await webhooks.update(uow, ctx, caller, webhook_id, body, check)
    return tagged(response, WebhookOut.model_validate(row))


@router.post(
    "/{webhook_id}/rotate-secret",
    response_model=WebhookSecretRotated,
    responses=problem_responses(401, 403, 404, 422),
)
async def rotate_webhook_secret(
    webhook_id: uuid.UUID, caller: Caller, uow: UoW, ctx: Ctx
) -> WebhookSecretRotated:
    """Issue a new signing secret, shown in this answer only. For 24 hours
    (`previous_secret_until`) deliveries are signed with both the new and the old secret
    (`webhook-signature: v1,<new> v1,<old>`), so the receiver can switch without losing one."""
    row, secret = await webhooks.rotate_secret(uow, ctx, caller, webhook_id)
    return WebhookSecretRotated(**WebhookOut.model_validate(row).model_dump(), secret=secret)


@router.post(
    "/{webhook_id}/test",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=WebhookTestQueued,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def send_test_webhook(
    webhook_id: uuid.UUID, caller: Caller, uow: UoW, ctx: Ctx
) -> WebhookTestQueued:
    """Send a `webhook.test` ping to this subscription, signed and retried like any event;
    its attempts appear in the delivery log under `delivery_id`. A disabled subscription
    answers `webhook-disabled` (409)."""
    delivery_id, event_id = await webhooks.send_test(uow, ctx, caller, webhook_id)
    return WebhookTestQueued(delivery_id=delivery_id, event_id=event_id, event_type=PING_EVENT)


@router.post(
    "/{webhook_id}/replay",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=WebhookReplayQueued,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def replay_webhook(
    webhook_id: uuid.UUID, body: WebhookReplayIn, caller: Caller, uow: UoW, ctx: Ctx
) -> WebhookReplayQueued:
    """Send this subscription again what it would have received since change-feed
    position `after_seq`: the changes of the customers it hears about, of the events it
    subscribes to (no internal notes), oldest first, at most `limit` per call. Each event
    is the original — the same body (`id` and `seq` are the change's) and the same
    `webhook-id` — so a receiver that already processed one drops it. While `more` is
    true, call again with `after_seq` set to `last_seq`. A disabled subscription answers
    `webhook-disabled` (409): re-enable it first."""
    done = await webhooks.replay(uow, ctx, caller, webhook_id, body.after_seq, body.limit)
    return WebhookReplayQueued(
        queued=done.queued, after_seq=done.after_seq, last_seq=done.last_seq, more=done.more
    )


@router.delete(
    "/{webhook_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 422),
)
async def delete_webhook(webhook_id: uuid.UUID, caller: Caller, uow: UoW) -> Response:
    """Unsubscribe; deliveries still queued for it are dropped."""
    await webhooks.delete(uow, caller, webhook_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{webhook_id}/deliveries",
    response_model=Page[WebhookDeliveryOut],
    responses=problem_responses(401, 403, 404, 422),
)
async def list_webhook_deliveries(
    webhook_id: uuid.UUID, caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[WebhookDeliveryOut]:
    """The delivery log: one entry per attempt, oldest first."""
    page = await webhooks.list_deliveries(uow, caller, webhook_id, limit, cursor)
    return page_of(WebhookDeliveryOut, page)
