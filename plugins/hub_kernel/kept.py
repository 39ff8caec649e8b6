"""What a stage keeps in `.build/<name>/` from one build for the next: a folder per key.

Each entry is made in a folder of its own (named for this process, so two builds at once, the
preview's and `make html`'s, never share one), then renamed into place; only the newest few
are kept. Keeping is a help, never a need: a build that cannot keep (a full disk, another
build at work on the same key) carries on without.
"""

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

PART = ".part-"  # an entry still being made
ABANDONED_AFTER = 3600  # seconds: a part this old is a stopped build's
# Two entries: the preview's settings differ from `make html`'s, and an editor runs both.
NEWEST = 2


def keep_entry(folder: Path, key: str, fill: Callable[[Path], None], newest: int = NEWEST) -> bool:
    """Make `folder/key` with `fill(folder)`, replacing any older one; True if it was kept."""
    folder = Path(folder)
    part = folder / f"{key}{PART}{os.getpid()}"
    try:
        shutil.rmtree(part, ignore_errors=True)
        part.mkdir(parents=True)
        fill(part)
        shutil.rmtree(folder / key, ignore_errors=True)
        os.replace(part, folder / key)
    except OSError:
        shutil.rmtree(part, ignore_errors=True)
        return False
    except BaseException:  # `fill` failed for its own reason: the caller hears it
        shutil.rmtree(part, ignore_errors=True)
        raise
    _prune(folder, newest)
    return True


def _prune(folder: Path, newest: int) -> None:
    entries, now = [], time.time()
    for entry in folder.iterdir():
        try:
            if not entry.is_dir():
                continue  # entries are folders
            changed = entry.stat().st_mtime
        except OSError:
            continue  # removed by another build meanwhile
        if PART not in entry.name:
            entries.append((changed, entry))
        elif now - changed > ABANDONED_AFTER:
            shutil.rmtree(entry, ignore_errors=True)
    for _, old in sorted(entries, reverse=True)[newest:]:
        shutil.rmtree(old, ignore_errors=True)


def plain_relative(name) -> bool:
    """A file name read back from a kept folder is a relative path that stays inside it."""
    return (
        isinstance(name, str)
        and bool(name)
        and not name.startswith(("/", "\\"))
        and ".." not in name.replace("\\", "/").split("/")
    )


def copy_files(names, source: Path, target: Path, link: bool = False) -> None:
    """Each of `names` (relative paths) from `source` to the same place under `target`; with
    `link`, a hard link where the file system allows one (else a copy)."""
    for name in names:
        to = Path(target) / name
        to.parent.mkdir(parents=True, exist_ok=True)
        if link:
            try:
                os.link(Path(source) / name, to)
                continue
            except OSError:
                pass  # another file system: copied
        shutil.copyfile(Path(source) / name, to)


def hash_files(digest, folder: Path, pattern: str = "*") -> None:
    """Add each file under `folder` matching `pattern`, by its relative name and its bytes."""
    folder = Path(folder)
    for path in sorted(folder.rglob(pattern)):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")


def replace_file(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all: a build stopped half-way never leaves half a file, and
    two builds at once each write a file of their own first."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".tmp-{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, path)
