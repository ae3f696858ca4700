from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.api_key_created import ApiKeyCreated
from ...models.api_key_in import ApiKeyIn
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    partner_id: UUID,
    *,
    body: ApiKeyIn,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/partners/{partner_id}/api-keys".format(partner_id=quote(str(partner_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApiKeyCreated | Problem | None:
    if response.status_code == 201:
        response_201 = ApiKeyCreated.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ApiKeyCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ApiKeyIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[ApiKeyCreated | Problem]:
    """ Issue a key for a partner integration

     Issue a key for a partner integration. The secret is in this answer only;
    `Location` is where it is revoked (`DELETE`).

    Args:
        partner_id (UUID):
        idempotency_key (str | Unset):
        body (ApiKeyIn):  Example: {'name': 'Zendesk bridge'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyCreated | Problem]
     """


    kwargs = _get_kwargs(
        partner_id=partner_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ApiKeyIn,
    idempotency_key: str | Unset = UNSET,

) -> ApiKeyCreated | Problem | None:
    """ Issue a key for a partner integration

     Issue a key for a partner integration. The secret is in this answer only;
    `Location` is where it is revoked (`DELETE`).

    Args:
        partner_id (UUID):
        idempotency_key (str | Unset):
        body (ApiKeyIn):  Example: {'name': 'Zendesk bridge'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyCreated | Problem
     """


    return sync_detailed(
        partner_id=partner_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ApiKeyIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[ApiKeyCreated | Problem]:
    """ Issue a key for a partner integration

     Issue a key for a partner integration. The secret is in this answer only;
    `Location` is where it is revoked (`DELETE`).

    Args:
        partner_id (UUID):
        idempotency_key (str | Unset):
        body (ApiKeyIn):  Example: {'name': 'Zendesk bridge'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyCreated | Problem]
     """


    kwargs = _get_kwargs(
        partner_id=partner_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ApiKeyIn,
    idempotency_key: str | Unset = UNSET,

) -> ApiKeyCreated | Problem | None:
    """ Issue a key for a partner integration

     Issue a key for a partner integration. The secret is in this answer only;
    `Location` is where it is revoked (`DELETE`).

    Args:
        partner_id (UUID):
        idempotency_key (str | Unset):
        body (ApiKeyIn):  Example: {'name': 'Zendesk bridge'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyCreated | Problem
     """


    return (await asyncio_detailed(
        partner_id=partner_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
