from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.escalation_out import EscalationOut
from ...models.problem import Problem
from ...models.resolve_in import ResolveIn
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    escalation_id: UUID,
    *,
    body: ResolveIn,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/escalations/{escalation_id}/resolve".format(escalation_id=quote(str(escalation_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EscalationOut | Problem | None:
    if response.status_code == 200:
        response_200 = EscalationOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EscalationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    escalation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ResolveIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[EscalationOut | Problem]:
    """ The addressed manager answers it in writing; the person who escalated is told

     The addressed manager answers it in writing; the person who escalated is told.

    Args:
        escalation_id (UUID):
        idempotency_key (str | Unset):
        body (ResolveIn):  Example: {'resolution': 'Carrier trunk replaced; a senior engineer owns
            the case.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EscalationOut | Problem]
     """


    kwargs = _get_kwargs(
        escalation_id=escalation_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    escalation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ResolveIn,
    idempotency_key: str | Unset = UNSET,

) -> EscalationOut | Problem | None:
    """ The addressed manager answers it in writing; the person who escalated is told

     The addressed manager answers it in writing; the person who escalated is told.

    Args:
        escalation_id (UUID):
        idempotency_key (str | Unset):
        body (ResolveIn):  Example: {'resolution': 'Carrier trunk replaced; a senior engineer owns
            the case.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EscalationOut | Problem
     """


    return sync_detailed(
        escalation_id=escalation_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    escalation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ResolveIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[EscalationOut | Problem]:
    """ The addressed manager answers it in writing; the person who escalated is told

     The addressed manager answers it in writing; the person who escalated is told.

    Args:
        escalation_id (UUID):
        idempotency_key (str | Unset):
        body (ResolveIn):  Example: {'resolution': 'Carrier trunk replaced; a senior engineer owns
            the case.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EscalationOut | Problem]
     """


    kwargs = _get_kwargs(
        escalation_id=escalation_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    escalation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ResolveIn,
    idempotency_key: str | Unset = UNSET,

) -> EscalationOut | Problem | None:
    """ The addressed manager answers it in writing; the person who escalated is told

     The addressed manager answers it in writing; the person who escalated is told.

    Args:
        escalation_id (UUID):
        idempotency_key (str | Unset):
        body (ResolveIn):  Example: {'resolution': 'Carrier trunk replaced; a senior engineer owns
            the case.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EscalationOut | Problem
     """


    return (await asyncio_detailed(
        escalation_id=escalation_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
