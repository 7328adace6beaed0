"""Writing an output file all at once or not at all (``-o``/``--output``).

The text goes to a temporary file beside the target (same folder, so the same file system) and is
renamed onto the target only when everything was written and flushed to disk: on an error, a full
disk or Ctrl-C, the target is left as it was (an earlier report stays whole) and the temporary file
is removed. A target that is not a regular file (``/dev/stdout``, a pipe) is written directly.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import IO, Iterator

from .errors import OutputError


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike, *, encoding: str = "utf-8", newline: str | None = None,
                  binary: bool = False) -> Iterator[IO]:
    """A text (or, with ``binary``, bytes) file to write ``path`` through; renamed onto ``path`` when the block
    ends without error. ``newline`` as for :func:`open` (``""`` for CSV).

    Raises :class:`OutputError` (a one-line message, exit code 2) when the file cannot be written:
    its folder is missing, it is a folder, it is read-only, the disk is full.
    """
    target = Path(path)
    if target.is_symlink():  # write where the link points; replacing it would break the link
        target = Path(os.path.realpath(target))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(f"cannot write {path}: it is a folder (give a file name)")
    if st is not None and not stat.S_ISREG(st.st_mode):  # a device or a pipe: nothing to keep intact
        try:
            with _open(target, binary, encoding, newline) as fh:
                yield fh
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc.strerror}") from None
        return
    if st is not None and not st.st_mode & 0o222:  # refused even for root, who could write it anyway
        raise OutputError(f"cannot write {path}: the file is read-only")
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with _open(fd, binary, encoding, newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode) if st is not None else _default_mode())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            kept = "; the earlier file was left as it was" if st is not None else ""
            raise OutputError(f"cannot write {path}: {exc.strerror or type(exc).__name__}{kept}") from None
        raise


def _open(file, binary: bool, encoding: str, newline: str | None) -> IO:
    return open(file, "wb") if binary else open(file, "w", encoding=encoding, newline=newline)


def _default_mode() -> int:
    """The mode ``open(path, "w")`` would give a new file: 0666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
