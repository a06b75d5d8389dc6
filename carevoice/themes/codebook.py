"""The codebook: themes with definitions, include / exclude notes and example phrasings.

A :class:`Codebook` is an immutable value. Load the default one with :func:`load_codebook`, edit
it with the ``with_*`` / ``without_*`` methods (each returns a new codebook), look at it as a
frame with :meth:`Codebook.to_frame` and write it back with :func:`write_codebook`. Every load
and every edit is validated; problems are reported all at once in one :class:`CodebookError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._argnames import file_argument
from ..errors import CodebookError
from .codebook_checks import _list_problems, _structure_problems

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "NON_ANSWERS",
    "NO_THEME",
    "Codebook",
    "Theme",
    "codebook_from_dict",
    "default_codebook",
    "load_codebook",
    "write_codebook",
]

#: The pseudo-theme that marks a comment the coder assigned no theme to.
NO_THEME = "no_theme"

#: Answers that raise no theme in any survey. The coder learns "no theme" from them when a
#: codebook has no ``no_theme_examples`` of its own (without any, every comment would get a
#: theme), leaving out any that the codebook gives as a theme's example.
NON_ANSWERS = (
    "n/a", "na", "none", "nothing", "nothing really", "nothing to add", "nothing to say",
    "no comment", "no comments", "no", "nope", "not sure", "dunno", "idk", "i don't know",
    "no idea", "can't think of anything", "pass", "skip", "already said", "see above",
    "same as before", "as above", "-", "?", "...",
)

_ID = re.compile(r"^[a-z][a-z0-9_]{1,63}$")
_LISTS = ("include", "exclude", "examples", "renamed_from")
_THEME_KEYS = {"id", "label", "definition", "parent", *_LISTS}
_TOP_KEYS = {"version", "name", "description", "themes", "no_theme_examples"}


def _strings(value: object) -> tuple[str, ...] | None:
    """Return ``value`` as a tuple of stripped strings, or None if it is not a list of str."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        return None
    out = []
    for item in value:
        if not isinstance(item, str):
            return None
        out.append(item.strip())
    return tuple(out)


@dataclass(frozen=True)
class Theme:
    """One theme of a codebook.

    Any sequence of strings (a list, a tuple) is accepted for the notes, examples and former
    ids, and stored as a tuple.

    Parameters
    ----------
    id : str
        Stable identifier: lower case letters, digits and ``_``, starting with a letter.
    label : str
        A short human-readable name.
    definition : str
        What the theme covers.
    include, exclude : sequence of str
        Notes for coders on what belongs (or not) to the theme.
    examples : sequence of str
        Example phrasings in respondents' own words; the coder learns from them. A phrasing
        may be the example of one theme only, and not also a no-theme example.
    parent : str or None
        The id of a broader theme, for an optional hierarchy. Ids stay flat.
    renamed_from : sequence of str
        The ids this theme had before (see :meth:`Codebook.with_theme_renamed`): the
        reference comments coded with a default theme's id teach the theme under its new id.

    Examples
    --------
    >>> t = Theme("pets", "Pets", "Having or missing a pet.", examples=["i miss my dog"])
    >>> t.id, t.examples
    ('pets', ('i miss my dog',))
    """

    id: str
    label: str
    definition: str
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    parent: str | None = None
    renamed_from: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in _LISTS:  # any sequence of strings (a list...) is kept as a tuple
            value = getattr(self, name)
            if isinstance(value, Sequence) and not isinstance(value, (str, tuple)):
                object.__setattr__(self, name, tuple(value))
        problems = _theme_problems(self)
        if problems:
            raise CodebookError(f"Invalid theme {self.id!r}: " + "; ".join(problems))


def _theme_problems(theme: Theme) -> list[str]:
    problems = []
    if not isinstance(theme.id, str) or not _ID.match(theme.id):
        problems.append(
            f"'id' must match {_ID.pattern} (lower case letters, digits, '_'); got {theme.id!r}"
        )
    elif theme.id == NO_THEME:
        problems.append(f"'id' {NO_THEME!r} is reserved for comments that raise no theme")
    for name in ("label", "definition"):
        value = getattr(theme, name)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"'{name}' must be a non-empty string")
    for name in _LISTS:
        value = getattr(theme, name)
        if not isinstance(value, tuple):
            problems.append(f"'{name}' must be a list or tuple of strings; "
                            f"got {type(value).__name__}")
        else:
            problems += _list_problems(name, value)
    if theme.parent is not None and not isinstance(theme.parent, str):
        problems.append(f"'parent' must be a theme id or None; got {theme.parent!r}")
    if isinstance(theme.renamed_from, tuple):
        for k, old in enumerate(theme.renamed_from):
            if isinstance(old, str) and (not _ID.match(old) or old == theme.id):
                problems.append(f"'renamed_from'[{k}] must be an earlier theme id, other than "
                                f"the theme's own; got {old!r}")
    return problems


@dataclass(frozen=True)
class Codebook:
    """A versioned set of themes.

    Sequences (lists, tuples) are stored as tuples. Every problem is reported at once in one
    :class:`CodebookError`.

    Parameters
    ----------
    themes : sequence of Theme
        The themes, in display order; ids must be unique.
    version : str
        The codebook's version; bump it when you edit it.
    name : str
        A name for reports.
    description : str
        Free text.
    no_theme_examples : sequence of str
        Answers that raise no theme (blanks, jokes, pets...): the coder learns "no theme" from them.

    Examples
    --------
    >>> cb = load_codebook()
    >>> len(cb), cb.theme_ids[:2]
    (18, ('stigma', 'family_contact'))
    >>> cb["advocacy"].label
    'Advocacy'
    """

    themes: tuple[Theme, ...]
    version: str = "0"
    name: str = "codebook"
    description: str = ""
    no_theme_examples: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        for name in ("themes", "no_theme_examples"):
            value = getattr(self, name)
            if isinstance(value, Sequence) and not isinstance(value, (str, tuple)):
                object.__setattr__(self, name, tuple(value))
        problems = []
        if not isinstance(self.themes, tuple) or not all(isinstance(t, Theme) for t in self.themes):
            raise CodebookError("The 'themes' of a Codebook must be a sequence of Theme objects.")
        if not self.themes:
            problems.append("'themes' is empty: a codebook needs at least one theme")
        if not isinstance(self.version, str) or not self.version.strip():
            problems.append("'version' must be a non-empty string, e.g. \"1.0.0\"")
        if not isinstance(self.no_theme_examples, tuple):
            problems.append("'no_theme_examples' must be a list or tuple of strings")
        else:
            problems += _list_problems("no_theme_examples", self.no_theme_examples)
        problems += _structure_problems(
            [(f"theme {t.id!r}", t.id, t.parent, t.renamed_from, t.examples) for t in self.themes],
            [e for e in self.no_theme_examples if isinstance(e, str)]
            if isinstance(self.no_theme_examples, tuple) else ())
        if problems:
            raise CodebookError(
                f"{len(problems)} problem(s) in the codebook:\n"
                + "\n".join(f"  - {p}" for p in problems)
            )

    # -- access ------------------------------------------------------------------------------
    @property
    def theme_ids(self) -> tuple[str, ...]:
        """The theme ids, in order."""
        return tuple(t.id for t in self.themes)

    def __len__(self) -> int:
        return len(self.themes)

    def __iter__(self):
        return iter(self.themes)

    def __contains__(self, theme_id: object) -> bool:
        return theme_id in self.theme_ids

    def __getitem__(self, theme_id: str) -> Theme:
        for t in self.themes:
            if t.id == theme_id:
                return t
        raise KeyError(
            f"No theme {theme_id!r} in codebook {self.name!r}; "
            f"valid ids: {', '.join(self.theme_ids)}"
        )

    def __repr__(self) -> str:
        n_ex = sum(len(t.examples) for t in self.themes)
        return (
            f"Codebook({self.name!r}, version={self.version!r}, {len(self.themes)} themes, "
            f"{n_ex} examples, {len(self.no_theme_examples)} no-theme examples)"
        )

    # -- edits (each returns a new codebook) -------------------------------------------------
    def with_theme(self, theme: Theme) -> Codebook:
        """Add a theme, or replace the theme with the same id.

        Parameters
        ----------
        theme : Theme
            The new or replacement theme.

        Returns
        -------
        Codebook
            A new codebook; this one is unchanged.

        Examples
        --------
        >>> cb = load_codebook().with_theme(
        ...     Theme("pets", "Pets", "Having or missing a pet.", examples=("miss my dog",)))
        >>> "pets" in cb, len(cb)
        (True, 19)
        """
        if not isinstance(theme, Theme):
            raise CodebookError(
                f"The 'theme' argument of with_theme must be a Theme; got {type(theme).__name__}."
            )
        if theme.id in self:
            themes = tuple(theme if t.id == theme.id else t for t in self.themes)
        else:
            themes = (*self.themes, theme)
        return replace(self, themes=themes)

    def without_theme(self, theme_id: str) -> Codebook:
        """Remove a theme (and detach any sub-themes from it).

        Parameters
        ----------
        theme_id : str
            The id to remove.

        Returns
        -------
        Codebook
            A new codebook.

        Examples
        --------
        >>> len(load_codebook().without_theme("complaints"))
        17
        """
        self[theme_id]  # raises KeyError listing the valid ids
        themes = tuple(
            replace(t, parent=None) if t.parent == theme_id else t
            for t in self.themes
            if t.id != theme_id
        )
        return replace(self, themes=themes)

    def with_examples(
        self, examples: Mapping[str, Sequence[str]], *, replace_existing: bool = False
    ) -> Codebook:
        """Add example phrasings to themes (or replace them).

        Parameters
        ----------
        examples : mapping of str to sequence of str
            Theme id to new example phrasings; use the key :data:`NO_THEME` for answers that
            raise no theme.
        replace_existing : bool, default False
            Replace the theme's examples instead of appending to them.

        Returns
        -------
        Codebook
            A new codebook; duplicates are dropped, order kept.

        Examples
        --------
        >>> cb = load_codebook()
        >>> cb2 = cb.with_examples({"advocacy": ["who speaks up for me at panel"]})
        >>> len(cb2["advocacy"].examples) - len(cb["advocacy"].examples)
        1
        """
        unknown = [k for k in examples if k not in self and k != NO_THEME]
        if unknown:
            raise CodebookError(
                f"The 'examples' argument of with_examples names unknown theme ids: "
                f"{', '.join(map(str, unknown))}. Valid ids: {', '.join(self.theme_ids)}, "
                f"{NO_THEME}."
            )
        bad = [k for k, v in examples.items() if _strings(v) is None]
        if bad:
            raise CodebookError(
                "The 'examples' argument of with_examples must map theme ids to lists of "
                f"strings; not so for: {', '.join(bad)}."
            )

        def merged(old: tuple[str, ...], new: Sequence[str]) -> tuple[str, ...]:
            new_t = tuple(s.strip() for s in new if s.strip())
            return tuple(dict.fromkeys(new_t if replace_existing else (*old, *new_t)))

        themes = tuple(
            replace(t, examples=merged(t.examples, examples[t.id])) if t.id in examples else t
            for t in self.themes
        )
        no_theme = self.no_theme_examples
        if NO_THEME in examples:
            no_theme = merged(no_theme, examples[NO_THEME])
        return replace(self, themes=themes, no_theme_examples=no_theme)

    def with_theme_renamed(self, old: str, new: str) -> Codebook:
        """Give a theme a new id, keeping what it learns from the reference comments.

        The theme keeps its place, label, notes and examples; sub-themes follow it; and it
        remembers its former id (``renamed_from``, written to the codebook file), so that the
        packaged reference comments coded with a default theme's id still teach it. Removing
        the theme and adding it again under the new id would lose them.

        Parameters
        ----------
        old : str
            The theme's id now.
        new : str
            Its new id.

        Returns
        -------
        Codebook
            A new codebook; this one is unchanged.

        Examples
        --------
        >>> cb = load_codebook().with_theme_renamed("money", "finances")
        >>> cb["finances"].renamed_from, "money" in cb
        (('money',), False)
        """
        theme = self[old]  # raises KeyError listing the valid ids
        if not isinstance(new, str) or not _ID.match(new) or new == NO_THEME:
            raise CodebookError(
                f"The 'new' argument of with_theme_renamed must be a theme id matching "
                f"{_ID.pattern} other than {NO_THEME!r}; got {new!r}."
            )
        if new in self and new != old:
            raise CodebookError(
                f"The 'new' argument of with_theme_renamed names a theme the codebook already "
                f"has: {new!r}. Remove or rename that one first."
            )
        if new == old:
            return self
        former = tuple(dict.fromkeys(x for x in (*theme.renamed_from, old) if x != new))
        themes = tuple(
            replace(t, id=new, renamed_from=former) if t.id == old
            else replace(t, parent=new) if t.parent == old else t
            for t in self.themes
        )
        return replace(self, themes=themes)

    def with_version(self, version: str) -> Codebook:
        """Return a copy with a new version string.

        Examples
        --------
        >>> load_codebook().with_version("1.0.0-local").version
        '1.0.0-local'
        """
        return replace(self, version=version)

    # -- views -------------------------------------------------------------------------------
    def to_frame(self) -> pd.DataFrame:
        """One row per theme.

        Returns
        -------
        pandas.DataFrame
            Columns ``theme``, ``label``, ``definition``, ``include``, ``exclude`` (notes joined
            by ``"; "``), ``parent`` and ``n_examples``.

        Examples
        --------
        >>> load_codebook().to_frame().columns.tolist()[:3]
        ['theme', 'label', 'definition']
        """
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "theme": t.id,
                    "label": t.label,
                    "definition": t.definition,
                    "include": "; ".join(t.include),
                    "exclude": "; ".join(t.exclude),
                    "parent": t.parent,
                    "n_examples": len(t.examples),
                }
                for t in self.themes
            ]
        )

    def examples_frame(self, *, include_no_theme: bool = True) -> pd.DataFrame:
        """One row per example phrasing.

        Parameters
        ----------
        include_no_theme : bool, default True
            Also list the no-theme examples, with theme :data:`NO_THEME`.

        Returns
        -------
        pandas.DataFrame
            Columns ``theme`` and ``text``.

        Examples
        --------
        >>> ex = load_codebook().examples_frame()
        >>> bool((ex["theme"] == "no_theme").any())
        True
        """
        import pandas as pd

        rows = [(t.id, x) for t in self.themes for x in t.examples]
        if include_no_theme:
            rows += [(NO_THEME, x) for x in self.no_theme_examples]
        return pd.DataFrame(rows, columns=["theme", "text"])

    def to_dict(self) -> dict[str, Any]:
        """The codebook as plain data, in the layout of the YAML file.

        Examples
        --------
        >>> sorted(load_codebook().to_dict())[:3]
        ['description', 'name', 'no_theme_examples']
        """
        themes = []
        for t in self.themes:
            d: dict[str, Any] = {"id": t.id, "label": t.label, "definition": t.definition}
            if t.parent is not None:
                d["parent"] = t.parent
            if t.renamed_from:
                d["renamed_from"] = list(t.renamed_from)
            d["include"] = list(t.include)
            d["exclude"] = list(t.exclude)
            d["examples"] = list(t.examples)
            themes.append(d)
        return {
            "version": self.version,
            "name": self.name,
            "description": self.description,
            "no_theme_examples": list(self.no_theme_examples),
            "themes": themes,
        }


def codebook_from_dict(data: Mapping[str, Any], *, source: str = "codebook") -> Codebook:
    """Build and validate a codebook from plain data (a parsed YAML, TOML or JSON file).

    Every problem is collected and reported in one :class:`CodebookError`.

    Parameters
    ----------
    data : mapping
        With keys ``version``, ``themes`` (a list of mappings with ``id``, ``label``,
        ``definition`` and optionally ``include``, ``exclude``, ``examples``, ``parent``,
        ``renamed_from``) and optionally ``name``, ``description``, ``no_theme_examples``.
        ``version`` is a string; a number is accepted only as :func:`load_codebook` reads it
        (as written: ``1.10`` stays ``"1.10"``), since ``1.10`` is ``1.1`` once it is a float.
    source : str
        Where the data came from, for error messages.

    Returns
    -------
    Codebook

    Raises
    ------
    CodebookError
        Listing every problem found.

    Examples
    --------
    >>> cb = codebook_from_dict({"version": "1", "themes": [
    ...     {"id": "pets", "label": "Pets", "definition": "Pets.", "examples": ["my dog"]}]})
    >>> cb.theme_ids
    ('pets',)
    >>> codebook_from_dict({"version": "1", "themes": [{"id": "Pets"}]})
    Traceback (most recent call last):
    ...
    carevoice.errors.CodebookError: 3 problem(s) in codebook:
      - themes[0] ('Pets'): 'id' must match ^[a-z][a-z0-9_]{1,63}$ (lower case letters, digits,
        '_'); got 'Pets'
      - themes[0] ('Pets'): 'label' must be a non-empty string
      - themes[0] ('Pets'): 'definition' must be a non-empty string
    """
    if not isinstance(data, Mapping):
        raise CodebookError(
            f"{source}: a codebook must be a mapping with keys 'version' and 'themes'; "
            f"got {'nothing (an empty file)' if data is None else type(data).__name__}."
        )
    problems: list[str] = []
    extra = sorted(set(map(str, data)) - _TOP_KEYS)
    if extra:
        problems.append(f"unknown top-level keys {extra}; valid keys: {sorted(_TOP_KEYS)}")
    version, version_problem = _version_text(data.get("version"))
    if version_problem:
        problems.append(version_problem)
    raw_themes = data.get("themes")
    if not isinstance(raw_themes, list) or not raw_themes:
        problems.append("'themes' must be a non-empty list of themes")
        raw_themes = []
    raw_no_theme = data.get("no_theme_examples")
    no_theme_problems = _list_problems("no_theme_examples", [] if raw_no_theme is None
                                       else raw_no_theme)
    problems += no_theme_problems
    no_theme = () if no_theme_problems else _strings(raw_no_theme or []) or ()
    themes, structure = [], []
    for i, raw in enumerate(raw_themes):
        where = f"themes[{i}]"
        if not isinstance(raw, Mapping):
            problems.append(f"{where}: must be a mapping with 'id', 'label', 'definition'")
            continue
        where = f"themes[{i}] ({raw.get('id')!r})"
        unknown = sorted(set(map(str, raw)) - _THEME_KEYS)
        if unknown:
            problems.append(f"{where}: unknown keys {unknown}; valid keys: {sorted(_THEME_KEYS)}")
        lists: dict[str, Any] = {}
        for key in _LISTS:
            value = raw.get(key) or []
            if key == "renamed_from" and isinstance(value, str):
                value = [value]
            bad = _list_problems(key, value)
            problems.extend(f"{where}: {b}" for b in bad)
            lists[key] = () if bad else _strings(value)
        candidate = Theme.__new__(Theme)
        for key, value in {"id": raw.get("id"), "label": raw.get("label"),
                           "definition": raw.get("definition"), "parent": raw.get("parent"),
                           **lists}.items():
            object.__setattr__(candidate, key, value)
        # (the lists are valid tuples by now, or () after their problems were listed)
        problems.extend(f"{where}: {p}" for p in _theme_problems(candidate))
        structure.append((where, candidate.id, candidate.parent, candidate.renamed_from,
                          tuple(dict.fromkeys(candidate.examples))))
        themes.append(candidate)
    problems += _structure_problems(structure, tuple(dict.fromkeys(no_theme)))
    if problems:
        raise CodebookError(
            f"{len(problems)} problem(s) in {source}:\n" + "\n".join(f"  - {p}" for p in problems)
        )
    try:
        return Codebook(
            themes=tuple(
                Theme(t.id, t.label.strip(), t.definition.strip(), t.include, t.exclude,
                      tuple(dict.fromkeys(t.examples)), t.parent, t.renamed_from)
                for t in themes
            ),
            version=version,
            name=_text(data.get("name")) or "codebook",
            description=_text(data.get("description")),
            no_theme_examples=tuple(dict.fromkeys(no_theme)),
        )
    except CodebookError as e:  # pragma: no cover - every check above comes first
        raise CodebookError(f"{source}: {e}") from e


def _text(value: object) -> str:
    """A name or description as text (a number as it was written in the file)."""
    return "" if value is None else str(getattr(value, "written_as", value))


def _version_text(version: object) -> tuple[str, str | None]:
    """The codebook version as text, or why it cannot be read as one."""
    written = getattr(version, "written_as", None)
    if isinstance(written, str):  # a number as written in the file (see _files.py)
        return written, None
    if version is None:
        return "", "missing 'version' (e.g. version: \"1.0.0\")"
    if isinstance(version, bool) or not isinstance(version, (str, int, float)):
        return "", (f"'version' must be a string such as \"1.0.0\"; got {version!r} "
                    "(put it in quotes)")
    if isinstance(version, float):
        return "", (f"'version' must be a string such as \"1.10\"; got the number {version!r}, "
                    "which may not be what was written (1.10 is the number 1.1): put it in "
                    "quotes")
    if isinstance(version, str) and not version.strip():
        return "", "'version' must be a non-empty string, e.g. \"1.0.0\""
    return str(version), None


def default_codebook() -> Codebook:
    """Return the codebook that ships with carevoice (18 care-experience themes).

    Returns
    -------
    Codebook

    Examples
    --------
    >>> default_codebook().version
    '1.3.0'
    """
    import yaml

    text = resources.files("carevoice").joinpath("data/codebook.yaml").read_text("utf-8")
    return codebook_from_dict(yaml.safe_load(text), source="the default codebook")


def load_codebook(path: str | Path | Codebook | None = None) -> Codebook:
    """Load a codebook from a YAML, TOML or JSON file, or the default one.

    Parameters
    ----------
    path : str, pathlib.Path, Codebook or None
        The file (``.yaml``/``.yml``, ``.toml`` or ``.json``). None gives the default codebook;
        a :class:`Codebook` is returned as is.

    Returns
    -------
    Codebook

    Raises
    ------
    CodebookError
        If the file is missing, cannot be parsed (the message gives the line and column) or
        fails validation (every problem at once).

    Examples
    --------
    >>> load_codebook().name
    'carevoice care-experience codebook'
    """
    if path is None:
        return default_codebook()
    if isinstance(path, Codebook):
        return path
    path = Path(path)
    if not path.is_file():
        typed = file_argument(path, "")  # the option typed, on the command line
        raise CodebookError(f"{typed} names no file: {path} does not exist." if typed else
                            f"The codebook file {str(path)!r} does not exist.")
    suffix = path.suffix.lower()
    if suffix not in {".yaml", ".yml", ".toml", ".json"}:
        raise CodebookError(
            f"The codebook file {str(path)!r} must end in .yaml, .yml, .toml or .json; "
            f"got {suffix!r}."
        )
    from .codebook_files import parse_codebook

    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError as e:
        raise CodebookError(
            f"The codebook file {str(path)!r} is not UTF-8 text (byte {e.start + 1} is not): "
            "save it as UTF-8."
        ) from e
    return codebook_from_dict(parse_codebook(text, suffix, str(path)), source=str(path))


def write_codebook(codebook: Codebook, path: str | Path) -> Path:
    """Write a codebook to a YAML, TOML or JSON file that :func:`load_codebook` reads back.

    Parameters
    ----------
    codebook : Codebook
        The codebook.
    path : str or pathlib.Path
        The output file, ``.yaml``/``.yml``, ``.toml`` or ``.json``.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> folder = pathlib.Path(scratch.name)
    >>> load_codebook(write_codebook(load_codebook(), folder / "cb.yaml")) == load_codebook()
    True
    >>> load_codebook(write_codebook(load_codebook(), folder / "cb.toml")) == load_codebook()
    True
    >>> scratch.cleanup()
    """
    if not isinstance(codebook, Codebook):
        raise CodebookError(
            f"The 'codebook' argument of write_codebook must be a Codebook; "
            f"got {type(codebook).__name__}."
        )
    path = Path(path)
    suffix = path.suffix.lower()
    data = codebook.to_dict()
    if suffix in {".yaml", ".yml"}:
        import yaml

        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    elif suffix == ".toml":
        from .codebook_files import dump_toml

        text = dump_toml(data)
    elif suffix == ".json":
        import json

        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        raise CodebookError(
            f"The 'path' argument of write_codebook must end in .yaml, .yml, .toml or .json; "
            f"got {suffix!r}."
        )
    path.write_text(text, encoding="utf-8")
    return path
