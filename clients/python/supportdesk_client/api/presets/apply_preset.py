from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.preset_applied import PresetApplied
from ...models.preset_apply_in import PresetApplyIn
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    name: str,
    *,
    body: PresetApplyIn | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/presets/{name}/apply".format(name=quote(str(name), safe=""),),
    }

    
    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PresetApplied | Problem | None:
    if response.status_code == 201:
        response_201 = PresetApplied.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PresetApplied | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
    body: PresetApplyIn | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[PresetApplied | Problem]:
    """ Create the preset's calendar and SLA policy, and an example contract for a customer

     Create the preset's calendar and SLA policy, and an example contract for a customer.

    `timezone`, `country` and `subdivision` set the customer's local time for presets whose
    periods are local to the customer (iPass); another preset answers 422 naming the field.

    Args:
        name (str):
        idempotency_key (str | Unset):
        body (PresetApplyIn | Unset):  Example: {'country': 'VN', 'customer_id':
            '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162', 'timezone': 'Asia/Ho_Chi_Minh'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PresetApplied | Problem]
     """


    kwargs = _get_kwargs(
        name=name,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    name: str,
    *,
    client: AuthenticatedClient,
    body: PresetApplyIn | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> PresetApplied | Problem | None:
    """ Create the preset's calendar and SLA policy, and an example contract for a customer

     Create the preset's calendar and SLA policy, and an example contract for a customer.

    `timezone`, `country` and `subdivision` set the customer's local time for presets whose
    periods are local to the customer (iPass); another preset answers 422 naming the field.

    Args:
        name (str):
        idempotency_key (str | Unset):
        body (PresetApplyIn | Unset):  Example: {'country': 'VN', 'customer_id':
            '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162', 'timezone': 'Asia/Ho_Chi_Minh'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PresetApplied | Problem
     """


    return sync_detailed(
        name=name,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
    body: PresetApplyIn | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[PresetApplied | Problem]:
    """ Create the preset's calendar and SLA policy, and an example contract for a customer

     Create the preset's calendar and SLA policy, and an example contract for a customer.

    `timezone`, `country` and `subdivision` set the customer's local time for presets whose
    periods are local to the customer (iPass); another preset answers 422 naming the field.

    Args:
        name (str):
        idempotency_key (str | Unset):
        body (PresetApplyIn | Unset):  Example: {'country': 'VN', 'customer_id':
            '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162', 'timezone': 'Asia/Ho_Chi_Minh'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PresetApplied | Problem]
     """


    kwargs = _get_kwargs(
        name=name,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient,
    body: PresetApplyIn | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> PresetApplied | Problem | None:
    """ Create the preset's calendar and SLA policy, and an example contract for a customer

     Create the preset's calendar and SLA policy, and an example contract for a customer.

    `timezone`, `country` and `subdivision` set the customer's local time for presets whose
    periods are local to the customer (iPass); another preset answers 422 naming the field.

    Args:
        name (str):
        idempotency_key (str | Unset):
        body (PresetApplyIn | Unset):  Example: {'country': 'VN', 'customer_id':
            '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162', 'timezone': 'Asia/Ho_Chi_Minh'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PresetApplied | Problem
     """


    return (await asyncio_detailed(
        name=name,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
