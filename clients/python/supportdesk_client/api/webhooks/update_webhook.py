from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.webhook_out import WebhookOut
from ...models.webhook_patch import WebhookPatch
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    webhook_id: UUID,
    *,
    body: WebhookPatch,
    if_match: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/webhooks/{webhook_id}".format(webhook_id=quote(str(webhook_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WebhookOut | None:
    if response.status_code == 200:
        response_200 = WebhookOut.from_dict(response.json())



        return response_200

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())



        return response_428

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WebhookOut]:
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
    body: WebhookPatch,
    if_match: None | str | Unset = UNSET,

) -> Response[Problem | WebhookOut]:
    """ Edit a subscription, or re-enable a disabled one with `{"is_active"

     Edit a subscription, or re-enable a disabled one with `{"is_active": true}` (its
    failure count starts again). A new `url` is checked as at creation.

    Args:
        webhook_id (UUID):
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        body (WebhookPatch): Only the fields given change. `{"is_active": true}` re-enables a
            disabled
            subscription (its failure count starts again from zero); a new `url` is checked as
            at creation. Example: {'is_active': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookOut]
     """


    kwargs = _get_kwargs(
        webhook_id=webhook_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    webhook_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WebhookPatch,
    if_match: None | str | Unset = UNSET,

) -> Problem | WebhookOut | None:
    """ Edit a subscription, or re-enable a disabled one with `{"is_active"

     Edit a subscription, or re-enable a disabled one with `{"is_active": true}` (its
    failure count starts again). A new `url` is checked as at creation.

    Args:
        webhook_id (UUID):
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        body (WebhookPatch): Only the fields given change. `{"is_active": true}` re-enables a
            disabled
            subscription (its failure count starts again from zero); a new `url` is checked as
            at creation. Example: {'is_active': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookOut
     """


    return sync_detailed(
        webhook_id=webhook_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    webhook_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WebhookPatch,
    if_match: None | str | Unset = UNSET,

) -> Response[Problem | WebhookOut]:
    """ Edit a subscription, or re-enable a disabled one with `{"is_active"

     Edit a subscription, or re-enable a disabled one with `{"is_active": true}` (its
    failure count starts again). A new `url` is checked as at creation.

    Args:
        webhook_id (UUID):
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        body (WebhookPatch): Only the fields given change. `{"is_active": true}` re-enables a
            disabled
            subscription (its failure count starts again from zero); a new `url` is checked as
            at creation. Example: {'is_active': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookOut]
     """


    kwargs = _get_kwargs(
        webhook_id=webhook_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    webhook_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WebhookPatch,
    if_match: None | str | Unset = UNSET,

) -> Problem | WebhookOut | None:
    """ Edit a subscription, or re-enable a disabled one with `{"is_active"

     Edit a subscription, or re-enable a disabled one with `{"is_active": true}` (its
    failure count starts again). A new `url` is checked as at creation.

    Args:
        webhook_id (UUID):
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        body (WebhookPatch): Only the fields given change. `{"is_active": true}` re-enables a
            disabled
            subscription (its failure count starts again from zero); a new `url` is checked as
            at creation. Example: {'is_active': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookOut
     """


    return (await asyncio_detailed(
        webhook_id=webhook_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
