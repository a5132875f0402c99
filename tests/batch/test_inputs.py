"""Input expansion: folders, zip and tar archives, hostile members and limits."""

from __future__ import annotations

import io
import tarfile
import zipfile

import pytest

from nlpkommun.batch.inputs import (
    Document,
    InputFailure,
    Limits,
    count_inputs,
    iter_documents,
    iter_units,
    unsafe_member_name,
)
from nlpkommun.errors import ArchiveError, InputNotFoundError, TooLargeError


def _by_source(items):
    return {item.source: item for item in items}


def test_unsafe_member_names():
    assert unsafe_member_name("a/b.txt") is None
    assert unsafe_member_name("a/../b.txt") is not None
    assert unsafe_member_name("../b.txt") is not None
    assert unsafe_member_name("..\\..\\b.txt") is not None
    assert unsafe_member_name("/etc/passwd") is not None
    assert unsafe_member_name("C:/Windows/x.txt") is not None
    assert unsafe_member_name("a\x00b") is not None
    assert unsafe_member_name("a..b/c.txt") is None  # dots inside a name are fine


def test_folders_recurse_sorted_and_skip_hidden(tmp_path):
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for rel in ["z.txt", "a.txt", "b/c/d.txt", ".hidden", ".git/config", "b/.DS_Store"]:
        (tmp_path / rel).write_text("x", encoding="utf-8")
    units = list(iter_units([tmp_path]))
    assert units == [str(tmp_path / "a.txt"), str(tmp_path / "z.txt"), str(tmp_path / "b" / "c" / "d.txt")]
    explicit = tmp_path / ".hidden"
    assert list(iter_units([explicit])) == [str(explicit)]
    assert list(iter_units([tmp_path], exclude=[tmp_path / "a.txt", tmp_path / "b"])) == [str(tmp_path / "z.txt")]


def test_zip_members_read_and_hostile_members_refused(tmp_path):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("ok/one.txt", "Ett dokument.")
        zf.writestr("ok/", "")  # a directory entry: nothing to process
        zf.writestr("../escape.txt", "x")
        zf.writestr("/abs.txt", "x")
        link = zipfile.ZipInfo("ok/link")
        link.external_attr = 0o120777 << 16
        zf.writestr(link, "/etc/passwd")
        zf.writestr("__MACOSX/ok/._one.txt", "junk")
    got = _by_source(iter_documents([path]))
    one = got[f"{path}!ok/one.txt"]
    assert isinstance(one, Document) and one.data == b"Ett dokument."
    assert len(one.id) == 64
    for bad in ["../escape.txt", "/abs.txt", "ok/link"]:
        failure = got[f"{path}!{bad}"]
        assert isinstance(failure, InputFailure) and isinstance(failure.error, ArchiveError)
    assert len(got) == 4  # the directory and __MACOSX are not inputs
    assert count_inputs([path]) == 4


def test_zip_bomb_and_size_limits(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("zeros.txt", b"0" * (4 * 1024 * 1024))  # compresses ~1000:1
        zf.writestr("small.txt", "Litet dokument.")
    got = _by_source(iter_documents([path]))
    assert isinstance(got[f"{path}!zeros.txt"], InputFailure)
    assert "zip bomb" in str(got[f"{path}!zeros.txt"].error)
    assert isinstance(got[f"{path}!small.txt"], Document)

    limits = Limits(max_document_bytes=10)
    got = _by_source(iter_documents([path], limits))
    assert all(isinstance(v, InputFailure) for v in got.values())

    limits = Limits(max_archive_bytes=20, max_ratio=1e9)
    got = _by_source(iter_documents([path], limits))
    assert "total size" in str(got[f"{path}!zeros.txt"].error)

    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 100)
    [failure] = iter_documents([big], Limits(max_document_bytes=50))
    assert isinstance(failure, InputFailure) and isinstance(failure.error, TooLargeError)


def test_too_many_members_refuses_the_archive(tmp_path):
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(5):
            zf.writestr(f"{i}.txt", f"dokument {i}")
    [failure] = iter_documents([path], Limits(max_members=3))
    assert failure.source == str(path) and isinstance(failure.error, ArchiveError)


def _tar_add(tf: tarfile.TarFile, name: str, data: bytes = b"", kind: bytes = tarfile.REGTYPE, link: str = ""):
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    tf.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)


@pytest.mark.parametrize("suffix,mode", [(".tar", "w"), (".tar.gz", "w:gz"), (".tar.xz", "w:xz")])
def test_tar_members_and_hostile_members(tmp_path, suffix, mode):
    path = tmp_path / f"a{suffix}"
    with tarfile.open(path, mode) as tf:
        _tar_add(tf, "docs/one.txt", "Första dokumentet.".encode())
        _tar_add(tf, "../../escape.txt", b"x")
        _tar_add(tf, "/etc/cron.d/evil", b"x")
        _tar_add(tf, "docs/link", kind=tarfile.SYMTYPE, link="/etc/passwd")
        _tar_add(tf, "docs/hard", kind=tarfile.LNKTYPE, link="docs/one.txt")
        _tar_add(tf, "docs/dev", kind=tarfile.CHRTYPE)
        _tar_add(tf, "docs/two.txt", b"Andra dokumentet.")
    got = _by_source(iter_documents([path]))
    assert got[f"{path}!docs/one.txt"].data == "Första dokumentet.".encode()
    assert got[f"{path}!docs/two.txt"].data == b"Andra dokumentet."
    for bad in ["../../escape.txt", "/etc/cron.d/evil", "docs/link", "docs/hard", "docs/dev"]:
        assert isinstance(got[f"{path}!{bad}"].error, ArchiveError), bad
    assert len(got) == 7
    assert not (tmp_path.parent / "escape.txt").exists()


def test_unreadable_archive_and_missing_file(tmp_path):
    fake = tmp_path / "fake.zip"
    fake.write_bytes(b"not a zip at all")
    fake_tar = tmp_path / "fake.tar.gz"
    fake_tar.write_bytes(b"not gzip")
    got = _by_source(iter_documents([fake, fake_tar, tmp_path / "missing.txt"]))
    assert isinstance(got[str(fake)].error, ArchiveError)
    assert isinstance(got[str(fake_tar)].error, ArchiveError)
    assert isinstance(got[str(tmp_path / "missing.txt")].error, InputNotFoundError)
