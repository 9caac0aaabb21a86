"""A samlint web app under test: in-process (TestClient) and on a real port (uvicorn)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from starlette.testclient import TestClient

from lint.pack import load_pack
from lint.serve.app import create_app


@pytest.fixture(scope="session")
def app():  # type: ignore[no-untyped-def]
    return create_app(load_pack("stockholm-2019"), workers=2)


@pytest.fixture(scope="session")
def client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1, in a thread of the test process."""
    app = create_app(load_pack("stockholm-2019"), workers=2, allowed_hosts=["127.0.0.1"])
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)
