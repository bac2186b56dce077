"""What ``factlint check`` shows on a terminal, beyond the report itself: whether to colour the
text report, and a progress bar on stderr for a long run.

Colour follows the conventions (https://no-color.org, https://force-color.org): ``NO_COLOR``
set to anything but the empty string turns it off; otherwise ``FORCE_COLOR`` (not empty) turns
it on even without a terminal; otherwise standard output must be a terminal whose ``TERM`` is
not ``dumb``. The progress bar never goes anywhere but a terminal: it is drawn on stderr only
when stderr is one (and ``TERM`` is not ``dumb``), only once the run has lasted ``delay``
seconds (a quick run shows nothing), and it is erased when the run ends. Both use rich.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from types import TracebackType
from typing import IO, Any

#: seconds a run lasts before its progress bar appears
PROGRESS_DELAY = 1.0


def _isatty(stream: IO[Any] | None) -> bool:
    try:
        return stream is not None and bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def use_color(stream: IO[Any] | None, env: Mapping[str, str] | None = None) -> bool:
    """Whether the text report written to ``stream`` is coloured (see the module's docstring)."""
    env = os.environ if env is None else env
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return env.get("TERM") != "dumb" and _isatty(stream)


def shows_progress(stream: IO[Any] | None, env: Mapping[str, str] | None = None) -> bool:
    """Whether a progress bar may be drawn on ``stream``: only a terminal, and not a dumb one."""
    env = os.environ if env is None else env
    return env.get("TERM") != "dumb" and _isatty(stream)


class Progress:
    """A progress bar of ``total`` documents on ``stream``, drawn once the run has lasted
    ``delay`` seconds; call it with the number of documents just done. A context manager: the
    bar is erased on exit. When ``enabled`` is false it only counts."""

    def __init__(self, total: int, stream: IO[Any] | None, enabled: bool, delay: float = PROGRESS_DELAY) -> None:
        self.total = total
        self.done = 0
        self.shown = False
        self._stream = stream
        self._lock = threading.Lock()
        self._bar: Any = None
        self._task: Any = None
        self._closed = False
        self._timer = threading.Timer(delay, self._show) if enabled and total > 0 else None
        if self._timer is not None:
            self._timer.daemon = True

    def __enter__(self) -> Progress:
        if self._timer is not None:
            self._timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        with self._lock:
            if self._closed:
                return
            console = Console(file=self._stream, stderr=True)
            self._bar = Bar(TextColumn("linting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            TextColumn("eta"), TimeRemainingColumn(), console=console, transient=True)
            self._task = self._bar.add_task("linting", total=self.total, completed=self.done)
            self._bar.start()
            self.shown = True

    def __call__(self, n: int) -> None:
        with self._lock:
            self.done += n
            if self._bar is not None:
                self._bar.update(self._task, completed=self.done)

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            self._closed = True
            if self._bar is not None:
                self._bar.stop()
                self._bar = None

