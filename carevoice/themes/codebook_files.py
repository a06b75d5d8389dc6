"""Codebook files: reading YAML, TOML and JSON with the place of a syntax error, writing TOML.

:func:`carevoice.themes.load_codebook` and :func:`carevoice.themes.write_codebook` use these.
A syntax error is reported by line and column with the parser's description of the problem,
never with the file's text (example phrasings may be respondents' words). A number is read
with the text it was written as (:class:`WrittenFloat`, :class:`WrittenInt`), so that
``version: 1.10`` stays ``"1.10"`` rather than becoming ``1.1``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Self

__all__ = ["WrittenFloat", "WrittenInt", "dump_toml", "parse_codebook"]


class WrittenFloat(float):
    """A float read from a codebook file, with the text it was written as (``written_as``)."""

    written_as: str

    def __new__(cls, text: str, value: float | None = None) -> Self:
        number = super().__new__(cls, float(text) if value is None else value)
        number.written_as = text
        return number


class WrittenInt(int):
    """An int read from a codebook file, with the text it was written as (``written_as``)."""

    written_as: str

    def __new__(cls, text: str, value: int) -> Self:
        number = super().__new__(cls, value)
        number.written_as = text
        return number


def _yaml_loader() -> type:
    import yaml

    class Loader(yaml.SafeLoader):
        """PyYAML's safe loader, keeping the text of numbers."""

    def floats(loader: Any, node: Any) -> float:
        return WrittenFloat(node.value, yaml.SafeLoader.construct_yaml_float(loader, node))

    def ints(loader: Any, node: Any) -> int:
        return WrittenInt(node.value, yaml.SafeLoader.construct_yaml_int(loader, node))

    Loader.add_constructor("tag:yaml.org,2002:float", floats)
    Loader.add_constructor("tag:yaml.org,2002:int", ints)
    return Loader


_TOML_PLACE = re.compile(r"^(?P<what>.*?)\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)$")


def _where(error: Exception, kind: str) -> str:
    """Where a parser failed and what it expected, without any of the file's text."""
    import json
    import tomllib

    import yaml

    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        mark = error.problem_mark
        what = error.problem or "invalid YAML"
        if error.context:
            what += f" ({error.context})"
        return f"line {mark.line + 1}, column {mark.column + 1}: {what}"
    if isinstance(error, json.JSONDecodeError):
        return f"line {error.lineno}, column {error.colno}: {error.msg}"
    if isinstance(error, tomllib.TOMLDecodeError):
        found = _TOML_PLACE.match(str(error))
        if found:
            return (f"line {found['line']}, column {found['column']}: "
                    f"{found['what'] or 'invalid TOML'}")
    return f"{type(error).__name__} ({kind} syntax)"


def parse_codebook(text: str, suffix: str, path: str) -> Any:
    """Parse a codebook file's text; ``suffix`` is ``.yaml``, ``.yml``, ``.toml`` or ``.json``.

    Raises
    ------
    CodebookError
        Naming the line and column of a syntax error.
    """
    import json
    import tomllib

    import yaml

    from ..errors import CodebookError

    kind = {".yaml": "YAML", ".yml": "YAML", ".toml": "TOML", ".json": "JSON"}[suffix]
    try:
        if kind == "YAML":
            return yaml.load(text, Loader=_yaml_loader())  # a SafeLoader
        if kind == "TOML":
            return tomllib.loads(text, parse_float=WrittenFloat)
        return json.loads(text, parse_float=WrittenFloat)
    except (yaml.YAMLError, json.JSONDecodeError, tomllib.TOMLDecodeError) as e:
        raise CodebookError(
            f"The codebook file {path!r} could not be read as {kind}: at {_where(e, kind)}. "
            "Fix the file there (look at the lines just before it too: indentation, quotes, "
            "brackets, commas)."
        ) from e


# -- writing TOML ------------------------------------------------------------------------------
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}


def _toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + "".join(f"    {_toml_value(v)},\n" for v in value) + "]"
    raise TypeError(f"a codebook holds strings and lists of strings; got {type(value).__name__}")


def dump_toml(data: Mapping[str, Any]) -> str:
    """A codebook's plain data (:meth:`Codebook.to_dict`) as TOML that ``tomllib`` reads back.

    Top-level strings and lists first, then one ``[[themes]]`` table per theme; a key whose
    value is None (no parent) is left out, as TOML has no null.

    Examples
    --------
    >>> print(dump_toml({"version": "1", "themes": [{"id": "pets", "examples": ['a "dog"']}]}))
    version = "1"
    <BLANKLINE>
    [[themes]]
    id = "pets"
    examples = [
        "a \\"dog\\"",
    ]
    <BLANKLINE>
    """
    lines = [f"{key} = {_toml_value(value)}" for key, value in data.items()
             if key != "themes" and value is not None]
    for theme in data.get("themes", []):
        lines += ["", "[[themes]]"]
        lines += [f"{key} = {_toml_value(value)}" for key, value in theme.items()
                  if value is not None]
    return "\n".join(lines) + "\n"
