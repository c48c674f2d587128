"""POST /documents (ingest one document), GET /documents, GET /documents/{id}.

POST takes either a JSON body (DocumentCreate) or a multipart upload (`file`, plus the
same optional fields as form fields). Ingest is idempotent: the id is a hash of the
normalised text, so sending the same text again answers 200 "unchanged" and writes
nothing; a new document answers 201. Extraction (spaCy) is CPU work, so it runs in
the thread pool, off the event loop, one document at a time per process: a spaCy
pipeline is not meant to be shared by threads, and documents written side by side
contend for the same entity nodes (deadlocks, retried but wasted).
"""

from __future__ import annotations

import logging
import threading

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from neo4j import Driver
from starlette.datastructures import UploadFile

from intelgraph.api.auth import Role, require
from intelgraph.api.errors import ApiError
from intelgraph.api.params import ID_MAX_LENGTH, PageParams, get_driver, page_params
from intelgraph.api.schemas import (DocumentCreate, DocumentCreated, DocumentOptions, DocumentPublic,
                                   DocumentSummary, ErrorBody, Page)
from intelgraph.graph import lookups

log = logging.getLogger(__name__)
router = APIRouter(tags=["documents"])
_INGEST_LOCK = threading.Lock()

_FORM_FIELDS = DocumentOptions.model_json_schema()["properties"]
_UPLOAD_SCHEMA = {
    "type": "object",
    "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary", "description": "The document file."},
                   **_FORM_FIELDS},
}
_CREATE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": DocumentCreate.model_json_schema()},
            "multipart/form-data": {"schema": _UPLOAD_SCHEMA},
        },
    }
}


async def _document_from(request: Request) -> tuple[bytes, DocumentOptions]:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/json":
        payload = DocumentCreate.model_validate_json(await request.body() or b"null")
        return payload.text.encode("utf-8"), payload
    if media == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=len(_FORM_FIELDS))
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(422, "invalid_request", "file: a multipart upload needs a `file` part")
        fields = {k: v for k, v in form.items() if k != "file"}
        if any(not isinstance(v, str) for v in fields.values()):
            raise ApiError(422, "invalid_request", "only `file` may be a file part")
        data = await upload.read()
        options = DocumentOptions.model_validate({**fields, "name": fields.get("name") or upload.filename})
        return data, options  # the reader checks the bytes (decoding, emptiness)
    raise ApiError(415, "unsupported_media_type", "send application/json or multipart/form-data")


@router.post("/documents", response_model=DocumentCreated, status_code=201,
             summary="Ingest one document (idempotent)", openapi_extra=_CREATE_BODY,
             responses={200: {"model": DocumentCreated, "description": "Already in the graph; nothing written."},
                        415: {"model": ErrorBody, "description": "Neither JSON nor multipart."}})
async def create_document(request: Request, response: Response, driver: Driver = Depends(get_driver),
                          _=Depends(require(Role.writer))) -> dict:
    from intelgraph.extract.sources import SourceGrades
    from intelgraph.services.ingest import ingest_bytes

    data, payload = await _document_from(request)  # a pydantic ValidationError answers 422
    grades = SourceGrades(override_name=payload.source, override_reliability=payload.reliability)

    def one_at_a_time():
        with _INGEST_LOCK:
            return ingest_bytes(driver, data, payload.name or "document", fmt=payload.format, grades=grades)

    outcome = await run_in_threadpool(one_at_a_time)
    log.info("document %s: %s", outcome.status, outcome.document_id)
    if outcome.status != "new":
        response.status_code = 200
    return {"document_id": outcome.document_id, "status": outcome.status, "title": outcome.title,
            "counts": outcome.counts}


@router.get("/documents", response_model=Page[DocumentSummary], summary="Documents, newest first")
def list_documents(page: PageParams = Depends(page_params), driver: Driver = Depends(get_driver),
                   _=Depends(require(Role.reader))) -> dict:
    return lookups.list_documents(driver, offset=page.offset, limit=page.limit)


@router.get("/documents/{document_id}", response_model=DocumentPublic,
            summary="One document with its extracted objects grouped by label",
            responses={404: {"model": ErrorBody, "description": "No such document."}})
def get_document(document_id: str = Path(max_length=ID_MAX_LENGTH),
                 include_text: bool = Query(False, description="Include the full text."),
                 driver: Driver = Depends(get_driver), _=Depends(require(Role.reader))) -> dict:
    return lookups.get_document(driver, document_id, include_text=include_text)
