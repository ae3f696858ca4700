from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.ticket_out import TicketOut
from ...models.transition_in import TransitionIn
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    ticket_id: UUID,
    *,
    body: TransitionIn,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tickets/{ticket_id}/transitions".format(ticket_id=quote(str(ticket_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TicketOut | None:
    if response.status_code == 200:
        response_200 = TicketOut.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TicketOut]:
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
    body: TransitionIn,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | TicketOut]:
    """ Move the case: `{"to": "resolved", "outcome": "fixed"}`

     Move the case: `{"to": "resolved", "outcome": "fixed"}`. An invalid move answers
    409 naming the allowed states; a stale `If-Match` (the case's ETag) 412.

    Args:
        ticket_id (UUID):
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        idempotency_key (str | Unset):
        body (TransitionIn):  Example: {'outcome': 'fixed', 'to': 'resolved'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketOut]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,
body=body,
if_match=if_match,
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
    body: TransitionIn,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Problem | TicketOut | None:
    """ Move the case: `{"to": "resolved", "outcome": "fixed"}`

     Move the case: `{"to": "resolved", "outcome": "fixed"}`. An invalid move answers
    409 naming the allowed states; a stale `If-Match` (the case's ETag) 412.

    Args:
        ticket_id (UUID):
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        idempotency_key (str | Unset):
        body (TransitionIn):  Example: {'outcome': 'fixed', 'to': 'resolved'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketOut
     """


    return sync_detailed(
        ticket_id=ticket_id,
client=client,
body=body,
if_match=if_match,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TransitionIn,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | TicketOut]:
    """ Move the case: `{"to": "resolved", "outcome": "fixed"}`

     Move the case: `{"to": "resolved", "outcome": "fixed"}`. An invalid move answers
    409 naming the allowed states; a stale `If-Match` (the case's ETag) 412.

    Args:
        ticket_id (UUID):
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        idempotency_key (str | Unset):
        body (TransitionIn):  Example: {'outcome': 'fixed', 'to': 'resolved'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketOut]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,
body=body,
if_match=if_match,
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
    body: TransitionIn,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Problem | TicketOut | None:
    """ Move the case: `{"to": "resolved", "outcome": "fixed"}`

     Move the case: `{"to": "resolved", "outcome": "fixed"}`. An invalid move answers
    409 naming the allowed states; a stale `If-Match` (the case's ETag) 412.

    Args:
        ticket_id (UUID):
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        idempotency_key (str | Unset):
        body (TransitionIn):  Example: {'outcome': 'fixed', 'to': 'resolved'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketOut
     """


    return (await asyncio_detailed(
        ticket_id=ticket_id,
client=client,
body=body,
if_match=if_match,
idempotency_key=idempotency_key,

    )).parsed
