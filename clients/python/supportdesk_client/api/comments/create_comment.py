from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.comment_in import CommentIn
from ...models.comment_out import CommentOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    ticket_id: UUID,
    *,
    body: CommentIn,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tickets/{ticket_id}/comments".format(ticket_id=quote(str(ticket_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CommentOut | Problem | None:
    if response.status_code == 201:
        response_201 = CommentOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CommentOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CommentIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[CommentOut | Problem]:
    """ Add a comment

     Add a comment. A public staff comment acknowledges a new case and restarts the
    `update` clock; the customer's public reply resumes a case waiting for it. Public
    comments are e-mailed to the other side.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (CommentIn):  Example: {'body': 'We reproduced the failure on trunk 2 and are
            checking the carrier.', 'visibility': 'public'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommentOut | Problem]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CommentIn,
    idempotency_key: str | Unset = UNSET,

) -> CommentOut | Problem | None:
    """ Add a comment

     Add a comment. A public staff comment acknowledges a new case and restarts the
    `update` clock; the customer's public reply resumes a case waiting for it. Public
    comments are e-mailed to the other side.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (CommentIn):  Example: {'body': 'We reproduced the failure on trunk 2 and are
            checking the carrier.', 'visibility': 'public'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommentOut | Problem
     """


    return sync_detailed(
        ticket_id=ticket_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CommentIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[CommentOut | Problem]:
    """ Add a comment

     Add a comment. A public staff comment acknowledges a new case and restarts the
    `update` clock; the customer's public reply resumes a case waiting for it. Public
    comments are e-mailed to the other side.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (CommentIn):  Example: {'body': 'We reproduced the failure on trunk 2 and are
            checking the carrier.', 'visibility': 'public'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommentOut | Problem]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CommentIn,
    idempotency_key: str | Unset = UNSET,

) -> CommentOut | Problem | None:
    """ Add a comment

     Add a comment. A public staff comment acknowledges a new case and restarts the
    `update` clock; the customer's public reply resumes a case waiting for it. Public
    comments are e-mailed to the other side.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (CommentIn):  Example: {'body': 'We reproduced the failure on trunk 2 and are
            checking the carrier.', 'visibility': 'public'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommentOut | Problem
     """


    return (await asyncio_detailed(
        ticket_id=ticket_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
