"""REFI-QDA export and import, as the audit of the exchange found them wanting: identifiers
in number and date columns, a text that starts with U+FEFF, paths that climb out of the
project, zero-length selections, lone surrogates, DOCTYPEs and size limits. All data fictional.
"""

from __future__ import annotations

import zipfile

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from carevoice.errors import InputError
from carevoice.qda import export_qdpx, free_text_answers, read_qdpx

from ._apps import qda_app

runner = CliRunner()

#: fictional: NHS numbers with a valid check digit, numbers in the mobile range
IDENTIFIERS = ("respondent_id,age,date_of_birth,nhs_number,mobile\n"
               "r1,15,2009-03-04,9434765919,07911123456\n"
               "r2,17,2007-01-02,9434765870,07911123457\n"
               "r3,16,2008-05-06,9434765828,07911123458\n")
SECRETS = ("2009-03-04", "9434765919", "7911123456", "2007-01-02", "9434765870")


def _everything(path) -> str:
    with zipfile.ZipFile(path) as z:
        return b"".join(z.read(n) for n in z.namelist()).decode("utf-8")


@pytest.fixture
def app() -> typer.Typer:
    return qda_app()


@pytest.fixture
def survey(tmp_path):
    comments = tmp_path / "comments.csv"
    comments.write_text("comment_id,respondent_id,text\nc1,r1,care is ok\n"
                        "c2,r2,i never see my brother\n", "utf-8")
    codes = tmp_path / "codes.csv"
    codes.write_text("comment_id,theme,assigned\nc2,family_contact,true\n", "utf-8")
    respondents = tmp_path / "respondents.csv"
    respondents.write_text(IDENTIFIERS, "utf-8")
    return comments, codes, respondents


def test_identifier_columns_are_judged_as_read_and_left_out(tmp_path, survey):
    """A date of birth, an NHS number and a phone number (read as a number, its leading zero
    dropped) are free text to `link` (free_text_columns); the export judged them after typing
    them as Date and Integer variables and wrote them verbatim."""
    from carevoice import read_respondents

    answers = read_respondents(survey[2])
    assert free_text_answers(answers) == ["date_of_birth", "nhs_number", "mobile"]
    comments = pd.DataFrame({"comment_id": ["c1"], "respondent_id": ["r1"],
                             "text": ["care is ok"]})
    path = export_qdpx(comments, pd.DataFrame({"comment_id": [], "theme": []}), answers,
                       tmp_path / "p.qdpx", pseudonymise=False)
    everything = _everything(path)
    assert not [s for s in SECRETS if s in everything]
    back = read_qdpx(path)
    assert list(back.respondents.columns) == ["respondent_id", "age"]
    assert ("Survey columns left out (identifiers as numbers or dates): date_of_birth, "
            "nhs_number, mobile." in everything)


def test_export_command_leaves_identifier_columns_out_even_if_declared_pseudonymised(
        app, survey, tmp_path):
    comments, codes, respondents = survey
    out = tmp_path / "p.qdpx"
    result = runner.invoke(app, ["export-qdpx", str(comments), str(codes), str(respondents),
                                 "-o", str(out), "--already-pseudonymised"])
    assert result.exit_code == 0, result.output
    assert "left out of the project: date_of_birth, nhs_number, mobile" in result.output
    assert not [s for s in SECRETS if s in result.output + _everything(out)]
    manifest = (tmp_path / "p.manifest.json").read_text("utf-8")
    assert '"left_out": [' in manifest and "9434765919" not in manifest


@pytest.mark.model
def test_export_command_leaves_identifier_columns_out_when_pseudonymising(app, survey,
                                                                          tmp_path):
    comments, codes, respondents = survey
    out = tmp_path / "p.qdpx"
    result = runner.invoke(app, ["export-qdpx", str(comments), str(codes), str(respondents),
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "left out of the project: date_of_birth, nhs_number, mobile" in result.output
    assert not [s for s in SECRETS if s in _everything(out)]


@pytest.mark.parametrize("moved", [
    pd.Categorical(["2024-05-01", "2024-06-30"]),  # as read_respondents reads a CSV
    pd.to_datetime(["2024-05-01", "2024-06-30"]),  # typed in Python
])
def test_a_date_column_named_as_free_text_is_written_as_its_text(tmp_path, moved):
    """Named free text, a date column was typed first and written as "2024-05-01 00:00:00"
    (pseudonymised: "[DATE_1] 00:00:00")."""
    answers = pd.DataFrame({"respondent_id": ["r1", "r2"], "moved_in": moved})
    comments = pd.DataFrame({"comment_id": ["c1"], "respondent_id": ["r1"], "text": ["ok"]})
    path = export_qdpx(comments, pd.DataFrame({"comment_id": [], "theme": []}), answers,
                       tmp_path / "p.qdpx", pseudonymise=False, free_text=["moved_in"])
    everything = _everything(path)
    assert "<TextValue>2024-05-01</TextValue>" in everything
    assert "00:00:00" not in everything


@pytest.mark.parametrize("inline_text", [False, True])
@pytest.mark.parametrize("text", ["\ufeffstarts with a BOM", "\ufeff\ufeff two", "\ufeff"])
def test_a_text_that_starts_with_a_byte_order_mark_round_trips(tmp_path, text, inline_text):
    """Written as UTF-8 without a BOM, read with utf-8-sig: the leading U+FEFF was stripped,
    the text check failed and the selection ended past the text (even with check_text=False).
    """
    codes = pd.DataFrame({"comment_id": ["c1"], "theme": ["money"]})
    path = export_qdpx(pd.DataFrame({"comment_id": ["c1"], "text": [text]}), codes, None,
                       tmp_path / "b.qdpx", pseudonymise=False, inline_text=inline_text)
    back = read_qdpx(path)
    assert back.comments["text"].tolist() == [text]
    assert back.codes[["start", "end"]].values.tolist() == [[0, len(text)]]
    if not inline_text:  # a tool that strips one BOM reads the text exactly
        with zipfile.ZipFile(path) as z:
            (name,) = [n for n in z.namelist() if n.startswith("sources/")]
            assert z.read(name).decode("utf-8-sig") == text


def test_other_source_files_are_utf8_without_a_byte_order_mark(tmp_path):
    path = export_qdpx(pd.DataFrame({"comment_id": ["c1"], "text": ["care is ok"]}),
                       pd.DataFrame({"comment_id": [], "theme": []}), None,
                       tmp_path / "p.qdpx", pseudonymise=False)
    with zipfile.ZipFile(path) as z:
        (name,) = [n for n in z.namelist() if n.startswith("sources/")]
        assert z.read(name) == b"care is ok"


CODE = "22222222-2222-2222-2222-222222222222"
SOURCE = "33333333-3333-3333-3333-333333333333"


def _project(tmp_path, source: str, selection: tuple[int, int] = (0, 3), name="p.qdpx",
             **files: bytes):
    """A hand-written project of one source and one coding on a selection."""
    start, end = selection
    qde = (f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" '
           f'name="h"><CodeBook><Codes><Code guid="{CODE}" name="money" isCodable="true"/>'
           f'</Codes></CodeBook><Sources><TextSource guid="{SOURCE}" name="c1" {source}>'
           f'<PlainTextSelection guid="55555555-5555-5555-5555-555555555555" '
           f'startPosition="{start}" endPosition="{end}"><Coding '
           f'guid="66666666-6666-6666-6666-666666666666"><CodeRef targetGUID="{CODE}"/>'
           '</Coding></PlainTextSelection></TextSource></Sources></Project>')
    folder = tmp_path / "project"
    folder.mkdir(exist_ok=True)
    path = folder / name
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", qde)
        for member, data in files.items():
            z.writestr(member.replace("__", "/"), data)
    return path


@pytest.mark.parametrize("target", ["relative://../secret.txt", "internal://../secret.txt",
                                    "relative://sub/../../secret.txt",
                                    "relative://..%2Fsecret.txt"])
def test_source_paths_that_climb_out_of_the_project_are_refused(tmp_path, target):
    """relative:// and internal:// paths with ../ read any file the user can read into the
    comments' text (for example /etc/hostname)."""
    from carevoice.qda import RefiQdaError

    (tmp_path / "secret.txt").write_text("not for the project", "utf-8")
    path = _project(tmp_path, f'plainTextPath="{target}"')
    with pytest.raises(RefiQdaError, match="source_path_outside") as caught:
        read_qdpx(path)
    assert SOURCE in str(caught.value) and "not for the project" not in str(caught.value)


def test_relative_source_paths_inside_the_project_are_read(tmp_path):
    path = _project(tmp_path, 'plainTextPath="relative://texts/../texts/c1.txt"')
    (path.parent / "texts").mkdir()
    (path.parent / "texts" / "c1.txt").write_text("bus money is short", "utf-8")
    assert read_qdpx(path).comments["text"].tolist() == ["bus money is short"]


def test_an_empty_selection_is_refused_as_export_refuses_one(tmp_path):
    """startPosition == endPosition was read as coding the theme (reviewed_codes counted it),
    although export_qdpx refuses a span with start >= end."""
    from carevoice.qda import RefiQdaError

    path = _project(tmp_path, "", selection=(4, 4))
    qde = zipfile.ZipFile(path).read("project.qde").decode("utf-8")
    with zipfile.ZipFile(path, "w") as z:  # the text inline
        z.writestr("project.qde", qde.replace(
            'name="c1" >', 'name="c1" ><PlainTextContent>fictional text</PlainTextContent>'))
    with pytest.raises(RefiQdaError, match="empty_selection") as caught:
        read_qdpx(path)
    assert "55555555-5555-5555-5555-555555555555" in str(caught.value)
    assert "fictional" not in str(caught.value)
    with pytest.raises(InputError, match="bad_span"):  # the export's own rule
        export_qdpx(pd.DataFrame({"comment_id": ["c1"], "text": ["fictional text"]}),
                    pd.DataFrame({"comment_id": ["c1"], "theme": ["money"], "start": [4],
                                  "end": [4]}), None, tmp_path / "e.qdpx", pseudonymise=False)


def test_a_lone_surrogate_is_refused_naming_the_argument_and_comment(tmp_path):
    """It failed with a raw UnicodeEncodeError (pandas' string dtype and the UTF-8 source
    file cannot hold one). Such a column can only be an object column."""
    comments = pd.DataFrame({"comment_id": ["c1", "c2"], "text": pd.Series(
        ["fine", "bad \ud800 fictional"], dtype=object)})
    codes = pd.DataFrame({"comment_id": ["c2"], "theme": ["money"]})
    for inline_text in (False, True):
        with pytest.raises(InputError, match="'comments' argument.*c2") as caught:
            export_qdpx(comments, codes, None, tmp_path / "s.qdpx", pseudonymise=False,
                        inline_text=inline_text)
        assert "fictional" not in str(caught.value) and "c1" not in str(caught.value)
    assert not (tmp_path / "s.qdpx").exists()


def _qde(text: str = "abc", prolog: str = "") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?>{prolog}<Project '
            f'xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="{SOURCE}" '
            f'name="c1"><PlainTextContent>{text}</PlainTextContent></TextSource></Sources>'
            '</Project>')


LAUGHS = ('<!ENTITY a0 "fictional">'
          + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 6)))


@pytest.mark.parametrize("data", [
    # a 70 KB comment put the declaration past the bytes the guard looked at
    _qde("&a5;", "<!--" + "x" * 70_000 + f"--><!DOCTYPE Project [{LAUGHS}]>").encode("utf-8"),
    # so did UTF-16 (the guard looked for the bytes of "<!DOCTYPE" in UTF-8)
    _qde("&a5;", f"<!DOCTYPE Project [{LAUGHS}]>").replace(
        'encoding="utf-8"', 'encoding="UTF-16"').encode("utf-16"),
    _qde("&s;", '<!DOCTYPE Project [<!ENTITY s "fictional expanded">]>').replace(
        'encoding="utf-8"', 'encoding="UTF-16"').encode("utf-16"),
], ids=["padded", "utf16_laughs", "utf16_entity"])
def test_any_document_type_declaration_is_refused(tmp_path, data):
    """An internal entity expanding to 3 MB was read, although the error promises DOCTYPEs
    are not allowed."""
    from carevoice.qda import RefiQdaError

    path = tmp_path / "d.qdpx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", data)
    with pytest.raises(RefiQdaError, match="document type declarations"):
        read_qdpx(path)


def test_markup_inside_text_is_not_taken_for_a_declaration(tmp_path):
    """The guard scanned raw bytes, so a CDATA section quoting "<!ENTITY" was refused."""
    path = tmp_path / "c.qdpx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", _qde("<![CDATA[a <!ENTITY x> in a comment]]>"))
    assert read_qdpx(path).comments["text"].tolist() == ["a <!ENTITY x> in a comment"]


@pytest.mark.parametrize("member, limit", [("project.qde", "carevoice.qda._xml.MAX_PROJECT_BYTES"),
                                           (f"sources/{SOURCE}.txt",
                                            "carevoice.qda.read.MAX_SOURCE_BYTES"),
                                           (f"sources/{SOURCE}.txt",
                                            "carevoice.qda.read.MAX_SOURCES_BYTES")])
def test_a_member_larger_than_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch,
                                                                     member, limit):
    """Nothing limited what was read: a 142 KB .qdpx held a 150 MB project.qde. The limits
    (MAX_PROJECT_BYTES, 256 MB; MAX_SOURCE_BYTES, 64 MB; MAX_SOURCES_BYTES, 1 GB) are set
    low here, as a test cannot write gigabytes; the padding is what a zip bomb holds."""
    from carevoice.qda import RefiQdaError

    path = _project(tmp_path, f'plainTextPath="internal://{SOURCE}.txt"',
                    **{f"sources__{SOURCE}.txt": b"abc" + b" " * 200_000})
    if member == "project.qde":
        with zipfile.ZipFile(path) as z:
            qde = z.read("project.qde")
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr("project.qde", qde.replace(b"</Project>", b" " * 200_000 + b"</Project>"))
            z.writestr(f"sources/{SOURCE}.txt", b"abc")
    assert path.stat().st_size < 200_000
    read_qdpx(path)  # under the packaged limits
    monkeypatch.setattr(limit, 100_000)
    with pytest.raises(RefiQdaError, match="uncompressed"):
        read_qdpx(path)


def test_a_member_that_expands_like_a_zip_bomb_is_refused(tmp_path):
    """t10 of the audit, smaller: padding that expands a thousand times (17 MB from a few KB);
    a project compresses about 3 times."""
    from carevoice.qda import RefiQdaError, validate_refi

    path = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", _qde().replace("</Project>", " " * 17 * 2**20 + "</Project>"))
    assert path.stat().st_size < 100_000
    for read in (read_qdpx, validate_refi):
        with pytest.raises(RefiQdaError, match="more than 100 times"):
            read(path)
