"""Sign-up, activation, tokens and password reset (SPEC 2)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response, status

from app.dependencies import Caller, Ctx, UoW
from app.domain.errors import InvalidField
from app.schemas.accounts import (
    Accepted,
    ActivateIn,
    LoginForm,
    PasswordResetConfirmIn,
    PasswordResetIn,
    RefreshIn,
    SignupIn,
    TokenOut,
    UserOut,
)
from app.schemas.common import problem_responses
from app.services import accounts

router = APIRouter(prefix="/v1/auth", tags=["auth"])


async def _client_address(request: Request) -> str:
    """The client's IP address: throttles count per client. Behind a reverse proxy,
    uvicorn takes it from X-Forwarded-For when the proxy is in FORWARDED_ALLOW_IPS."""
    return request.client.host if request.client else "unknown"


Client = Annotated[str, Depends(_client_address)]


@router.post(
    "/signup",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Accepted,
    responses=problem_responses(409, 422, 429),
)
async def sign_up(body: SignupIn, uow: UoW, ctx: Ctx, client: Client) -> Accepted:
    """Start a sign-up: an activation link is e-mailed. The answer never reveals whether
    the address already has an account. At most a few account e-mails go to one address
    an hour (more are silently not sent); 409 `signup-registration-conflict` when the
    address and its domain are registered for different companies."""
    return Accepted(detail=await accounts.signup(uow, ctx, body, client))


@router.post("/activate", response_model=UserOut, responses=problem_responses(400, 422))
async def activate_account(body: ActivateIn, uow: UoW, ctx: Ctx) -> UserOut:
    """Follow the activation link: set the password (and optionally the name)."""
    return UserOut.model_validate(await accounts.activate(uow, ctx, body))


@router.post("/token", response_model=TokenOut, responses=problem_responses(401, 422, 429))
async def log_in(
    form: Annotated[LoginForm, Form()], uow: UoW, ctx: Ctx, client: Client, response: Response
) -> TokenOut:
    """The OAuth2 token endpoint: `grant_type=password` (the default; `username` is the
    e-mail address) or `grant_type=refresh_token`, which rotates the refresh token like
    `/v1/auth/refresh`. Answers are never cached (`Cache-Control: no-store`).

    429 with `Retry-After` after too many failures from this client, or for this address
    from a client that never logged into it: the owner's correct password from a client
    they logged in from before still works while strangers are locked out."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    if form.grant_type == "refresh_token":
        if form.refresh_token is None:
            raise InvalidField("refresh_token", "the refresh_token grant needs refresh_token")
        return await accounts.refresh(uow, ctx, form.refresh_token)
    if form.username is None:
        raise InvalidField("username", "the password grant needs username (your e-mail)")
    if form.password is None:
        raise InvalidField("password", "the password grant needs password")
    return await accounts.login(uow, ctx, form.username, form.password, client)


@router.post("/refresh", response_model=TokenOut, responses=problem_responses(401, 422))
async def refresh_tokens(body: RefreshIn, uow: UoW, ctx: Ctx, response: Response) -> TokenOut:
    """Exchange a refresh token for a new pair; the old one stops working. (The token
    endpoint's standard `grant_type=refresh_token` does the same.)"""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    return await accounts.refresh(uow, ctx, body.refresh_token)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(422))
async def log_out(body: RefreshIn, uow: UoW, ctx: Ctx) -> Response:
    """Revoke the refresh token and every token rotated from the same login."""
    await accounts.logout(uow, ctx, body.refresh_token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/logout-all", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401, 422)
)
async def log_out_everywhere(caller: Caller, uow: UoW, ctx: Ctx) -> Response:
    """End every session of the caller: all refresh tokens, and every access token issued
    before this call, on every device."""
    await accounts.logout_everywhere(uow, ctx, caller)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/password-reset",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Accepted,
    responses=problem_responses(422, 429),
)
async def request_password_reset(
    body: PasswordResetIn, uow: UoW, ctx: Ctx, client: Client
) -> Accepted:
    """E-mail a reset link; it voids the links sent before. At most a few account e-mails
    go to one address an hour (more are silently not sent); the answer is the same
    whether or not the address has an account."""
    detail = await accounts.request_password_reset(uow, ctx, str(body.email), client)
    return Accepted(detail=detail)


@router.post(
    "/password-reset/confirm",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(400, 422),
)
async def confirm_password_reset(body: PasswordResetConfirmIn, uow: UoW, ctx: Ctx) -> Response:
    """Set the new password; every session (refresh and access tokens) ends."""
    await accounts.confirm_password_reset(uow, ctx, body)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
