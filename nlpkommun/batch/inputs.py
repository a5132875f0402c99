"""Batch inputs: files, folders (recursive) and zip/tar archives → documents.

Archives are never extracted to disk: members are read into memory one at a time, so a
hostile member name cannot write anywhere. Members are still checked and refused, each
with its own :class:`~nlpkommun.errors.ArchiveError` entry, when unsafe: ``..`` path
components, absolute or drive paths, NUL bytes, symlinks, hard links, devices, FIFOs,
encrypted members, a declared or actual size over the member limit, a suspicious zip
compression ratio, or a running total over the archive limit. An archive with more
members than allowed is refused as a whole.

In folders and archives, hidden names (``.DS_Store``, ``.git/``) and ``__MACOSX/`` are
skipped; a file named explicitly is always processed. Nested archives are not expanded
(a ``.zip`` inside a ``.zip`` is a document and fails as an unsupported format).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from nlpkommun.errors import ArchiveError, InputError, InputNotFoundError, NlpkommunError, TooLargeError

ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz")
#: Separates an archive path from a member name in a document's source.
MEMBER_SEP = "!"

_MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Size and count limits for batch inputs."""

    max_document_bytes: int = 512 * _MiB  #: one file or archive member
    max_archive_bytes: int = 16 * 1024 * _MiB  #: total uncompressed size of one archive
    max_members: int = 100_000  #: entries in one archive
    max_ratio: float = 200.0  #: zip compression ratio refused above (for members over 1 MiB)


@dataclass(frozen=True)
class InputRef:
    """One input document, not yet read: a file, or a member of an archive at ``path``."""

    source: str
    path: str
    member: str | None = None


@dataclass(frozen=True)
class Document:
    """One input document read into memory, with its content id (sha256 of the bytes)."""

    source: str
    data: bytes
    id: str


@dataclass(frozen=True)
class InputFailure:
    """An input that could not be read; it goes to the error manifest."""

    source: str
    error: NlpkommunError
    id: str | None = None


def is_archive(path: str | os.PathLike[str]) -> bool:
    """Whether a path names a zip or tar archive (by suffix: a .docx is a document)."""
    return str(path).lower().endswith(ARCHIVE_SUFFIXES)


def _skipped_name(name: str) -> bool:
    parts = [p for p in name.replace("\\", "/").split("/") if p]
    return any(p.startswith(".") and p not in (".", "..") or p == "__MACOSX" for p in parts)


_DRIVE = re.compile(r"^[A-Za-z]:")


def unsafe_member_name(name: str) -> str | None:
    """Why an archive member name is unsafe, or None when it is a plain relative path."""
    if "\x00" in name:
        return "its name contains a NUL byte"
    norm = name.replace("\\", "/")
    if norm.startswith("/") or _DRIVE.match(norm):
        return "its name is an absolute path"
    if ".." in norm.split("/"):
        return "its name leaves the archive ('..' path traversal)"
    return None


def iter_units(
    inputs: Iterable[str | os.PathLike[str]], exclude: Iterable[str | os.PathLike[str]] = ()
) -> Iterator[str]:
    """Top-level work units: each file and each archive, with folders walked recursively
    in sorted order. Missing inputs are yielded too (they fail when read). Paths in
    ``exclude`` (the run's own output files and folders) are never inputs."""
    skip = {os.path.realpath(p) for p in exclude}
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(
                    d for d in dirs if not _skipped_name(d) and os.path.realpath(Path(root) / d) not in skip
                )
                for name in sorted(files):
                    full = Path(root) / name
                    if not _skipped_name(name) and os.path.realpath(full) not in skip:
                        yield str(full)
        elif os.path.realpath(path) not in skip:
            yield str(path)


def iter_refs(inputs: Iterable[str | os.PathLike[str]], limits: Limits = Limits()) -> Iterator[InputRef | InputFailure]:
    """Every input document (archive members listed, not read) or the failure of one."""
    for unit in iter_units(inputs):
        if is_archive(unit):
            for ref, _ in _expand_archive(unit, limits, read=False):
                yield ref
        else:
            yield InputRef(unit, unit)


def iter_documents(
    inputs: Iterable[str | os.PathLike[str]], limits: Limits = Limits()
) -> Iterator[Document | InputFailure]:
    """Every input document read into memory with its content id, or its failure.

    Lazy: one file or member is read per step, so memory stays bounded.
    """
    for unit in iter_units(inputs):
        if is_archive(unit):
            for ref, data in _expand_archive(unit, limits, read=True):
                if isinstance(ref, InputFailure):
                    yield ref
                else:
                    assert data is not None
                    yield Document(ref.source, data, hashlib.sha256(data).hexdigest())
        else:
            yield _read_file(unit, limits)


def count_inputs(inputs: Iterable[str | os.PathLike[str]], limits: Limits = Limits()) -> int:
    """Number of documents and failures :func:`iter_documents` will yield."""
    return sum(1 for _ in iter_refs(inputs, limits))


def _read_file(path: str, limits: Limits) -> Document | InputFailure:
    p = Path(path)
    try:
        st = p.stat()
        if not stat.S_ISREG(st.st_mode):
            return InputFailure(path, InputError(f"{path} is not a regular file"))
        if st.st_size > limits.max_document_bytes:
            return InputFailure(
                path, TooLargeError(f"{path} is {st.st_size} bytes, over the {limits.max_document_bytes}-byte limit")
            )
        data = p.read_bytes()
    except FileNotFoundError:
        return InputFailure(path, InputNotFoundError(f"no such file: {path}"))
    except OSError as exc:
        return InputFailure(path, InputNotFoundError(f"cannot read {path}: {exc.strerror or exc}"))
    return Document(path, data, hashlib.sha256(data).hexdigest())


_Expanded = tuple[InputRef, bytes | None] | tuple[InputFailure, None]


def _expand_archive(path: str, limits: Limits, read: bool) -> Iterator[_Expanded]:
    lower = path.lower()
    try:
        if lower.endswith(".zip"):
            yield from _expand_zip(path, limits, read)
        else:
            yield from _expand_tar(path, limits, read)
    except FileNotFoundError:
        yield InputFailure(path, InputNotFoundError(f"no such file: {path}")), None
    except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError) as exc:
        yield InputFailure(path, ArchiveError(f"{path}: unreadable archive ({type(exc).__name__}: {exc})")), None


def _fail(source: str, why: str) -> tuple[InputFailure, None]:
    return InputFailure(source, ArchiveError(f"{source}: refused archive member: {why}")), None


def _read_limited(stream, limit: int) -> bytes | None:
    """Read at most ``limit`` bytes; None when the stream holds more (a lying header)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(1024 * 1024, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            return None
    return b"".join(chunks)


def _expand_zip(path: str, limits: Limits, read: bool) -> Iterator[_Expanded]:
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        if len(infos) > limits.max_members:
            yield InputFailure(
                path, ArchiveError(f"{path}: {len(infos)} members, over the {limits.max_members}-member limit")
            ), None
            return
        total = 0
        for info in infos:
            name = info.filename
            if info.is_dir() or _skipped_name(name):
                continue
            source = f"{path}{MEMBER_SEP}{name}"
            mode = info.external_attr >> 16
            why = unsafe_member_name(name)
            if why is None and stat.S_IFMT(mode) not in (0, stat.S_IFREG):
                why = "it is a symlink or special file, not a regular file"
            if why is None and info.flag_bits & 0x1:
                why = "it is encrypted"
            if why is None and info.file_size > limits.max_document_bytes:
                why = f"{info.file_size} bytes, over the {limits.max_document_bytes}-byte limit"
            if why is None and info.file_size > _MiB and info.file_size > limits.max_ratio * max(info.compress_size, 1):
                why = f"compression ratio over {limits.max_ratio:g} (a zip bomb?)"
            if why is None and total + info.file_size > limits.max_archive_bytes:
                why = f"the archive's total size passes the {limits.max_archive_bytes}-byte limit"
            if why is not None:
                yield _fail(source, why)
                continue
            total += info.file_size
            ref = InputRef(source, path, name)
            if not read:
                yield ref, None
                continue
            try:
                with zf.open(info) as stream:
                    data = _read_limited(stream, min(limits.max_document_bytes, info.file_size))
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
                yield InputFailure(source, ArchiveError(f"{source}: unreadable member ({exc})")), None
                continue
            if data is None:
                yield _fail(source, "it decompresses to more than its declared size (a zip bomb?)")
                continue
            yield ref, data


def _expand_tar(path: str, limits: Limits, read: bool) -> Iterator[_Expanded]:
    with tarfile.open(path, "r:*") as tf:
        total = 0
        count = 0
        while True:
            member = tf.next()
            if member is None:
                break
            count += 1
            if count > limits.max_members:
                yield InputFailure(
                    path, ArchiveError(f"{path}: more than {limits.max_members} members; the rest is refused")
                ), None
                return
            tf.members = []  # stream: do not keep every header in memory
            name = member.name
            if member.isdir() or _skipped_name(name):
                continue
            source = f"{path}{MEMBER_SEP}{name}"
            why = unsafe_member_name(name)
            if why is None and not member.isreg():
                why = "it is a symlink, hard link or special file, not a regular file"
            if why is None and member.issparse():
                why = "it is a sparse file"
            if why is None and member.size > limits.max_document_bytes:
                why = f"{member.size} bytes, over the {limits.max_document_bytes}-byte limit"
            if why is None and total + member.size > limits.max_archive_bytes:
                why = f"the archive's total size passes the {limits.max_archive_bytes}-byte limit"
            if why is not None:
                yield _fail(source, why)
                continue
            total += member.size
            ref = InputRef(source, path, name)
            if not read:
                yield ref, None
                continue
            stream = tf.extractfile(member)
            data = _read_limited(stream, limits.max_document_bytes) if stream is not None else None
            if data is None:
                yield _fail(source, "its data could not be read")
                continue
            yield ref, data
