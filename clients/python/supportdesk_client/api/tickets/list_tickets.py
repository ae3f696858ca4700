from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.page_ticket_out import PageTicketOut
from ...models.problem import Problem
from ...models.ticket_sort import TicketSort
from ...models.ticket_status import TicketStatus
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    *,
    status: list[TicketStatus] | None | Unset = UNSET,
    severity: list[int] | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    assignee_id: None | Unset | UUID = UNSET,
    operations_centre: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    breached: bool | None | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    tracking_number: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    sort: None | TicketSort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: list[str] | None | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, list):
        json_status = []
        for status_type_0_item_data in status:
            status_type_0_item = status_type_0_item_data.value
            json_status.append(status_type_0_item)


    else:
        json_status = status
    params["status"] = json_status

    json_severity: list[int] | None | Unset
    if isinstance(severity, Unset):
        json_severity = UNSET
    elif isinstance(severity, list):
        json_severity = severity


    else:
        json_severity = severity
    params["severity"] = json_severity

    json_customer_id: None | str | Unset
    if isinstance(customer_id, Unset):
        json_customer_id = UNSET
    elif isinstance(customer_id, UUID):
        json_customer_id = str(customer_id)
    else:
        json_customer_id = customer_id
    params["customer_id"] = json_customer_id

    json_assignee_id: None | str | Unset
    if isinstance(assignee_id, Unset):
        json_assignee_id = UNSET
    elif isinstance(assignee_id, UUID):
        json_assignee_id = str(assignee_id)
    else:
        json_assignee_id = assignee_id
    params["assignee_id"] = json_assignee_id

    json_operations_centre: None | str | Unset
    if isinstance(operations_centre, Unset):
        json_operations_centre = UNSET
    else:
        json_operations_centre = operations_centre
    params["operations_centre"] = json_operations_centre

    json_external_ref: None | str | Unset
    if isinstance(external_ref, Unset):
        json_external_ref = UNSET
    else:
        json_external_ref = external_ref
    params["external_ref"] = json_external_ref

    json_breached: bool | None | Unset
    if isinstance(breached, Unset):
        json_breached = UNSET
    else:
        json_breached = breached
    params["breached"] = json_breached

    json_due_before: None | str | Unset
    if isinstance(due_before, Unset):
        json_due_before = UNSET
    elif isinstance(due_before, datetime.datetime):
        json_due_before = due_before.isoformat()
    else:
        json_due_before = due_before
    params["due_before"] = json_due_before

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_tracking_number: None | str | Unset
    if isinstance(tracking_number, Unset):
        json_tracking_number = UNSET
    else:
        json_tracking_number = tracking_number
    params["tracking_number"] = json_tracking_number

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    elif isinstance(sort, TicketSort):
        json_sort = sort.value
    else:
        json_sort = sort
    params["sort"] = json_sort

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
        "url": "/v1/tickets",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageTicketOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageTicketOut.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageTicketOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: list[TicketStatus] | None | Unset = UNSET,
    severity: list[int] | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    assignee_id: None | Unset | UUID = UNSET,
    operations_centre: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    breached: bool | None | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    tracking_number: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    sort: None | TicketSort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageTicketOut | Problem]:
    """ The cases the caller may see, newest first by default; filters combine

     The cases the caller may see, newest first by default; filters combine.

    Args:
        status (list[TicketStatus] | None | Unset):
        severity (list[int] | None | Unset):
        customer_id (None | Unset | UUID):
        assignee_id (None | Unset | UUID):
        operations_centre (None | str | Unset):
        external_ref (None | str | Unset):
        breached (bool | None | Unset):
        due_before (datetime.datetime | None | Unset):
        updated_since (datetime.datetime | None | Unset): Only cases changed at or after this
            instant (any recorded change)
        tracking_number (None | str | Unset): Exactly this case (`SD-2026-000123`, any case)
        q (None | str | Unset): Words in the subject, description or comments the caller may read
            (every word must match; best match first), or a tracking number exactly
        sort (None | TicketSort | Unset): `-` for descending; default `relevance` with `q`, else
            `-created_at`
        limit (int | Unset): Page size (at most 200) Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTicketOut | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
severity=severity,
customer_id=customer_id,
assignee_id=assignee_id,
operations_centre=operations_centre,
external_ref=external_ref,
breached=breached,
due_before=due_before,
updated_since=updated_since,
tracking_number=tracking_number,
q=q,
sort=sort,
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
    status: list[TicketStatus] | None | Unset = UNSET,
    severity: list[int] | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    assignee_id: None | Unset | UUID = UNSET,
    operations_centre: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    breached: bool | None | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    tracking_number: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    sort: None | TicketSort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageTicketOut | Problem | None:
    """ The cases the caller may see, newest first by default; filters combine

     The cases the caller may see, newest first by default; filters combine.

    Args:
        status (list[TicketStatus] | None | Unset):
        severity (list[int] | None | Unset):
        customer_id (None | Unset | UUID):
        assignee_id (None | Unset | UUID):
        operations_centre (None | str | Unset):
        external_ref (None | str | Unset):
        breached (bool | None | Unset):
        due_before (datetime.datetime | None | Unset):
        updated_since (datetime.datetime | None | Unset): Only cases changed at or after this
            instant (any recorded change)
        tracking_number (None | str | Unset): Exactly this case (`SD-2026-000123`, any case)
        q (None | str | Unset): Words in the subject, description or comments the caller may read
            (every word must match; best match first), or a tracking number exactly
        sort (None | TicketSort | Unset): `-` for descending; default `relevance` with `q`, else
            `-created_at`
        limit (int | Unset): Page size (at most 200) Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTicketOut | Problem
     """


    return sync_detailed(
        client=client,
status=status,
severity=severity,
customer_id=customer_id,
assignee_id=assignee_id,
operations_centre=operations_centre,
external_ref=external_ref,
breached=breached,
due_before=due_before,
updated_since=updated_since,
tracking_number=tracking_number,
q=q,
sort=sort,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: list[TicketStatus] | None | Unset = UNSET,
    severity: list[int] | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    assignee_id: None | Unset | UUID = UNSET,
    operations_centre: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    breached: bool | None | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    tracking_number: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    sort: None | TicketSort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageTicketOut | Problem]:
    """ The cases the caller may see, newest first by default; filters combine

     The cases the caller may see, newest first by default; filters combine.

    Args:
        status (list[TicketStatus] | None | Unset):
        severity (list[int] | None | Unset):
        customer_id (None | Unset | UUID):
        assignee_id (None | Unset | UUID):
        operations_centre (None | str | Unset):
        external_ref (None | str | Unset):
        breached (bool | None | Unset):
        due_before (datetime.datetime | None | Unset):
        updated_since (datetime.datetime | None | Unset): Only cases changed at or after this
            instant (any recorded change)
        tracking_number (None | str | Unset): Exactly this case (`SD-2026-000123`, any case)
        q (None | str | Unset): Words in the subject, description or comments the caller may read
            (every word must match; best match first), or a tracking number exactly
        sort (None | TicketSort | Unset): `-` for descending; default `relevance` with `q`, else
            `-created_at`
        limit (int | Unset): Page size (at most 200) Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTicketOut | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
severity=severity,
customer_id=customer_id,
assignee_id=assignee_id,
operations_centre=operations_centre,
external_ref=external_ref,
breached=breached,
due_before=due_before,
updated_since=updated_since,
tracking_number=tracking_number,
q=q,
sort=sort,
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
    status: list[TicketStatus] | None | Unset = UNSET,
    severity: list[int] | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    assignee_id: None | Unset | UUID = UNSET,
    operations_centre: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    breached: bool | None | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    tracking_number: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    sort: None | TicketSort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageTicketOut | Problem | None:
    """ The cases the caller may see, newest first by default; filters combine

     The cases the caller may see, newest first by default; filters combine.

    Args:
        status (list[TicketStatus] | None | Unset):
        severity (list[int] | None | Unset):
        customer_id (None | Unset | UUID):
        assignee_id (None | Unset | UUID):
        operations_centre (None | str | Unset):
        external_ref (None | str | Unset):
        breached (bool | None | Unset):
        due_before (datetime.datetime | None | Unset):
        updated_since (datetime.datetime | None | Unset): Only cases changed at or after this
            instant (any recorded change)
        tracking_number (None | str | Unset): Exactly this case (`SD-2026-000123`, any case)
        q (None | str | Unset): Words in the subject, description or comments the caller may read
            (every word must match; best match first), or a tracking number exactly
        sort (None | TicketSort | Unset): `-` for descending; default `relevance` with `q`, else
            `-created_at`
        limit (int | Unset): Page size (at most 200) Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTicketOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
status=status,
severity=severity,
customer_id=customer_id,
assignee_id=assignee_id,
operations_centre=operations_centre,
external_ref=external_ref,
breached=breached,
due_before=due_before,
updated_since=updated_since,
tracking_number=tracking_number,
q=q,
sort=sort,
limit=limit,
cursor=cursor,

    )).parsed
