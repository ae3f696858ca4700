"""The two pages an e-mailed link opens when no portal of our own is configured.

Activation and password-reset links point at `SUPPORTDESK_PUBLIC_BASE_URL` (a portal in
production). Under `make run` that is this service, so it serves a minimal form for each
that posts the token and the new password to the API: a newcomer can follow the link.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SupportDesk - {title}</title></head>
<body>
<h1>{title}</h1>
<form id="form">
  <label>New password <input id="password" type="password" autocomplete="new-password"
    minlength="10" required></label>
  <button type="submit">{button}</button>
</form>
<p id="result" role="status"></p>
<script>
document.getElementById("form").addEventListener("submit", async (event) => {{
  event.preventDefault();
  const token = new URLSearchParams(location.search).get("token");
  const password = document.getElementById("password").value;
  const answer = await fetch("{endpoint}", {{
    method: "POST",
    headers: {{"Content-Type": "application/json"}},
    body: JSON.stringify({{token, password}}),
  }});
  const result = document.getElementById("result");
  if (answer.ok) {{
    result.textContent = "{done}";
  }} else {{
    const problem = await answer.json();
    result.textContent = problem.detail || problem.title;
  }}
}});
</script>
</body></html>
"""


@router.get("/activate", response_class=HTMLResponse)
async def activation_page() -> HTMLResponse:
    return HTMLResponse(
        _PAGE.format(
            title="Activate your account",
            button="Activate",
            endpoint="/v1/auth/activate",
            done="Your account is active: log in with your e-mail address and this password.",
        )
    )


@router.get("/reset-password", response_class=HTMLResponse)
async def password_reset_page() -> HTMLResponse:
    return HTMLResponse(
        _PAGE.format(
            title="Choose a new password",
            button="Set password",
            endpoint="/v1/auth/password-reset/confirm",
            done="Your password is changed: log in with it.",
        )
    )
