from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.password_reset_confirm_in import PasswordResetConfirmIn
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: PasswordResetConfirmIn,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/password-reset/confirm",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PasswordResetConfirmIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Any | Problem]:
    """ Set the new password; every session (refresh and access tokens) ends

     Set the new password; every session (refresh and access tokens) ends.

    Args:
        idempotency_key (str | Unset):
        body (PasswordResetConfirmIn):  Example: {'password': 'a longer passphrase for 2027',
            'token': 'Ztq3v8Jk2pQ9rW4xY7bN1mC5dF6gH0sLaEuIoP'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
    body: PasswordResetConfirmIn,
    idempotency_key: str | Unset = UNSET,

) -> Any | Problem | None:
    """ Set the new password; every session (refresh and access tokens) ends

     Set the new password; every session (refresh and access tokens) ends.

    Args:
        idempotency_key (str | Unset):
        body (PasswordResetConfirmIn):  Example: {'password': 'a longer passphrase for 2027',
            'token': 'Ztq3v8Jk2pQ9rW4xY7bN1mC5dF6gH0sLaEuIoP'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PasswordResetConfirmIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Any | Problem]:
    """ Set the new password; every session (refresh and access tokens) ends

     Set the new password; every session (refresh and access tokens) ends.

    Args:
        idempotency_key (str | Unset):
        body (PasswordResetConfirmIn):  Example: {'password': 'a longer passphrase for 2027',
            'token': 'Ztq3v8Jk2pQ9rW4xY7bN1mC5dF6gH0sLaEuIoP'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
    body: PasswordResetConfirmIn,
    idempotency_key: str | Unset = UNSET,

) -> Any | Problem | None:
    """ Set the new password; every session (refresh and access tokens) ends

     Set the new password; every session (refresh and access tokens) ends.

    Args:
        idempotency_key (str | Unset):
        body (PasswordResetConfirmIn):  Example: {'password': 'a longer passphrase for 2027',
            'token': 'Ztq3v8Jk2pQ9rW4xY7bN1mC5dF6gH0sLaEuIoP'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
