from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.me_patch import MePatch
from ...models.problem import Problem
from ...models.user_out import UserOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: MePatch,
    if_match: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/me",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UserOut | None:
    if response.status_code == 200:
        response_200 = UserOut.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UserOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MePatch,
    if_match: None | str | Unset = UNSET,

) -> Response[Problem | UserOut]:
    """ Keep contact details current: phone numbers, time zone, notification preferences

     Keep contact details current: phone numbers, time zone, notification preferences.

    Args:
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        body (MePatch):  Example: {'phone_numbers': [{'label': 'mobile', 'number': '+84 90 123
            4567'}], 'timezone': 'Asia/Ho_Chi_Minh'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserOut]
     """


    kwargs = _get_kwargs(
        body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: MePatch,
    if_match: None | str | Unset = UNSET,

) -> Problem | UserOut | None:
    """ Keep contact details current: phone numbers, time zone, notification preferences

     Keep contact details current: phone numbers, time zone, notification preferences.

    Args:
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        body (MePatch):  Example: {'phone_numbers': [{'label': 'mobile', 'number': '+84 90 123
            4567'}], 'timezone': 'Asia/Ho_Chi_Minh'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserOut
     """


    return sync_detailed(
        client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MePatch,
    if_match: None | str | Unset = UNSET,

) -> Response[Problem | UserOut]:
    """ Keep contact details current: phone numbers, time zone, notification preferences

     Keep contact details current: phone numbers, time zone, notification preferences.

    Args:
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        body (MePatch):  Example: {'phone_numbers': [{'label': 'mobile', 'number': '+84 90 123
            4567'}], 'timezone': 'Asia/Ho_Chi_Minh'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserOut]
     """


    kwargs = _get_kwargs(
        body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MePatch,
    if_match: None | str | Unset = UNSET,

) -> Problem | UserOut | None:
    """ Keep contact details current: phone numbers, time zone, notification preferences

     Keep contact details current: phone numbers, time zone, notification preferences.

    Args:
        if_match (None | str | Unset): The `ETag` of the version being edited: 412 if it is no
            longer current
        body (MePatch):  Example: {'phone_numbers': [{'label': 'mobile', 'number': '+84 90 123
            4567'}], 'timezone': 'Asia/Ho_Chi_Minh'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,
if_match=if_match,

    )).parsed
