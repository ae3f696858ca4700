from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.page_quarantined_mail_out import PageQuarantinedMailOut
from ...models.problem import Problem
from ...models.quarantine_state import QuarantineState
from ...models.quarantined_mail_detail_reason import QuarantinedMailDetailReason
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    reason: None | QuarantinedMailDetailReason | Unset = UNSET,
    state: None | QuarantineState | Unset = UNSET,
    sender: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_reason: None | str | Unset
    if isinstance(reason, Unset):
        json_reason = UNSET
    elif isinstance(reason, QuarantinedMailDetailReason):
        json_reason = reason.value
    else:
        json_reason = reason
    params["reason"] = json_reason

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, QuarantineState):
        json_state = state.value
    else:
        json_state = state
    params["state"] = json_state

    json_sender: None | str | Unset
    if isinstance(sender, Unset):
        json_sender = UNSET
    else:
        json_sender = sender
    params["sender"] = json_sender

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/quarantine",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageQuarantinedMailOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageQuarantinedMailOut.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageQuarantinedMailOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    reason: None | QuarantinedMailDetailReason | Unset = UNSET,
    state: None | QuarantineState | Unset = UNSET,
    sender: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageQuarantinedMailOut | Problem]:
    """ Held, released and deleted messages, oldest first

     Held, released and deleted messages, oldest first.

    Args:
        reason (None | QuarantinedMailDetailReason | Unset): Only messages kept for this reason
        state (None | QuarantineState | Unset): `held`, `released` or `deleted`
        sender (None | str | Unset): The From address
        limit (int | Unset): Page size (at most 200) Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageQuarantinedMailOut | Problem]
     """


    kwargs = _get_kwargs(
        reason=reason,
state=state,
sender=sender,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    reason: None | QuarantinedMailDetailReason | Unset = UNSET,
    state: None | QuarantineState | Unset = UNSET,
    sender: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageQuarantinedMailOut | Problem | None:
    """ Held, released and deleted messages, oldest first

     Held, released and deleted messages, oldest first.

    Args:
        reason (None | QuarantinedMailDetailReason | Unset): Only messages kept for this reason
        state (None | QuarantineState | Unset): `held`, `released` or `deleted`
        sender (None | str | Unset): The From address
        limit (int | Unset): Page size (at most 200) Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageQuarantinedMailOut | Problem
     """


    return sync_detailed(
        client=client,
reason=reason,
state=state,
sender=sender,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    reason: None | QuarantinedMailDetailReason | Unset = UNSET,
    state: None | QuarantineState | Unset = UNSET,
    sender: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageQuarantinedMailOut | Problem]:
    """ Held, released and deleted messages, oldest first

     Held, released and deleted messages, oldest first.

    Args:
        reason (None | QuarantinedMailDetailReason | Unset): Only messages kept for this reason
        state (None | QuarantineState | Unset): `held`, `released` or `deleted`
        sender (None | str | Unset): The From address
        limit (int | Unset): Page size (at most 200) Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageQuarantinedMailOut | Problem]
     """


    kwargs = _get_kwargs(
        reason=reason,
state=state,
sender=sender,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    reason: None | QuarantinedMailDetailReason | Unset = UNSET,
    state: None | QuarantineState | Unset = UNSET,
    sender: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageQuarantinedMailOut | Problem | None:
    """ Held, released and deleted messages, oldest first

     Held, released and deleted messages, oldest first.

    Args:
        reason (None | QuarantinedMailDetailReason | Unset): Only messages kept for this reason
        state (None | QuarantineState | Unset): `held`, `released` or `deleted`
        sender (None | str | Unset): The From address
        limit (int | Unset): Page size (at most 200) Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageQuarantinedMailOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
reason=reason,
state=state,
sender=sender,
limit=limit,
cursor=cursor,

    )).parsed
