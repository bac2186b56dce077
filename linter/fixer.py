"""Apply the safe corrections of ``--fix`` to files, atomically.

Only findings whose rule declares a ``fix`` carry one. Overlapping corrections are skipped (the
first wins), the new text is written to a temporary file beside the original and moved over it
with ``os.replace``, so a reader never sees half a file and a crash leaves the original intact.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from linter.finding import Finding, Fix


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """The text with every non-overlapping fix applied, and how many were applied."""
    chosen: list[Fix] = []
    last_end = -1
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if fix.start < last_end or fix.start > fix.end or fix.end > len(text):
            continue
        chosen.append(fix)
        last_end = fix.end
    out = text
    for fix in reversed(chosen):
        out = out[:fix.start] + fix.replacement + out[fix.end:]
    return out, len(chosen)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` in one step (temporary file + ``os.replace``).

    An existing file keeps its permissions; a new file gets the usual ones (umask applied).
    """
    fd, tmp = tempfile.mkstemp(dir=str(path.parent), prefix=f".{path.name}.", suffix=".factlint")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def fix_files(findings: Sequence[Finding]) -> dict[str, int]:
    """Apply the fixes of ``findings`` to their files; returns fixes applied per path.

    Archive records (``FILE.jsonl#ID``) and stdin are never rewritten.
    """
    by_path: dict[str, list[Fix]] = {}
    for f in findings:
        if f.fix is not None and "#" not in f.path and f.path != "<stdin>":
            by_path.setdefault(f.path, []).append(f.fix)
    done: dict[str, int] = {}
    for path_str, fixes in by_path.items():
        path = Path(path_str)
        with open(path, encoding="utf-8", newline="") as fh:
            raw = fh.read()
        bom = "\ufeff" if raw.startswith("\ufeff") else ""  # offsets count from after a BOM
        original = raw[len(bom):]
        new, count = apply_fixes(original, fixes)
        if count and new != original:
            write_atomically(path, bom + new)
            done[path_str] = count
    return done
