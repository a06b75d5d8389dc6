"""Fitted coders kept on disk are signed with this user's key; a planted or foreign pickle is
never unpickled."""

from __future__ import annotations

import os
import pickle
import stat

import pytest

from carevoice.batch import signing

TRIPPED: list[str] = []


def _tripwire() -> str:
    TRIPPED.append("unpickled")
    return "planted"


class Planted:
    """What someone with write access to a shared cache folder could leave there."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (_tripwire, ())


def test_the_key_is_made_once_and_readable_by_the_user_alone(tmp_path):
    path = tmp_path / "config" / "cache-signing.key"
    key = signing.signing_key(path)
    assert len(key) == 32 and signing.signing_key(path) == key
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind
    assert signing.signing_key(tmp_path / "other.key") != key


def test_a_short_key_is_an_error_not_a_weak_signature(tmp_path):
    path = tmp_path / "cache-signing.key"
    path.write_bytes(b"short")
    with pytest.raises(OSError, match="delete it"):
        signing.signing_key(path)


def test_signatures_verify_only_the_same_bytes_under_the_same_key():
    key, other = b"a" * 32, b"b" * 32
    signature = signing.sign(b"coder bytes", key)
    assert signing.verify(b"coder bytes", signature, key)
    assert signing.verify(b"coder bytes", signature + "\n", key)  # as read from a file
    assert not signing.verify(b"coder bytes!", signature, key)
    assert not signing.verify(b"coder bytes", signature, other)


@pytest.mark.parametrize("side", ["checksum", "foreign key"])
def test_build_coder_never_unpickles_a_file_it_did_not_sign(tmp_path, monkeypatch, side):
    from carevoice.batch.chunks import write_atomic
    from carevoice.batch.config import EmbedSettings, ThemeSettings
    from carevoice.batch.steps import build_coder
    from carevoice.themes import ThemeCoder

    monkeypatch.setattr(signing, "key_path", lambda: tmp_path / "mine.key")
    folder, key = tmp_path / "coders", "f" * 64
    planted = pickle.dumps(Planted())
    path = folder / f"coder-{key[:24]}.pkl"
    write_atomic(path, planted)
    if side == "checksum":  # the old side file: anyone can compute it
        import hashlib

        write_atomic(path.with_suffix(".sha256"), hashlib.sha256(planted).hexdigest().encode())
        write_atomic(path.with_suffix(".hmac"), hashlib.sha256(planted).hexdigest().encode())
    else:
        write_atomic(path.with_suffix(".hmac"),
                     signing.sign(planted, signing.signing_key(tmp_path / "theirs.key")).encode())
    TRIPPED.clear()
    build_coder.cache_clear()
    themes = ThemeSettings(reference=False, mentions=False)
    embed = EmbedSettings(model="hashing")
    coder = build_coder(themes, embed, 0, folder, key)
    build_coder.cache_clear()
    assert TRIPPED == [] and isinstance(coder, ThemeCoder)
    for kept in (path, path.with_suffix(".hmac")):  # refitted, and kept owner-only
        assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600, kept.name
    # the refitted coder replaced the file, signed with this user's key, and loads again
    assert signing.verify(path.read_bytes(), path.with_suffix(".hmac").read_text("ascii"))
    def no_fit(self, *a, **k):  # type: ignore[no-untyped-def]
        raise AssertionError("refitted although this user's signed coder was on disk")

    monkeypatch.setattr(ThemeCoder, "fit", no_fit)
    again = build_coder(themes, embed, 0, folder, key)
    build_coder.cache_clear()
    assert isinstance(again, ThemeCoder) and again is not coder
