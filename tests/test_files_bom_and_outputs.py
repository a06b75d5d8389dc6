"""Byte-order marks against a given encoding, and outputs checked for writing before the work.

Excel's "CSV UTF-8" starts with a byte-order mark (BOM): with ``--encoding utf-8`` it is read as
UTF-8 with the mark dropped; with an 8-bit encoding (``cp1252``, ``latin-1``) it is an error
that says the file is UTF-8, naming the option; a mark followed by lines that are not UTF-8 is
refused as mixed, by line number. An output that cannot be written (a folder that cannot be
made, a file system that takes no files) is an error before any input is read. The tests run
as root here, where permissions do not stop a write: ``/proc`` stands for a folder nobody may
write to.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import carevoice as cv
from carevoice.cli import app
from carevoice.corpus import check_output_path, decode_bytes, read_comments, read_table

runner = CliRunner()
BOM8 = b"\xef\xbb\xbf"
HEADER = "comment_id,respondent_id,question_id,text\n"
SECRET_WORDS = "Zephyrine"  # in every comment below: no message may show it
ROWS = (f"c1,r1,q1,{SECRET_WORDS} says the café is nice\n"
        f"c2,r2,q1,{SECRET_WORDS} wants more money\n")
RESPONDENTS = "respondent_id,age\nr1,15\nr2,17\n"
NO_PROC = pytest.mark.skipif(not Path("/proc/self").is_dir(),
                             reason="needs /proc, a file system that takes no new files")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.fixture
def excel_utf8(tmp_path: Path) -> Path:
    """Excel's "CSV UTF-8": a BOM, then UTF-8 text with an accent."""
    return _write(tmp_path / "comments.csv", BOM8 + (HEADER + ROWS).encode("utf-8"))


@pytest.fixture
def bom_then_cp1252(tmp_path: Path) -> Path:
    """A BOM written by one tool, Windows-1252 text appended by another (line 2 not UTF-8)."""
    return _write(tmp_path / "comments.csv", BOM8 + (HEADER + ROWS).encode("cp1252"))


# --------------------------------------------------------------------------------------------
# F1: the Python readers
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", [None, "utf-8", "UTF8", "utf_8", "utf-8-sig"])
def test_a_utf8_bom_is_dropped_with_utf8_given_or_detected(excel_utf8, encoding):
    frame = read_table(excel_utf8, encoding=encoding)
    assert list(frame.columns) == ["comment_id", "respondent_id", "question_id", "text"]
    assert frame.attrs["encoding"] == "utf-8-sig"
    assert frame["text"].iloc[0].endswith("the café is nice")
    comments = read_comments(excel_utf8, encoding=encoding)
    assert list(comments["comment_id"]) == ["c1", "c2"]


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "iso-8859-1", "windows-1252"])
def test_a_utf8_bom_with_an_8_bit_encoding_says_the_file_is_utf8(excel_utf8, encoding):
    with pytest.raises(cv.InputError) as caught:
        read_table(excel_utf8, encoding=encoding)
    message = str(caught.value)
    assert "comments.csv starts with a UTF-8 byte-order mark, so it is UTF-8" in message
    assert repr(encoding) in message and "the 'encoding' argument" in message
    assert "give utf-8" in message and SECRET_WORDS not in message


@pytest.mark.parametrize("encoding", [None, "utf-8", "cp1252", "latin-1"])
def test_a_utf8_bom_before_lines_not_utf8_is_refused_as_mixed(bom_then_cp1252, encoding):
    with pytest.raises(cv.InputError, match=r"mixes encodings: it starts with a UTF-8 "
                                            r"byte-order mark .* but line 2 is not UTF-8") as e:
        read_table(bom_then_cp1252, encoding=encoding)
    assert SECRET_WORDS not in str(e.value) and "ï»¿" not in str(e.value)


def test_a_bom_before_utf8_and_cp1252_lines_names_both(tmp_path):
    data = BOM8 + HEADER.encode() + "c1,r1,q1,café\n".encode() + "c2,r2,q1,don’t\n".encode("cp1252")
    path = _write(tmp_path / "comments.csv", data)
    for encoding in (None, "utf-8", "cp1252"):
        with pytest.raises(cv.InputError, match="line 2 is UTF-8 but line 3 is not"):
            read_table(path, encoding=encoding)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_bom_is_read_with_utf16_given(tmp_path, codec):
    text = HEADER + ROWS
    data = text.encode("utf-16") if codec == "utf-16" else (
        ("\ufeff" + text).encode(codec))  # Excel's "Unicode text" and its big-endian twin
    path = _write(tmp_path / "comments.csv", data)
    for given in (None, "utf-16", codec):
        frame = read_table(path, encoding=given)
        assert list(frame.columns) == ["comment_id", "respondent_id", "question_id", "text"], given
        assert frame.attrs["encoding"] == "utf-16"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-8"])
def test_a_utf16_bom_with_another_encoding_says_the_file_is_utf16(tmp_path, encoding):
    path = _write(tmp_path / "comments.csv", (HEADER + ROWS).encode("utf-16"))
    with pytest.raises(cv.InputError, match=r"starts with a UTF-16 byte-order mark, so it is "
                                            r"UTF-16, not '" + encoding) as caught:
        read_table(path, encoding=encoding)
    assert "give utf-16" in str(caught.value)


#: A UTF-32 file as each byte order writes it: its mark, then four bytes a character. The
#: little-endian mark begins with UTF-16's (FF FE), which took it for UTF-16 (every character
#: followed by NULs); the big-endian one was no mark at all, and the file was read as UTF-8.
UTF32 = {"utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}


@pytest.mark.parametrize("codec", sorted(UTF32))
def test_a_utf32_bom_is_read_as_utf32_detected_or_given(tmp_path, codec):
    path = _write(tmp_path / "comments.csv", UTF32[codec] + (HEADER + ROWS).encode(codec))
    for given in (None, "utf-32", "UTF-32", codec):
        frame = read_table(path, encoding=given)
        assert list(frame.columns) == ["comment_id", "respondent_id", "question_id", "text"], given
        assert frame.attrs["encoding"] == "utf-32"
        assert frame["text"].iloc[0].endswith("the café is nice")
        assert list(read_comments(path, encoding=given)["comment_id"]) == ["c1", "c2"]


@pytest.mark.parametrize("codec", sorted(UTF32))
@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-8", "utf-16", "utf-16-le"])
def test_a_utf32_bom_with_another_encoding_says_the_file_is_utf32(tmp_path, codec, encoding):
    path = _write(tmp_path / "comments.csv", UTF32[codec] + (HEADER + ROWS).encode(codec))
    with pytest.raises(cv.InputError, match=r"starts with a UTF-32 byte-order mark, so it is "
                                            r"UTF-32, not '" + encoding) as caught:
        read_table(path, encoding=encoding)
    assert "give utf-32" in str(caught.value) and SECRET_WORDS not in str(caught.value)


def test_a_utf16_bom_with_utf32_given_says_the_file_is_utf16(tmp_path):
    path = _write(tmp_path / "comments.csv", (HEADER + ROWS).encode("utf-16"))
    with pytest.raises(cv.InputError, match=r"UTF-16 byte-order mark, so it is UTF-16, not "
                                            r"'utf-32'"):
        read_table(path, encoding="utf-32")


def test_decode_bytes_without_a_mark_keeps_the_encoding_given():
    assert decode_bytes("café".encode("cp1252"), "cp1252") == ("café", "cp1252")
    assert decode_bytes("café".encode(), "utf-8") == ("café", "utf-8")
    with pytest.raises(cv.InputError, match="encoding 'nope' is unknown"):
        decode_bytes(BOM8 + b"id", "nope")


# --------------------------------------------------------------------------------------------
# F1: the command line
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", [[], ["--encoding", "utf-8"], ["--encoding", "UTF-8"]])
def test_validate_reads_excel_csv_utf8_with_or_without_encoding(tmp_path, excel_utf8, encoding):
    respondents = _write(tmp_path / "respondents.csv", BOM8 + RESPONDENTS.encode())
    result = runner.invoke(app, ["validate", str(excel_utf8), str(respondents), *encoding])
    assert result.exit_code == 0, result.output
    assert "2 comments (2 answered" in result.output and "utf-8-sig" in result.output


@pytest.mark.parametrize("command", ["validate", "safeguarding"])
@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_commands_name_the_encoding_option_for_a_utf8_bom(tmp_path, excel_utf8, command,
                                                          encoding):
    extra = ["--output", str(tmp_path / "flags.csv")] if command == "safeguarding" else []
    result = runner.invoke(app, [command, str(excel_utf8), "--encoding", encoding, *extra])
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert "starts with a UTF-8 byte-order mark, so it is UTF-8" in said
    assert f"not '{encoding}' as the --encoding option says" in said
    assert SECRET_WORDS not in said and "missing_column" not in said


@pytest.mark.parametrize("command", ["validate", "safeguarding"])
@pytest.mark.parametrize("encoding", [[], ["--encoding", "utf-8"], ["--encoding", "cp1252"]])
def test_commands_refuse_a_bom_before_cp1252_lines_as_mixed(tmp_path, bom_then_cp1252, command,
                                                            encoding):
    extra = ["--output", str(tmp_path / "flags.csv")] if command == "safeguarding" else []
    result = runner.invoke(app, [command, str(bom_then_cp1252), *encoding, *extra])
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert "mixes encodings" in said and "line 2 is not UTF-8" in said
    assert SECRET_WORDS not in said and "ï»¿" not in said


def test_safeguarding_reads_excel_csv_utf8_with_encoding_utf8(tmp_path, excel_utf8):
    flags = tmp_path / "flags.csv"
    result = runner.invoke(app, ["safeguarding", str(excel_utf8), "--encoding", "utf-8",
                                 "--output", str(flags)])
    assert result.exit_code == 0, result.output
    assert flags.read_text("utf-8").startswith("comment_id,")


# --------------------------------------------------------------------------------------------
# F8: outputs that cannot be written
# --------------------------------------------------------------------------------------------
@NO_PROC
@pytest.mark.parametrize("kind", ["table", "file", "folder"])
def test_check_output_path_refuses_a_folder_that_cannot_be_made(kind):
    with pytest.raises(cv.InputError, match=r"The --output option cannot be written: "
                                            r"/proc/carevoice-nope does not exist and cannot "
                                            r"be made in /proc"):
        check_output_path("/proc/carevoice-nope/out.csv" if kind != "folder"
                          else "/proc/carevoice-nope", argument="--output", kind=kind)
    with pytest.raises(cv.InputError, match="no file can be made in /proc"):
        check_output_path("/proc/out.csv", argument="--output")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root may write to a folder without write permission")
def test_check_output_path_refuses_a_folder_without_write_permission(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        with pytest.raises(cv.InputError, match="no file can be made in"):
            check_output_path(locked / "codes.csv", argument="--output")
        with pytest.raises(cv.InputError, match="does not exist and cannot be made in"):
            check_output_path(locked / "new" / "codes.csv", argument="--output")
    finally:
        locked.chmod(0o700)


def test_check_output_path_leaves_nothing_behind(tmp_path):
    assert check_output_path(tmp_path / "new" / "deeper" / "codes.csv") == (
        tmp_path / "new" / "deeper" / "codes.csv")
    assert check_output_path(tmp_path / "report", kind="folder") == tmp_path / "report"
    assert list(tmp_path.iterdir()) == []  # no probe file left, no folder made


BAD = "/proc/carevoice-nope"


def _cases(tmp: Path) -> list[tuple[list[str], str]]:
    """Each command with an output that cannot be written and inputs that do not exist: the
    output's error must come first, before any input is read."""
    missing = str(tmp / "missing.csv")
    ok = str(tmp / "ok.csv")
    return [
        (["code", missing, "--output", f"{BAD}/codes.csv"], "--output"),
        (["discover", missing, "--output", f"{BAD}/topics.csv"], "--output"),
        (["discover", missing, "--output", ok, "--topics-info", f"{BAD}/info.csv"],
         "--topics-info"),
        (["agreement", missing, missing, "--output", f"{BAD}/agreement.csv"], "--output"),
        (["link", missing, missing, missing, "--output", f"{BAD}/links.csv"], "--output"),
        (["link", missing, missing, missing, "--output", ok, "--prevalence",
          f"{BAD}/prevalence.csv"], "--prevalence"),
        (["compare-waves", "w1", missing, missing, missing, "w2", missing, missing, missing,
          "--output", f"{BAD}/changes.csv"], "--output"),
        (["report", missing, missing, missing, "--output", f"{BAD}/report"], "--output"),
        (["export-qdpx", missing, missing, "--output", f"{BAD}/project.qdpx"], "--output"),
        (["import-qdpx", str(tmp / "missing.qdpx"), "--output", ok, "--codebook",
          f"{BAD}/codebook.yaml"], "--codebook"),
        (["convert", missing, "--id-column", "id", "--text-column", "text", "--output",
          f"{BAD}/long"], "--output"),
        (["safeguarding", missing, "--output", f"{BAD}/flags.csv"], "--output"),
        (["pseudonymise", missing, "--output", f"{BAD}/out.csv"], "--output"),
        (["pseudonymise", missing, "--output", ok, "--spans", f"{BAD}/spans.jsonl"], "--spans"),
        (["pseudonymise", missing, "--output", ok, "--review-file", f"{BAD}/review.csv"],
         "--review-file"),
        (["pseudonymise", missing, "--output", ok, "--key-file", f"{BAD}/key.bin",
          "--secret-file", missing], "--key-file"),
        (["reidentify", missing, "--output", f"{BAD}/restored.csv", "--key-file", missing,
          "--secret-file", missing], "--output"),
        (["demo", "--output", f"{BAD}/demo"], "--output"),
    ]


@NO_PROC
@pytest.mark.parametrize("case", range(18))
def test_every_output_is_checked_before_the_inputs_are_read(tmp_path, case):
    cases = _cases(tmp_path)
    assert len(cases) == 18
    args, option = cases[case]
    result = runner.invoke(app, args)
    said = " ".join(result.output.split())
    assert result.exit_code == 2, (args, result.output, result.exception)
    assert "cannot be written" in said and BAD in said, (args, said)
    assert option in said and "missing" not in said.replace(BAD, ""), (args, said)
    assert list(tmp_path.iterdir()) == []  # nothing written, no probe left


@NO_PROC
def test_a_batch_run_checks_its_output_folder_first(tmp_path):
    _write(tmp_path / "comments.csv", (HEADER + ROWS).encode())
    config = tmp_path / "PIPELINE.toml"
    config.write_text(f'[run]\noutput = "{BAD}/run"\nprogress = false\n'
                      '[input]\ncomments = "comments.csv"\n', "utf-8")
    result = runner.invoke(app, ["run", str(config), "--no-progress"])
    said = " ".join(result.output.split())
    assert result.exit_code == 2, (result.output, result.exception)
    assert f"The [run] output setting cannot be written: {BAD}/run does not exist" in said


# --------------------------------------------------------------------------------------------
# F9: the page names every command that takes --encoding and --sep
# --------------------------------------------------------------------------------------------
def test_cli_page_names_every_command_that_takes_encoding_and_sep():
    import re

    import typer.main

    group = typer.main.get_command(app)
    ctx = group.make_context("carevoice", [], resilient_parsing=True)
    taking = {name: {opt for param in group.get_command(ctx, name).params for opt in param.opts}
              for name in group.list_commands(ctx)}
    with_both = {name for name, opts in taking.items() if {"--encoding", "--sep"} <= opts}
    assert {name for name, opts in taking.items() if "--encoding" in opts} == with_both
    page = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text("utf-8")
    listed = re.search(r"Every command that reads a table file \(([^)]*)\)\s+takes two "
                       r"options for its CSV inputs", page)
    assert listed is not None
    assert set(re.findall(r"`([a-z-]+)`", listed[1])) == with_both
