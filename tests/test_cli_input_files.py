"""Bad input files on the command line: outputs that are inputs, collisions, broken rows.

Fictional data only.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from carevoice.cli import app

COMMENTS = ("comment_id,respondent_id,question_id,text\n"
            "c1,r1,q1,I never see my mum\nc2,r2,q1,My social worker keeps changing\n")
CODES_A = ("comment_id,theme,score,assigned\n"
           "c1,family_contact,0.9,true\nc2,staff_turnover,0.8,true\n")
CODES_B = ("comment_id,theme,score,assigned\n"
           "c1,family_contact,0.9,true\nc2,staff_turnover,0.8,false\n")


def _run(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def files(tmp_path):
    (tmp_path / "comments.csv").write_text(COMMENTS, encoding="utf-8")
    (tmp_path / "a.csv").write_text(CODES_A, encoding="utf-8")
    (tmp_path / "b.csv").write_text(CODES_B, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("args", "victim", "named"), [
    (["code", "{d}/comments.csv", "-o", "{d}/comments.csv", "--no-progress"],
     "comments.csv", "COMMENTS"),
    (["code", "{d}/comments.csv", "-o", "{d}/a.csv", "--examples", "{d}/a.csv"],
     "a.csv", "--examples"),
    (["discover", "{d}/comments.csv", "-o", "{d}/comments.csv", "--embedder", "hashing"],
     "comments.csv", "COMMENTS"),
    (["discover", "{d}/comments.csv", "-o", "{d}/t.csv", "--topics-info", "{d}/a.csv",
      "--codes", "{d}/a.csv", "--embedder", "hashing"], "a.csv", "--codes"),
    (["agreement", "{d}/a.csv", "{d}/b.csv", "-o", "{d}/a.csv"], "a.csv", "CODES_A"),
    (["agreement", "{d}/a.csv", "{d}/b.csv", "-o", "{d}/comments.csv", "--comments",
      "{d}/comments.csv"], "comments.csv", "--comments"),
])
def test_commands_never_write_over_their_input(files, args, victim, named):
    before = (files / victim).read_bytes()
    result = _run(*(a.format(d=files) for a in args))
    assert result.exit_code == 2, result.output
    assert f"is the {named} file; carevoice never writes over its input" in result.output
    assert (files / victim).read_bytes() == before

