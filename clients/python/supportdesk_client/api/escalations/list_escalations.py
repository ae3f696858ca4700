from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.escalation_state import EscalationState
from ...models.page_escalation_out import PageEscalationOut
from ...models.problem import Problem
from ...models.role import Role
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    *,
    state: list[EscalationState] | None | Unset = UNSET,
    level: list[int] | None | Unset = UNSET,
    addressed_role: list[Role] | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    mine: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_state: list[str] | None | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, list):
        json_state = []
        for state_type_0_item_data in state:
            state_type_0_item = state_type_0_item_data.value
            json_state.append(state_type_0_item)


    else:
        json_state = state
    params["state"] = json_state

    json_level: list[int] | None | Unset
    if isinstance(level, Unset):
        json_level = UNSET
    elif isinstance(level, list):
        json_level = level


    else:
        json_level = level
    params["level"] = json_level

    json_addressed_role: list[str] | None | Unset
    if isinstance(addressed_role, Unset):
        json_addressed_role = UNSET
    elif isinstance(addressed_role, list):
        json_addressed_role = []
        for addressed_role_type_0_item_data in addressed_role:
            addressed_role_type_0_item = addressed_role_type_0_item_data.value
            json_addressed_role.append(addressed_role_type_0_item)


    else:
        json_addressed_role = addressed_role
    params["addressed_role"] = json_addressed_role

    json_customer_id: None | str | Unset
    if isinstance(customer_id, Unset):
        json_customer_id = UNSET
    elif isinstance(customer_id, UUID):
        json_customer_id = str(customer_id)
    else:
        json_customer_id = customer_id
    params["customer_id"] = json_customer_id

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    params["mine"] = mine

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
        "url": "/v1/escalations",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageEscalationOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageEscalationOut.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageEscalationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    state: list[EscalationState] | None | Unset = UNSET,
    level: list[int] | None | Unset = UNSET,
    addressed_role: list[Role] | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    mine: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageEscalationOut | Problem]:
    """ The managers' queue, oldest first; filters combine

     The managers' queue, oldest first; filters combine. Support staff only: customers
    follow their escalations through `GET /v1/tickets/{id}/escalations`.

    Args:
        state (list[EscalationState] | None | Unset):
        level (list[int] | None | Unset):
        addressed_role (list[Role] | None | Unset): Addressed role: customer_service_manager,
            director, regional_ops_manager, support_manager
        customer_id (None | Unset | UUID):
        updated_since (datetime.datetime | None | Unset): Only escalations opened, acknowledged or
            resolved since this instant
        mine (bool | Unset): Only escalations the caller may acknowledge and resolve Default:
            False.
        limit (int | Unset): Page size (at most 200) Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEscalationOut | Problem]
     """


    kwargs = _get_kwargs(
        state=state,
level=level,
addressed_role=addressed_role,
customer_id=customer_id,
updated_since=updated_since,
mine=mine,
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
    state: list[EscalationState] | None | Unset = UNSET,
    level: list[int] | None | Unset = UNSET,
    addressed_role: list[Role] | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    mine: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageEscalationOut | Problem | None:
    """ The managers' queue, oldest first; filters combine

     The managers' queue, oldest first; filters combine. Support staff only: customers
    follow their escalations through `GET /v1/tickets/{id}/escalations`.

    Args:
        state (list[EscalationState] | None | Unset):
        level (list[int] | None | Unset):
        addressed_role (list[Role] | None | Unset): Addressed role: customer_service_manager,
            director, regional_ops_manager, support_manager
        customer_id (None | Unset | UUID):
        updated_since (datetime.datetime | None | Unset): Only escalations opened, acknowledged or
            resolved since this instant
        mine (bool | Unset): Only escalations the caller may acknowledge and resolve Default:
            False.
        limit (int | Unset): Page size (at most 200) Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEscalationOut | Problem
     """


    return sync_detailed(
        client=client,
state=state,
level=level,
addressed_role=addressed_role,
customer_id=customer_id,
updated_since=updated_since,
mine=mine,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    state: list[EscalationState] | None | Unset = UNSET,
    level: list[int] | None | Unset = UNSET,
    addressed_role: list[Role] | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    mine: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageEscalationOut | Problem]:
    """ The managers' queue, oldest first; filters combine

     The managers' queue, oldest first; filters combine. Support staff only: customers
    follow their escalations through `GET /v1/tickets/{id}/escalations`.

    Args:
        state (list[EscalationState] | None | Unset):
        level (list[int] | None | Unset):
        addressed_role (list[Role] | None | Unset): Addressed role: customer_service_manager,
            director, regional_ops_manager, support_manager
        customer_id (None | Unset | UUID):
        updated_since (datetime.datetime | None | Unset): Only escalations opened, acknowledged or
            resolved since this instant
        mine (bool | Unset): Only escalations the caller may acknowledge and resolve Default:
            False.
        limit (int | Unset): Page size (at most 200) Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEscalationOut | Problem]
     """


    kwargs = _get_kwargs(
        state=state,
level=level,
addressed_role=addressed_role,
customer_id=customer_id,
updated_since=updated_since,
mine=mine,
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
    state: list[EscalationState] | None | Unset = UNSET,
    level: list[int] | None | Unset = UNSET,
    addressed_role: list[Role] | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    mine: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageEscalationOut | Problem | None:
    """ The managers' queue, oldest first; filters combine

     The managers' queue, oldest first; filters combine. Support staff only: customers
    follow their escalations through `GET /v1/tickets/{id}/escalations`.

    Args:
        state (list[EscalationState] | None | Unset):
        level (list[int] | None | Unset):
        addressed_role (list[Role] | None | Unset): Addressed role: customer_service_manager,
            director, regional_ops_manager, support_manager
        customer_id (None | Unset | UUID):
        updated_since (datetime.datetime | None | Unset): Only escalations opened, acknowledged or
            resolved since this instant
        mine (bool | Unset): Only escalations the caller may acknowledge and resolve Default:
            False.
        limit (int | Unset): Page size (at most 200) Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEscalationOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
state=state,
level=level,
addressed_role=addressed_role,
customer_id=customer_id,
updated_since=updated_since,
mine=mine,
limit=limit,
cursor=cursor,

    )).parsed
