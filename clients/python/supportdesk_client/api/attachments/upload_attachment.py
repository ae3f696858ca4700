from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.attachment_out import AttachmentOut
from ...models.problem import Problem
from ...models.upload_attachment_body import UploadAttachmentBody
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    ticket_id: UUID,
    *,
    body: UploadAttachmentBody,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tickets/{ticket_id}/attachments".format(ticket_id=quote(str(ticket_id), safe=""),),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AttachmentOut | Problem | None:
    if response.status_code == 201:
        response_201 = AttachmentOut.from_dict(response.json())



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

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AttachmentOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UploadAttachmentBody,
    idempotency_key: str | Unset = UNSET,

) -> Response[AttachmentOut | Problem]:
    """ Upload a file (`multipart/form-data`: `file`, optional `visibility`)

     Upload a file (`multipart/form-data`: `file`, optional `visibility`). It is streamed
    to storage and refused with 413 as soon as it passes the size limit; its type is read
    from its content and its name sanitised.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (UploadAttachmentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttachmentOut | Problem]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UploadAttachmentBody,
    idempotency_key: str | Unset = UNSET,

) -> AttachmentOut | Problem | None:
    """ Upload a file (`multipart/form-data`: `file`, optional `visibility`)

     Upload a file (`multipart/form-data`: `file`, optional `visibility`). It is streamed
    to storage and refused with 413 as soon as it passes the size limit; its type is read
    from its content and its name sanitised.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (UploadAttachmentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttachmentOut | Problem
     """


    return sync_detailed(
        ticket_id=ticket_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UploadAttachmentBody,
    idempotency_key: str | Unset = UNSET,

) -> Response[AttachmentOut | Problem]:
    """ Upload a file (`multipart/form-data`: `file`, optional `visibility`)

     Upload a file (`multipart/form-data`: `file`, optional `visibility`). It is streamed
    to storage and refused with 413 as soon as it passes the size limit; its type is read
    from its content and its name sanitised.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (UploadAttachmentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttachmentOut | Problem]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UploadAttachmentBody,
    idempotency_key: str | Unset = UNSET,

) -> AttachmentOut | Problem | None:
    """ Upload a file (`multipart/form-data`: `file`, optional `visibility`)

     Upload a file (`multipart/form-data`: `file`, optional `visibility`). It is streamed
    to storage and refused with 413 as soon as it passes the size limit; its type is read
    from its content and its name sanitised.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (UploadAttachmentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttachmentOut | Problem
     """


    return (await asyncio_detailed(
        ticket_id=ticket_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
