"""lint/read/deadline.py: the per-file time limit, in the main thread and in workers."""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor

import pytest

from lint.errors import ReadError
from lint.read.deadline import Deadline, time_limit


def spin(seconds: float) -> None:
    """Busy work that, like a parser, swallows ordinary exceptions."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        with contextlib.suppress(Exception):
            sum(range(1000))


def test_a_block_over_the_limit_raises_a_timeout() -> None:
    started = time.monotonic()
    with pytest.raises(ReadError) as caught, time_limit(0.1):
        spin(5)
    assert caught.value.code == "timeout"
    assert time.monotonic() - started < 2
    assert "0.1 seconds" in caught.value.message("en")


def test_a_block_within_the_limit_leaves_no_alarm_behind() -> None:
    with time_limit(0.2):
        pass
    spin(0.4)  # an alarm left armed would raise here
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_an_inner_limit_hands_back_the_outer_one() -> None:
    with pytest.raises(ReadError) as caught, time_limit(0.3):
        with time_limit(5):
            spin(0.05)
        spin(5)
    assert caught.value.code == "timeout"


def test_a_shorter_enclosing_limit_fires_first() -> None:
    with pytest.raises(ReadError) as caught, time_limit(0.1), time_limit(60):
        spin(5)
    assert caught.value.value == 0.1


def test_outside_the_main_thread_it_does_nothing_and_the_reader_deadline_remains() -> None:
    outcome: list[object] = []

    def work() -> None:
        with time_limit(0.05):
            spin(0.2)
        deadline = Deadline(0.01)
        spin(0.05)
        try:
            deadline.check("page 2")
        except ReadError as exc:
            outcome.append(exc.code)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert outcome == ["timeout"]


def _limited_spin(seconds: float) -> str:
    try:
        with time_limit(0.1):
            spin(seconds)
    except ReadError as exc:
        return exc.code
    return "finished"


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_the_limit_works_in_worker_processes(method: str) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} on this platform")
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        assert pool.submit(_limited_spin, 5).result(timeout=30) == "timeout"
        assert pool.submit(_limited_spin, 0.01).result(timeout=30) == "finished"


def test_no_limit_when_none_or_zero() -> None:
    for seconds in (None, 0):
        with time_limit(seconds):
            assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no alarm armed
            spin(0.01)
        Deadline(seconds).check()  # never expires


def test_read_errors_survive_pickling() -> None:
    import pickle

    error = ReadError("too_large", "600 pages", limit="pages", value=500)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.detail, copy.limit, copy.value) == (
        "too_large",
        "600 pages",
        "pages",
        500,
    )
