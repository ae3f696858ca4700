from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.policy_document import PolicyDocument
from ...models.policy_out import PolicyOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: PolicyDocument,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/sla-policies",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PolicyOut | Problem | None:
    if response.status_code == 201:
        response_201 = PolicyOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PolicyOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PolicyDocument,
    idempotency_key: str | Unset = UNSET,

) -> Response[PolicyOut | Problem]:
    """ Create an SLA policy (version 1)

     Create an SLA policy (version 1). A wrong document answers 422 naming the field.

    Args:
        idempotency_key (str | Unset):
        body (PolicyDocument): Severity scheme, optional urgency x impact matrix, and targets
            (SPEC 3). Example: {'name': 'iPass', 'severities': [{'definition': 'Authentication
            infrastructure down: no user can connect', 'level': 1, 'name': 'High'}], 'targets':
            [{'after_phone_call': {'by_period': {'NBH2': 60}, 'minutes': 15}, 'clock': 'continuous',
            'metric': 'reaction', 'minutes': 60, 'severity': 1}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PolicyOut | Problem]
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
    body: PolicyDocument,
    idempotency_key: str | Unset = UNSET,

) -> PolicyOut | Problem | None:
    """ Create an SLA policy (version 1)

     Create an SLA policy (version 1). A wrong document answers 422 naming the field.

    Args:
        idempotency_key (str | Unset):
        body (PolicyDocument): Severity scheme, optional urgency x impact matrix, and targets
            (SPEC 3). Example: {'name': 'iPass', 'severities': [{'definition': 'Authentication
            infrastructure down: no user can connect', 'level': 1, 'name': 'High'}], 'targets':
            [{'after_phone_call': {'by_period': {'NBH2': 60}, 'minutes': 15}, 'clock': 'continuous',
            'metric': 'reaction', 'minutes': 60, 'severity': 1}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PolicyOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PolicyDocument,
    idempotency_key: str | Unset = UNSET,

) -> Response[PolicyOut | Problem]:
    """ Create an SLA policy (version 1)

     Create an SLA policy (version 1). A wrong document answers 422 naming the field.

    Args:
        idempotency_key (str | Unset):
        body (PolicyDocument): Severity scheme, optional urgency x impact matrix, and targets
            (SPEC 3). Example: {'name': 'iPass', 'severities': [{'definition': 'Authentication
            infrastructure down: no user can connect', 'level': 1, 'name': 'High'}], 'targets':
            [{'after_phone_call': {'by_period': {'NBH2': 60}, 'minutes': 15}, 'clock': 'continuous',
            'metric': 'reaction', 'minutes': 60, 'severity': 1}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PolicyOut | Problem]
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
    body: PolicyDocument,
    idempotency_key: str | Unset = UNSET,

) -> PolicyOut | Problem | None:
    """ Create an SLA policy (version 1)

     Create an SLA policy (version 1). A wrong document answers 422 naming the field.

    Args:
        idempotency_key (str | Unset):
        body (PolicyDocument): Severity scheme, optional urgency x impact matrix, and targets
            (SPEC 3). Example: {'name': 'iPass', 'severities': [{'definition': 'Authentication
            infrastructure down: no user can connect', 'level': 1, 'name': 'High'}], 'targets':
            [{'after_phone_call': {'by_period': {'NBH2': 60}, 'minutes': 15}, 'clock': 'continuous',
            'metric': 'reaction', 'minutes': 60, 'severity': 1}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PolicyOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
