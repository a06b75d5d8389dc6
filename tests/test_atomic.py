"""The one atomic writer behind the tables, the pseudonymiser's files, the batch chunks, the
embedding cache and the user keys: permissions, replacing, and nothing left half-written; and
AtomicFile, the same for writers that write to a path themselves or in steps."""

from __future__ import annotations

import stat
import sys

import pytest

from carevoice._atomic import AtomicFile, write_atomic

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _listing(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


class _Failed(Exception):
    pass


def _half_then_fail(fh) -> None:
    fh.write(b"half of the new ")
    fh.flush()
    raise _Failed


def test_writes_bytes_or_text_as_given(tmp_path):
    binary = write_atomic(tmp_path / "a.bin", lambda fh: fh.write(b"\x00\r\n"))
    assert binary == tmp_path / "a.bin" and binary.read_bytes() == b"\x00\r\n"
    # text: the encoding asked for, and line ends exactly as written (newline="")
    text = write_atomic(tmp_path / "a.txt", lambda fh: fh.write("café\r\nnext\n"),
                        encoding="utf-8")
    assert text.read_bytes() == "café\r\nnext\n".encode()
    write_atomic(tmp_path / "b.txt", lambda fh: fh.write("café"), encoding="cp1252")
    assert (tmp_path / "b.txt").read_bytes() == b"caf\xe9"
    assert _listing(tmp_path) == ["a.bin", "a.txt", "b.txt"]


def test_makes_missing_folders(tmp_path):
    path = write_atomic(tmp_path / "one" / "two" / "f.bin", lambda fh: fh.write(b"x"))
    assert path.read_bytes() == b"x"


@posix_only
def test_files_get_the_permissions_asked_for(tmp_path):
    private = write_atomic(tmp_path / "key", lambda fh: fh.write(b"k"), mode=0o600)
    assert _mode(private) == 0o600
    # by default as the umask allows, like a file opened for writing
    reference = tmp_path / "reference"
    reference.write_bytes(b"")
    assert _mode(write_atomic(tmp_path / "plain", lambda fh: fh.write(b"p"))) == _mode(reference)


@posix_only
def test_a_replaced_file_gets_the_new_permissions(tmp_path):
    path = tmp_path / "review.csv"
    path.write_bytes(b"old")
    path.chmod(0o644)
    write_atomic(path, lambda fh: fh.write(b"new"), mode=0o600)
    assert path.read_bytes() == b"new" and _mode(path) == 0o600


@pytest.mark.parametrize("encoding", [None, "utf-8"])
def test_replaces_an_existing_file(tmp_path, encoding):
    path = tmp_path / "t.csv"
    path.write_bytes(b"a much longer earlier content\n")
    write_atomic(path, lambda fh: fh.write("new\n" if encoding else b"new\n"),
                 encoding=encoding)
    assert path.read_bytes() == b"new\n"
    assert _listing(tmp_path) == ["t.csv"]


def test_an_error_while_writing_leaves_the_earlier_file_and_no_temporary_file(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_bytes(b"earlier")
    with pytest.raises(_Failed):
        write_atomic(path, _half_then_fail)
    assert path.read_bytes() == b"earlier"
    assert _listing(tmp_path) == ["codes.csv"]


@pytest.mark.parametrize("sync", [True, False])
def test_an_error_on_a_first_write_leaves_no_file(tmp_path, sync):
    with pytest.raises(_Failed):
        write_atomic(tmp_path / "codes.csv", _half_then_fail, sync=sync)
    assert _listing(tmp_path) == []


def test_replace_false_keeps_an_existing_file(tmp_path):
    path = tmp_path / "secret.key"
    path.write_bytes(b"theirs")
    called = []
    with pytest.raises(FileExistsError) as info:
        write_atomic(path, lambda fh: called.append(fh.write(b"ours")), replace=False)
    assert info.value.filename == str(path)
    assert path.read_bytes() == b"theirs" and called == []  # refused before any work
    assert _listing(tmp_path) == ["secret.key"]
    fresh = write_atomic(tmp_path / "new.key", lambda fh: fh.write(b"ours"), replace=False)
    assert fresh.read_bytes() == b"ours"
    assert _listing(tmp_path) == ["new.key", "secret.key"]


def test_a_file_that_appears_while_writing_is_kept(tmp_path):
    """Another process makes the file between the check and the rename: its file wins."""
    path = tmp_path / "secret.key"

    def write(fh) -> None:
        fh.write(b"ours")
        path.write_bytes(b"theirs")

    with pytest.raises(FileExistsError):
        write_atomic(path, write, replace=False)
    assert path.read_bytes() == b"theirs"
    assert _listing(tmp_path) == ["secret.key"]


def test_atomic_file_renames_a_complete_file_over_the_earlier_one(tmp_path):
    path = tmp_path / "model.onnx"
    path.write_bytes(b"earlier")
    with AtomicFile(path) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".model.onnx.")
        with open(tmp, "wb") as fh:  # as a library writing to a path does
            fh.write(b"new")
        assert path.read_bytes() == b"earlier"
    assert path.read_bytes() == b"new"
    assert _listing(tmp_path) == ["model.onnx"]


def test_atomic_file_an_error_leaves_the_earlier_file_and_no_temporary_file(tmp_path):
    path = tmp_path / "model.onnx"
    path.write_bytes(b"earlier")
    with pytest.raises(_Failed), AtomicFile(path) as tmp, open(tmp, "wb") as fh:
        _half_then_fail(fh)
    assert path.read_bytes() == b"earlier"
    assert _listing(tmp_path) == ["model.onnx"]
    streamed = AtomicFile(tmp_path / "codes.csv")  # written in steps, then thrown away
    streamed.tmp.write_bytes(b"half")
    streamed.discard()
    assert _listing(tmp_path) == ["model.onnx"]


def test_atomic_files_of_one_path_do_not_share_a_temporary_name(tmp_path):
    first, second = AtomicFile(tmp_path / "t.csv"), AtomicFile(tmp_path / "t.csv")
    assert first.tmp != second.tmp
    first.tmp.write_bytes(b"first")
    second.tmp.write_bytes(b"second")
    first.commit()
    assert (tmp_path / "t.csv").read_bytes() == b"first"
    second.commit()
    assert (tmp_path / "t.csv").read_bytes() == b"second"
    assert _listing(tmp_path) == ["t.csv"]


@posix_only
def test_atomic_file_keeps_the_permissions_asked_for_when_reopened(tmp_path):
    with AtomicFile(tmp_path / "comments.csv", mode=0o600) as tmp:
        assert _mode(tmp) == 0o600
        tmp.write_text("comment_id\n", "utf-8")  # opens it again, truncating
    assert _mode(tmp_path / "comments.csv") == 0o600
