"""A time limit per file that also interrupts a reader stuck inside one PDF page.

`time_limit` arms a SIGALRM timer. It works wherever the code runs in a process's main
thread: the command line and the worker processes of `--jobs N`. In any other thread (or
on a platform without SIGALRM) it is a no-op, and the readers' own deadline checks between
pages still bound the time.
"""

from __future__ import annotations

import signal
import threading
import time
from types import FrameType
from typing import Any

from lint.errors import ReadError


class DeadlineExceeded(BaseException):
    """Raised by the timer. A BaseException so that a library's `except Exception` in the
    middle of parsing cannot swallow it; `time_limit` turns it into `ReadError("timeout")`."""


def can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class time_limit:  # used like a function: `with time_limit(120):`
    """Raise `ReadError("timeout")` if the block runs longer than `seconds`.

    After the first alarm the timer keeps firing every `REPEAT` seconds until the block
    ends, in case a library swallowed the first one with a bare `except:`.
    """

    REPEAT = 0.25

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._armed = False
        self._previous_handler: Any = None
        self._previous_delay = 0.0
        self._started = 0.0

    def __enter__(self) -> time_limit:
        seconds = self.seconds
        if not seconds or seconds <= 0 or not can_interrupt():
            return self
        previous_delay, _ = signal.getitimer(signal.ITIMER_REAL)
        if previous_delay and previous_delay <= seconds:
            return self  # an enclosing limit fires first and reports itself
        self._previous_handler = signal.signal(signal.SIGALRM, self._on_alarm)
        self._previous_delay = previous_delay
        self._started = time.monotonic()
        self._armed = True
        signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001), self.REPEAT)  # 0 would disarm
        return self

    def _on_alarm(self, signum: int, frame: FrameType | None) -> None:
        # Never raise once the block is over, nor inside __exit__ before it disarms.
        if self._armed and (frame is None or frame.f_code is not _EXIT_CODE):
            raise DeadlineExceeded(self)

    def __exit__(self, exc_type: Any, exc: BaseException | None, traceback: Any) -> bool:
        if not self._armed:
            return False
        self._armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        previous = self._previous_handler  # None: installed outside Python
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)
        if self._previous_delay:
            # Give back what is left of an enclosing timer (at least a tick, so that it fires).
            remaining = self._previous_delay - (time.monotonic() - self._started)
            signal.setitimer(signal.ITIMER_REAL, max(remaining, 0.001))
        if isinstance(exc, DeadlineExceeded) and exc.args == (self,):
            raise ReadError(
                "timeout", f"after {self.seconds} s", limit="seconds", value=self.seconds
            ) from None
        return False


_EXIT_CODE = time_limit.__exit__.__code__


class Deadline:
    """A monotonic deadline that readers check between pages (works in any thread)."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._at = time.monotonic() + seconds if seconds and seconds > 0 else None

    def check(self, where: str = "") -> None:
        if self._at is not None and time.monotonic() > self._at:
            raise ReadError("timeout", where, limit="seconds", value=self.seconds)
