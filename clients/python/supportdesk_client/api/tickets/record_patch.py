from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.clock_out import ClockOut
from ...models.patch_in import PatchIn
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    ticket_id: UUID,
    *,
    body: PatchIn,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tickets/{ticket_id}/patch".format(ticket_id=quote(str(ticket_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClockOut | Problem | None:
    if response.status_code == 200:
        response_200 = ClockOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ClockOut | Problem]:
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
    body: PatchIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[ClockOut | Problem]:
    """ Support records the patch of a critical bug

     Support records the patch of a critical bug: the `patch` clock (24 h from the
    resolution with outcome `bug` at severity 1) stops, met or breached. 409 when the
    case carries no patch commitment or the patch is already recorded.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (PatchIn): The patch of a critical bug, delivered (SPEC 4, support charter). Example:
            {'note': 'Apply tonight.', 'reference': 'PBX 7.4.2-hotfix1 (BUG-4711)'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClockOut | Problem]
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
    body: PatchIn,
    idempotency_key: str | Unset = UNSET,

) -> ClockOut | Problem | None:
    """ Support records the patch of a critical bug

     Support records the patch of a critical bug: the `patch` clock (24 h from the
    resolution with outcome `bug` at severity 1) stops, met or breached. 409 when the
    case carries no patch commitment or the patch is already recorded.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (PatchIn): The patch of a critical bug, delivered (SPEC 4, support charter). Example:
            {'note': 'Apply tonight.', 'reference': 'PBX 7.4.2-hotfix1 (BUG-4711)'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClockOut | Problem
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
    body: PatchIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[ClockOut | Problem]:
    """ Support records the patch of a critical bug

     Support records the patch of a critical bug: the `patch` clock (24 h from the
    resolution with outcome `bug` at severity 1) stops, met or breached. 409 when the
    case carries no patch commitment or the patch is already recorded.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (PatchIn): The patch of a critical bug, delivered (SPEC 4, support charter). Example:
            {'note': 'Apply tonight.', 'reference': 'PBX 7.4.2-hotfix1 (BUG-4711)'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClockOut | Problem]
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
    body: PatchIn,
    idempotency_key: str | Unset = UNSET,

) -> ClockOut | Problem | None:
    """ Support records the patch of a critical bug

     Support records the patch of a critical bug: the `patch` clock (24 h from the
    resolution with outcome `bug` at severity 1) stops, met or breached. 409 when the
    case carries no patch commitment or the patch is already recorded.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (PatchIn): The patch of a critical bug, delivered (SPEC 4, support charter). Example:
            {'note': 'Apply tonight.', 'reference': 'PBX 7.4.2-hotfix1 (BUG-4711)'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClockOut | Problem
     """


    return (await asyncio_detailed(
        ticket_id=ticket_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
