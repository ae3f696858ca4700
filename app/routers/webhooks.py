"""Webhook subscriptions and their delivery log (SPEC 6).

A partner (agent or API key) subscribes for the customers it supports, a customer
administrator for the company, an administrator vendor-wide. Each event is POSTed as JSON
with three headers:

* `X-SupportDesk-Event`: the event type, e.g. `ticket.created`;
* `X-SupportDesk-Delivery`: the delivery id, the same on every retry (deduplicate on it);
* `X-SupportDesk-Signature`: `t=<unix time>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.

To verify: split the header on `,` and `=`; compute the HMAC-SHA256 of the ASCII `t`, a
`.` and the raw request body (before any JSON parsing), keyed with the whole secret as
UTF-8; compare it to `v1` in constant time; refuse a `t` more than 5 minutes from your
clock (a replayed delivery). Answer 2xx within the timeout; anything else is retried with
exponential back-off, and a receiver failing for long is disabled (its contact is told).
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from app.dependencies import Caller, Ctx, Cursor, Limit, UoW
from app.schemas.common import Page, page_of, problem_responses
from app.schemas.webhooks import WebhookCreated, WebhookDeliveryOut, WebhookIn, WebhookOut
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
async def get_webhook(webhook_id: uuid.UUID, caller: Caller, uow: UoW) -> WebhookOut:
    return WebhookOut.model_validate(await webhooks.get(uow, caller, webhook_id))


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
