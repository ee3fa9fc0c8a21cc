"""fangzhi serve: the archive in a browser and as a JSON API.

Reading is open; writing (uploading pages) needs the archive's token. Every HTML page links to
its JSON twin under /api/, which returns the same data; every error, HTML or JSON, has one shape:
{"error": {"status": …, "code": …, "message": …}}. Pages carry a Content-Security-Policy that
allows no inline script or style, and every piece of page text is escaped.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from fangzhi.answers import ErrorAnswer
from fangzhi.chronicle import day_label, month_label, sentence, source
from fangzhi.read.folio import folio_label
from fangzhi.settings import usable_cpus
from fangzhi.web.plumbing import Readers, install_errors, install_headers
from fangzhi.web.views import install_routes

HERE = Path(__file__).resolve().parent
SWITCH_SECONDS = 0.0005  # a serving thread yields Python's lock after this (default 0.005)
MAX_WORKERS = 8  # `fangzhi serve`'s default processes: one per CPU, up to this
SERVE_DB_ENV = "FANGZHI_SERVE_DB"  # the archive, for the worker processes of `fangzhi serve`


def create_app(db: str | Path, token: str | None = None) -> FastAPI:
    """The app over the archive at `db`; `token` guards writing (see archive_token)."""
    app = FastAPI(
        title="fangzhi",
        summary="Chinese local newspapers as a structured record of local government",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        # the one shape of every refusal, in place of FastAPI's own for a request it cannot read
        responses={
            "4XX": {"model": ErrorAnswer, "description": "Refused"},
            "5XX": {"model": ErrorAnswer, "description": "Failed, or too slow"},
        },
    )
    app.state.db = str(db)
    app.state.readers = Readers(db)
    app.state.token = token or archive_token(db)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["type_label"] = TYPE_LABELS.get
    templates.env.globals.update(
        month_label=month_label,
        day_label=day_label,
        sentence=sentence,
        source=source,
        folio_label=folio_label,
    )
    install_errors(app, templates)
    install_headers(app)
    install_routes(app, templates)
    return app


def served_app() -> FastAPI:
    """The app of one of `fangzhi serve --workers N`'s processes: the archive `fangzhi serve` put
    in the environment."""
    tune_process()
    return create_app(os.environ[SERVE_DB_ENV])


def tune_process() -> None:
    """A serving process hands Python's lock between its threads more often than the 5 ms
    default: the event loop, which reads requests and writes answers, and a quick article page
    then wait less behind a long search running in another thread."""
    sys.setswitchinterval(SWITCH_SECONDS)


def default_workers() -> int:
    """One server process per CPU this process may use, at most MAX_WORKERS."""
    return max(1, min(usable_cpus(), MAX_WORKERS))


def archive_token(db: str | Path) -> str:
    """FANGZHI_TOKEN, else the token kept beside the archive, made (and printed) on first start."""
    if os.environ.get("FANGZHI_TOKEN"):
        return os.environ["FANGZHI_TOKEN"]
    path = Path(f"{db}.token")
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    token = secrets.token_urlsafe(24)
    path.write_text(token + "\n", encoding="utf-8")
    path.chmod(0o600)
    print(f"fangzhi: the token for uploading pages to {db} is {token} (kept in {path})", file=sys.stderr)
    return token


def _version() -> str:
    from fangzhi import __version__

    return __version__


TYPE_LABELS = {"meeting": "会议", "inspection": "调研视察", "reception": "会见", "ceremony": "仪式活动"}
