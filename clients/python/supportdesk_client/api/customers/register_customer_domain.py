from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.domain_in import DomainIn
from ...models.domain_out import DomainOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    customer_id: UUID,
    *,
    body: DomainIn,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/customers/{customer_id}/domains".format(customer_id=quote(str(customer_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DomainOut | Problem | None:
    if response.status_code == 201:
        response_201 = DomainOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DomainOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    customer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DomainIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[DomainOut | Problem]:
    """ Register a company domain, or one address (for free-mail users), for sign-up

     Register a company domain, or one address (for free-mail users), for sign-up.

    What another company holds (the value, the address's domain, addresses in the domain,
    a person with the address) is refused with 409 `registration-held-elsewhere` unless an
    administrator registers it. A customer administrator's domain claim is `pending` until
    an administrator approves it, and admits no sign-ups until then.

    Args:
        customer_id (UUID):
        idempotency_key (str | Unset):
        body (DomainIn): Either a whole domain, or one explicitly registered address. Example:
            {'domain': 'acme.vn'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DomainOut | Problem]
     """


    kwargs = _get_kwargs(
        customer_id=customer_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    customer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DomainIn,
    idempotency_key: str | Unset = UNSET,

) -> DomainOut | Problem | None:
    """ Register a company domain, or one address (for free-mail users), for sign-up

     Register a company domain, or one address (for free-mail users), for sign-up.

    What another company holds (the value, the address's domain, addresses in the domain,
    a person with the address) is refused with 409 `registration-held-elsewhere` unless an
    administrator registers it. A customer administrator's domain claim is `pending` until
    an administrator approves it, and admits no sign-ups until then.

    Args:
        customer_id (UUID):
        idempotency_key (str | Unset):
        body (DomainIn): Either a whole domain, or one explicitly registered address. Example:
            {'domain': 'acme.vn'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DomainOut | Problem
     """


    return sync_detailed(
        customer_id=customer_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    customer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DomainIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[DomainOut | Problem]:
    """ Register a company domain, or one address (for free-mail users), for sign-up

     Register a company domain, or one address (for free-mail users), for sign-up.

    What another company holds (the value, the address's domain, addresses in the domain,
    a person with the address) is refused with 409 `registration-held-elsewhere` unless an
    administrator registers it. A customer administrator's domain claim is `pending` until
    an administrator approves it, and admits no sign-ups until then.

    Args:
        customer_id (UUID):
        idempotency_key (str | Unset):
        body (DomainIn): Either a whole domain, or one explicitly registered address. Example:
            {'domain': 'acme.vn'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DomainOut | Problem]
     """


    kwargs = _get_kwargs(
        customer_id=customer_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    customer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DomainIn,
    idempotency_key: str | Unset = UNSET,

) -> DomainOut | Problem | None:
    """ Register a company domain, or one address (for free-mail users), for sign-up

     Register a company domain, or one address (for free-mail users), for sign-up.

    What another company holds (the value, the address's domain, addresses in the domain,
    a person with the address) is refused with 409 `registration-held-elsewhere` unless an
    administrator registers it. A customer administrator's domain claim is `pending` until
    an administrator approves it, and admits no sign-ups until then.

    Args:
        customer_id (UUID):
        idempotency_key (str | Unset):
        body (DomainIn): Either a whole domain, or one explicitly registered address. Example:
            {'domain': 'acme.vn'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DomainOut | Problem
     """


    return (await asyncio_detailed(
        customer_id=customer_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
