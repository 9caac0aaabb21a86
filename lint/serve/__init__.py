"""`samlint serve`: a local web page where officers upload agreements and read the report.

The page is a plain HTML form (multipart POST) that works without JavaScript; a small
script only adds drag and drop. Uploads are checked in worker processes, like `--jobs`,
so that the per-file time limit holds; results live in memory for an hour.
"""

from __future__ import annotations

from typing import Any

from lint.errors import UsageError

INSTALL_HINT = "samlint serve needs its web extras: pip install 'samverkan-lint[serve]'"


def run_server(host: str, port: int, pack: str | None, config_file: str | None) -> None:
    try:
        import uvicorn

        from lint.serve.app import create_app
    except ImportError as exc:
        raise UsageError(f"{INSTALL_HINT} ({exc.name} is missing)") from exc
    app = create_app(**server_settings(host, pack, config_file))
    print(f"samlint: http://{_url_host(host)}:{port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def server_settings(host: str, pack: str | None, config_file: str | None) -> dict[str, Any]:
    """The app's pack, read limits, PDF engine and allowed Host headers, from the
    configuration (as `check` would use them)."""
    from lint.cli import _config_for
    from lint.pack import AUTO, load_pack
    from lint.read import ReadLimits

    config = _config_for((".",), config_file)
    origin = str(config.path) if config.path else "command line"
    loaded = load_pack(pack or config.get("pack", AUTO))
    limits = ReadLimits.from_mapping(config.get("limits"), origin)
    settings: dict[str, Any] = {"pack": loaded, "limits": limits}
    if config.get("pdf-engine"):
        settings["pdf_engine"] = config.get("pdf-engine")
    return {**settings, "allowed_hosts": allowed_hosts(host)}


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def allowed_hosts(host: str) -> list[str] | None:
    """Host headers to accept: on a loopback address only loopback names (a web page
    elsewhere cannot reach the server through DNS rebinding); anywhere else any."""
    if host in LOOPBACK:
        return ["127.0.0.1", "localhost", "[::1]"]
    return None


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
