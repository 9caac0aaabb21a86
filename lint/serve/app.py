"""The Starlette application behind `samlint serve`.

Safety: the upload limit is enforced on the request body as it arrives (413 with a page
that says so); uploads are spooled by Starlette into anonymous temporary files and copied
into a fresh temporary folder under generated names, removed when the request is done;
each request has its own folder, options and results, so concurrent uploads never mix.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import secrets
import tempfile
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from lint.annotate import annotated_name
from lint.check import Settings
from lint.messages import error_message
from lint.pack import Pack
from lint.pipeline import FileError, FileResult, RunOptions
from lint.read import SUPPORTED_SUFFIXES, ReadLimits
from lint.report import RunReport
from lint.serve.work import check_upload, init_worker

MAX_FILES = 20
FORM_OVERHEAD = 64 * 1024  # the multipart framing and the option fields around the files
KEEP_SECONDS = 3600  # downloads stay available this long
KEEP_RESULTS = 50  # and at most this many answers

STAGES = {"utkast": "draft", "undertecknad": "signed"}

TEXTS = {
    "title": {"sv": "Granska samverkansöverenskommelser", "en": "Check collaboration agreements"},
    "intro": {
        "sv": "Välj en eller flera överenskommelser (PDF, Word eller text). samlint jämför dem "
        "med den övergripande överenskommelsen och visar varje avvikelse med sida, rad och "
        "citerad källa. Filerna stannar på den här datorn.",
        "en": "Choose one or more agreements (PDF, Word or text). samlint compares them with "
        "the overarching agreement and shows every deviation with its page, line and cited "
        "source. The files stay on this computer.",
    },
    "files": {"sv": "Filer", "en": "Files"},
    "drop": {"sv": "eller släpp filerna här", "en": "or drop the files here"},
    "stage": {"sv": "Skede", "en": "Stage"},
    "utkast": {"sv": "utkast", "en": "draft"},
    "undertecknad": {"sv": "undertecknad", "en": "signed"},
    "lang": {"sv": "Språk i rapporten", "en": "Language of the report"},
    "as_of": {"sv": "Bedöm giltighet per", "en": "Judge validity as of"},
    "submit": {"sv": "Granska", "en": "Check"},
    "downloads": {"sv": "Hämta", "en": "Download"},
    "annotated": {"sv": "med kommentarer", "en": "annotated"},
    "json": {"sv": "rapporten som JSON", "en": "the report as JSON"},
    "html": {"sv": "rapporten som HTML", "en": "the report as HTML"},
    "again": {"sv": "Granska fler filer", "en": "Check more files"},
    "limit": {"sv": "högst {mb} MB per uppladdning", "en": "at most {mb} MB per upload"},
    "too_large": {
        "sv": "Uppladdningen är för stor: högst {mb} MB kan granskas åt gången. "
        "Dela upp filerna på flera uppladdningar eller kontakta den som driver tjänsten.",
        "en": "The upload is too large: at most {mb} MB can be checked at a time.",
    },
    "no_files": {"sv": "Välj minst en fil att granska.", "en": "Choose at least one file."},
    "too_many": {
        "sv": "Högst {n} filer kan granskas åt gången.",
        "en": "At most {n} files can be checked at a time.",
    },
    "bad_date": {
        "sv": "Datumet ska skrivas ÅÅÅÅ-MM-DD.",
        "en": "The date must be written YYYY-MM-DD.",
    },
    "gone": {
        "sv": "Filen finns inte längre (resultat sparas en timme). Granska igen.",
        "en": "The file is no longer here (results are kept for an hour). Check again.",
    },
    "error_title": {"sv": "Det gick inte", "en": "That did not work"},
}


def text(key: str, lang: str, **fields: Any) -> str:
    entry = TEXTS[key]
    return entry.get(lang, entry["sv"]).format(**fields)


@dataclass
class Download:
    name: str  # offered to the browser; never used on this machine's disk
    media_type: str
    content: bytes


@dataclass
class Answer:
    created: float
    downloads: dict[str, Download] = field(default_factory=dict)


class Store:
    """Answers by an unguessable token, dropped after an hour or when too many are kept."""

    def __init__(self) -> None:
        self._answers: OrderedDict[str, Answer] = OrderedDict()

    def add(self, answer: Answer) -> str:
        self._expire()
        token = secrets.token_urlsafe(18)
        self._answers[token] = answer
        while len(self._answers) > KEEP_RESULTS:
            self._answers.popitem(last=False)
        return token

    def get(self, token: str, key: str) -> Download | None:
        self._expire()
        answer = self._answers.get(token)
        return answer.downloads.get(key) if answer else None

    def _expire(self) -> None:
        now = time.monotonic()
        for token in [t for t, a in self._answers.items() if now - a.created > KEEP_SECONDS]:
            del self._answers[token]


def create_app(
    pack: Pack,
    limits: ReadLimits | None = None,
    *,
    allowed_hosts: list[str] | None = None,
    upload_limit: int | None = None,
    workers: int | None = None,
    pdf_engine: str | None = None,
) -> Starlette:
    """The web app. `upload_limit` defaults to the `max-bytes` read limit."""
    limits = limits or ReadLimits()
    limit = upload_limit if upload_limit is not None else limits.max_bytes
    store = Store()
    checker = Checker(pack, workers)

    @asynccontextmanager
    async def lifespan(app: Starlette):  # type: ignore[no-untyped-def]
        checker.start()
        try:
            yield
        finally:
            checker.stop()

    async def form_page(request: Request) -> Response:
        lang = _lang(request.query_params.get("lang"))
        return _page(lang, text("title", lang), _form(lang, limit))

    async def check(request: Request) -> Response:
        async with request.form(max_files=MAX_FILES + 1, max_fields=20) as form:
            lang = _lang(form.get("lang"))
            stage = STAGES.get(str(form.get("stage") or ""), "signed")
            as_of = _as_of(form.get("as_of"), lang)
            uploads = [u for u in form.getlist("files") if isinstance(u, UploadFile) and u.filename]
            if not uploads:
                raise HTTPException(400, text("no_files", lang))
            if len(uploads) > MAX_FILES:
                raise HTTPException(400, text("too_many", lang, n=MAX_FILES))
            settings = Settings(stage=stage, lang=lang, as_of=as_of)
            options = RunOptions(settings=settings, limits=limits, use_cache=False)
            if pdf_engine:
                options = replace(options, pdf_engine=pdf_engine)
            with tempfile.TemporaryDirectory(prefix="samlint-serve-") as folder:
                jobs = []
                for number, upload in enumerate(uploads, 1):
                    name = display_name(upload.filename or "", number)
                    path = Path(folder) / f"{number}{_safe_suffix(name)}"
                    with path.open("wb") as out:
                        while chunk := await upload.read(1024 * 1024):
                            out.write(chunk)
                    jobs.append((str(path), name))
                done = await checker.run(jobs, options)
        report = RunReport(tuple(r for r, _, _ in done), pack, as_of, stage, lang)
        token = store.add(_answer(report, done))
        return _page(lang, text("title", lang), _answer_body(report, done, token, lang))

    async def download(request: Request) -> Response:
        token, key = request.path_params["token"], request.path_params["key"]
        item = store.get(token, key)
        if item is None:
            raise HTTPException(404, text("gone", "sv"))
        return Response(
            item.content,
            media_type=item.media_type,
            headers={"Content-Disposition": content_disposition(item.name)},
        )

    async def script(request: Request) -> Response:
        return Response(DROP_SCRIPT, media_type="text/javascript")

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        lang = _lang(request.query_params.get("lang"))
        body = (
            f'<p class="problem" role="alert">{escape(exc.detail)}</p>'
            f'<p><a href="/">{escape(text("again", lang))}</a></p>'
        )
        return _page(lang, text("error_title", lang), body, exc.status_code)

    middleware = [Middleware(UploadLimit, limit=limit + FORM_OVERHEAD, shown=limit)]
    if allowed_hosts:
        middleware.insert(0, Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    return Starlette(
        routes=[
            Route("/", form_page),
            Route("/granska", check, methods=["POST"]),
            Route("/hamta/{token}/{key}", download),
            Route("/drop.js", script),
        ],
        middleware=middleware,
        exception_handlers={HTTPException: http_error},
        lifespan=lifespan,
    )


Outcome = tuple[FileResult, str | None, bytes | None]


class Checker:
    """Worker processes that check uploads (spawned: a threaded server is never forked).

    A worker that dies (a library crashing on a hostile file) costs only its own files,
    which get the coded error `internal`; the pool is replaced for the next request.
    """

    def __init__(
        self, pack: Pack, workers: int | None, work: Callable[..., Outcome] = check_upload
    ):
        self.pack = pack
        self.workers = workers
        self.work = work
        self.pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        import multiprocessing

        from lint.cli import usable_cpus

        self.pool = ProcessPoolExecutor(
            self.workers or usable_cpus(),
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(self.pack,),
        )

    def stop(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None

    async def run(self, jobs: list[tuple[str, str]], options: RunOptions) -> list[Outcome]:
        loop = asyncio.get_running_loop()
        pool = self.pool
        if pool is None:  # no lifespan (a bare ASGI call): in a thread of this process
            return [
                await loop.run_in_executor(None, self.work, path, name, options, self.pack)
                for path, name in jobs
            ]
        futures = [
            loop.run_in_executor(pool, self.work, path, name, options) for path, name in jobs
        ]
        done = await asyncio.gather(*futures, return_exceptions=True)
        outcomes: list[Outcome] = []
        for (_, name), outcome in zip(jobs, done, strict=True):
            if isinstance(outcome, BaseException):
                if isinstance(outcome, BrokenProcessPool) and self.pool is pool:
                    self.stop()
                    self.start()
                lang = options.settings.lang
                error = FileError("internal", error_message("internal", lang))
                outcomes.append((FileResult(name, "unknown", error), None, None))
            else:
                outcomes.append(outcome)
        return outcomes


def _answer(report: RunReport, done: list[Outcome]) -> Answer:
    from lint.report.html import render_html
    from lint.report.json import render_json

    answer = Answer(time.monotonic())
    for number, (result, suffix, content) in enumerate(done, 1):
        if suffix and content is not None:
            media = "application/pdf" if suffix == ".pdf" else DOCX_TYPE
            answer.downloads[f"{number}{suffix}"] = Download(
                annotated_name(result.path, suffix), media, content
            )
    answer.downloads["rapport.json"] = Download(
        "samlint-rapport.json", "application/json", render_json(report).encode("utf-8")
    )
    answer.downloads["rapport.html"] = Download(
        "samlint-rapport.html", "text/html; charset=utf-8", render_html(report).encode("utf-8")
    )
    return answer


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _answer_body(
    report: RunReport,
    done: list[Outcome],
    token: str,
    lang: str,
) -> str:
    from lint.report.html import render_html

    links = []
    for number, (result, suffix, content) in enumerate(done, 1):
        if suffix and content is not None:
            name = annotated_name(result.path, suffix)
            links.append(
                f'<li><a href="/hamta/{token}/{number}{suffix}" download="{escape(name)}">'
                f"{escape(result.path)}</a> {escape(text('annotated', lang))}</li>"
            )
    links.append(
        f'<li><a href="/hamta/{token}/rapport.json" download>{escape(text("json", lang))}</a></li>'
    )
    links.append(
        f'<li><a href="/hamta/{token}/rapport.html" download>{escape(text("html", lang))}</a></li>'
    )
    page = render_html(report)
    body = page[page.index("<body>") + len("<body>") : page.rindex("</body>")]
    return (
        f'<nav class="downloads"><h2>{escape(text("downloads", lang))}</h2>'
        f'<ul>{"".join(links)}</ul><p><a href="/?lang={lang}">{escape(text("again", lang))}'
        f'</a></p></nav><div class="report">{body}</div>'
    )


def _form(lang: str, limit: int) -> str:
    today = dt.date.today().isoformat()
    stages = "".join(
        f'<label><input type="radio" name="stage" value="{value}"'
        f"{' checked' if value == 'undertecknad' else ''}> {escape(text(value, lang))}</label> "
        for value in STAGES
    )
    langs = "".join(
        f'<option value="{code}"{" selected" if code == lang else ""}>{name}</option>'
        for code, name in (("sv", "svenska"), ("en", "English"))
    )
    accept = ",".join(SUPPORTED_SUFFIXES)
    mb = _megabytes(limit)
    return f"""
<p>{escape(text("intro", lang))}</p>
<form method="post" action="/granska" enctype="multipart/form-data">
  <div class="drop" id="drop">
    <label for="files">{escape(text("files", lang))}</label>
    <input type="file" id="files" name="files" multiple required accept="{accept}">
    <span class="muted">{escape(text("drop", lang))} · {escape(text("limit", lang, mb=mb))}</span>
  </div>
  <fieldset><legend>{escape(text("stage", lang))}</legend>{stages}</fieldset>
  <p><label for="lang">{escape(text("lang", lang))}</label>
     <select id="lang" name="lang">{langs}</select></p>
  <p><label for="as_of">{escape(text("as_of", lang))}</label>
     <input type="date" id="as_of" name="as_of" value="{today}"></p>
  <p><button type="submit">{escape(text("submit", lang))}</button></p>
</form>
<script src="/drop.js"></script>"""


PAGE_CSS = """
.drop { border: 2px dashed var(--line); border-radius: .5rem; padding: 1rem; margin: 1rem 0; }
.drop.over { border-color: var(--info); background: #eef4fc; }
.drop label { display: block; font-weight: 600; margin-bottom: .3rem; }
fieldset { border: 1px solid var(--line); border-radius: .5rem; margin: 1rem 0; }
button { font: inherit; padding: .4rem 1.2rem; }
.downloads ul { margin: .3rem 0; }
.problem { color: var(--error); font-weight: 600; }
"""

DROP_SCRIPT = """
(function () {
  var zone = document.getElementById("drop"), input = document.getElementById("files");
  if (!zone || !input) return;
  ["dragenter", "dragover"].forEach(function (e) {
    zone.addEventListener(e, function (ev) { ev.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (e) {
    zone.addEventListener(e, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (ev) {
    ev.preventDefault();
    if (ev.dataTransfer && ev.dataTransfer.files.length) input.files = ev.dataTransfer.files;
  });
})();
"""

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "script-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _page(lang: str, title: str, body: str, status: int = 200) -> HTMLResponse:
    from lint.report.html import CSS

    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}{PAGE_CSS}</style></head>"
        f"<body><header><h1>{escape(title)}</h1></header>{body}</body></html>"
    )
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def _lang(value: Any) -> str:
    return value if value in ("sv", "en") else "sv"


def _as_of(value: Any, lang: str) -> str:
    if not value:
        return dt.date.today().isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise HTTPException(400, text("bad_date", lang)) from exc


def _megabytes(limit: int) -> str:
    return f"{limit / (1024 * 1024):.0f}"


_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"|?*]")


def display_name(client_name: str, number: int) -> str:
    """The client's file name for showing only: its last path part, printable, bounded."""
    name = unicodedata.normalize("NFC", client_name).replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", name).strip(" .")
    return name[:120] or f"fil-{number}"


def _safe_suffix(name: str) -> str:
    """A suffix the readers know (the content decides the format), else one they refuse."""
    suffix = Path(name).suffix.lower()
    return suffix if suffix in SUPPORTED_SUFFIXES else ".upload"


def content_disposition(name: str) -> str:
    ascii_name = name.encode("ascii", "replace").decode("ascii").replace("?", "_")
    ascii_name = ascii_name.replace('"', "_").replace("\\", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class UploadLimit:
    """Refuse a request body over `limit` bytes with 413, before it reaches the disk.

    A declared Content-Length over the limit is refused at once; a body that grows past it
    (chunked, or a lying header) is refused where it crosses. The rest of the body is read
    and dropped first, so that the browser gets to show the answer.
    """

    DRAIN_MAX = 1024 * 1024 * 1024

    def __init__(self, app: Any, limit: int, shown: int) -> None:
        self.app = app
        self.limit = limit
        self.shown = shown

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"").decode("latin-1")
        if declared.isdigit() and int(declared) > self.limit:
            await self._drain(receive)
            await self._refuse(scope, send)
            return
        received = 0

        async def limited() -> dict[str, Any]:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    if message.get("more_body"):
                        await self._drain(receive)
                    raise HTTPException(413, self._message(scope))
            return message

        await self.app(scope, limited, send)

    async def _drain(self, receive: Receive) -> None:
        drained = 0
        while drained < self.DRAIN_MAX:
            message = await receive()
            if message["type"] != "http.request":
                return
            drained += len(message.get("body", b""))
            if not message.get("more_body"):
                return

    def _message(self, scope: dict[str, Any]) -> str:
        query = scope.get("query_string", b"").decode("latin-1")
        return text("too_large", "en" if "lang=en" in query else "sv", mb=_megabytes(self.shown))

    async def _refuse(self, scope: dict[str, Any], send: Send) -> None:
        lang = "sv"
        body = (
            f'<p class="problem" role="alert">{escape(self._message(scope))}</p>'
            f'<p><a href="/">{escape(text("again", lang))}</a></p>'
        )
        response = _page(lang, text("error_title", lang), body, 413)
        await response(scope, self._no_receive, send)

    @staticmethod
    async def _no_receive() -> dict[str, Any]:
        return {"type": "http.disconnect"}


__all__ = ["create_app", "display_name"]
