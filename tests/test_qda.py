"""REFI-QDA exchange: schema-valid exports, review round trips, .qdc codebooks, tolerant reading."""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pandas as pd
import pytest
import xmlschema

from carevoice.errors import InputError
from carevoice.qda import (
    RefiQdaError,
    compare_codes,
    export_qdpx,
    read_qdc,
    read_qdpx,
    reviewed_codes,
    schema_path,
    validate_refi,
    write_qdc,
)
from carevoice.themes import Codebook, Theme, load_codebook

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "refi-qda"
NS = "urn:QDA-XML:project:1.0"
Q = f"{{{NS}}}"
MODEL = "model v1"


# -- fixtures --------------------------------------------------------------------------------
@pytest.fixture
def comments() -> pd.DataFrame:
    return pd.DataFrame({
        "comment_id": ["c1", "c2", "c3", "c4", "c5"],
        "respondent_id": ["r1", "r1", "r2", "r3", "r3"],
        "question_id": ["better", "care_is", "better", "better", "anything"],
        "text": ["i never see my brother. my social worker keeps changing", "care is ok",
                 None, "nobody told me about an advocate & my pocket money is late",
                 "n/a \u2013 caf\u00e9 \U0001f600"],
    })


@pytest.fixture
def codes() -> pd.DataFrame:
    return pd.DataFrame({
        "comment_id": ["c1", "c1", "c1", "c4", "c4", "c5"],
        "theme": ["family_contact", "staff_turnover", "money", "advocacy", "money", "wellbeing"],
        "score": [0.91, 0.77, 0.12, 0.66, 0.58, 0.31],
        "assigned": [True, True, False, True, True, False],
    })


@pytest.fixture
def respondents() -> pd.DataFrame:
    return pd.DataFrame({
        "respondent_id": pd.Series(["r1", "r2", "r3", "r4"], dtype="string"),
        "age_group": pd.Categorical(["8-10", "16-17", None, "11-13"],
                                    categories=["8-10", "11-13", "16-17"], ordered=True),
        "placement_type": pd.Categorical(["foster", "residential", "foster", "kinship"]),
        "n_placements": pd.array([1, 4, None, 2], dtype="Int64"),
        "wellbeing_score": pd.array([0.5, 12.25, 7.0, None], dtype="Float64"),
        "knows_advocate": pd.array([True, False, None, True], dtype="boolean"),
        "note": pd.Series(["a & b < c", None, "x", "y"], dtype="string"),
        "surveyed": pd.to_datetime(["2024-05-01", "2024-05-02", None, "2024-06-30"]),
    })


def export(tmp_path, comments, codes, respondents=None, name="p.qdpx", **kw) -> Path:
    kw.setdefault("pseudonymise", False)
    kw.setdefault("user", MODEL)
    return export_qdpx(comments, codes, respondents, tmp_path / name, **kw)


def qde_root(path: Path) -> ET.Element:
    with zipfile.ZipFile(path) as z:
        return ET.fromstring(z.read("project.qde"))


def rewrite(path: Path, out: Path, edit, *, rename=None, drop=()) -> Path:
    """Edit project.qde of a .qdpx as a QDA tool would, and save it under ``out``."""
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    root = ET.fromstring(members.pop("project.qde"))
    edit(root)
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("project.qde", ET.tostring(root, encoding="utf-8", xml_declaration=True))
        for name, data in members.items():
            if name in drop:
                continue
            z.writestr(rename(name) if rename else name, data)
    return out


def code_guid(root: ET.Element, name: str) -> str:
    return next(c.get("guid") for c in root.iter(f"{Q}Code") if c.get("name") == name)


def source(root: ET.Element, comment_id: str) -> ET.Element:
    return next(s for s in root.iter(f"{Q}TextSource") if s.get("name") == comment_id)


def assigned_frame(codes: pd.DataFrame, user: str = MODEL) -> pd.DataFrame:
    out = codes[codes["assigned"]][["comment_id", "theme", "score"]].copy()
    out["user"] = user
    out = out.astype({"comment_id": object, "theme": object, "user": object})
    return out.sort_values(["comment_id", "theme"]).reset_index(drop=True)


def coding_frame(project) -> pd.DataFrame:
    out = project.codes[["comment_id", "theme", "score", "user"]].astype(
        {"comment_id": object, "theme": object, "user": object})
    return out.sort_values(["comment_id", "theme", "user"]).reset_index(drop=True)


# -- schemas ---------------------------------------------------------------------------------
def _schema(name: str) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SHARED / name if (SHARED / name).is_file() and
                                   name.startswith("Project") else schema_path(
        "project" if name.startswith("Project") else "codebook")))


def test_export_validates_against_the_project_schema(tmp_path, comments, codes, respondents):
    path = export(tmp_path, comments, codes, respondents)
    with zipfile.ZipFile(path) as z:
        data = z.read("project.qde")
    schema = _schema("Project-mrt2019.xsd")
    errors = [str(e.reason) for e in schema.iter_errors(data.decode("utf-8"))]
    assert errors == []
    assert validate_refi(path) == []
    inline = export(tmp_path, comments, codes, respondents, name="inline.qdpx", inline_text=True)
    assert validate_refi(inline) == []
    with zipfile.ZipFile(inline) as z:
        assert z.namelist() == ["project.qde"]


def test_demo_sized_export_validates(tmp_path):
    from carevoice import load_demo
    from carevoice.demo import load_demo_codes

    corpus = load_demo()
    codes = load_demo_codes().assign(score=0.9, assigned=True)
    path = export(tmp_path, corpus.comments, codes, corpus.respondents, validate=True)
    assert validate_refi(path) == []
    back = read_qdpx(path)
    assert len(back.comments) == corpus.comments["text"].notna().sum()
    assert len(back.codes) == len(codes.drop_duplicates(["comment_id", "theme"]))
    pd.testing.assert_frame_equal(back.respondents, corpus.respondents.reset_index(drop=True))


def test_qdc_validates_against_the_codebook_schema(tmp_path):
    path = write_qdc(load_codebook(), tmp_path / "codebook.qdc", validate=True)
    schema = _schema("Codebook.xsd")
    assert [str(e.reason) for e in schema.iter_errors(path.read_text("utf-8"))] == []
    assert ET.parse(path).getroot().tag == "{urn:QDA-XML:codebook:1.0}CodeBook"


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared REFI-QDA schemas are not beside")
def test_packaged_schemas_are_the_published_ones():
    assert schema_path("project").read_bytes() == (SHARED / "Project-mrt2019.xsd").read_bytes()

    def declarations(text: str) -> str:  # the repair only restored hyphens and spaces
        text = re.sub(r"<!(--|\u2010\u2010).*?(--|\u2010\u2010)>", "", text, flags=re.DOTALL)
        return re.sub(r"\s+", "", text.replace("\u2010", "-"))

    shared = declarations((SHARED / "Codebook.xsd").read_text("utf-8"))
    assert declarations(schema_path("codebook").read_text("utf-8")) == shared


# -- what the export holds -------------------------------------------------------------------
def test_export_is_deterministic(tmp_path, comments, codes, respondents):
    a = export(tmp_path, comments, codes, respondents, name="a.qdpx")
    b = export(tmp_path, comments, codes, respondents, name="b.qdpx")
    assert a.read_bytes() == b.read_bytes()
    c = export(tmp_path, comments, codes.iloc[:2], respondents, name="c.qdpx")
    assert c.read_bytes() != a.read_bytes()


def _guids(root: ET.Element, tag: str) -> dict[str, str]:
    return {el.get("name"): el.get("guid") for el in root.iter(f"{Q}{tag}")}


def test_two_waves_that_reuse_comment_ids_keep_their_comments_apart(tmp_path, comments, codes,
                                                                   respondents):
    # A QDA tool merging two waves' projects matches objects by GUID: a GUID made of the
    # comment_id alone gave wave 2's "c1" (another young person's words) wave 1's GUID
    wave1 = qde_root(export(tmp_path, comments, codes, respondents, name="w1.qdpx"))
    later = comments.assign(text=comments["text"].where(comments["comment_id"] != "c1",
                                                        "a different comment in wave two"))
    wave2 = qde_root(export(tmp_path, later, codes, respondents, name="w2.qdpx"))
    one, two = _guids(wave1, "TextSource"), _guids(wave2, "TextSource")
    assert one["c1"] != two["c1"]
    assert all(one[c] == two[c] for c in one if c != "c1")  # the same comment keeps its GUID
    selections = [{s.get("guid") for s in source(root, "c1").iter(f"{Q}PlainTextSelection")}
                  | {c.get("guid") for c in source(root, "c1").iter(f"{Q}Coding")}
                  for root in (wave1, wave2)]
    assert selections[0] and not selections[0] & selections[1]
    refs = {r.get("targetGUID") for r in wave2.iter(f"{Q}SourceRef")}
    assert two["c1"] in refs and one["c1"] not in refs  # the case names wave 2's source
    assert _guids(wave1, "Code") == _guids(wave2, "Code")  # a theme is one code in both


def test_export_contents(tmp_path, comments, codes, respondents):
    path = export(tmp_path, comments, codes, respondents, user=None)
    root = qde_root(path)
    assert root.tag == f"{Q}Project"
    sources = list(root.iter(f"{Q}TextSource"))
    assert [s.get("name") for s in sources] == ["c1", "c2", "c4", "c5"]  # c3: no answer
    with zipfile.ZipFile(path) as z:
        for s in sources:
            member = "sources/" + s.get("plainTextPath").removeprefix("internal://")
            expected = comments.set_index("comment_id").at[s.get("name"), "text"]
            assert z.read(member).decode("utf-8") == expected
    users = [u.get("name") for u in root.iter(f"{Q}User")]
    assert users == ["carevoice export (coder not stated)"]  # who made the codes is not known
    codings = list(root.iter(f"{Q}Coding"))
    assert len(codings) == int(codes["assigned"].sum())
    notes = {n.get("guid"): n.find(f"{Q}PlainTextContent").text for n in root.iter(f"{Q}Note")}
    first = source(root, "c1").find(f"{Q}PlainTextSelection")
    assert (first.get("startPosition"), first.get("endPosition")) == ("0", str(len(
        comments.at[0, "text"])))
    note = notes[first.find(f"{Q}Coding/{Q}NoteRef").get("targetGUID")]
    assert note.startswith("carevoice score: 0.9100 for theme family_contact")
    codes_el = {c.get("name"): c for c in root.iter(f"{Q}Code")}
    assert len(codes_el) == 18 and codes_el["Advocacy"].get("color").startswith("#")
    assert "[carevoice theme: advocacy]" in codes_el["Advocacy"].find(f"{Q}Description").text
    cases = {c.get("name"): c for c in root.iter(f"{Q}Case")}
    assert list(cases) == ["r1", "r2", "r3", "r4"]
    assert len(cases["r1"].findall(f"{Q}SourceRef")) == 2
    assert not cases["r4"].findall(f"{Q}SourceRef")
    types = {v.get("name"): v.get("typeOfVariable") for v in root.iter(f"{Q}Variable")}
    assert types == {"age_group": "Text", "placement_type": "Text", "n_placements": "Integer",
                     "wellbeing_score": "Float", "knows_advocate": "Boolean", "note": "Text",
                     "surveyed": "Date"}
    r2 = {vv.find(f"{Q}VariableRef").get("targetGUID"): vv[1].text
          for vv in cases["r2"].findall(f"{Q}VariableValue")}
    assert sorted(r2.values()) == ["12.25", "16-17", "2024-05-02", "4", "false", "residential"]


def test_texts_that_are_not_pseudonymised_are_refused_by_spans(tmp_path, comments, codes):
    spans = codes.assign(start=0, end=5)
    with pytest.raises(InputError, match="pseudonymise=True"):
        export(tmp_path, comments, spans, pseudonymise=True)


@pytest.mark.parametrize(("change", "message"), [
    (lambda c: c.assign(comment_id=c["comment_id"].replace("c4", "c99")), "c99"),
    (lambda c: c.assign(comment_id=c["comment_id"].replace("c4", "c3")), "c3"),
    (lambda c: c.drop(columns=["theme"]), "'theme'"),
    (lambda c: c.assign(start=[0, 0, 0, 50, 0, 0], end=[5, 5, 5, 40, 5, 5]), "bad_span"),
])
def test_bad_codes_name_the_comment_not_the_text(tmp_path, comments, codes, change, message):
    with pytest.raises(InputError) as info:
        export(tmp_path, comments, change(codes))
    assert message in str(info.value)
    assert "brother" not in str(info.value) and "advocate &" not in str(info.value)


# -- round trips -----------------------------------------------------------------------------
def test_round_trip_without_edits_loses_nothing(tmp_path, comments, codes, respondents):
    back = read_qdpx(export(tmp_path, comments, codes, respondents))
    pd.testing.assert_frame_equal(coding_frame(back), assigned_frame(codes)[
        ["comment_id", "theme", "score", "user"]])
    assert back.codes["assigned"].all()
    answered = comments.dropna(subset=["text"]).reset_index(drop=True).astype("string")
    pd.testing.assert_frame_equal(back.comments, answered)
    pd.testing.assert_frame_equal(back.respondents, respondents)
    assert back.codebook == load_codebook()
    assert back.users["name"].tolist() == [MODEL]


def test_review_edits_round_trip(tmp_path, comments, codes, respondents):
    """A reviewer removes, recodes and adds codings, with a new code and as a second user."""
    path = export(tmp_path, comments, codes, respondents)
    reviewer = str(uuid.uuid4())

    def review(root: ET.Element) -> None:
        ET.SubElement(root.find(f"{Q}Users"), f"{Q}User", {"guid": reviewer, "name": "Amina"})
        book = root.find(f"{Q}CodeBook/{Q}Codes")
        pets = ET.SubElement(book, f"{Q}Code", {"guid": str(uuid.uuid4()), "name": "Pets & animals",
                                               "isCodable": "true", "color": "#00AA00"})
        ET.SubElement(pets, f"{Q}Description").text = "Having or missing a pet."
        c1 = source(root, "c1")
        sel = c1.find(f"{Q}PlainTextSelection")
        # remove the model's staff_turnover coding
        for coding in sel.findall(f"{Q}Coding"):
            staff = code_guid(root, "Changing social workers and staff")
            if coding.find(f"{Q}CodeRef").get("targetGUID") == staff:
                sel.remove(coding)
        # recode c4's money coding as complaints (the tool keeps the model as its creator)
        c4 = source(root, "c4").find(f"{Q}PlainTextSelection")
        for coding in c4.findall(f"{Q}Coding"):
            ref = coding.find(f"{Q}CodeRef")
            if ref.get("targetGUID") == code_guid(root, "Money"):
                ref.set("targetGUID", code_guid(root, "Complaints"))
                for note in coding.findall(f"{Q}NoteRef"):
                    coding.remove(note)
        # Amina codes a sentence of c1 as staff turnover, and c2 as pets
        new = ET.Element(f"{Q}PlainTextSelection", {"guid": str(uuid.uuid4()),
                         "startPosition": "24", "endPosition": "55", "creatingUser": reviewer})
        coding = ET.SubElement(new, f"{Q}Coding", {"guid": str(uuid.uuid4()),
                                                   "creatingUser": reviewer})
        ET.SubElement(coding, f"{Q}CodeRef",
                      {"targetGUID": code_guid(root, "Changing social workers and staff")})
        c1.insert(list(c1).index(sel) + 1, new)
        c2 = source(root, "c2")
        sel2 = ET.SubElement(c2, f"{Q}PlainTextSelection", {"guid": str(uuid.uuid4()),
                             "startPosition": "0", "endPosition": "10"})
        ET.SubElement(ET.SubElement(sel2, f"{Q}Coding", {"guid": str(uuid.uuid4()),
                                                          "creatingUser": reviewer}),
                      f"{Q}CodeRef", {"targetGUID": pets.get("guid")})

    edited = rewrite(path, tmp_path / "edited.qdpx", review)
    assert validate_refi(edited) == []
    back = read_qdpx(edited)
    got = back.codes[["comment_id", "theme", "user", "start", "end"]].astype(object)
    got = got.sort_values(["comment_id", "theme", "user"]).reset_index(drop=True)
    expected = pd.DataFrame([
        ("c1", "family_contact", MODEL, 0, 55), ("c1", "staff_turnover", "Amina", 24, 55),
        ("c2", "pets_animals", "Amina", 0, 10), ("c4", "advocacy", MODEL, 0, 58),
        ("c4", "complaints", MODEL, 0, 58)],
        columns=["comment_id", "theme", "user", "start", "end"], dtype=object)
    pd.testing.assert_frame_equal(got, expected)
    scores = back.codes.set_index(["comment_id", "theme"])["score"]
    assert scores[("c4", "advocacy")] == 0.66 and pd.isna(scores[("c4", "complaints")])
    assert back.codebook["pets_animals"].label == "Pets & animals"
    assert back.codebook["pets_animals"].definition == "Having or missing a pet."
    assert len(back.codebook) == 19
    # what the review changed, at comment level
    change = compare_codes(codes, reviewed_codes(back))
    summary = {(r.comment_id, r.theme): r.change for r in change.itertuples()}
    assert summary == {("c1", "family_contact"): "kept", ("c1", "staff_turnover"): "kept",
                       ("c2", "pets_animals"): "added", ("c4", "advocacy"): "kept",
                       ("c4", "money"): "removed", ("c4", "complaints"): "added"}
    assert reviewed_codes(back, users=["Amina"])["comment_id"].tolist() == ["c1", "c2"]
    with pytest.raises(InputError, match="Nobody"):
        reviewed_codes(back, users=["Nobody"])
    # the reviewed project exports again and reads back the same
    again = export_qdpx(back.comments, back.codes, back.respondents, tmp_path / "again.qdpx",
                        codebook=back.codebook, pseudonymise=False)
    back2 = read_qdpx(again)
    cols = ["comment_id", "theme", "user", "start", "end"]
    pd.testing.assert_frame_equal(
        back2.codes[cols].sort_values(cols).reset_index(drop=True),
        back.codes[cols].sort_values(cols).reset_index(drop=True))
    assert back2.codebook == back.codebook


def test_sentence_level_codes_round_trip(tmp_path, comments, codes):
    text = comments.at[0, "text"]
    cut = text.index(".") + 1
    spans = pd.DataFrame({"comment_id": ["c1", "c1", "c4"],
                          "theme": ["family_contact", "staff_turnover", "advocacy"],
                          "start": [0, cut + 1, 0], "end": [cut, len(text), 10],
                          "score": [0.9, 0.8, 0.7]})
    path = export(tmp_path, comments, spans)
    assert validate_refi(path) == []
    back = read_qdpx(path).codes.sort_values(["comment_id", "theme"]).reset_index(drop=True)
    assert back[["start", "end"]].astype(int).values.tolist() == [[0, cut], [cut + 1, len(text)],
                                                                  [0, 10]]
    assert back["score"].tolist() == [0.9, 0.8, 0.7]


# -- .qdc codebooks --------------------------------------------------------------------------
def test_qdc_round_trip_keeps_the_codebook(tmp_path):
    book = load_codebook()
    nested = Codebook(
        themes=(Theme("family", "Family", "Family life.", include=("siblings",),
                      exclude=("carers; foster family",), examples=("miss my nan",)),
                Theme("siblings", "Brothers and sisters", "Siblings, including half-siblings.",
                      examples=("i want to live with my sister",), parent="family"),
                Theme("pets", "Pets", "Pets.\n\nSecond paragraph of the definition.")),
        version="2.1", name="local", description="A local codebook.",
        no_theme_examples=("n/a", "lol"))
    for cb in (book, nested):
        path = write_qdc(cb, tmp_path / f"{cb.name}.qdc")
        assert read_qdc(path) == cb
        assert validate_refi(path) == []
    frame = read_qdc(tmp_path / "local.qdc", as_frame=True)
    assert frame.columns.tolist()[:3] == ["theme", "label", "definition"]
    assert frame.attrs["version"] == "2.1" and frame["colour"].str.match(r"#[0-9A-F]{6}").all()
    root = ET.parse(tmp_path / "local.qdc").getroot()
    family = root.find("{urn:QDA-XML:codebook:1.0}Codes/{urn:QDA-XML:codebook:1.0}Code")
    assert [c.get("name") for c in family.findall("{urn:QDA-XML:codebook:1.0}Code")] == [
        "Brothers and sisters"]


def test_qdc_and_qdpx_keep_a_renamed_themes_former_ids(tmp_path, comments, codes, respondents):
    """The export dropped Theme.renamed_from; the code's description is the schema's place."""
    book = load_codebook().with_theme_renamed("money", "finances").with_theme_renamed(
        "finances", "money_worries")
    path = write_qdc(book, tmp_path / "renamed.qdc", validate=True)
    schema = _schema("Codebook.xsd")
    assert [str(e.reason) for e in schema.iter_errors(path.read_text("utf-8"))] == []
    assert validate_refi(path) == []
    assert "[carevoice renamed from: money, finances]" in path.read_text("utf-8")
    back = read_qdc(path)
    assert back == book and back["money_worries"].renamed_from == ("money", "finances")
    frame = read_qdc(path, as_frame=True).set_index("theme")
    assert frame.loc["money_worries", "renamed_from"] == "money; finances"
    assert frame.loc["advocacy", "renamed_from"] == ""
    again = write_qdc(frame.reset_index(), tmp_path / "from_frame.qdc")
    assert read_qdc(again)["money_worries"].renamed_from == ("money", "finances")
    project = export(tmp_path, comments, codes.replace({"theme": {"money": "money_worries"}}),
                     respondents, codebook=book, validate=True)
    assert validate_refi(project) == []
    assert read_qdpx(project).codebook["money_worries"].renamed_from == ("money", "finances")


def test_codebook_as_a_frame_with_colours(tmp_path, comments, codes):
    frame = pd.DataFrame({"theme": ["family_contact", "staff_turnover", "advocacy", "money"],
                          "label": ["Family", "Workers", "Advocacy", "Money"],
                          "definition": ["d1", "d2", "d3", "d4"],
                          "colour": ["#112233", None, "#abcdef", "bad"]})
    path = write_qdc(frame, tmp_path / "f.qdc")
    colours = read_qdc(path, as_frame=True).set_index("theme")["colour"]
    assert colours["family_contact"] == "#112233" and colours["advocacy"] == "#ABCDEF"
    assert re.match(r"#[0-9A-F]{6}$", colours["money"])
    back = read_qdpx(export(tmp_path, comments, codes, codebook=frame))
    assert back.codebook.theme_ids == ("family_contact", "staff_turnover", "advocacy", "money")


def test_foreign_qdc_becomes_a_codebook(tmp_path):
    path = tmp_path / "nvivo.qdc"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo 14">\n'
        ' <Codes>\n'
        '  <Code guid="{8A2B1C3D-0000-4000-8000-000000000001}" name="Home life" '
        'isCodable="false">\n'
        '   <Code guid="{8A2B1C3D-0000-4000-8000-000000000002}" name="Moving home" '
        'isCodable="true" color="#ff0000"><Description>Changes of placement</Description></Code>\n'
        '   <Code guid="{8A2B1C3D-0000-4000-8000-000000000003}" name="2nd chances" '
        'isCodable="true"/>\n'
        '  </Code>\n'
        '  <Code guid="{8A2B1C3D-0000-4000-8000-000000000004}" name="Home life" '
        'isCodable="true"/>\n'
        ' </Codes>\n'
        '</CodeBook>\n', "utf-8")
    book = read_qdc(path)
    assert book.theme_ids == ("home_life", "moving_home", "code_2nd_chances", "home_life_2")
    assert book["moving_home"].parent == "home_life"
    assert book["moving_home"].definition == "Changes of placement"
    assert book["home_life_2"].definition == "Home life" and book.version == "imported"


# -- reading what the tools write ------------------------------------------------------------
def _uppercase_braced_guids(root: ET.Element) -> None:
    for el in root.iter():
        for attr in ("guid", "targetGUID", "creatingUser", "creatingUserGUID"):
            if el.get(attr):
                el.set(attr, "{" + el.get(attr).upper() + "}")


def _inline_text(root: ET.Element, texts: dict) -> None:
    for s in root.iter(f"{Q}TextSource"):
        del s.attrib["plainTextPath"]
        content = ET.Element(f"{Q}PlainTextContent")
        content.text = texts[s.get("name")]
        s.insert(1 if s.find(f"{Q}Description") is not None else 0, content)


def _extras(root: ET.Element) -> None:
    root.set("{urn:vendor}build", "123")
    root.insert(0, ET.Element("{urn:vendor}Settings", {"theme": "dark"}))
    for s in root.iter(f"{Q}TextSource"):
        s.append(ET.Element("{urn:vendor}Layout"))
    root.remove(root.find(f"{Q}Users"))  # some tools leave users out


def _whole_source_coding(root: ET.Element) -> None:
    c4 = source(root, "c4")
    sel = c4.find(f"{Q}PlainTextSelection")
    for coding in sel.findall(f"{Q}Coding"):
        sel.remove(coding)
        c4.insert(list(c4).index(sel) + 1, coding)
    c4.remove(sel)


def _unmarked_codes(root: ET.Element) -> None:
    for code in root.iter(f"{Q}Code"):
        desc = code.find(f"{Q}Description")
        code.remove(desc)
    for s in root.findall(f"{Q}Sets"):
        root.remove(s)


@pytest.mark.parametrize("variant", ["Sources folder", "inline text", "braced upper GUIDs",
                                     "vendor extras", "whole-source coding", "codes renamed",
                                     "qde named after the project"])
def test_reader_tolerates_what_tools_write(tmp_path, comments, codes, variant):
    path = export(tmp_path, comments, codes)
    texts = dict(zip(comments["comment_id"], comments["text"], strict=True))
    out = tmp_path / "tool.qdpx"
    if variant == "Sources folder":
        rewrite(path, out, lambda r: None, rename=lambda n: n.replace("sources/", "Sources/"))
    elif variant == "inline text":
        with zipfile.ZipFile(path) as z:
            drop = [n for n in z.namelist() if n.startswith("sources/")]
        rewrite(path, out, lambda r: _inline_text(r, texts), drop=drop)
    elif variant == "braced upper GUIDs":
        rewrite(path, out, _uppercase_braced_guids)
    elif variant == "vendor extras":
        rewrite(path, out, _extras)
    elif variant == "qde named after the project":  # as ATLAS.ti writes it
        rewrite(path, tmp_path / "tmp.qdpx", lambda r: None)
        with zipfile.ZipFile(tmp_path / "tmp.qdpx") as z, zipfile.ZipFile(out, "w") as w:
            for name in z.namelist():
                target = "Care review 2024.qde" if name == "project.qde" else name
                w.writestr(target, z.read(name))
    elif variant == "whole-source coding":
        rewrite(path, out, _whole_source_coding)
    else:
        rewrite(path, out, _unmarked_codes)
    back = read_qdpx(out)
    assert back.comments.set_index("comment_id")["text"].to_dict() == {
        k: v for k, v in texts.items() if pd.notna(v)}
    got = back.codes.sort_values(["comment_id", "theme"])
    expected = assigned_frame(codes)
    if variant == "codes renamed":  # no id marker left: ids come from the codes' names
        labels = {t.id: t.label for t in load_codebook()}
        expected["theme"] = expected["theme"].map(
            lambda t: re.sub(r"[^a-z0-9]+", "_", labels[t].lower()).strip("_"))
        expected = expected.sort_values(["comment_id", "theme"])
        assert "changing_social_workers_and_staff" in set(expected["theme"])
    assert got["theme"].tolist() == expected["theme"].tolist()
    assert got["comment_id"].tolist() == expected["comment_id"].tolist()
    if variant != "vendor extras":
        assert set(got["user"]) == {MODEL}
    else:
        assert got["user"].str.match(r"[0-9a-f-]{36}").all()  # user GUID when no <Users>


def test_reader_opens_a_qde_with_sources_beside_it_and_a_folder(tmp_path, comments, codes):
    path = export(tmp_path, comments, codes)
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(path) as z:
        z.extractall(folder)
    (folder / "sources").rename(folder / "Sources")
    by_file = read_qdpx(folder / "project.qde")
    by_folder = read_qdpx(folder)
    for back in (by_file, by_folder):
        assert back.comments["text"].notna().all()
        assert len(back.codes) == int(codes["assigned"].sum())


def _not_a_zip(tmp_path, path):
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"this is not a zip at all")
    return bad


def _no_qde(tmp_path, path):
    bad = tmp_path / "bad.qdpx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("sources/x.txt", "i never see my brother")
    return bad


def _broken_xml(tmp_path, path):
    bad = tmp_path / "bad.qdpx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("project.qde", "<Project xmlns='urn:QDA-XML:project:1.0'><Sources>"
                                  "<TextSource name='i never see my brother'")
    return bad


def _wrong_root(tmp_path, path):
    bad = tmp_path / "bad.qdpx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("project.qde", "<CodeBook xmlns='urn:QDA-XML:codebook:1.0'/>")
    return bad


def _entities(tmp_path, path):
    bad = tmp_path / "bad.qdpx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("project.qde", '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]>'
                                  "<Project name='&a;'/>")
    return bad


def _unknown_code(tmp_path, path):
    def edit(root):
        for ref in root.iter(f"{Q}CodeRef"):
            ref.set("targetGUID", str(uuid.uuid4()))
            break
    return rewrite(path, tmp_path / "bad.qdpx", edit)


def _missing_source_file(tmp_path, path):
    with zipfile.ZipFile(path) as z:
        first = next(n for n in z.namelist() if n.startswith("sources/"))
    return rewrite(path, tmp_path / "bad.qdpx", lambda r: None, drop=[first])


def _bad_positions(tmp_path, path):
    def edit(root):
        sel = next(root.iter(f"{Q}PlainTextSelection"))
        sel.set("startPosition", "twelve")
    return rewrite(path, tmp_path / "bad.qdpx", edit)


def _no_sources(tmp_path, path):
    def edit(root):
        root.remove(root.find(f"{Q}Sources"))
    return rewrite(path, tmp_path / "bad.qdpx", edit)


@pytest.mark.parametrize(("make", "message"), [
    (_not_a_zip, "must be a zip archive"), (_no_qde, "without a .qde"),
    (_broken_xml, "not well-formed XML"), (_wrong_root, "expected Project"),
    (_entities, "entities are not allowed"), (_unknown_code, "unknown_code"),
    (_missing_source_file, "missing_source_file"), (_bad_positions, "bad_selection"),
    (_no_sources, "no text sources"),
])
def test_malformed_projects_give_clear_errors(tmp_path, comments, codes, make, message):
    path = export(tmp_path, comments, codes)
    bad = make(tmp_path, path)
    with pytest.raises(RefiQdaError) as info:
        read_qdpx(bad)
    assert message in str(info.value)
    assert "brother" not in str(info.value)
    assert isinstance(info.value, ValueError)


def test_missing_files_and_schema_checks(tmp_path, comments, codes):
    # named as the other readers name a file (not "The REFI-QDA project ... does not exist")
    for read in (read_qdpx, validate_refi):
        with pytest.raises(RefiQdaError, match=r"^The 'path' argument names no file: "
                                               r".*nope\.qdpx does not exist\.$"):
            read(tmp_path / "nope.qdpx")
    with pytest.raises(RefiQdaError, match=r"^The 'path' argument names a folder"):
        validate_refi(tmp_path)
    with pytest.raises(RefiQdaError, match=r"^The 'path' argument names no file: .*nope\.qdc "
                                           "does not exist"):
        read_qdc(tmp_path / "nope.qdc")
    with pytest.raises(RefiQdaError, match=r"^The 'path' argument names a folder"):
        read_qdc(tmp_path)
    path = export(tmp_path, comments, codes)
    invalid = rewrite(path, tmp_path / "invalid.qdpx",
                      lambda r: r.find(f"{Q}CodeBook/{Q}Codes/{Q}Code").set("color", "red"))
    assert any("color" in e for e in validate_refi(invalid))
    read_qdpx(invalid)  # tolerant by default
    with pytest.raises(RefiQdaError, match="does not validate"):
        read_qdpx(invalid, validate=True)


def test_compare_codes_limits_to_reviewed_comments():
    before = pd.DataFrame({"comment_id": ["a", "b", "c"], "theme": ["money"] * 3,
                           "assigned": ["True", "True", "False"]})
    after = pd.DataFrame({"comment_id": ["a"], "theme": ["money"]})
    out = compare_codes(before, after, comment_ids=["a", "b"])
    assert out[["comment_id", "change"]].values.tolist() == [["a", "kept"], ["b", "removed"]]
    with pytest.raises(InputError, match="'before'"):
        compare_codes(pd.DataFrame({"x": [1]}), after)


@pytest.mark.model
def test_export_pseudonymises_by_default(tmp_path):
    raw = pd.DataFrame({"comment_id": ["c1", "c2"], "respondent_id": ["r1", "r2"],
                        "text": ["me and Jayden Okafor miss our nan, ring me on 07700 900123",
                                 "email me at kez.smith99@gmail.com"]})
    codes = pd.DataFrame({"comment_id": ["c1"], "theme": ["family_contact"]})
    path = export_qdpx(raw, codes, None, tmp_path / "p.qdpx")
    with zipfile.ZipFile(path) as z:
        everything = b"".join(z.read(n) for n in z.namelist()).decode("utf-8")
    for secret in ("Jayden", "Okafor", "07700 900123", "kez.smith99"):
        assert secret not in everything
    back = read_qdpx(path)
    assert back.codes["comment_id"].tolist() == ["c1"]
    assert "nan" in back.comments.set_index("comment_id").at["c1", "text"]


def test_export_refuses_comments_from_respondents_not_in_the_respondents(tmp_path, comments,
                                                                           codes, respondents):
    from carevoice.errors import ValidationError
    from carevoice.link import respondent_themes

    fewer = respondents[respondents["respondent_id"] != "r3"]
    with pytest.raises(ValidationError) as export_error:
        export(tmp_path, comments, codes, fewer)
    with pytest.raises(ValidationError) as link_error:
        respondent_themes(comments, codes, fewer)
    # the same check as the linkage: the same problem, naming the same ids
    assert [(p.check, p.ids) for p in export_error.value.problems] == \
        [(p.check, p.ids) for p in link_error.value.problems] == [("unknown_respondent", ("r3",))]
    assert not (tmp_path / "p.qdpx").exists()


def test_forty_codes_get_distinct_colours_and_validate(tmp_path):
    """The code palette repeated after 20 codes; it is now the discovery plots' palette."""
    from carevoice._palette import distinct_colours

    extra = [f"topic_{i:02d}" for i in range(30)]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(30)],
                             "text": [f"comment number {i}" for i in range(30)]})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": extra,
                          "assigned": True})
    path = export(tmp_path, comments, codes, validate=True)  # 18 codebook themes + 30
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("project.qde"))
    colours = [c.get("color") for c in root.iter(f"{Q}Code")]
    assert len(colours) == 48 and len(set(colours)) == 48
    assert colours == [c.upper() for c in distinct_colours(48)]


def test_a_projects_codebook_is_the_codebook_element_of_its_qde(tmp_path, comments, codes,
                                                                  respondents):
    """docs/methods.md said a .qdpx holds a .qdc (audit of the docs, L2). The standard puts a
    project's codebook in project.qde (a .qdpx carries it and sources/ only); the CodeBook
    there holds the codes write_qdc writes as a .qdc, and each validates against its schema."""
    project = export(tmp_path, comments, codes, respondents, validate=True)
    with zipfile.ZipFile(project) as archive:
        names = archive.namelist()
        qde = archive.read("project.qde")
    assert [n for n in names if not n.startswith("sources/")] == ["project.qde"]
    qdc = write_qdc(None, tmp_path / "codebook.qdc", validate=True)
    assert validate_refi(project) == [] and validate_refi(qdc) == []

    def codes_of(element: ET.Element, ns: str) -> list[tuple[str | None, ...]]:
        return [(c.get("guid"), c.get("name"), c.get("color"),
                 c.findtext(f"{{{ns}}}Description")) for c in element.iter(f"{{{ns}}}Code")]

    in_project = ET.fromstring(qde).find(f"{Q}CodeBook")
    assert in_project is not None
    standalone = ET.parse(qdc).getroot()
    assert codes_of(in_project, NS) == codes_of(standalone, "urn:QDA-XML:codebook:1.0")
    assert len(codes_of(in_project, NS)) == len(load_codebook().theme_ids)
