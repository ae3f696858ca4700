from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.ticket_create import TicketCreate
from ...models.ticket_out import TicketOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: TicketCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tickets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TicketOut | None:
    if response.status_code == 201:
        response_201 = TicketOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TicketOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TicketCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | TicketOut]:
    """ Raise a case

     Raise a case. Answers at once with the tracking number; the acknowledgement
    e-mail is queued in the same transaction.

    Args:
        idempotency_key (str | Unset):
        body (TicketCreate):  Example: {'a_number': '+41 44 668 18 00', 'b_number': '+41 58 280 11
            11', 'category': 'incident', 'description': 'Since 09:10 no outbound call to PSTN numbers
            connects; internal calls work.', 'failed_call_at': '2027-01-05T09:12:00+01:00',
            'failure_reason': '503 Service Unavailable from the carrier', 'how_widespread':
            'all_users', 'product_area': 'SIP trunking', 'reproducible': True, 'reproduction_steps':
            'Dial any PSTN number from extension 201.', 'severity': 2, 'subject': 'PBX – not able to
            dial PSTN destinations', 'test_calls_allowed': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketOut]
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
    body: TicketCreate,
    idempotency_key: str | Unset = UNSET,

) -> Problem | TicketOut | None:
    """ Raise a case

     Raise a case. Answers at once with the tracking number; the acknowledgement
    e-mail is queued in the same transaction.

    Args:
        idempotency_key (str | Unset):
        body (TicketCreate):  Example: {'a_number': '+41 44 668 18 00', 'b_number': '+41 58 280 11
            11', 'category': 'incident', 'description': 'Since 09:10 no outbound call to PSTN numbers
            connects; internal calls work.', 'failed_call_at': '2027-01-05T09:12:00+01:00',
            'failure_reason': '503 Service Unavailable from the carrier', 'how_widespread':
            'all_users', 'product_area': 'SIP trunking', 'reproducible': True, 'reproduction_steps':
            'Dial any PSTN number from extension 201.', 'severity': 2, 'subject': 'PBX – not able to
            dial PSTN destinations', 'test_calls_allowed': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketOut
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TicketCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | TicketOut]:
    """ Raise a case

     Raise a case. Answers at once with the tracking number; the acknowledgement
    e-mail is queued in the same transaction.

    Args:
        idempotency_key (str | Unset):
        body (TicketCreate):  Example: {'a_number': '+41 44 668 18 00', 'b_number': '+41 58 280 11
            11', 'category': 'incident', 'description': 'Since 09:10 no outbound call to PSTN numbers
            connects; internal calls work.', 'failed_call_at': '2027-01-05T09:12:00+01:00',
            'failure_reason': '503 Service Unavailable from the carrier', 'how_widespread':
            'all_users', 'product_area': 'SIP trunking', 'reproducible': True, 'reproduction_steps':
            'Dial any PSTN number from extension 201.', 'severity': 2, 'subject': 'PBX – not able to
            dial PSTN destinations', 'test_calls_allowed': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketOut]
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
    body: TicketCreate,
    idempotency_key: str | Unset = UNSET,

) -> Problem | TicketOut | None:
    """ Raise a case

     Raise a case. Answers at once with the tracking number; the acknowledgement
    e-mail is queued in the same transaction.

    Args:
        idempotency_key (str | Unset):
        body (TicketCreate):  Example: {'a_number': '+41 44 668 18 00', 'b_number': '+41 58 280 11
            11', 'category': 'incident', 'description': 'Since 09:10 no outbound call to PSTN numbers
            connects; internal calls work.', 'failed_call_at': '2027-01-05T09:12:00+01:00',
            'failure_reason': '503 Service Unavailable from the carrier', 'how_widespread':
            'all_users', 'product_area': 'SIP trunking', 'reproducible': True, 'reproduction_steps':
            'Dial any PSTN number from extension 201.', 'severity': 2, 'subject': 'PBX – not able to
            dial PSTN destinations', 'test_calls_allowed': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
