from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.webhook_replay_in import WebhookReplayIn
from ...models.webhook_replay_queued import WebhookReplayQueued
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    webhook_id: UUID,
    *,
    body: WebhookReplayIn,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhooks/{webhook_id}/replay".format(webhook_id=quote(str(webhook_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WebhookReplayQueued | None:
    if response.status_code == 202:
        response_202 = WebhookReplayQueued.from_dict(response.json())



        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WebhookReplayQueued]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webhook_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WebhookReplayIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | WebhookReplayQueued]:
    """ Send this subscription again what it would have received since change-feed position `after_seq`

     Send this subscription again what it would have received since change-feed
    position `after_seq`: the changes of the customers it hears about, of the events it
    subscribes to (no internal notes), oldest first, at most `limit` per call. Each event
    is the original — the same body (`id` and `seq` are the change's) and the same
    `webhook-id` — so a receiver that already processed one drops it. While `more` is
    true, call again with `after_seq` set to `last_seq`. A disabled subscription answers
    `webhook-disabled` (409): re-enable it first.

    Args:
        webhook_id (UUID):
        idempotency_key (str | Unset):
        body (WebhookReplayIn):  Example: {'after_seq': 1041}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookReplayQueued]
     """


    kwargs = _get_kwargs(
        webhook_id=webhook_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    webhook_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WebhookReplayIn,
    idempotency_key: str | Unset = UNSET,

) -> Problem | WebhookReplayQueued | None:
    """ Send this subscription again what it would have received since change-feed position `after_seq`

     Send this subscription again what it would have received since change-feed
    position `after_seq`: the changes of the customers it hears about, of the events it
    subscribes to (no internal notes), oldest first, at most `limit` per call. Each event
    is the original — the same body (`id` and `seq` are the change's) and the same
    `webhook-id` — so a receiver that already processed one drops it. While `more` is
    true, call again with `after_seq` set to `last_seq`. A disabled subscription answers
    `webhook-disabled` (409): re-enable it first.

    Args:
        webhook_id (UUID):
        idempotency_key (str | Unset):
        body (WebhookReplayIn):  Example: {'after_seq': 1041}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookReplayQueued
     """


    return sync_detailed(
        webhook_id=webhook_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    webhook_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WebhookReplayIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | WebhookReplayQueued]:
    """ Send this subscription again what it would have received since change-feed position `after_seq`

     Send this subscription again what it would have received since change-feed
    position `after_seq`: the changes of the customers it hears about, of the events it
    subscribes to (no internal notes), oldest first, at most `limit` per call. Each event
    is the original — the same body (`id` and `seq` are the change's) and the same
    `webhook-id` — so a receiver that already processed one drops it. While `more` is
    true, call again with `after_seq` set to `last_seq`. A disabled subscription answers
    `webhook-disabled` (409): re-enable it first.

    Args:
        webhook_id (UUID):
        idempotency_key (str | Unset):
        body (WebhookReplayIn):  Example: {'after_seq': 1041}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookReplayQueued]
     """


    kwargs = _get_kwargs(
        webhook_id=webhook_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    webhook_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WebhookReplayIn,
    idempotency_key: str | Unset = UNSET,

) -> Problem | WebhookReplayQueued | None:
    """ Send this subscription again what it would have received since change-feed position `after_seq`

     Send this subscription again what it would have received since change-feed
    position `after_seq`: the changes of the customers it hears about, of the events it
    subscribes to (no internal notes), oldest first, at most `limit` per call. Each event
    is the original — the same body (`id` and `seq` are the change's) and the same
    `webhook-id` — so a receiver that already processed one drops it. While `more` is
    true, call again with `after_seq` set to `last_seq`. A disabled subscription answers
    `webhook-disabled` (409): re-enable it first.

    Args:
        webhook_id (UUID):
        idempotency_key (str | Unset):
        body (WebhookReplayIn):  Example: {'after_seq': 1041}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookReplayQueued
     """


    return (await asyncio_detailed(
        webhook_id=webhook_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
