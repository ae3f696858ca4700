from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.sla_report_out import SlaReportOut
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    *,
    from_: datetime.datetime,
    to: datetime.datetime,
    customer_id: None | Unset | UUID = UNSET,
    contract_id: None | Unset | UUID = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    json_customer_id: None | str | Unset
    if isinstance(customer_id, Unset):
        json_customer_id = UNSET
    elif isinstance(customer_id, UUID):
        json_customer_id = str(customer_id)
    else:
        json_customer_id = customer_id
    params["customer_id"] = json_customer_id

    json_contract_id: None | str | Unset
    if isinstance(contract_id, Unset):
        json_contract_id = UNSET
    elif isinstance(contract_id, UUID):
        json_contract_id = str(contract_id)
    else:
        json_contract_id = contract_id
    params["contract_id"] = json_contract_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/sla",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SlaReportOut | None:
    if response.status_code == 200:
        response_200 = SlaReportOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SlaReportOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
    customer_id: None | Unset | UUID = UNSET,
    contract_id: None | Unset | UUID = UNSET,

) -> Response[Problem | SlaReportOut]:
    """ SLA compliance of the tickets created in `[from, to)` that the caller may see

     SLA compliance of the tickets created in `[from, to)` that the caller may see:
    per severity × metric and per metric, the targets met, breached and still running,
    the compliance ratio, and the median and 90th percentile of the counted clock time
    to the event (met or late). A customer sees its own company; a partner its customers.

    Args:
        from_ (datetime.datetime): Tickets created at or after this instant (ISO 8601 with offset)
        to (datetime.datetime): … and before this one; at most three years after `from`
        customer_id (None | Unset | UUID): Only this customer's tickets
        contract_id (None | Unset | UUID): Only the tickets under this contract

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlaReportOut]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
customer_id=customer_id,
contract_id=contract_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
    customer_id: None | Unset | UUID = UNSET,
    contract_id: None | Unset | UUID = UNSET,

) -> Problem | SlaReportOut | None:
    """ SLA compliance of the tickets created in `[from, to)` that the caller may see

     SLA compliance of the tickets created in `[from, to)` that the caller may see:
    per severity × metric and per metric, the targets met, breached and still running,
    the compliance ratio, and the median and 90th percentile of the counted clock time
    to the event (met or late). A customer sees its own company; a partner its customers.

    Args:
        from_ (datetime.datetime): Tickets created at or after this instant (ISO 8601 with offset)
        to (datetime.datetime): … and before this one; at most three years after `from`
        customer_id (None | Unset | UUID): Only this customer's tickets
        contract_id (None | Unset | UUID): Only the tickets under this contract

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlaReportOut
     """


    return sync_detailed(
        client=client,
from_=from_,
to=to,
customer_id=customer_id,
contract_id=contract_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
    customer_id: None | Unset | UUID = UNSET,
    contract_id: None | Unset | UUID = UNSET,

) -> Response[Problem | SlaReportOut]:
    """ SLA compliance of the tickets created in `[from, to)` that the caller may see

     SLA compliance of the tickets created in `[from, to)` that the caller may see:
    per severity × metric and per metric, the targets met, breached and still running,
    the compliance ratio, and the median and 90th percentile of the counted clock time
    to the event (met or late). A customer sees its own company; a partner its customers.

    Args:
        from_ (datetime.datetime): Tickets created at or after this instant (ISO 8601 with offset)
        to (datetime.datetime): … and before this one; at most three years after `from`
        customer_id (None | Unset | UUID): Only this customer's tickets
        contract_id (None | Unset | UUID): Only the tickets under this contract

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlaReportOut]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
customer_id=customer_id,
contract_id=contract_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
    customer_id: None | Unset | UUID = UNSET,
    contract_id: None | Unset | UUID = UNSET,

) -> Problem | SlaReportOut | None:
    """ SLA compliance of the tickets created in `[from, to)` that the caller may see

     SLA compliance of the tickets created in `[from, to)` that the caller may see:
    per severity × metric and per metric, the targets met, breached and still running,
    the compliance ratio, and the median and 90th percentile of the counted clock time
    to the event (met or late). A customer sees its own company; a partner its customers.

    Args:
        from_ (datetime.datetime): Tickets created at or after this instant (ISO 8601 with offset)
        to (datetime.datetime): … and before this one; at most three years after `from`
        customer_id (None | Unset | UUID): Only this customer's tickets
        contract_id (None | Unset | UUID): Only the tickets under this contract

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlaReportOut
     """


    return (await asyncio_detailed(
        client=client,
from_=from_,
to=to,
customer_id=customer_id,
contract_id=contract_id,

    )).parsed
