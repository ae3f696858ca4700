from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.escalation_in import EscalationIn
from ...models.escalation_out import EscalationOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    ticket_id: UUID,
    *,
    body: EscalationIn,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tickets/{ticket_id}/escalations".format(ticket_id=quote(str(ticket_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EscalationOut | Problem | None:
    if response.status_code == 201:
        response_201 = EscalationOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EscalationOut | Problem]:
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
    body: EscalationIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[EscalationOut | Problem]:
    """ Escalate an open case in writing

     Escalate an open case in writing. It goes one level above the highest level the
    case's earlier escalations reached in the contract's chain, automatic ones and
    disputes included (the first to level 1); a `severity_dispute` goes to the chain's
    level whose role decides it. Past the top answers 409
    `escalation-top-level-reached`, a case that is not open 409 `ticket-not-open` (raise
    a new case first). The addressed level's contacts are e-mailed.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (EscalationIn): An escalation is in writing (SPEC 5): why, the impact, the progress
            so far. Example: {'business_impact': 'All outbound PSTN calls of our 400 agents fail; the
            call centre is idle.', 'progress_to_date': 'Workaround via the backup trunk failed twice;
            no answer for 3 hours.', 'reason': 'inadequate_solution', 'related_cases':
            ['SD-2026-000117']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EscalationOut | Problem]
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
    body: EscalationIn,
    idempotency_key: str | Unset = UNSET,

) -> EscalationOut | Problem | None:
    """ Escalate an open case in writing

     Escalate an open case in writing. It goes one level above the highest level the
    case's earlier escalations reached in the contract's chain, automatic ones and
    disputes included (the first to level 1); a `severity_dispute` goes to the chain's
    level whose role decides it. Past the top answers 409
    `escalation-top-level-reached`, a case that is not open 409 `ticket-not-open` (raise
    a new case first). The addressed level's contacts are e-mailed.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (EscalationIn): An escalation is in writing (SPEC 5): why, the impact, the progress
            so far. Example: {'business_impact': 'All outbound PSTN calls of our 400 agents fail; the
            call centre is idle.', 'progress_to_date': 'Workaround via the backup trunk failed twice;
            no answer for 3 hours.', 'reason': 'inadequate_solution', 'related_cases':
            ['SD-2026-000117']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EscalationOut | Problem
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
    body: EscalationIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[EscalationOut | Problem]:
    """ Escalate an open case in writing

     Escalate an open case in writing. It goes one level above the highest level the
    case's earlier escalations reached in the contract's chain, automatic ones and
    disputes included (the first to level 1); a `severity_dispute` goes to the chain's
    level whose role decides it. Past the top answers 409
    `escalation-top-level-reached`, a case that is not open 409 `ticket-not-open` (raise
    a new case first). The addressed level's contacts are e-mailed.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (EscalationIn): An escalation is in writing (SPEC 5): why, the impact, the progress
            so far. Example: {'business_impact': 'All outbound PSTN calls of our 400 agents fail; the
            call centre is idle.', 'progress_to_date': 'Workaround via the backup trunk failed twice;
            no answer for 3 hours.', 'reason': 'inadequate_solution', 'related_cases':
            ['SD-2026-000117']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EscalationOut | Problem]
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
    body: EscalationIn,
    idempotency_key: str | Unset = UNSET,

) -> EscalationOut | Problem | None:
    """ Escalate an open case in writing

     Escalate an open case in writing. It goes one level above the highest level the
    case's earlier escalations reached in the contract's chain, automatic ones and
    disputes included (the first to level 1); a `severity_dispute` goes to the chain's
    level whose role decides it. Past the top answers 409
    `escalation-top-level-reached`, a case that is not open 409 `ticket-not-open` (raise
    a new case first). The addressed level's contacts are e-mailed.

    Args:
        ticket_id (UUID):
        idempotency_key (str | Unset):
        body (EscalationIn): An escalation is in writing (SPEC 5): why, the impact, the progress
            so far. Example: {'business_impact': 'All outbound PSTN calls of our 400 agents fail; the
            call centre is idle.', 'progress_to_date': 'Workaround via the backup trunk failed twice;
            no answer for 3 hours.', 'reason': 'inadequate_solution', 'related_cases':
            ['SD-2026-000117']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EscalationOut | Problem
     """


    return (await asyncio_detailed(
        ticket_id=ticket_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
