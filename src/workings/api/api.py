"""The REST API at /api/v1, assembled from each app's router."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from workings.accounts.api_auth import api_auth
from workings.core.exceptions import Conflict, NotAllowed, NotFound, WorkingsError

api = NinjaAPI(
    title="Workings API",
    version="1",
    description=(
        "Read and write a project's record. Authenticate with a personal access token "
        "(Authorization: Bearer …) created on your profile page. Every write is recorded "
        "in the project's tamper-evident log."
    ),
    auth=api_auth,
    urls_namespace="api",
    docs_url="/docs",
)


def _error(request: HttpRequest, status: int, message: str, **extra: object) -> HttpResponse:
    response = api.create_response(request, {"detail": message, **extra}, status=status)
    # An error answers one request (a wrong receipt code, say): no cache keeps it.
    response["Cache-Control"] = "no-store"
    return response


@api.exception_handler(WorkingsError)
def domain_error(request: HttpRequest, exc: WorkingsError) -> HttpResponse:
    status = 400
    if isinstance(exc, NotFound):
        status = 404
    elif isinstance(exc, NotAllowed):
        status = 403
    elif isinstance(exc, Conflict):
        status = 409
    problems = [{"field": p.field, "detail": p.message} for p in exc.problems]
    return _error(request, status, exc.message, field=exc.field, problems=problems)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    problems = []
    for err in exc.errors:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "payload"))
        problems.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
    return _error(request, 422, "The request is not valid. " + "; ".join(problems), errors=problems)


@api.exception_handler(AuthenticationError)
def auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(
        request, 401, "Sign in, or send a valid personal access token (Authorization: Bearer …)."
    )


def register_routers() -> None:
    """Each of our apps with an api.py contributes its `router` (no central list to edit)."""
    from importlib import import_module
    from importlib.util import find_spec

    from django.apps import apps

    for config in apps.get_app_configs():
        if not config.name.startswith("workings.") or config.name == "workings.api":
            continue
        module_name = f"{config.name}.api"
        if find_spec(module_name) is None:
            continue
        module = import_module(module_name)
        api.add_router(getattr(module, "ROUTER_PREFIX", "/"), module.router)


register_routers()
