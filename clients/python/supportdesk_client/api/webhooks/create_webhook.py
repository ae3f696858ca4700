from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.webhook_created import WebhookCreated
from ...models.webhook_in import WebhookIn
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: WebhookIn,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WebhookCreated | None:
    if response.status_code == 201:
        response_201 = WebhookCreated.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WebhookCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | WebhookCreated]:
    """ Subscribe to events

     Subscribe to events. The signing `secret` is in this answer only: store it.

    The URL must be https in production and reach a public address: private, loopback,
    link-local and reserved addresses are refused (`webhook-target-not-public`).

    Args:
        idempotency_key (str | Unset):
        body (WebhookIn):  Example: {'description': 'Mirror cases into our helpdesk', 'events':
            ['ticket.created', 'ticket.state_changed', 'sla.breached'], 'url':
            'https://helpdesk.partner.example/supportdesk/events'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookCreated]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: WebhookIn,
    idempotency_key: str | Unset = UNSET,

) -> Problem | WebhookCreated | None:
    """ Subscribe to events

     Subscribe to events. The signing `secret` is in this answer only: store it.

    The URL must be https in production and reach a public address: private, loopback,
    link-local and reserved addresses are refused (`webhook-target-not-public`).

    Args:
        idempotency_key (str | Unset):
        body (WebhookIn):  Example: {'description': 'Mirror cases into our helpdesk', 'events':
            ['ticket.created', 'ticket.state_changed', 'sla.breached'], 'url':
            'https://helpdesk.partner.example/supportdesk/events'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookCreated
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | WebhookCreated]:
    """ Subscribe to events

     Subscribe to events. The signing `secret` is in this answer only: store it.

    The URL must be https in production and reach a public address: private, loopback,
    link-local and reserved addresses are refused (`webhook-target-not-public`).

    Args:
        idempotency_key (str | Unset):
        body (WebhookIn):  Example: {'description': 'Mirror cases into our helpdesk', 'events':
            ['ticket.created', 'ticket.state_changed', 'sla.breached'], 'url':
            'https://helpdesk.partner.example/supportdesk/events'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookCreated]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: WebhookIn,
    idempotency_key: str | Unset = UNSET,

) -> Problem | WebhookCreated | None:
    """ Subscribe to events

     Subscribe to events. The signing `secret` is in this answer only: store it.

    The URL must be https in production and reach a public address: private, loopback,
    link-local and reserved addresses are refused (`webhook-target-not-public`).

    Args:
        idempotency_key (str | Unset):
        body (WebhookIn):  Example: {'description': 'Mirror cases into our helpdesk', 'events':
            ['ticket.created', 'ticket.state_changed', 'sla.breached'], 'url':
            'https://helpdesk.partner.example/supportdesk/events'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookCreated
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
