from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.release_in import ReleaseIn
from ...models.released_out import ReleasedOut
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    mail_id: UUID,
    *,
    body: ReleaseIn,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/quarantine/{mail_id}/release".format(mail_id=quote(str(mail_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReleasedOut | None:
    if response.status_code == 201:
        response_201 = ReleasedOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ReleasedOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    mail_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReleaseIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | ReleasedOut]:
    """ Raise the held message as a case of `customer_id`, by e-mail, as `requester_email` (an active user
    of that customer) or else as the caller

     Raise the held message as a case of `customer_id`, by e-mail, as `requester_email`
    (an active user of that customer) or else as the caller. The contract's rules apply
    (422 `no-valid-contract`, …); a message already released or deleted answers 409
    `quarantined-mail-not-held`. `Location` names the new ticket.

    Args:
        mail_id (UUID):
        idempotency_key (str | Unset):
        body (ReleaseIn):  Example: {'customer_id': '0193b5c2-7d1e-7c3a-9f00-4b1e2c3d4e5f',
            'requester_email': 'lan@acme.com'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReleasedOut]
     """


    kwargs = _get_kwargs(
        mail_id=mail_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    mail_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReleaseIn,
    idempotency_key: str | Unset = UNSET,

) -> Problem | ReleasedOut | None:
    """ Raise the held message as a case of `customer_id`, by e-mail, as `requester_email` (an active user
    of that customer) or else as the caller

     Raise the held message as a case of `customer_id`, by e-mail, as `requester_email`
    (an active user of that customer) or else as the caller. The contract's rules apply
    (422 `no-valid-contract`, …); a message already released or deleted answers 409
    `quarantined-mail-not-held`. `Location` names the new ticket.

    Args:
        mail_id (UUID):
        idempotency_key (str | Unset):
        body (ReleaseIn):  Example: {'customer_id': '0193b5c2-7d1e-7c3a-9f00-4b1e2c3d4e5f',
            'requester_email': 'lan@acme.com'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReleasedOut
     """


    return sync_detailed(
        mail_id=mail_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    mail_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReleaseIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | ReleasedOut]:
    """ Raise the held message as a case of `customer_id`, by e-mail, as `requester_email` (an active user
    of that customer) or else as the caller

     Raise the held message as a case of `customer_id`, by e-mail, as `requester_email`
    (an active user of that customer) or else as the caller. The contract's rules apply
    (422 `no-valid-contract`, …); a message already released or deleted answers 409
    `quarantined-mail-not-held`. `Location` names the new ticket.

    Args:
        mail_id (UUID):
        idempotency_key (str | Unset):
        body (ReleaseIn):  Example: {'customer_id': '0193b5c2-7d1e-7c3a-9f00-4b1e2c3d4e5f',
            'requester_email': 'lan@acme.com'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReleasedOut]
     """


    kwargs = _get_kwargs(
        mail_id=mail_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    mail_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReleaseIn,
    idempotency_key: str | Unset = UNSET,

) -> Problem | ReleasedOut | None:
    """ Raise the held message as a case of `customer_id`, by e-mail, as `requester_email` (an active user
    of that customer) or else as the caller

     Raise the held message as a case of `customer_id`, by e-mail, as `requester_email`
    (an active user of that customer) or else as the caller. The contract's rules apply
    (422 `no-valid-contract`, …); a message already released or deleted answers 409
    `quarantined-mail-not-held`. `Location` names the new ticket.

    Args:
        mail_id (UUID):
        idempotency_key (str | Unset):
        body (ReleaseIn):  Example: {'customer_id': '0193b5c2-7d1e-7c3a-9f00-4b1e2c3d4e5f',
            'requester_email': 'lan@acme.com'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReleasedOut
     """


    return (await asyncio_detailed(
        mail_id=mail_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
