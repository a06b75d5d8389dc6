"""The codebook in REFI-QDA form: ``.qdc`` export and import, and the ``<CodeBook>`` of a project.

A carevoice theme becomes a REFI-QDA ``<Code>``: its label is the code's name, its colour the
code's colour, and its definition, include / exclude notes and example phrasings make up the
code's description, which every tool shows to the person coding. The last line of that description
names the theme id (``[carevoice theme: advocacy]``) so that a code keeps its id when a reviewer
renames it; an id outside carevoice's pattern (``Money & Bills``, from codes that used it) is
written as a JSON string (``[carevoice theme: "Money & Bills"]``) and read back exactly. A theme
that was renamed in carevoice (``Theme.renamed_from``) has the line before it name its former ids
(``[carevoice renamed from: money]``): the schema gives a code no other place for provenance.
Sub-themes (``parent``) are nested codes. The codebook's own name, version, description and
no-theme examples travel in a ``<Set>`` of all its codes, so a ``.qdc`` written by
:func:`write_qdc` reads back with :func:`read_qdc` as the same :class:`~carevoice.themes.Codebook`.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._palette import distinct_colours
from ..errors import CodebookError
from ._xml import (
    CODEBOOK_NS,
    PROJECT_NS,
    RefiQdaError,
    child,
    child_text,
    children,
    existing_file,
    is_colour,
    normalise_guid,
    parse_xml,
    qname,
    stable_guid,
    to_bytes,
)

__all__ = ["CodeSpec", "code_specs", "codebook_from_specs", "is_theme_id", "read_qdc",
           "write_qdc"]

_ID = re.compile(r"^[a-z][a-z0-9_]{1,63}$")
_THEME_MARK = re.compile(r'^\[carevoice theme: ([a-z][a-z0-9_]{1,63}|"(?:[^"\\]|\\.)*")\]$')
_RENAMED_MARK = re.compile(r"^\[carevoice renamed from: (.+)\]$")
_CODEBOOK_MARK = "[carevoice codebook]"
_SECTIONS = {"Include:": "include", "Exclude:": "exclude", "Examples:": "examples"}
_SET_SECTIONS = {"No-theme examples:": "no_theme_examples"}


@dataclass(frozen=True)
class CodeSpec:
    """One code of a REFI-QDA codebook, as carevoice writes and reads it.

    Parameters
    ----------
    theme : str
        The carevoice theme id.
    label : str
        The code's name in the QDA tool.
    definition : str
        What the theme covers.
    include, exclude, examples : tuple of str
        Coding notes and example phrasings.
    parent : str or None
        The theme id of the parent code.
    colour : str or None
        ``#RRGGBB``.
    codable : bool
        False for a code that only groups others (a folder in NVivo).
    guid : str or None
        The GUID it had in a file that was read; None for one carevoice made.
    renamed_from : tuple of str
        The ids the theme had before (:attr:`carevoice.themes.Theme.renamed_from`).
    """

    theme: str
    label: str
    definition: str
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    parent: str | None = None
    colour: str | None = None
    codable: bool = True
    guid: str | None = None
    renamed_from: tuple[str, ...] = ()

    @property
    def code_guid(self) -> str:
        """The GUID of the code: the one read, or carevoice's stable one for the theme id."""
        return self.guid or stable_guid("code", self.theme)


@dataclass(frozen=True)
class CodebookMeta:
    """What a codebook says about itself, carried in a ``<Set>``."""

    name: str = "codebook"
    version: str = "0"
    description: str = ""
    no_theme_examples: tuple[str, ...] = field(default_factory=tuple)


def is_theme_id(value: str) -> bool:
    """Whether ``value`` is an id a :class:`carevoice.themes.Codebook` accepts for a theme.

    Examples
    --------
    >>> is_theme_id("money"), is_theme_id("Money & Bills")
    (True, False)
    """
    return bool(_ID.match(value))


def slugify(name: str, taken: set[str]) -> str:
    """A valid, unused theme id made from a code's name (``"Money & bills"`` -> ``money_bills``)."""
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    if not base or not base[0].isalpha():
        base = "code_" + base if base else "code"
    base = base[:60].rstrip("_") or "code"
    if len(base) < 2:
        base = base + "_code"
    out, n = base, 2
    while out in taken or out == "no_theme":
        out, n = f"{base}_{n}", n + 1
    taken.add(out)
    return out


def _split_notes(value: object) -> tuple[str, ...]:
    """Notes from a frame cell: a list, or a string joined with ``"; "``; empty when missing."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if str(v).strip())
    try:
        import pandas as pd

        if pd.isna(value):
            return ()
    except (TypeError, ValueError):
        pass
    return tuple(s.strip() for s in str(value).split(";") if s.strip())


def code_specs(codebook: Any = None, *, colours: Mapping[str, str] | None = None,
               extra_themes: Sequence[str] = ()) -> tuple[list[CodeSpec], CodebookMeta]:
    """Turn a codebook in any accepted form into code specs and codebook metadata.

    Parameters
    ----------
    codebook : Codebook, DataFrame, str, pathlib.Path or None
        A :class:`carevoice.themes.Codebook`; a frame with columns ``theme``, ``label``,
        ``definition`` and optionally ``include``, ``exclude``, ``examples``, ``parent``,
        ``colour``, ``renamed_from``; a codebook file for
        :func:`carevoice.themes.load_codebook`; or None for the default codebook.
    colours : mapping of str to str, optional
        Theme id to ``#RRGGBB``, overriding the palette and any ``colour`` column.
    extra_themes : sequence of str
        Theme ids used in codes but missing from the codebook: each becomes a code of its own
        (label = id), so that no coding is dropped.

    Returns
    -------
    (list of CodeSpec, CodebookMeta)
    """
    import pandas as pd

    colours = dict(colours or {})
    bad = {k: v for k, v in colours.items() if not is_colour(v)}
    if bad:
        raise CodebookError(
            f"The 'colours' argument must map theme ids to '#RRGGBB' colours; not so for: "
            f"{', '.join(sorted(bad))}."
        )
    specs: list[CodeSpec] = []
    if isinstance(codebook, pd.DataFrame):
        missing = [c for c in ("theme", "label", "definition") if c not in codebook.columns]
        if missing:
            raise CodebookError(
                f"The 'codebook' frame must have columns 'theme', 'label' and 'definition'; "
                f"missing: {', '.join(missing)}. Got columns {list(codebook.columns)}."
            )
        colour_col = "colour" if "colour" in codebook.columns else (
            "color" if "color" in codebook.columns else None)
        for row in codebook.to_dict("records"):
            parent = row.get("parent")
            colour = row.get(colour_col) if colour_col else None
            specs.append(CodeSpec(
                theme=str(row["theme"]), label=str(row["label"]),
                definition=str(row["definition"]),
                include=_split_notes(row.get("include")), exclude=_split_notes(row.get("exclude")),
                examples=_split_notes(row.get("examples")),
                parent=(None if parent is None or pd.isna(parent) or not str(parent)
                        else str(parent)),
                colour=colour if is_colour(colour) else None,
                renamed_from=_split_notes(row.get("renamed_from")),
            ))
        meta = CodebookMeta(name=str(codebook.attrs.get("name", "codebook")),
                            version=str(codebook.attrs.get("version", "0")))
    else:
        if codebook is None or isinstance(codebook, (str, Path)):
            from ..themes import load_codebook

            codebook = load_codebook(codebook)
        themes = getattr(codebook, "themes", None)
        if themes is None:
            raise CodebookError(
                "The 'codebook' argument must be a carevoice Codebook, a DataFrame with columns "
                "'theme', 'label', 'definition', a codebook file or None (the default codebook); "
                f"got {type(codebook).__name__}."
            )
        for t in themes:
            specs.append(CodeSpec(theme=t.id, label=t.label, definition=t.definition,
                                  include=tuple(t.include), exclude=tuple(t.exclude),
                                  examples=tuple(t.examples), parent=t.parent,
                                  renamed_from=tuple(t.renamed_from)))
        meta = CodebookMeta(name=str(codebook.name), version=str(codebook.version),
                            description=str(codebook.description),
                            no_theme_examples=tuple(codebook.no_theme_examples))
    ids = [s.theme for s in specs]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise CodebookError(f"The codebook has duplicate theme ids: {', '.join(dupes)}.")
    known = set(ids)
    for theme in extra_themes:
        if theme not in known:
            specs.append(CodeSpec(theme=theme, label=theme,
                                  definition="A theme used in the codes but not in the codebook."))
            known.add(theme)
    orphans = sorted({s.parent for s in specs if s.parent is not None and s.parent not in known})
    if orphans:
        raise CodebookError(
            f"The codebook names parents that are not themes: {', '.join(orphans)}.")
    out = []
    palette = distinct_colours(len(specs))  # the discovery plots' palette: no repeats
    for i, s in enumerate(specs):
        colour = colours.get(s.theme) or s.colour or palette[i]
        out.append(CodeSpec(s.theme, s.label, s.definition, s.include, s.exclude, s.examples,
                            s.parent, colour.upper(), renamed_from=s.renamed_from))
    return out, meta


# -- descriptions ----------------------------------------------------------------------------
def _bullets(title: str, items: Sequence[str]) -> list[str]:
    if not items:
        return []
    return [title, *(f"- {' '.join(x.split())}" for x in items)]


def describe_code(spec: CodeSpec) -> str:
    """The description of a code: definition, notes, examples and the theme-id line."""
    lines = [spec.definition.strip(), ""]
    lines += _bullets("Include:", spec.include)
    lines += _bullets("Exclude:", spec.exclude)
    lines += _bullets("Examples:", spec.examples)
    if lines[-1] != "":
        lines.append("")
    if spec.renamed_from:
        former = list(spec.renamed_from)
        shown = ", ".join(former) if all(map(is_theme_id, former)) else json.dumps(former)
        lines.append(f"[carevoice renamed from: {shown}]")
    theme = spec.theme if is_theme_id(spec.theme) else json.dumps(spec.theme)
    lines.append(f"[carevoice theme: {theme}]")
    return "\n".join(lines)


def parse_renamed_from(text: str | None) -> tuple[str, ...]:
    """The former theme ids a code description names (its ``[carevoice renamed from: ...]``)."""
    for marker in parse_sections(text or "", _SECTIONS)[2]:
        found = _RENAMED_MARK.match(marker)
        if not found:
            continue
        value = found.group(1).strip()
        if value.startswith("["):
            try:
                former = json.loads(value)
            except ValueError:
                continue
            if isinstance(former, list) and all(isinstance(v, str) for v in former):
                return tuple(v for v in former if v.strip())
            continue
        return tuple(v.strip() for v in value.split(",") if v.strip())
    return ()


def parse_sections(text: str, headers: Mapping[str, str]) -> tuple[str, dict[str, list[str]],
                                                                  list[str]]:
    """Split a description into free text, bulleted sections and the remaining marker lines."""
    head: list[str] = []
    sections: dict[str, list[str]] = {v: [] for v in headers.values()}
    markers: list[str] = []
    current: str | None = None
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if line in headers:
            current = headers[line]
        elif line.startswith("[carevoice ") and line.endswith("]"):
            markers.append(line)
            current = None
        elif current is not None and line.startswith("- "):
            sections[current].append(line[2:].strip())
        elif current is not None and line and sections[current]:
            sections[current][-1] += " " + line  # a wrapped bullet
        elif current is not None and not line:
            continue
        else:
            current = None
            head.append(raw.rstrip())
    return "\n".join(head).strip(), sections, markers


def parse_code_description(text: str | None) -> tuple[str, dict[str, list[str]], str | None]:
    """Definition, sections and theme id (None when no marker line) of a code description."""
    definition, sections, markers = parse_sections(text or "", _SECTIONS)
    theme = None
    for m in markers:
        found = _THEME_MARK.match(m)
        if found:
            mark = found.group(1)
            if not mark.startswith('"'):
                theme = mark
                continue
            try:
                value = json.loads(mark)
            except ValueError:
                continue
            if isinstance(value, str) and value.strip():
                theme = value
    return definition, sections, theme


def describe_codebook(meta: CodebookMeta) -> str:
    """The description of the codebook's set: description, version, no-theme examples."""
    lines = []
    if meta.description.strip():
        lines += [" ".join(meta.description.split()), ""]
    lines.append(f"Version: {meta.version}")
    lines += _bullets("No-theme examples:", meta.no_theme_examples)
    lines += ["", _CODEBOOK_MARK]
    return "\n".join(lines)


def parse_codebook_description(name: str, text: str | None) -> CodebookMeta | None:
    """Codebook metadata from a set description carevoice wrote; None for any other set."""
    head, sections, markers = parse_sections(text or "", _SET_SECTIONS)
    if _CODEBOOK_MARK not in markers:
        return None
    version, desc = "0", []
    for line in head.split("\n"):
        if line.startswith("Version:"):
            version = line[len("Version:"):].strip() or "0"
        else:
            desc.append(line)
    prefix = "carevoice codebook: "
    return CodebookMeta(name=name.removeprefix(prefix),
                        version=version, description="\n".join(desc).strip(),
                        no_theme_examples=tuple(sections["no_theme_examples"]))


# -- XML -------------------------------------------------------------------------------------
def codes_element(specs: Sequence[CodeSpec], ns: str) -> ET.Element:
    """The ``<Codes>`` element: themes as codes, sub-themes nested under their parent."""
    codes = ET.Element(qname(ns, "Codes"))
    elements: dict[str, ET.Element] = {}
    pending = list(specs)
    while pending:  # parents first, whatever the order of the codebook
        progressed = False
        for spec in list(pending):
            if spec.parent is not None and spec.parent not in elements:
                continue
            parent = codes if spec.parent is None else elements[spec.parent]
            attrs = {"guid": spec.code_guid, "name": spec.label,
                     "isCodable": "true" if spec.codable else "false"}
            if spec.colour:
                attrs["color"] = spec.colour
            el = ET.SubElement(parent, qname(ns, "Code"), attrs)
            ET.SubElement(el, qname(ns, "Description")).text = describe_code(spec)
            # A Code's Description must come before its child Codes (schema order): children are
            # appended after it because parents are always placed first.
            elements[spec.theme] = el
            pending.remove(spec)
            progressed = True
        if not progressed:
            raise CodebookError("The codebook's parent links form a cycle.")
    return codes


def codebook_set(specs: Sequence[CodeSpec], meta: CodebookMeta, ns: str) -> ET.Element:
    """The ``<Set>`` that names the codebook and holds its metadata and member codes."""
    el = ET.Element(qname(ns, "Set"), {"guid": stable_guid("codebook-set", meta.name),
                                        "name": f"carevoice codebook: {meta.name}"})
    ET.SubElement(el, qname(ns, "Description")).text = describe_codebook(meta)
    for spec in specs:
        attr = "guid" if ns == CODEBOOK_NS else "targetGUID"
        ET.SubElement(el, qname(ns, "MemberCode"), {attr: spec.code_guid})
    return el


def write_qdc(codebook: Any, path: str | Path, *, colours: Mapping[str, str] | None = None,
              origin: str | None = None, validate: bool = False) -> Path:
    """Write a codebook as a REFI-QDA codebook file (``.qdc``).

    NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette import it as a code system.

    Parameters
    ----------
    codebook : Codebook, DataFrame, str, pathlib.Path or None
        See :func:`carevoice.qda.export_qdpx`; None writes the default codebook.
    path : str or pathlib.Path
        The output file; conventionally ``.qdc``.
    colours : mapping of str to str, optional
        Theme id to ``#RRGGBB``; by default a fixed palette in codebook order.
    origin : str, optional
        The ``origin`` attribute; by default ``"carevoice <version>"``.
    validate : bool, default False
        Check the file against the packaged ``Codebook.xsd`` (needs ``xmlschema``).

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> p = write_qdc(None, pathlib.Path(scratch.name) / "codebook.qdc")
    >>> read_qdc(p).theme_ids[:2]
    ('stigma', 'family_contact')
    >>> scratch.cleanup()
    """
    from .. import __version__

    specs, meta = code_specs(codebook, colours=colours)
    root = ET.Element(qname(CODEBOOK_NS, "CodeBook"),
                      {"origin": origin or f"carevoice {__version__}"})
    root.append(codes_element(specs, CODEBOOK_NS))
    sets = ET.SubElement(root, qname(CODEBOOK_NS, "Sets"))
    sets.append(codebook_set(specs, meta, CODEBOOK_NS))
    data = to_bytes(root, CODEBOOK_NS)
    if validate:
        from ._xml import schema_errors

        errors = schema_errors(data, "codebook")
        if errors:  # pragma: no cover - a bug in carevoice, caught by the tests
            raise RefiQdaError("The codebook carevoice wrote does not validate:",
                               [_problem(e) for e in errors])
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _problem(message: str):
    from ..errors import Problem

    return Problem("schema", message)


def specs_from_codes(codes_el: ET.Element | None) -> list[CodeSpec]:
    """Read the code tree under a ``<Codes>`` element (either namespace) into code specs."""
    specs: list[CodeSpec] = []
    if codes_el is None:
        return specs
    taken: set[str] = set()
    pending: list[tuple[ET.Element, str | None]] = [(c, None) for c in children(codes_el, "Code")]
    order: list[tuple[ET.Element, str | None, str | None]] = []
    # First pass: claim the ids written by carevoice, so slugs of other codes never take them.
    while pending:
        el, parent_guid = pending.pop(0)
        _, _, marked = parse_code_description(child_text(el, "Description"))
        if marked is not None and marked not in taken:
            taken.add(marked)
        else:
            marked = None
        order.append((el, parent_guid, marked))
        guid = el.get("guid") or ""
        pending[0:0] = [(c, guid) for c in children(el, "Code")]
    by_guid: dict[str, str] = {}
    for el, parent_guid, marked in order:
        name = el.get("name") or ""
        theme = marked or slugify(name or "code", taken)
        by_guid[normalise_guid(el.get("guid") or theme)] = theme
        definition, sections, _ = parse_code_description(child_text(el, "Description"))
        colour = el.get("color")
        specs.append(CodeSpec(
            theme=theme, label=name.strip() or theme,
            definition=definition or name.strip() or theme,
            include=tuple(sections["include"]), exclude=tuple(sections["exclude"]),
            examples=tuple(sections["examples"]),
            parent=by_guid.get(normalise_guid(parent_guid)) if parent_guid else None,
            colour=colour.upper() if is_colour(colour) else None,
            codable=(el.get("isCodable") or "true").strip().lower() not in {"false", "0"},
            guid=el.get("guid"),
            renamed_from=parse_renamed_from(child_text(el, "Description")),
        ))
    return specs


def meta_from_sets(root: ET.Element, default_name: str) -> CodebookMeta:
    """Codebook metadata from the carevoice set among ``<Sets>``, or a default."""
    sets = child(root, "Sets")
    if sets is not None:
        for s in children(sets, "Set"):
            meta = parse_codebook_description(s.get("name") or "", child_text(s, "Description"))
            if meta is not None:
                return meta
    return CodebookMeta(name=default_name, version="imported")


def codebook_from_specs(specs: Sequence[CodeSpec], meta: CodebookMeta, *, as_frame: bool = False,
                        source: str = "codebook") -> Any:
    """Build a :class:`carevoice.themes.Codebook` (or a frame) from code specs.

    The frame has columns ``theme``, ``label``, ``definition``, ``include``, ``exclude``,
    ``examples`` (joined by ``"; "``), ``parent``, ``colour``, ``codable``, ``guid`` and
    ``renamed_from`` (joined by ``"; "``), and the codebook's name and version in ``attrs``.
    """
    import pandas as pd

    if as_frame:
        frame = pd.DataFrame([{
            "theme": s.theme, "label": s.label, "definition": s.definition,
            "include": "; ".join(s.include), "exclude": "; ".join(s.exclude),
            "examples": "; ".join(s.examples), "parent": s.parent, "colour": s.colour,
            "codable": s.codable, "guid": s.guid, "renamed_from": "; ".join(s.renamed_from),
        } for s in specs], columns=["theme", "label", "definition", "include", "exclude",
                                    "examples", "parent", "colour", "codable", "guid",
                                    "renamed_from"])
        frame.attrs.update({"name": meta.name, "version": meta.version})
        return frame
    from ..themes import Codebook, Theme

    if not specs:
        raise RefiQdaError(f"{source} has no codes: a codebook needs at least one.")
    odd = [s.theme for s in specs if not is_theme_id(s.theme)]
    if odd:
        raise CodebookError(
            f"{source}: the theme ids {', '.join(map(repr, odd[:20]))} are kept exactly as "
            f"they were exported, but a carevoice Codebook needs ids matching {_ID.pattern}; "
            "read it with as_frame=True.")
    try:
        return Codebook(
            themes=tuple(Theme(s.theme, s.label, s.definition, s.include, s.exclude,
                               tuple(dict.fromkeys(s.examples)), s.parent, s.renamed_from)
                         for s in specs),
            version=meta.version, name=meta.name, description=meta.description,
            no_theme_examples=tuple(dict.fromkeys(meta.no_theme_examples)),
        )
    except CodebookError as e:
        raise CodebookError(f"{source}: {e}") from e


def read_qdc(path: str | Path, *, as_frame: bool = False) -> Any:
    """Read a REFI-QDA codebook file (``.qdc``) as a carevoice codebook.

    Reads any tool's ``.qdc``. Codes that carevoice wrote keep their theme ids, notes, examples
    and the codebook's version; other codes get an id made from their name, their description
    as definition, and nested codes become sub-themes.

    Parameters
    ----------
    path : str or pathlib.Path
        The ``.qdc`` file.
    as_frame : bool, default False
        Return a frame (one row per code, with the colours and GUIDs the tool wrote) instead
        of a :class:`carevoice.themes.Codebook`.

    Returns
    -------
    Codebook or pandas.DataFrame

    Raises
    ------
    RefiQdaError
        If the file is missing, not XML, or not a REFI-QDA codebook.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from carevoice.themes import load_codebook
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> p = write_qdc(load_codebook(), pathlib.Path(scratch.name) / "codebook.qdc")
    >>> read_qdc(p) == load_codebook()
    True
    >>> scratch.cleanup()
    """
    path = existing_file(path)  # named as the other readers name a file (as typed)
    root = parse_xml(path.read_bytes(), str(path))
    if root.tag not in {qname(CODEBOOK_NS, "CodeBook"), qname(PROJECT_NS, "CodeBook"), "CodeBook"}:
        raise RefiQdaError(
            f"{str(path)!r} is not a REFI-QDA codebook: its root element is "
            f"{root.tag!r}, expected CodeBook in namespace {CODEBOOK_NS!r}."
        )
    codes_el = child(root, "Codes")
    if codes_el is None:
        raise RefiQdaError(f"{str(path)!r} has no <Codes> element: not a REFI-QDA codebook.")
    specs = specs_from_codes(codes_el)
    meta = meta_from_sets(root, path.stem)
    return codebook_from_specs(specs, meta, as_frame=as_frame, source=str(path))
