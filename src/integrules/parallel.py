"""Judging a large input with several processes, with results in input order.

The main process reads the input (:func:`integrules.reading.read_raw`: one record at a time) and
hands out chunks of raw records; each worker process builds its own :class:`~integrules.engine.Engine`
from the same arguments (so the same plugins and settings), decodes and structures the records and
judges them. Results come back chunk by chunk, in input order, with the same indices as a run in
one process, so what is written from them is byte-identical to ``--jobs 1``. At most a few chunks
per worker are in flight at any time, so memory stays flat however large the input.

Use from a command (``report`` can do the same)::

    run = ParallelRun(path, as_of, engine_kwargs, jobs=args.jobs)
    for item in run:              # ParticipantResult (without .participant) or Rejection, in order
        ...
    run.faults, run.fault_count   # plugin faults from every worker, as Engine.faults/fault_count

``map_item`` (a module-level function, so it can be pickled) runs in the worker on each result or
rejection; what it returns is what the iterator yields. Use it to send back only what the caller
needs instead of whole results.

``map_chunk(engine, as_of, items)`` runs in the worker on each chunk: ``items`` iterates over the
chunk's results and rejections, in order, as they are judged (after ``map_item``, if given; the
results keep their participant); the run then yields what it returns, one value per chunk, in
input order. Use it to count in the workers and send back only the
counts: ``integrules report --jobs N`` sends one partial tally per chunk
(:func:`integrules.report.build.build_report_parallel`), not some 50 findings per participant.
"""

from __future__ import annotations

import collections
import datetime as dt
import multiprocessing
import os
import signal
from typing import Any, Callable, Iterable, Iterator

import attrs

from .engine import Engine, Fault
from .errors import PluginLoadError
from .reading import RawItem, read_raw, structure_item
from .results import ParticipantResult, Rejection

CHUNK = 500  # records per task
IN_FLIGHT = 3  # tasks queued per worker

_engine: Engine | None = None
_map: Callable[[Any], Any] | None = None
_map_chunk: Callable[[Engine, dt.date, Iterable[Any]], Any] | None = None


def _drop_participant(item: ParticipantResult | Rejection) -> ParticipantResult | Rejection:
    """Results go back without the participant's own facts (smaller to send)."""
    if isinstance(item, ParticipantResult) and item.participant is not None:
        return attrs.evolve(item, participant=None)
    return item


def _keep(item: Any) -> Any:
    return item


def _init(engine_kwargs: dict[str, Any], map_item: Callable[[Any], Any] | None,
          map_chunk: Callable[[Engine, dt.date, Iterable[Any]], Any] | None = None) -> None:
    global _engine, _map, _map_chunk
    _engine = Engine(**engine_kwargs)
    _map = map_item or (_keep if map_chunk is not None else _drop_participant)
    _map_chunk = map_chunk


def _init_worker(started: Any, *args: Any) -> None:
    # Ctrl-C reaches every process of the terminal's group: the main process alone handles it (it
    # ends the pool); workers that also raised KeyboardInterrupt left the pool hanging.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with started.get_lock():  # counted: more starts than workers means one died and was replaced
        started.value += 1
    _init(*args)


class WorkerDied(PluginLoadError):
    """A worker process ended without finishing its chunk (``os._exit`` or a crash in a plugin's
    code): its chunk is lost, so the run stops (exit 4) instead of waiting for it for ever."""


def _result(pending: collections.deque, started: Any, jobs: int) -> Any:
    """The oldest chunk's result; raises WorkerDied when a worker died meanwhile (the pool would
    start another and leave the lost chunk's result waiting for ever)."""
    result = pending.popleft()
    while True:
        try:
            return result.get(timeout=0.5)
        except multiprocessing.TimeoutError:
            if started.value > jobs:
                raise WorkerDied("a worker process ended without finishing its records (os._exit or a crash "
                                 "in a plugin's code?); the run was stopped and its output is incomplete") from None


def _work(task: tuple[dt.date, list[RawItem | Rejection]]) -> tuple[Any, list[Fault], int]:
    as_of, items = task
    engine, map_item = _engine, _map
    assert engine is not None and map_item is not None
    engine.faults.clear()
    engine.fault_count = 0
    if _map_chunk is not None:
        # The chunk function takes the results one at a time as they are made: none is kept longer
        # than it needs (fewer live objects, less work for the garbage collector).
        out: Any = _map_chunk(engine, as_of, _judged(engine, as_of, items, map_item))
    else:
        out = list(_judged(engine, as_of, items, map_item))
    return out, list(engine.faults), engine.fault_count


def _judged(engine: Engine, as_of: dt.date, items: list[RawItem | Rejection], map_item: Callable[[Any], Any]) -> Iterator[Any]:
    evaluate = engine.evaluate
    for item in items:
        record = structure_item(item)
        if isinstance(record, Rejection):
            yield map_item(record)
        else:
            yield map_item(evaluate(record, as_of, index=item[1]))


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class ParallelRun:
    """Judge every record of ``source`` (a path, or raw items from :func:`read_raw`) with ``jobs`` processes.

    :param engine_kwargs: keyword arguments for :class:`Engine` in each worker; give the same that
        built the caller's engine (see :func:`engine_kwargs` for a command's arguments).
    :param map_item: a module-level function applied in the worker to every result or rejection.
    :param map_chunk: applied in the worker to every chunk (see the module's description); the run
        then yields what it returns, one value per chunk.
    """

    def __init__(self, source: str | os.PathLike | Iterable[RawItem | Rejection], as_of: dt.date,
                 engine_kwargs: dict[str, Any], jobs: int, *, map_item: Callable[[Any], Any] | None = None,
                 chunk: int = CHUNK, mapping: str | None = None,
                 map_chunk: Callable[[Engine, dt.date, Iterable[Any]], Any] | None = None) -> None:
        if isinstance(source, (str, os.PathLike)):
            _, source = read_raw(source, mapping=mapping)
        self.items = source
        self.as_of = as_of
        self.engine_kwargs = engine_kwargs
        self.jobs = max(1, jobs)
        self.map_item = map_item
        self.map_chunk = map_chunk
        self.chunk = chunk
        self.faults: list[Fault] = []
        self.fault_count = 0

    def _collect(self, faults: list[Fault], count: int) -> None:
        self.fault_count += count
        room = 1000 - len(self.faults)
        if room > 0:
            self.faults.extend(faults[:room])

    def __iter__(self) -> Iterator[Any]:
        chunked = self.map_chunk is not None
        if self.jobs == 1:
            _init(self.engine_kwargs, self.map_item, self.map_chunk)
            for chunk in _chunks(self.items, self.chunk):
                out, faults, count = _work((self.as_of, chunk))
                self._collect(faults, count)
                yield from ([out] if chunked else out)
            return
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        ctx = multiprocessing.get_context(method)
        started = ctx.Value("i", 0)
        pool = ctx.Pool(self.jobs, initializer=_init_worker,
                        initargs=(started, self.engine_kwargs, self.map_item, self.map_chunk))
        try:
            pending: collections.deque = collections.deque()
            for chunk in _chunks(self.items, self.chunk):
                pending.append(pool.apply_async(_work, ((self.as_of, chunk),)))
                if len(pending) >= self.jobs * IN_FLIGHT:
                    out, faults, count = _result(pending, started, self.jobs)
                    self._collect(faults, count)
                    yield from ([out] if chunked else out)
            while pending:
                out, faults, count = _result(pending, started, self.jobs)
                self._collect(faults, count)
                yield from ([out] if chunked else out)
            pool.close()
        finally:  # done, Ctrl-C, an error or the consumer gone: the workers are ended and reaped
            pool.terminate()
            pool.join()


def evaluate_parallel(source: str | os.PathLike | Iterable[RawItem | Rejection], as_of: dt.date,
                      engine_kwargs: dict[str, Any], jobs: int, **kwargs: Any) -> ParallelRun:
    """The results of every record in input order (an iterable :class:`ParallelRun`; its
    ``faults`` and ``fault_count`` are complete once it has been iterated to the end)."""
    return ParallelRun(source, as_of, engine_kwargs, jobs, **kwargs)


def engine_kwargs(engine: Engine, settings: dict[str, Any] | None, disable: Iterable[str] = ()) -> dict[str, Any]:
    """Arguments that build, in a worker, an engine like ``engine`` (made by ``Engine.from_environment``).

    Plugins that failed to load are left out in the worker as in the caller; their warnings are
    not repeated.
    """
    from .engine import ENV_DISABLE, ENV_NO_AUTOLOAD

    env_disabled = [n.strip() for n in os.environ.get(ENV_DISABLE, "").split(",") if n.strip()]
    return {"disable": [*disable, *env_disabled], "settings": settings,
            "entry_points": not os.environ.get(ENV_NO_AUTOLOAD)}
