"""The catalogue of problem types: JSON for tools, pages for people (SPEC 8)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict

from app.domain.errors import NotFound
from app.problem_catalogue import catalogue, page
from app.schemas.common import problem_responses

router = APIRouter(tags=["problems"])


class ProblemTypeOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "type": "https://supportdesk.dev/problems/precondition-failed",
                "slug": "precondition-failed",
                "status": 412,
                "title": "The resource changed since you read it",
                "description": "`If-Match` names a version that is no longer current.",
            }
        }
    )
    type: str
    slug: str
    status: int
    title: str
    description: str


@router.get("/v1/problems", response_model=list[ProblemTypeOut], responses=problem_responses(422))
async def list_problem_types() -> list[ProblemTypeOut]:
    """Every problem `type` the API answers, with its status and meaning."""
    return [
        ProblemTypeOut(
            type=p.type, slug=p.slug, status=p.status, title=p.title, description=p.description
        )
        for p in catalogue()
    ]


@router.get("/problems", include_in_schema=False)
async def problem_types_page() -> HTMLResponse:
    return HTMLResponse(page(catalogue(), "SupportDesk problem types"))


@router.get("/problems/{slug}", include_in_schema=False)
async def problem_type_page(slug: str) -> HTMLResponse:
    found = tuple(p for p in catalogue() if p.slug == slug)
    if not found:
        raise NotFound(f"no problem type {slug!r}")
    return HTMLResponse(page(found, f"SupportDesk problem: {slug}"))
