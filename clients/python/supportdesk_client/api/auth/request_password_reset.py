from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.accepted import Accepted
from ...models.password_reset_in import PasswordResetIn
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: PasswordResetIn,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/password-reset",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Accepted | Problem | None:
    if response.status_code == 202:
        response_202 = Accepted.from_dict(response.json())



        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Accepted | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PasswordResetIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Accepted | Problem]:
    """ E-mail a reset link; it voids the links sent before

     E-mail a reset link; it voids the links sent before. At most a few account e-mails
    go to one address an hour (more are silently not sent); the answer is the same
    whether or not the address has an account.

    Args:
        idempotency_key (str | Unset):
        body (PasswordResetIn):  Example: {'email': 'lan@acme.vn'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Accepted | Problem]
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
    client: AuthenticatedClient | Client,
    body: PasswordResetIn,
    idempotency_key: str | Unset = UNSET,

) -> Accepted | Problem | None:
    """ E-mail a reset link; it voids the links sent before

     E-mail a reset link; it voids the links sent before. At most a few account e-mails
    go to one address an hour (more are silently not sent); the answer is the same
    whether or not the address has an account.

    Args:
        idempotency_key (str | Unset):
        body (PasswordResetIn):  Example: {'email': 'lan@acme.vn'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Accepted | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PasswordResetIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Accepted | Problem]:
    """ E-mail a reset link; it voids the links sent before

     E-mail a reset link; it voids the links sent before. At most a few account e-mails
    go to one address an hour (more are silently not sent); the answer is the same
    whether or not the address has an account.

    Args:
        idempotency_key (str | Unset):
        body (PasswordResetIn):  Example: {'email': 'lan@acme.vn'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Accepted | Problem]
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
    client: AuthenticatedClient | Client,
    body: PasswordResetIn,
    idempotency_key: str | Unset = UNSET,

) -> Accepted | Problem | None:
    """ E-mail a reset link; it voids the links sent before

     E-mail a reset link; it voids the links sent before. At most a few account e-mails
    go to one address an hour (more are silently not sent); the answer is the same
    whether or not the address has an account.

    Args:
        idempotency_key (str | Unset):
        body (PasswordResetIn):  Example: {'email': 'lan@acme.vn'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Accepted | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
