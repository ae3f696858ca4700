from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.quarantined_mail_detail import QuarantinedMailDetail
from typing import cast
from uuid import UUID



def _get_kwargs(
    mail_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/quarantine/{mail_id}".format(mail_id=quote(str(mail_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | QuarantinedMailDetail | None:
    if response.status_code == 200:
        response_200 = QuarantinedMailDetail.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | QuarantinedMailDetail]:
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

) -> Response[Problem | QuarantinedMailDetail]:
    """ One message with its text and the list of its attachments

     One message with its text and the list of its attachments.

    Args:
        mail_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QuarantinedMailDetail]
     """


    kwargs = _get_kwargs(
        mail_id=mail_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    mail_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | QuarantinedMailDetail | None:
    """ One message with its text and the list of its attachments

     One message with its text and the list of its attachments.

    Args:
        mail_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QuarantinedMailDetail
     """


    return sync_detailed(
        mail_id=mail_id,
client=client,

    ).parsed

async def asyncio_detailed(
    mail_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | QuarantinedMailDetail]:
    """ One message with its text and the list of its attachments

     One message with its text and the list of its attachments.

    Args:
        mail_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QuarantinedMailDetail]
     """


    kwargs = _get_kwargs(
        mail_id=mail_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    mail_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | QuarantinedMailDetail | None:
    """ One message with its text and the list of its attachments

     One message with its text and the list of its attachments.

    Args:
        mail_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QuarantinedMailDetail
     """


    return (await asyncio_detailed(
        mail_id=mail_id,
client=client,

    )).parsed
