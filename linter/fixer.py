"""Apply fixes: ``apply_fixes`` (the one function ``--fix``, ``rules test`` and the language
server's code actions use) and ``fix_files``, which writes them without ever corrupting a file.

Only findings whose rule declares a ``fix`` carry one: a list of edits computed from the
document model (``linter.blocks`` for deleted paragraphs), applied whole or not at all;
overlapping fixes are skipped (the first wins); unsafe ones only with ``--unsafe-fixes``. A file is rewritten only when it is still, byte for byte, what was linted: the
offsets of the fixes point into those bytes, so a file an editor saved meanwhile, or the same
file named twice (``a.md ./a.md``), is left alone with a message. Then:

- a symbolic link is followed: its target is rewritten and the link stays a link;
- the new text goes to a temporary file in the target's folder (an anonymous one, with
  ``O_TMPFILE``, where the system has it: a process killed while writing leaves nothing behind),
  is flushed to disk (``fsync``), gets the original's mode (set-user-ID, set-group-ID and sticky
  bits too) and owner and group, and is renamed over the original; the folder is flushed too.
  A reader sees the old file or the new one, a crash leaves one of them whole, and every
  failure removes the temporary file;
- a file with more than one hard link, or whose owner cannot be kept, is rewritten in place
  (same inode: every link and the owner stay) after the new text is complete in memory,
  and flushed;
- a read-only file (no write permission, or immutable) is refused with a message.

Every refusal and every I/O error (disk full, an immutable file, a folder that disappeared) is a
message for the caller, never a traceback.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from linter.finding import Edit, Finding, Fix


def apply_fixes(text: str, fixes: Sequence[Fix | None]) -> tuple[str, int]:
    """The text with every applicable fix applied (``chosen_edits``), and how many were:
    what ``--fix`` and ``rules test`` write."""
    chosen, count = chosen_edits(text, fixes)
    parts: list[str] = []
    pos = 0
    for e in chosen:
        parts.append(text[pos:e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts), count


def chosen_edits(text: str, fixes: Sequence[Fix | None]) -> tuple[list[Edit], int]:
    """The edits of ``fixes`` that apply to ``text``, in order, and how many fixes they are: the
    one function behind ``--fix``, ``rules test`` and the language server's code actions.

    A fix is applied whole (every edit of it) or not at all: one whose edits fall outside the
    text, run backwards, or overlap each other or an edit of a fix already chosen is skipped
    (fixes are taken in the order of their first edit; the first wins)."""
    chosen: list[Edit] = []
    taken: list[tuple[int, int]] = []
    count = 0
    for fix in sorted((f for f in fixes if f is not None and f.edits), key=lambda f: min((e.start, e.end) for e in f.edits)):
        edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
        if any(e.start < 0 or e.start > e.end or e.end > len(text) for e in edits):
            continue
        if any(a.end > b.start or (a.start == a.end == b.start == b.end) for a, b in zip(edits, edits[1:], strict=False)):
            continue
        if any(_overlaps(e, t) for e in edits for t in taken):
            continue
        chosen.extend(edits)
        taken.extend((e.start, e.end) for e in edits)
        count += 1
    return sorted(chosen, key=lambda e: (e.start, e.end)), count


def _overlaps(e: Edit, span: tuple[int, int]) -> bool:
    """Whether ``e`` and the edit over ``span`` cannot both be applied unambiguously: ranges
    that overlap, two insertions at one point, or an insertion strictly inside the other range."""
    a, b = span
    if e.start == e.end:
        return a < e.start < b or a == b == e.start
    if a == b:
        return e.start < a < e.end
    return e.start < b and a < e.end


def applicable(fix: Fix | None, unsafe: bool = False) -> bool:
    """Whether ``fix`` is applied: a safe one always, an unsafe one only with ``--unsafe-fixes``."""
    return fix is not None and bool(fix.edits) and (fix.safe or unsafe)


def unified_diff(path: str, old: str, new: str) -> str:
    """The unified diff of a file's text before and after its fixes (``--fix-diff``)."""
    import difflib

    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def digest(data: bytes) -> str:
    """What a file's bytes were when it was read (``Item.digest``), to compare before writing."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class FixError(OSError):
    """A file ``--fix`` (or ``write_atomically``) refused or failed to write; ``str()`` says why."""


def _fsync_dir(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # not every system lets a folder be opened (Windows)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes | Iterable[bytes]) -> None:
    for piece in [data] if isinstance(data, bytes) else data:
        view = memoryview(piece)
        while view:
            n = os.write(fd, view)
            view = view[n:]


#: whether this system can give an anonymous temporary file a name (O_TMPFILE and linkat through
#: /proc); found out on first use, and False after a failure (some sandboxes refuse the link)
_ANONYMOUS: dict[str, bool] = {}


def _anonymous_temp(folder: str) -> int | None:
    """An unnamed file in ``folder`` (Linux ``O_TMPFILE``), or None where there is none."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or _ANONYMOUS.get("ok") is False or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_RDWR, 0o600)  # read back when it cannot be named
    except OSError:
        return None


def _name(fd: int, folder: str, name: str) -> str | None:
    """Give the anonymous file ``fd`` a temporary name in ``folder``; None when it cannot be."""
    for attempt in range(100):
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.{attempt}.factlint")
        try:
            os.link(f"/proc/self/fd/{fd}", tmp, follow_symlinks=True)
        except FileExistsError:
            continue
        except OSError:
            _ANONYMOUS["ok"] = False
            return None
        _ANONYMOUS["ok"] = True
        return tmp
    return None


def _prepare(fd: int, data: bytes | Iterable[bytes], info: os.stat_result | None) -> None:
    """Fill a temporary file: the data, flushed to disk, with the original's owner and mode."""
    _write_all(fd, data)
    os.fsync(fd)
    if info is not None:
        if hasattr(os, "fchown"):
            os.fchown(fd, info.st_uid, info.st_gid)  # the caller checked that this is permitted
        os.fchmod(fd, stat.S_IMODE(info.st_mode))  # after chown, which clears set-user/group-ID
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)


def _replace(real: str, data: bytes | Iterable[bytes], info: os.stat_result | None) -> None:
    """Write ``data`` to a temporary file beside ``real`` and rename it over ``real``."""
    folder = os.path.dirname(real) or "."
    name = os.path.basename(real)
    tmp: str | None = None
    fd = _anonymous_temp(folder)
    if fd is not None:
        try:
            _prepare(fd, data, info)
            tmp = _name(fd, folder, name)
            if tmp is None and not isinstance(data, bytes):  # the pieces are spent: copy what was written
                data = _read_back(os.dup(fd))
        finally:
            os.close(fd)
    try:
        if tmp is None:  # no anonymous file here: a named one, removed on any failure
            import tempfile

            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".factlint")
            try:
                _prepare(fd, data, info)
            finally:
                os.close(fd)
                if isinstance(data, Generator):
                    data.close()
        os.replace(tmp, real)
        tmp = None
        _fsync_dir(folder)
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _read_back(fd: int) -> Iterator[bytes]:
    """Everything in the file ``fd`` (open for reading too) from its start, a mebibyte at a
    time; ``fd`` is closed at the end (or when the pieces are dropped)."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        while piece := os.read(fd, 1 << 20):
            yield piece
    finally:
        os.close(fd)


def _rewrite_in_place(real: str, data: bytes) -> None:
    """Overwrite ``real`` (same inode: hard links and owner stay) with ``data``, flushed."""
    fd = os.open(real, os.O_WRONLY)
    try:
        _write_all(fd, data)
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _owner_kept(info: os.stat_result) -> bool:
    """Whether a new file of ours can be given ``info``'s owner and group."""
    if not hasattr(os, "geteuid"):
        return True
    if os.geteuid() == 0:
        return True
    return info.st_uid == os.geteuid() and (info.st_gid == os.getegid() or info.st_gid in os.getgroups())


def write_bytes_safely(path: Path | str, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of bytes written as they come) to ``path`` as the module
    docstring says (links followed, mode, owner and hard links kept, flushed, atomic where the
    file allows; a file rewritten in place gets the pieces joined first). Raises ``FixError``
    for a read-only file and ``OSError`` for any other failure (and whatever producing a piece
    raises); never leaves a temporary file."""
    real = os.path.realpath(path)
    try:
        info: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        info = None
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise FixError(errno.EINVAL, "not a regular file")
        if not (info.st_mode & 0o222) or not os.access(real, os.W_OK):
            raise FixError(errno.EACCES, "the file is read-only")
        if info.st_nlink > 1 or not _owner_kept(info):
            _rewrite_in_place(real, data if isinstance(data, bytes) else b"".join(data))
            return
    _replace(real, data, info)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` in one step: temporary file, ``fsync``, rename.

    An existing file keeps its mode, owner and hard links and a symbolic link its target (see
    ``write_bytes_safely``); a new file gets the usual permissions (umask applied)."""
    write_bytes_safely(path, text.encode("utf-8", "surrogateescape"))


def write_pieces_atomically(path: Path, pieces: Iterable[str]) -> None:
    """``write_atomically(path, "".join(pieces))``, each piece encoded and written as it comes."""
    write_bytes_safely(path, (piece.encode("utf-8", "surrogateescape") for piece in pieces))


@dataclass
class FixReport:
    """What ``fix_files`` did: fixes applied per path, and a message per file it left alone."""

    fixed: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    #: the unified diff of each file's fixes (every file that had some, written or not)
    diffs: dict[str, str] = field(default_factory=dict)
    #: fixes left out because they are unsafe and ``unsafe`` was not given
    unsafe_skipped: int = 0


def fix_files(findings: Sequence[Finding], digests: Mapping[str, str | None] | None = None, *,
              unsafe: bool = False, write: bool = True) -> FixReport:
    """Apply the fixes of ``findings`` to their files: the safe ones, and the unsafe ones too
    when ``unsafe`` (``--unsafe-fixes``). ``write`` False only computes ``diffs`` (``--fix-diff``).

    ``digests`` maps each linted path to the digest of the bytes that were linted (None: only
    part of the file was, so it is not rewritten); a file whose bytes differ now is left alone.
    Without ``digests`` files are not checked. Archive records (``FILE.jsonl#ID``) and stdin are
    never rewritten. Two paths of one file (``a.md ./a.md``, a link and its target) count once.
    """
    by_path: dict[str, list[Fix]] = {}
    report = FixReport()
    for f in findings:
        if f.fix is not None and "#" not in f.path and f.path != "<stdin>":
            if not applicable(f.fix, unsafe):
                report.unsafe_skipped += 1
                continue
            by_path.setdefault(f.path, []).append(f.fix)
    done: set[str] = set()
    for path_str, fixes in by_path.items():
        real = os.path.realpath(path_str)
        if real in done:
            continue  # the same file under another name: its fixes were applied once
        done.add(real)

        def refuse(why: str, p: str = path_str) -> None:
            report.problems.append(f"{p}:1:1: not fixed: {why}")

        try:
            with open(real, "rb") as fh:
                raw = fh.read()
        except OSError as exc:
            refuse(f"cannot read it again: {exc.strerror or exc}")
            continue
        if digests is not None:
            expected = digests.get(path_str)
            if expected is None:
                refuse("only part of it was linted (--max-bytes)" if path_str in digests else "it was not linted")
                continue
            if digest(raw) != expected:
                refuse("it changed after it was linted; run factlint again")
                continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            refuse("it is no longer UTF-8 text")
            continue
        bom = "\ufeff" if text.startswith("\ufeff") else ""  # offsets count from after a BOM
        original = text[len(bom):]
        new, count = apply_fixes(original, fixes)
        if not count or new == original:
            continue
        report.diffs[path_str] = unified_diff(path_str, original, new)
        if not write:
            report.fixed[path_str] = count
            continue
        try:
            write_bytes_safely(real, (bom + new).encode("utf-8"))
        except FixError as exc:
            refuse(str(exc.strerror))
            continue
        except OSError as exc:
            refuse(f"cannot write it: {exc.strerror or exc}")
            continue
        report.fixed[path_str] = count
    return report
