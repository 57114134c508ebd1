"""The JSON API: plain Django views that reuse the assessment form for validation."""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

import orjson
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from . import idempotency, report, selectors, services, snapshot
from .catalogue import load_comparison
from .engine import answers, quotes
from .forms import ASSESSMENT_DEFAULTS, AssessmentForm, QuoteForm
from .models import Assessment, SharedFigure
from .protect import stores
from .protect.stores import StoreUnavailable

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = settings.REQUEST_BODY_LIMITS["/api/"]  # the route's one limit (advisor.middleware.BodyLimitMiddleware)


class JsonResponse(HttpResponse):
    """Django's JsonResponse, written by orjson: it turns the stored result's dataclasses into JSON directly, far
    quicker than converting them in Python first (bench/api_parts.py; docs/performance.md)."""

    def __init__(self, data: Any, **kwargs: Any) -> None:
        kwargs.setdefault("content_type", "application/json")
        super().__init__(orjson.dumps(data), **kwargs)


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"errors": {"__all__": [message]}}, status=status)


def _form_data(payload: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Turn a JSON object into form data: scalars only, defaults for what is left out."""
    fields = AssessmentForm.base_fields
    data: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    given = payload.get("quotes")
    read_as_quotes = [key for key in answers.READ_AS_QUOTES if payload.get(key) is not None]
    if read_as_quotes and isinstance(given, list) and len(given) + len(read_as_quotes) > quotes.MAX_QUOTES:
        counted = " and ".join(read_as_quotes) + (" each count" if len(read_as_quotes) > 1 else " counts")
        errors["quotes"] = [f"Give at most {quotes.MAX_QUOTES} quotes: {counted} as one."]
    for key, value in payload.items():
        if key == "quotes":
            data["quotes"], quote_errors = _quote_list([] if value is None else value)
            if quote_errors:
                errors["quotes"] = quote_errors
        elif key not in fields:
            errors[_printable(key)] = ["Unknown field."]
        elif value is None:
            data[key] = ""
        elif key in LIST_FIELDS:
            if not isinstance(value, list) or not all(isinstance(x, str) and _scalar_error(x) is None for x in value):
                errors[key] = [f"Give a list of codes, such as {LIST_FIELDS[key]}, or leave it out."]
            else:
                data[key] = value
        elif key == "contact_consent":
            if not isinstance(value, bool):
                errors[key] = ["Give true or false."]
            else:
                data[key] = value
        elif (problem := _scalar_error(value)) is not None:
            errors[key] = [problem]
        else:
            data[key] = value  # as given: the form's fields read numbers and text alike
    for key, value in ASSESSMENT_DEFAULTS.items():
        data.setdefault(key, value)
    return data, errors


# Answers given as lists of codes (advisor/engine/requirements.py), with an example for the message.
LIST_FIELDS = {"frameworks": '["cyber_essentials"]', "controls": '["mfa", "patching"]'}


def _printable(key: str) -> str:
    """A key as an error may name it: half of a UTF-16 pair (\\ud800), which JSON allows and UTF-8 cannot carry,
    written as its escape."""
    return key.encode("utf-8", "backslashreplace").decode("utf-8")


def _scalar_error(value: Any) -> str | None:
    """Why a JSON value can't be a form field's value, or None when it can."""
    if isinstance(value, (dict, list)):
        return "Give a single value, not a list or an object."
    if isinstance(value, bool):
        return "Give a number or text, not true or false."
    if isinstance(value, str) and any("\ud800" <= ch <= "\udfff" for ch in value):
        # JSON may escape half of a UTF-16 pair (\ud800); no database can store it.
        return "Remove the broken character (an unpaired \\u escape) from this text."
    return None


def _quote_list(value: Any) -> tuple[list[dict[str, Any]], list[Any]]:
    """The API's `quotes`, a list of objects, as the form's `quotes` field takes it: each object's known fields
    with values a form field can read (the form validates each quote); with the errors found reading the JSON: a
    list with an object of field messages for each quote, or messages about the list as a whole."""
    if not isinstance(value, list):
        return [], ["Give the quotes as a list of objects, or leave them out."]
    if len(value) > quotes.MAX_QUOTES:
        return [], [f"Give at most {quotes.MAX_QUOTES} quotes."]
    fields = QuoteForm.base_fields
    items: list[dict[str, Any]] = []
    errors: list[dict[str, list[str]]] = []
    for item in value:
        found: dict[str, list[str]] = {}
        clean: dict[str, Any] = {}
        if not isinstance(item, dict):  # kept in its place (as an empty quote), so later quotes keep theirs
            items.append({})
            errors.append({"__all__": ["Give each quote as an object of its fields."]})
            continue
        for key, field_value in item.items():
            if key not in fields:
                found[_printable(key)] = ["Unknown field."]
            elif key == "includes":
                if not isinstance(field_value, list) or not all(
                    isinstance(x, str) and _scalar_error(x) is None for x in field_value
                ):
                    found[key] = ['Give a list of what the price includes, such as ["monitoring", "backup"].']
                else:
                    clean[key] = field_value
            elif (problem := _scalar_error(field_value)) is not None:
                found[key] = [problem]
            else:
                clean[key] = "" if field_value is None else field_value
        items.append(clean)
        errors.append(found)
    return items, (errors if any(errors) else [])


def _merged_quote_errors(before: list[Any], found: list[Any]) -> list[Any]:
    """The quotes' errors found reading the JSON (unknown fields, wrong types) and by the form, together: one
    object of field messages per quote, or the messages about the list as a whole when there are any."""
    for errors in (before, found):
        if errors and isinstance(errors[0], str):
            return errors
    if not before or not found:
        return before or found
    return [
        json_errors if "__all__" in json_errors else {**form_errors, **json_errors}
        for json_errors, form_errors in zip(before, found, strict=False)
    ]


def _form_errors(form: AssessmentForm) -> dict[str, Any]:
    errors: dict[str, Any] = {field: [str(m) for m in messages] for field, messages in form.errors.items()}
    quote_errors = form.quote_error_lists()
    if quote_errors:
        errors["quotes"] = quote_errors
    return errors


@csrf_exempt
@require_http_methods(["POST"])
def post_assessment(request: HttpRequest) -> JsonResponse:
    """POST /api/assessments/: validate the answers, score and store them (services.assessment_create), 201 with
    the assessment's document; with an Idempotency-Key, a repeat answers the assessment the first post made."""
    payload = _payload(request)
    if isinstance(payload, HttpResponse):
        return payload
    key = request.headers.get(idempotency.HEADER)
    if key is None:
        return _create(request, payload)[0]
    if not idempotency.valid(key):
        return _error("An Idempotency-Key is 1 to 255 visible ASCII characters.", 400)
    return _create_once(request, payload, key)


@csrf_exempt
@require_http_methods(["POST"])
def score(request: HttpRequest) -> HttpResponse:
    """The same answers as POST /api/assessments/, scored against today's figures and stored nowhere: 200 with
    the assessment's document less what only a stored one has (its id and links)."""
    payload = _payload(request)
    if isinstance(payload, HttpResponse):
        return payload
    form, errors = _validated(payload)
    if form is None:
        return JsonResponse({"errors": errors}, status=400)
    try:
        stored = services.assessment_score(profile=form.to_profile())
    except services.TooLarge as error:
        return _error(str(error), 400)
    document = report.score_document(stored, organisation_name=form.cleaned_data["organisation_name"])
    return JsonResponse(document, status=200)


def _payload(request: HttpRequest) -> dict[str, Any] | HttpResponse:
    """The request's JSON object, or the error response saying why there is none."""
    content_type = request.content_type or ""
    if content_type != "application/json":
        return _error("Send the assessment as JSON with Content-Type: application/json.", 415)
    try:
        body = request.body
    except RequestDataTooBig:  # over DATA_UPLOAD_MAX_MEMORY_SIZE: Django would answer with an HTML page
        body = None
    if body is None or len(body) > MAX_BODY_BYTES:
        return _error(f"The body is larger than {MAX_BODY_BYTES // 1024} kB.", 413)
    if not body and "chunked" in request.headers.get("Transfer-Encoding", "").lower():
        # A WSGI server passes a chunked body on without its length, and Django then reads nothing; as
        # served, the front door (nginx) refuses a chunked body first.
        return _error("Send the body with a Content-Length header.", 411)
    try:
        payload = json.loads(body.decode("utf-8"))
    except RecursionError:  # nested past what the parser reads
        return _error(TOO_DEEP, 400)
    except (UnicodeDecodeError, ValueError):
        return _error("The body is not valid UTF-8 JSON.", 400)
    if not isinstance(payload, dict):
        return _error("The body must be a JSON object whose keys are the assessment field names.", 400)
    if _too_deep(payload):
        return _error(TOO_DEEP, 400)
    return payload


def _create_once(request: HttpRequest, payload: dict[str, Any], key: str) -> HttpResponse:
    """_create under an Idempotency-Key (advisor/idempotency.py): the first post with a key is scored and stored,
    a repeat answers the assessment it made, rendered again from its stored result. A store that fails before
    anything is stored is a 503; one that fails after is logged, and the stored assessment answered (201)."""
    body = idempotency.fingerprint(payload)
    reserved = str(uuid.uuid4())  # the assessment's public id, kept with the key before anything is stored
    try:
        seen = idempotency.claim(request, key, body, reserve=reserved, stored=_stored)
    except StoreUnavailable:
        logger.exception("Post refused: the idempotency-key store failed")
        return stores.unavailable(request, as_json=True)
    if seen is None:
        try:
            response, assessment = _create(request, payload, public_id=reserved)
        except BaseException:  # the key is free again for a retry, whatever went wrong
            _release(request, key)
            raise
        if assessment is None:
            _release(request, key)
            return response
        try:
            idempotency.remember(request, key, body, str(assessment.public_id))
        except StoreUnavailable:  # stored all the same: a retry finds it by its reserved id, never a duplicate
            logger.exception("Assessment %s stored, its Idempotency-Key not kept: the store failed", assessment.pk)
        return response
    if seen.other_body:
        return _error("This Idempotency-Key was already used with a different body.", 422)
    if seen.assessment is None:
        response = _error("A post with this Idempotency-Key is still being scored; try again in a moment.", 409)
        response["Retry-After"] = "1"
        return response
    assessment = selectors.assessment_get(public_id=seen.assessment)
    if assessment is None:
        return _error("The assessment this Idempotency-Key made has since been deleted.", 404)
    response = _document(request, assessment, snapshot.load(assessment), status=201)
    response["Idempotent-Replayed"] = "true"
    return response


def _stored(public_id: str) -> bool:
    return Assessment.objects.filter(public_id=public_id).exists()


def _release(request: HttpRequest, key: str) -> None:
    try:
        idempotency.release(request, key)
    except StoreUnavailable:  # a retry takes the key over after settings.IDEMPOTENCY_PENDING_SECONDS
        logger.exception("An Idempotency-Key could not be freed: the store failed")


TOO_DEEP = "The body is nested too deeply: an assessment is an object whose quotes are a list of objects."
MAX_DEPTH = 8  # an assessment needs 4: the object, its quotes, a quote, the list of what it includes


def _too_deep(payload: Any) -> bool:
    """Whether lists and objects nest more than MAX_DEPTH levels (walked without recursion)."""
    stack = [(payload, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, (dict, list)):
            if level > MAX_DEPTH:
                return True
            stack.extend((child, level + 1) for child in (value.values() if isinstance(value, dict) else value))
    return False


def _document(
    request: HttpRequest, assessment: Assessment, stored: snapshot.StoredResult, *, status: int
) -> JsonResponse:
    url = request.build_absolute_uri(assessment.get_absolute_url())
    response = JsonResponse(
        report.api_document(assessment, stored, url=url, shared_url=_shared_url(request, assessment)), status=status
    )
    if status == 201:
        response["Location"] = url
    return response


def _create(
    request: HttpRequest, payload: dict[str, Any], public_id: str | None = None
) -> tuple[HttpResponse, Assessment | None]:
    """Validate the answers, score and store them (under `public_id` when given): 201 with the document and the
    assessment, or 400 with the errors and None."""
    form, errors = _validated(payload)
    if form is None:
        return JsonResponse({"errors": errors}, status=400), None
    cleaned = form.cleaned_data
    try:
        stored = services.assessment_score(profile=form.to_profile())
        assessment = services.assessment_create(
            scored=stored,
            organisation_name=cleaned["organisation_name"],
            email=cleaned["email"],
            contact_consent=cleaned["contact_consent"],
            public_id=public_id,
        )
    except services.TooLarge as error:  # nothing was stored
        return _error(str(error), 400), None
    return _document(request, assessment, stored, status=201), assessment


def _validated(payload: dict[str, Any]) -> tuple[AssessmentForm | None, dict[str, Any]]:
    """The assessment form bound to the payload when it is valid, else None with the errors by field."""
    data, errors = _form_data(payload)
    form = AssessmentForm(data=data)  # each quote the `quotes` list gives counts, a blank one too
    if not form.is_valid() or errors:
        for field, messages in _form_errors(form).items():
            if field == "quotes":
                errors[field] = _merged_quote_errors(errors.get(field, []), messages)
            else:
                errors.setdefault(field, []).extend(messages)
        return None, errors
    return form, errors


@require_safe
@cache_control(private=True, no_cache=True)  # one organisation's result, as on its page (views.result)
def assessment_detail(request: HttpRequest, public_id: str) -> JsonResponse:
    assessment = selectors.assessment_get(public_id=public_id)
    if assessment is None:
        return _error("No assessment has this id; it may have been deleted.", 404)
    return _document(request, assessment, snapshot.load(assessment), status=200)


def _shared_url(request: HttpRequest, assessment: Assessment) -> str | None:
    shared = assessment.get_shared_url()
    return request.build_absolute_uri(shared) if shared else None


@require_safe
def support_models(request: HttpRequest) -> JsonResponse:
    comparison = load_comparison()
    return JsonResponse(
        report.catalogue_document(
            comparison.models, [row.dimension for row in comparison.rows], list(SharedFigure.objects.all())
        )
    )
