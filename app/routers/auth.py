"""Sign-up, activation, tokens and password reset (SPEC 2)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Response, status

from app.dependencies import Ctx, UoW
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


@router.post(
    "/signup",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Accepted,
    responses=problem_responses(422),
)
async def sign_up(body: SignupIn, uow: UoW, ctx: Ctx) -> Accepted:
    """Start a sign-up: an activation link is e-mailed. The answer never reveals whether
    the address already has an account."""
    return Accepted(detail=await accounts.signup(uow, ctx, body))


@router.post("/activate", response_model=UserOut, responses=problem_responses(400, 422))
async def activate_account(body: ActivateIn, uow: UoW, ctx: Ctx) -> UserOut:
    """Follow the activation link: set the password (and optionally the name)."""
    return UserOut.model_validate(await accounts.activate(uow, ctx, body))


@router.post("/token", response_model=TokenOut, responses=problem_responses(401, 422, 429))
async def log_in(
    form: Annotated[LoginForm, Form()], uow: UoW, ctx: Ctx, response: Response
) -> TokenOut:
    """The OAuth2 token endpoint: `grant_type=password` (the default; `username` is the
    e-mail address) or `grant_type=refresh_token`, which rotates the refresh token like
    `/v1/auth/refresh`. Answers are never cached (`Cache-Control: no-store`)."""
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
    return await accounts.login(uow, ctx, form.username, form.password)


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
    "/password-reset",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Accepted,
    responses=problem_responses(422),
)
async def request_password_reset(body: PasswordResetIn, uow: UoW, ctx: Ctx) -> Accepted:
    return Accepted(detail=await accounts.request_password_reset(uow, ctx, str(body.email)))


@router.post(
    "/password-reset/confirm",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(400, 422),
)
async def confirm_password_reset(body: PasswordResetConfirmIn, uow: UoW, ctx: Ctx) -> Response:
    await accounts.confirm_password_reset(uow, ctx, body)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
