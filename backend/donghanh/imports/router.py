# No `from __future__ import annotations` here: the routes are built in loops, one per resource, and FastAPI
# must see each route's own filter and permission objects, not their names.
import uuid
from datetime import date
from typing import Annotated, Any

from fastapi import BackgroundTasks, Depends, File, Header, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response, StreamingResponse

from donghanh.core.context import current_request
from donghanh.core.errors import PROBLEM_JSON, TYPE_BASE, PayloadTooLarge, problems
from donghanh.core.permissions import Permission, Require
from donghanh.core.principal import Principal
from donghanh.core.routing import DomainRouter
from donghanh.db import SessionDep
from donghanh.imports import exports, service
from donghanh.imports.exports import EXPORTS, ExportSpec
from donghanh.imports.messages import pick_language
from donghanh.imports.resources import RESOURCES
from donghanh.imports.schemas import ImportJobRead, ImportRejected, ImportResourceRead, ImportResult
from donghanh.imports.specs import ResourceSpec

router = DomainRouter(prefix="/imports", tags=["imports"])
exports_router = DomainRouter(prefix="/exports", tags=["imports"])
Importer = Annotated[Principal, Depends(Require(Permission.imports_run))]
AcceptLanguage = Annotated[str | None, Header(alias="Accept-Language")]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("", response_model=list[ImportResourceRead], responses=problems())
async def list_importable(principal: Importer, accept_language: AcceptLanguage = None) -> list[ImportResourceRead]:
    """What the caller may import, with the columns each file may have."""
    language = pick_language(accept_language)
    return [ImportResourceRead(name=s.name, title=s.title_vi if language == "vi" else s.title_en,
                               columns=[c.key for c in s.columns], spa_path=s.spa_path)
            for s in RESOURCES.values() if principal.can(s.permission)]


@router.get("/jobs/{job_id}", response_model=ImportJobRead, responses=problems())
async def get_job(job_id: uuid.UUID, session: SessionDep, principal: Importer) -> ImportJobRead:
    """A large import's progress and, once finished, its result (only its starter sees it)."""
    return await service.get_job(session, principal, job_id)


def _import_route(spec: ResourceSpec) -> None:
    Writer = Annotated[Principal, Depends(Require(Permission.imports_run, spec.permission))]  # noqa: N806

    async def run_import(
        request: Request,
        session: SessionDep,
        principal: Writer,
        background: BackgroundTasks,
        file: Annotated[UploadFile, File(description="CSV (UTF-8, comma or semicolon) or XLSX")],
        dry_run: Annotated[bool, Query(description="Check every row and report; write nothing.")] = False,
        accept_language: AcceptLanguage = None,
    ) -> Any:
        settings = request.app.state.settings
        if file.size is not None and file.size > settings.import_max_bytes:
            raise PayloadTooLarge(f"Import files are limited to {settings.import_max_bytes // (1024 * 1024)} MiB.")
        language = pick_language(accept_language)
        outcome = await service.submit(session, principal, spec, file.file, dry_run=dry_run, language=language,
                                       filename=file.filename, job_threshold=settings.import_job_threshold_rows)
        if isinstance(outcome, service.Ticket):
            job = outcome.job
            background.add_task(
                service.run_job, request.app.state.sessionmaker, job.id, principal, spec.name, outcome.path,
                dry_run=dry_run, language=language, filename=file.filename, context=current_request.get(),
                is_sqlite=settings.is_sqlite)
            body = ImportJobRead.model_validate(job).model_dump(mode="json")
            return JSONResponse(body, status_code=202, headers={"Location": f"/api/v1/imports/jobs/{job.id}"})
        result = ImportResult.model_validate(outcome.as_dict())
        if not dry_run and outcome.errors_total:
            # Returned, not raised: the run's audit event must still commit.
            detail = (f"{outcome.errors_total} lỗi; không dòng nào được ghi." if language == "vi"
                      else f"{outcome.errors_total} errors; nothing was imported.")
            body = {"type": TYPE_BASE + "import-rejected", "title": "Import rejected", "status": 422,
                    "detail": detail} | result.model_dump(mode="json")
            return JSONResponse(body, status_code=422, media_type=PROBLEM_JSON)
        return result

    run_import.__name__ = f"import_{spec.name.replace('-', '_')}"
    router.add_api_route(
        f"/{spec.name}", run_import, methods=["POST"], response_model=ImportResult,
        summary=f"Import {spec.title_en.lower()} from CSV or XLSX",
        description=(f"Upsert by `{spec.key_field}`: a second import of the same file reports every row unchanged. "
                     "A real run writes all rows or none. Files over the job threshold answer 202 with the job's "
                     "Location. Errors name row, column and reason in the caller's language."),
        responses=problems(413) | {
            202: {"model": ImportJobRead, "description": "Large file: running as a job (see Location)"},
            422: {"model": ImportRejected, "content": {PROBLEM_JSON: {}},
                  "description": "Rows with errors: nothing was imported"}},
    )

    async def get_template(principal: Writer) -> Response:
        del principal  # the dependency is the permission check
        return Response(service.template(spec), media_type=XLSX, headers={
            "Content-Disposition": f'attachment; filename="mau-nhap-{spec.name}.xlsx"'})

    get_template.__name__ = f"import_template_{spec.name.replace('-', '_')}"
    router.add_api_route(
        f"/{spec.name}/template.xlsx", get_template, methods=["GET"], response_class=Response,
        summary=f"XLSX template for importing {spec.title_en.lower()}",
        responses=problems() | {200: {"content": {XLSX: {}}, "description": "The template workbook"}},
    )


def _export_routes(export: ExportSpec) -> None:
    spec = export.import_spec
    Reader = Annotated[Principal, Depends(Require(spec.read_permission))]  # noqa: N806
    Filter = Annotated[export.filter_schema, Query()]  # type: ignore[name-defined]  # noqa: N806

    for fmt, media_type, streamer in (("csv", "text/csv; charset=utf-8", exports.csv_stream),
                                      ("xlsx", XLSX, exports.xlsx_stream)):
        def make(fmt: str = fmt, media_type: str = media_type, streamer: Any = streamer) -> Any:
            async def export_list(request: Request, session: SessionDep, principal: Reader, flt: Filter,
                                  accept_language: AcceptLanguage = None) -> StreamingResponse:
                await service.start_export(session, principal, export, flt, fmt)
                language = pick_language(accept_language)
                name = f"{export.name}-{date.today().isoformat()}.{fmt}"
                return StreamingResponse(
                    streamer(request.app.state.sessionmaker, principal, export, flt, language),
                    media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{name}"'})

            export_list.__name__ = f"export_{export.name.replace('-', '_')}_{fmt}"
            return export_list

        exports_router.add_api_route(
            f"/{export.name}.{fmt}", make(), methods=["GET"], response_class=StreamingResponse,
            summary=f"Export {spec.title_en.lower()} you can see ({fmt.upper()}, with the list's filters)",
            responses=problems() | {200: {"content": {media_type.split(";")[0]: {}},
                                          "description": "The list, streamed"}},
        )


for _spec in RESOURCES.values():
    _import_route(_spec)
for _export in EXPORTS.values():
    _export_routes(_export)
