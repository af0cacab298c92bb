from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from donghanh.imports.models import JobStatus


class ImportRowError(BaseModel):
    row: int = Field(description="The row number as the spreadsheet shows it (the header is row 1).")
    column: str = Field(description="The column's header as written in the file; empty for the whole row.")
    message: str = Field(description="Why, in the caller's language (Accept-Language: vi or en).")


class ImportResult(BaseModel):
    resource: str
    dry_run: bool
    committed: bool = Field(description="True when the rows were written (never for a dry run or on errors).")
    rows: int
    created: int
    updated: int
    unchanged: int
    errors: list[ImportRowError] = Field(description="At most the first 1000; errors_total counts them all.")
    errors_total: int


class ImportJobRead(BaseModel):
    model_config = {"from_attributes": True}

    id: uuid.UUID
    resource: str
    filename: str | None
    dry_run: bool
    status: JobStatus
    rows_total: int
    rows_done: int
    result: ImportResult | None = None
    created_at: datetime
    finished_at: datetime | None


class ImportRejected(BaseModel):
    """422 answer of a real run with errors: a problem+json whose extension members are the result."""

    type: str
    title: str
    status: int
    detail: str | None = None
    resource: str
    dry_run: bool
    committed: bool
    rows: int
    created: int
    updated: int
    unchanged: int
    errors: list[ImportRowError]
    errors_total: int


class ImportResourceRead(BaseModel):
    name: str
    title: str
    columns: list[str]
    spa_path: str
