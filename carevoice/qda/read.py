"""Read a REFI-QDA project that people have coded or corrected back into carevoice frames.

:func:`read_qdpx` reads what NVivo, ATLAS.ti, MAXQDA and QualCoder write, not only what carevoice
wrote: sources under ``sources/`` or ``Sources/``, text inline (``PlainTextContent``) or by path
(``plainTextPath``), codings on a selection or on a whole source, users missing, extra elements
in other namespaces. Its ``codes`` frame has one row per coding, keyed by ``comment_id`` and
``user``, so :func:`reviewed_codes` and :func:`compare_codes` can set the people's coding against
the model's and :meth:`carevoice.themes.ThemeCoder.fit` can learn from the corrections.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from ..errors import InputError, Problem
from ..schema import COMMENT_ID, QUESTION_ID, RESPONDENT_ID, TEXT
from ._values import typed_variable
from ._xml import (
    MAX_SOURCE_BYTES,
    MAX_SOURCES_BYTES,
    PROJECT_NS,
    RefiQdaError,
    child,
    child_text,
    children,
    descendants,
    existing_file,
    find_qde,
    is_guid,
    local,
    normalise_guid,
    parse_xml,
    read_archive_member,
    schema_errors,
)
from .codebook import codebook_from_specs, is_theme_id, meta_from_sets, specs_from_codes
from .export import NO_THEME, SCORE_NOTE_PREFIX, TEXT_CHECK, assigned_mask, text_check

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["CODING_COLUMNS", "QdaProject", "compare_codes", "read_qdpx", "reviewed_codes"]

#: The columns of the ``codes`` frame that :func:`read_qdpx` returns.
CODING_COLUMNS: tuple[str, ...] = (COMMENT_ID, "theme", "user", "score", "assigned", "start",
                                   "end", "code", "coding_guid")
_SCORE = re.compile(re.escape(SCORE_NOTE_PREFIX) + r"([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)")
_FIELDS = {"Question", "Respondent", TEXT_CHECK}


@dataclass(frozen=True)
class QdaProject:
    """A REFI-QDA project read back into carevoice frames.

    Parameters
    ----------
    name : str
        The project's name.
    codes : pandas.DataFrame
        One row per coding: ``comment_id`` (the source's name), ``theme`` (the theme id),
        ``user`` (the user's name, or GUID when the project does not list the user),
        ``score`` (carevoice's score, NaN for a person's coding), ``assigned`` (always True),
        ``start`` / ``end`` (the coded span, in Unicode code points), ``code`` (the code's name
        in the tool) and ``coding_guid``.
    comments : pandas.DataFrame
        One row per text source: ``comment_id``, ``respondent_id`` (from the case that holds
        it), ``question_id`` and ``text`` (``<NA>`` when the file has no text for it).
    respondents : pandas.DataFrame
        One row per case: ``respondent_id`` and the case's variables, typed from the
        variables' types (categories with the levels carevoice wrote).
    codebook : Codebook or pandas.DataFrame
        The project's code system, as :func:`carevoice.qda.read_qdc` returns it; a frame when
        asked for, when the project has no codes, or when a theme id is not one a
        :class:`carevoice.themes.Codebook` accepts (``"Money & Bills"`` kept exactly as it was
        exported).
    users : pandas.DataFrame
        ``guid`` and ``name`` of each user the project lists.
    """

    name: str
    codes: pd.DataFrame
    comments: pd.DataFrame
    respondents: pd.DataFrame
    codebook: Any
    users: pd.DataFrame

    def __repr__(self) -> str:
        return (f"QdaProject({self.name!r}: {len(self.comments)} sources, "
                f"{len(self.respondents)} cases, {len(self.codes)} codings by "
                f"{self.codes['user'].nunique()} user(s))")


def _open(path: Path) -> tuple[ET.Element, dict[str, bytes], Path]:
    """The parsed project XML, the source files by lower-case path, and the project's folder.

    The folder is the one that holds the ``.qdpx`` or ``.qde`` file (or the unzipped project's
    ``.qde``): ``relative://`` paths start there when the project has no ``basePath``.
    """
    existing_file(path, folder=True)  # worded as every reader words a missing file
    files: dict[str, bytes] = {}
    if path.is_dir():  # an unzipped project: a folder with project.qde and sources/
        qde = find_qde(str(p.relative_to(path)).replace("\\", "/") for p in path.rglob("*.qde"))
        if qde is None:
            raise RefiQdaError(f"The folder {str(path)!r} holds no .qde project file.")
        data = (path / qde).read_bytes()
        base = (path / qde).parent
        for folder in base.iterdir():
            if folder.is_dir() and folder.name.lower() == "sources":
                for f in folder.rglob("*"):
                    if f.is_file():
                        files[f.relative_to(folder).as_posix().lower()] = f.read_bytes()
        return parse_xml(data, f"{path}/{qde}"), files, base
    if path.suffix.lower() == ".qde":
        base = path.parent
        for folder in base.iterdir():
            if folder.is_dir() and folder.name.lower() == "sources":
                for f in folder.rglob("*"):
                    if f.is_file():
                        files[f.relative_to(folder).as_posix().lower()] = f.read_bytes()
        return parse_xml(path.read_bytes(), str(path)), files, base
    if not zipfile.is_zipfile(path):
        raise RefiQdaError(
            f"{str(path)!r} is not a REFI-QDA project: a .qdpx must be a zip archive holding "
            "project.qde (a .qde file or an unzipped project folder also works)."
        )
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            qde = find_qde(names)
            if qde is None:
                raise RefiQdaError(
                    f"{str(path)!r} is a zip archive without a .qde project file: not a REFI-QDA "
                    "project."
                )
            data = read_archive_member(archive, qde, str(path))
            prefix = qde.rsplit("/", 1)[0] + "/" if "/" in qde else ""
            total = 0
            for name in names:
                if name.endswith("/") or not name.startswith(prefix):
                    continue
                rest = name[len(prefix):]
                head, _, tail = rest.partition("/")
                if head.lower() == "sources" and tail:
                    total += archive.getinfo(name).file_size
                    if total > MAX_SOURCES_BYTES:
                        raise RefiQdaError(
                            f"{str(path)!r}: its source files are more than "
                            f"{MAX_SOURCES_BYTES / 2**20:,.0f} MB uncompressed together, more "
                            "than carevoice reads of a project.")
                    files[tail.lower()] = read_archive_member(
                        archive, name, str(path), limit=MAX_SOURCE_BYTES, kind="a source file")
    except zipfile.BadZipFile as e:
        raise RefiQdaError(f"{str(path)!r} is a damaged zip archive ({e}).") from e
    return parse_xml(data, f"{path.name}:{qde}"), files, path.parent


def _decode(data: bytes) -> str:
    """A source file's text: UTF-8 (with or without a BOM), UTF-16 with a BOM, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _internal(target: str, files: dict[str, bytes]) -> bytes | None:
    """A file of the project's ``sources/`` folder, by path or else by file name."""
    key = target.replace("\\", "/").lstrip("/").lower()
    if key in files:
        return files[key]
    name = key.rsplit("/", 1)[-1]
    return next((v for k, v in files.items() if k.rsplit("/", 1)[-1] == name), None)


def _external(candidates: Iterable[Path]) -> bytes | None:
    for candidate in candidates:
        try:
            if candidate.is_file():
                return candidate.read_bytes()
        except OSError:
            continue
    return None


def _inside(base: Path, rel: str) -> bool:
    """Whether ``rel`` under ``base`` stays inside ``base`` (``../`` and links resolved)."""
    try:
        return (base / rel).resolve().is_relative_to(base.resolve())
    except (OSError, RuntimeError, ValueError):  # a loop of links, a name the system refuses
        return False


#: where :func:`_source_text` says a path that climbs out of its folder was looked for
OUTSIDE = "outside its folder"


def _local_path(value: str) -> Path:
    """A path from an ``absolute://`` or ``file://`` reference or a ``basePath``."""
    if value.lower().startswith("file:"):
        parsed = urlparse(value)
        return Path(url2pathname(unquote(parsed.path)))
    return Path(value.replace("\\", "/"))


def _source_text(src: ET.Element, files: dict[str, bytes], folder: Path,
                 base_path: str | None) -> tuple[str | None, str]:
    """A source's text, inline or from the file its ``plainTextPath`` names, and where it was
    looked for (the text is None when the file is missing).

    As QDA-XML describes them: ``internal://`` is a file in the project's ``sources/``
    folder, ``relative://`` a file under the project's ``basePath`` (or, without one, the
    folder that holds the project), ``absolute://`` a file anywhere on this computer. A
    ``relative://`` or ``internal://`` path that climbs out of its folder (``../``) is not
    read: the text is None and where it was looked for is :data:`OUTSIDE`.
    """
    inline = child_text(src, "PlainTextContent")
    if inline is not None:
        return inline, "inline"
    target = src.get("plainTextPath")
    if not target:
        return None, "nowhere"
    scheme, sep, rest = target.partition("://")
    scheme = scheme.lower() if sep else ""
    rest = rest if sep else target
    data: bytes | None = None
    if scheme == "relative":
        rel = unquote(rest).replace("\\", "/").lstrip("/")
        bases = [folder]
        if base_path:
            bases.insert(0, _local_path(base_path))
        if not all(_inside(b, rel) for b in bases):
            return None, OUTSIDE
        data = _external(b / rel for b in bases)
        if data is None:
            data = _internal(rel, files)
        where = " or ".join(str(b / rel) for b in bases)
    elif scheme in {"absolute", "file"}:
        local = _local_path(target if scheme == "file" else unquote(rest))
        data = _external([local])
        where = str(local)
    else:  # internal://, or a bare path as some tools write it
        rel = unquote(rest).replace("\\", "/").lstrip("/")
        if not _inside(folder, rel):
            return None, OUTSIDE
        data = _internal(unquote(rest), files)
        if data is None:
            data = _external([folder / rel])
        where = "the project's sources/ folder"
    return (None if data is None else _decode(data)), where


def _user_name(who: str, users: dict[str, str]) -> str:
    """The name of a coding's user; its GUID (lower case) when the project does not list it."""
    if not who:
        return "unknown"
    key = normalise_guid(who)
    return users.get(key, key if is_guid(who) else who)


def _description_fields(text: str | None) -> dict[str, str]:
    out = {}
    for line in (text or "").splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() in _FIELDS:
            out[key.strip()] = value.strip()
    return out


def _int(value: str | None) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def read_qdpx(path: str | Path, *, validate: bool = False, as_frame: bool = False,
              check_text: bool = True) -> QdaProject:
    """Read a REFI-QDA project (``.qdpx``) back into carevoice frames.

    Source text is read inline or from the file its ``plainTextPath`` names: ``internal://``
    in the project's ``sources/`` folder, ``relative://`` under the project's ``basePath`` (or,
    without one, the folder that holds the project), ``absolute://`` anywhere on this computer.
    Selections are positions in Unicode code points, as carevoice writes them.

    Codings keep who made them: ``user`` is the name of the user the project lists for the
    coding's ``creatingUser`` GUID, the GUID itself when the project does not list that user
    (some tools leave users out), or ``"unknown"`` when the coding names nobody.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.qdpx`` archive, a ``.qde`` file (sources in a ``sources/`` folder beside it or
        inline), or a folder holding an unzipped project.
    validate : bool, default False
        Also check the project against the QDA-XML schema and refuse it if it does not
        validate (needs ``xmlschema``). Tools write extra elements, so this is off by default.
    as_frame : bool, default False
        Return the codebook as a frame rather than a :class:`carevoice.themes.Codebook`.
    check_text : bool, default True
        Refuse a source whose text is not the text carevoice exported (its description's
        ``Text check`` line differs): codings are positions in the text, so after an edit they
        may point at other words. Pass False to read such a project anyway.

    Returns
    -------
    QdaProject
        ``codes`` (one row per coding, keyed by ``comment_id`` and ``user``), ``comments``,
        ``respondents``, ``codebook`` and ``users``.

    Raises
    ------
    RefiQdaError
        If the file is not a REFI-QDA project; or if its codings point at codes that are not
        there, its selections lie outside their source's text, a source file is missing, two
        sources have the same name (``comment_id``), a text changed since carevoice exported
        it, or a variable's value does not fit its type. Every problem is listed, by GUID,
        ``comment_id``, variable and ``respondent_id``, never by text.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> from carevoice.qda import export_qdpx
    >>> comments = pd.DataFrame({"comment_id": ["c1"], "text": ["new social worker again"]})
    >>> codes = pd.DataFrame({"comment_id": ["c1"], "theme": ["staff_turnover"]})
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> p = export_qdpx(comments, codes, None, pathlib.Path(scratch.name) / "p.qdpx",
    ...                 pseudonymise=False, user="model")
    >>> read_qdpx(p).codes[["comment_id", "theme", "user"]].values.tolist()
    [['c1', 'staff_turnover', 'model']]
    >>> scratch.cleanup()
    """
    import pandas as pd

    path = Path(path)
    root, files, folder = _open(path)
    if local(root.tag) != "Project":
        raise RefiQdaError(
            f"{str(path)!r} is not a REFI-QDA project: its root element is {local(root.tag)!r}, "
            f"expected Project in namespace {PROJECT_NS!r}."
        )
    if validate:
        errors = schema_errors(ET.tostring(root), "project")
        if errors:
            raise RefiQdaError(f"{str(path)!r} does not validate against the QDA-XML project "
                               "schema:", [Problem("schema", e) for e in errors[:20]])
    problems: list[Problem] = []

    users = {normalise_guid(u.get("guid") or ""): (u.get("name") or u.get("id") or
                                                    u.get("guid") or "")
             for u in descendants(child(root, "Users") or ET.Element("x"), "User")}
    book = child(root, "CodeBook")
    specs = specs_from_codes(child(book, "Codes") if book is not None else None)
    theme_of = {normalise_guid(s.code_guid): (s.theme, s.label) for s in specs}
    notes = {}
    notes_el = child(root, "Notes")
    if notes_el is not None:
        for note in children(notes_el, "Note"):
            notes[normalise_guid(note.get("guid") or "")] = child_text(note, "PlainTextContent")

    case_of: dict[str, str] = {}
    case_rows: list[dict[str, Any]] = []
    seen_sources: dict[str, int] = {}
    variables = {}
    vars_el = child(root, "Variables")
    if vars_el is not None:
        for var in children(vars_el, "Variable"):
            variables[normalise_guid(var.get("guid") or "")] = (
                var.get("name") or "", var.get("typeOfVariable") or "Text",
                child_text(var, "Description"))
    cases_el = child(root, "Cases")
    for case in (children(cases_el, "Case") if cases_el is not None else ()):
        rid = case.get("name") or case.get("guid") or ""
        row: dict[str, Any] = {RESPONDENT_ID: rid}
        for vv in children(case, "VariableValue"):
            ref = child(vv, "VariableRef")
            key = normalise_guid(ref.get("targetGUID") or "") if ref is not None else ""
            if key not in variables:
                problems.append(Problem("unknown_variable", f"case {rid!r} has a value of a "
                                        f"variable that is not declared ({key or 'no ref'})"))
                continue
            value = next((c.text for c in vv if local(c.tag).endswith("Value")), None)
            row[variables[key][0]] = value
        for ref in children(case, "SourceRef"):
            case_of[normalise_guid(ref.get("targetGUID") or "")] = rid
        case_rows.append(row)

    comment_rows: list[dict[str, Any]] = []
    coding_rows: list[dict[str, Any]] = []
    sources_el = child(root, "Sources")
    for src in (descendants(sources_el, "TextSource") if sources_el is not None else ()):
        sguid = normalise_guid(src.get("guid") or "")
        cid = src.get("name") or sguid
        seen_sources[cid] = seen_sources.get(cid, 0) + 1
        text, where = _source_text(src, files, folder, root.get("basePath"))
        if where == OUTSIDE:
            problems.append(Problem("source_path_outside", f"source {cid!r} (GUID {sguid}) "
                                    f"points at {src.get('plainTextPath')!r}, which climbs out "
                                    "of the project's folder; carevoice reads relative:// and "
                                    "internal:// paths only inside it (absolute:// names a "
                                    "file anywhere)"))
        elif text is None and src.get("plainTextPath"):
            problems.append(Problem("missing_source_file", f"source {cid!r} points at "
                                    f"{src.get('plainTextPath')!r}, which is not in {where}"))
        fields = _description_fields(child_text(src, "Description"))
        if (check_text and text is not None and TEXT_CHECK in fields
                and fields[TEXT_CHECK] != text_check(text)):
            problems.append(Problem(
                "changed_text", f"the text of source {cid!r} is not the text carevoice "
                "exported, so its codings may point at other words; restore the text (or "
                "pass check_text=False / --allow-changed-text to read it anyway)"))
        comment_rows.append({COMMENT_ID: cid,
                             RESPONDENT_ID: case_of.get(sguid, fields.get("Respondent")),
                             QUESTION_ID: fields.get("Question"), TEXT: text})
        spans: list[tuple[ET.Element, ET.Element | None]] = [(c, None) for c in
                                                             children(src, "Coding")]
        for sel in children(src, "PlainTextSelection"):
            spans += [(c, sel) for c in children(sel, "Coding")]
        for coding, sel in spans:
            ref = child(coding, "CodeRef")
            key = normalise_guid(ref.get("targetGUID") or "") if ref is not None else ""
            if key not in theme_of:
                problems.append(Problem("unknown_code", f"a coding in source {cid!r} refers to "
                                        f"code {key or '(none)'}, which is not in the codebook"))
                continue
            if sel is not None:
                start, end = _int(sel.get("startPosition")), _int(sel.get("endPosition"))
                if start is None or end is None or start < 0 or end < start:
                    problems.append(Problem("bad_selection", f"a selection in source {cid!r} "
                                            "has missing or invalid start/end positions"))
                    continue
                if start == end:  # as export_qdpx refuses a span with start >= end
                    problems.append(Problem(
                        "empty_selection", f"a selection in source {cid!r} (GUID "
                        f"{normalise_guid(sel.get('guid') or '') or '(none)'}) is empty (start "
                        f"= end = {start}): it codes no text, so its coding cannot be read as "
                        "one; delete it in the tool"))
                    continue
                if text is not None and end > len(text):
                    problems.append(Problem(
                        "selection_outside_text", f"a selection in source {cid!r} ends at "
                        f"{end}, beyond the end of its text ({len(text)} characters): the "
                        "text changed, or the tool counts positions other than in Unicode "
                        "code points"))
                    continue
            else:
                start, end = 0, len(text) if text is not None else None
            who = (coding.get("creatingUser") or (sel.get("creatingUser") if sel is not None
                                                  else None) or src.get("creatingUser") or "")
            score = float("nan")
            for note_ref in children(coding, "NoteRef"):
                found = _SCORE.search(notes.get(normalise_guid(note_ref.get("targetGUID") or ""))
                                      or "")
                if found:
                    score = float(found.group(1))
            theme, label = theme_of[key]
            coding_rows.append({
                COMMENT_ID: cid, "theme": theme,
                "user": _user_name(who, users),
                "score": score, "assigned": True, "start": start, "end": end, "code": label,
                "coding_guid": coding.get("guid"),
            })
    dupes = [cid for cid, n in seen_sources.items() if n > 1]
    if dupes:
        problems.append(Problem("duplicate_source", "several sources have the same name, so "
                                "their codings cannot be told apart by comment_id; rename them "
                                "in the tool", COMMENT_ID, tuple(dupes)))
    problems = list(dict.fromkeys(problems))  # a selection with several codings: once
    if problems:
        raise RefiQdaError(f"{str(path)!r} is not a usable REFI-QDA project: "
                           f"{len(problems)} problem(s).", problems)
    if sources_el is None or not comment_rows:
        raise RefiQdaError(f"{str(path)!r} has no text sources: nothing to read codes from.")

    codes = pd.DataFrame(coding_rows, columns=list(CODING_COLUMNS))
    codes = codes.astype({COMMENT_ID: "string", "theme": "string", "user": "string",
                          "score": "float64", "assigned": "bool", "start": "Int64",
                          "end": "Int64", "code": "string", "coding_guid": "string"})
    comments = pd.DataFrame(comment_rows, columns=[COMMENT_ID, RESPONDENT_ID, QUESTION_ID, TEXT])
    comments = comments.astype("string")
    respondents = pd.DataFrame({RESPONDENT_ID: pd.Series([r[RESPONDENT_ID] for r in case_rows],
                                                         dtype="string")})
    value_problems: list[Problem] = []
    for name, kind, desc in variables.values():
        respondents[name] = typed_variable([r.get(name) for r in case_rows], kind, desc, name,
                                           respondents[RESPONDENT_ID].tolist(), value_problems)
    if value_problems:
        raise RefiQdaError(f"{str(path)!r} has variable values that do not fit their types: "
                           f"{len(value_problems)} problem(s).", value_problems)
    meta = meta_from_sets(root, root.get("name") or path.stem)
    # A Codebook needs carevoice theme ids; codes with other ids ("Money & Bills", exported
    # from codes that used it) keep them exactly, so the codebook comes back as a frame.
    frame_only = as_frame or not specs or not all(is_theme_id(s.theme) for s in specs)
    codebook = codebook_from_specs(specs, meta, as_frame=True) if frame_only else (
        codebook_from_specs(specs, meta, source=str(path)))
    user_frame = pd.DataFrame({"guid": list(users), "name": list(users.values())},
                              dtype="string")
    return QdaProject(name=root.get("name") or path.stem, codes=codes, comments=comments,
                      respondents=respondents, codebook=codebook, users=user_frame)


def _pairs(codes: pd.DataFrame, argument: str) -> pd.DataFrame:
    import pandas as pd

    if not isinstance(codes, pd.DataFrame) or not {COMMENT_ID, "theme"} <= set(codes.columns):
        raise InputError(f"The '{argument}' argument must be a codes DataFrame with columns "
                         "'comment_id' and 'theme'.")
    out = codes[assigned_mask(codes, argument)]
    out = out[[COMMENT_ID, "theme"]].astype(str)
    return out[(out["theme"] != NO_THEME).to_numpy()].drop_duplicates()


def reviewed_codes(project: QdaProject | pd.DataFrame, *,
                   users: Sequence[str] | None = None) -> pd.DataFrame:
    """The comment-level coding after review: one row per comment and theme still coded.

    A theme counts as coded on a comment when any of the chosen users coded any span of it.

    Parameters
    ----------
    project : QdaProject or pandas.DataFrame
        What :func:`read_qdpx` returned, or its ``codes``.
    users : sequence of str, optional
        Keep only these users' codings (e.g. one reviewer's); all users by default.

    Returns
    -------
    pandas.DataFrame
        ``comment_id``, ``theme``, ``assigned`` (True), ready for
        :meth:`carevoice.themes.ThemeCoder.fit` or :func:`compare_codes`.

    Examples
    --------
    >>> import pandas as pd
    >>> codes = pd.DataFrame({"comment_id": ["c1", "c1", "c2"], "theme": ["money"] * 3,
    ...                       "user": ["model", "amina", "amina"]})
    >>> reviewed_codes(codes, users=["amina"])["comment_id"].tolist()
    ['c1', 'c2']
    """
    codes = project.codes if isinstance(project, QdaProject) else project
    if users is not None:
        if isinstance(users, str):
            users = [users]
        if "user" not in codes.columns:
            raise InputError("The 'users' argument of reviewed_codes needs a 'user' column.")
        known = set(codes["user"].astype(str))
        unknown = [u for u in users if u not in known]
        if unknown:
            raise InputError(f"The 'users' argument of reviewed_codes names users with no "
                             f"coding: {', '.join(unknown)}. Users: {', '.join(sorted(known))}.")
        codes = codes[codes["user"].astype(str).isin(list(users)).to_numpy()]
    out = _pairs(codes, "project").sort_values([COMMENT_ID, "theme"], kind="stable")
    out = out.reset_index(drop=True)
    out["assigned"] = True
    return out


def compare_codes(before: pd.DataFrame, after: pd.DataFrame, *,
                  comment_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """What a review changed: each comment and theme kept, removed or added.

    Parameters
    ----------
    before : pandas.DataFrame
        The codes that were exported (e.g. the model's): ``comment_id``, ``theme`` and
        optionally ``assigned``.
    after : pandas.DataFrame
        The codes after review (e.g. :func:`reviewed_codes`).
    comment_ids : iterable of str, optional
        Limit to these comments (the ones that were reviewed).

    Returns
    -------
    pandas.DataFrame
        ``comment_id``, ``theme``, ``before`` (bool), ``after`` (bool) and ``change``:
        ``"kept"``, ``"removed"`` (the reviewer took the code off) or ``"added"``.

    Examples
    --------
    >>> import pandas as pd
    >>> model = pd.DataFrame({"comment_id": ["c1", "c2"], "theme": ["money", "safety"]})
    >>> human = pd.DataFrame({"comment_id": ["c1", "c2"], "theme": ["money", "wellbeing"]})
    >>> compare_codes(model, human)["change"].tolist()
    ['kept', 'removed', 'added']
    """
    import pandas as pd

    b = _pairs(before, "before").assign(before=True)
    a = _pairs(after, "after").assign(after=True)
    out = b.merge(a, on=[COMMENT_ID, "theme"], how="outer")
    out["before"] = out["before"].astype("boolean").fillna(False).astype(bool)
    out["after"] = out["after"].astype("boolean").fillna(False).astype(bool)
    if comment_ids is not None:
        out = out[out[COMMENT_ID].isin([str(c) for c in comment_ids])]
    out["change"] = pd.Series(
        ["kept" if x and y else "removed" if x else "added"
         for x, y in zip(out["before"], out["after"], strict=True)], index=out.index,
        dtype=object)
    order = {"kept": 0, "removed": 1, "added": 2}
    out = out.assign(_o=out["change"].map(order)).sort_values(
        [COMMENT_ID, "_o", "theme"], kind="stable").drop(columns="_o")
    return out.reset_index(drop=True)
