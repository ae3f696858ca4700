from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.contract_out import ContractOut
from ...models.contract_patch import ContractPatch
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    contract_id: UUID,
    *,
    body: ContractPatch,
    if_match: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/contracts/{contract_id}".format(contract_id=quote(str(contract_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ContractOut | Problem | None:
    if response.status_code == 200:
        response_200 = ContractOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ContractOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ContractPatch,
    if_match: None | str | Unset = UNSET,

) -> Response[ContractOut | Problem]:
    """ Change the given fields; the change and its `reason` are recorded

     Change the given fields; the change and its `reason` are recorded.

    Args:
        contract_id (UUID):
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        body (ContractPatch): Only the fields given change; `reason` is recorded with the change.
            Example: {'reason': 'renewal not signed', 'valid_to': '2028-01-01T00:00:00+07:00'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractOut | Problem]
     """


    kwargs = _get_kwargs(
        contract_id=contract_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ContractPatch,
    if_match: None | str | Unset = UNSET,

) -> ContractOut | Problem | None:
    """ Change the given fields; the change and its `reason` are recorded

     Change the given fields; the change and its `reason` are recorded.

    Args:
        contract_id (UUID):
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        body (ContractPatch): Only the fields given change; `reason` is recorded with the change.
            Example: {'reason': 'renewal not signed', 'valid_to': '2028-01-01T00:00:00+07:00'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractOut | Problem
     """


    return sync_detailed(
        contract_id=contract_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ContractPatch,
    if_match: None | str | Unset = UNSET,

) -> Response[ContractOut | Problem]:
    """ Change the given fields; the change and its `reason` are recorded

     Change the given fields; the change and its `reason` are recorded.

    Args:
        contract_id (UUID):
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        body (ContractPatch): Only the fields given change; `reason` is recorded with the change.
            Example: {'reason': 'renewal not signed', 'valid_to': '2028-01-01T00:00:00+07:00'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractOut | Problem]
     """


    kwargs = _get_kwargs(
        contract_id=contract_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ContractPatch,
    if_match: None | str | Unset = UNSET,

) -> ContractOut | Problem | None:
    """ Change the given fields; the change and its `reason` are recorded

     Change the given fields; the change and its `reason` are recorded.

    Args:
        contract_id (UUID):
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        body (ContractPatch): Only the fields given change; `reason` is recorded with the change.
            Example: {'reason': 'renewal not signed', 'valid_to': '2028-01-01T00:00:00+07:00'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractOut | Problem
     """


    return (await asyncio_detailed(
        contract_id=contract_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
