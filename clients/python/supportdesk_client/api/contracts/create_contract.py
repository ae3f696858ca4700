from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.contract_in import ContractIn
from ...models.contract_out import ContractOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: ContractIn,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/contracts",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ContractOut | Problem | None:
    if response.status_code == 201:
        response_201 = ContractOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ContractOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ContractIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[ContractOut | Problem]:
    """ A customer's contract; its validity may not overlap another of the same customer (409)

     A customer's contract; its validity may not overlap another of the same customer (409).

    Args:
        idempotency_key (str | Unset):
        body (ContractIn):  Example: {'auto_close_days': 7, 'calendar_id':
            '0193b5c2-8b00-7c33-9d44-5e6f70819203', 'channels': ['portal', 'email', 'phone'],
            'customer_id': '0193b5c2-7f1e-7a3c-9d2e-5b6a7c8d9e0f', 'description': '24/7 hotline for
            class 1 and 2 faults.', 'escalation_chain': [{'contacts': [{'email': 'minh@vendor.com',
            'name': 'Minh Tran', 'phone': '+84 28 1234 5678'}], 'level': 1, 'role':
            'regional_ops_manager'}, {'contacts': [{'name': 'Eva Keller'}], 'level': 2, 'role':
            'director'}], 'on_call_address': 'oncall@vendor.com', 'reopen_window_days': 14,
            'required_facts': ['a_number', 'b_number', 'failed_call_at', 'failure_reason'],
            'sla_policy_id': '0193b5c2-8a00-7b11-8c22-3d4e5f607182', 'support_level': 'Premium',
            'update_interval_minutes': 120, 'valid_from': '2027-01-01T00:00:00+07:00'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractOut | Problem]
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
    body: ContractIn,
    idempotency_key: str | Unset = UNSET,

) -> ContractOut | Problem | None:
    """ A customer's contract; its validity may not overlap another of the same customer (409)

     A customer's contract; its validity may not overlap another of the same customer (409).

    Args:
        idempotency_key (str | Unset):
        body (ContractIn):  Example: {'auto_close_days': 7, 'calendar_id':
            '0193b5c2-8b00-7c33-9d44-5e6f70819203', 'channels': ['portal', 'email', 'phone'],
            'customer_id': '0193b5c2-7f1e-7a3c-9d2e-5b6a7c8d9e0f', 'description': '24/7 hotline for
            class 1 and 2 faults.', 'escalation_chain': [{'contacts': [{'email': 'minh@vendor.com',
            'name': 'Minh Tran', 'phone': '+84 28 1234 5678'}], 'level': 1, 'role':
            'regional_ops_manager'}, {'contacts': [{'name': 'Eva Keller'}], 'level': 2, 'role':
            'director'}], 'on_call_address': 'oncall@vendor.com', 'reopen_window_days': 14,
            'required_facts': ['a_number', 'b_number', 'failed_call_at', 'failure_reason'],
            'sla_policy_id': '0193b5c2-8a00-7b11-8c22-3d4e5f607182', 'support_level': 'Premium',
            'update_interval_minutes': 120, 'valid_from': '2027-01-01T00:00:00+07:00'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ContractIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[ContractOut | Problem]:
    """ A customer's contract; its validity may not overlap another of the same customer (409)

     A customer's contract; its validity may not overlap another of the same customer (409).

    Args:
        idempotency_key (str | Unset):
        body (ContractIn):  Example: {'auto_close_days': 7, 'calendar_id':
            '0193b5c2-8b00-7c33-9d44-5e6f70819203', 'channels': ['portal', 'email', 'phone'],
            'customer_id': '0193b5c2-7f1e-7a3c-9d2e-5b6a7c8d9e0f', 'description': '24/7 hotline for
            class 1 and 2 faults.', 'escalation_chain': [{'contacts': [{'email': 'minh@vendor.com',
            'name': 'Minh Tran', 'phone': '+84 28 1234 5678'}], 'level': 1, 'role':
            'regional_ops_manager'}, {'contacts': [{'name': 'Eva Keller'}], 'level': 2, 'role':
            'director'}], 'on_call_address': 'oncall@vendor.com', 'reopen_window_days': 14,
            'required_facts': ['a_number', 'b_number', 'failed_call_at', 'failure_reason'],
            'sla_policy_id': '0193b5c2-8a00-7b11-8c22-3d4e5f607182', 'support_level': 'Premium',
            'update_interval_minutes': 120, 'valid_from': '2027-01-01T00:00:00+07:00'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractOut | Problem]
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
    body: ContractIn,
    idempotency_key: str | Unset = UNSET,

) -> ContractOut | Problem | None:
    """ A customer's contract; its validity may not overlap another of the same customer (409)

     A customer's contract; its validity may not overlap another of the same customer (409).

    Args:
        idempotency_key (str | Unset):
        body (ContractIn):  Example: {'auto_close_days': 7, 'calendar_id':
            '0193b5c2-8b00-7c33-9d44-5e6f70819203', 'channels': ['portal', 'email', 'phone'],
            'customer_id': '0193b5c2-7f1e-7a3c-9d2e-5b6a7c8d9e0f', 'description': '24/7 hotline for
            class 1 and 2 faults.', 'escalation_chain': [{'contacts': [{'email': 'minh@vendor.com',
            'name': 'Minh Tran', 'phone': '+84 28 1234 5678'}], 'level': 1, 'role':
            'regional_ops_manager'}, {'contacts': [{'name': 'Eva Keller'}], 'level': 2, 'role':
            'director'}], 'on_call_address': 'oncall@vendor.com', 'reopen_window_days': 14,
            'required_facts': ['a_number', 'b_number', 'failed_call_at', 'failure_reason'],
            'sla_policy_id': '0193b5c2-8a00-7b11-8c22-3d4e5f607182', 'support_level': 'Premium',
            'update_interval_minutes': 120, 'valid_from': '2027-01-01T00:00:00+07:00'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
