"""Checks of a codebook's content, shared by :class:`Codebook` and :func:`codebook_from_dict`.

Each returns a list of problems (plain sentences), so that every problem is reported at once.
Messages name places (``themes[2] ('food') 'examples'[3]``), never an example's text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__: list[str] = []


def _describe(value: object) -> str:
    """What a non-string list item is, for a message (a scalar by value; never a string)."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return (f"{value} (YAML reads an unquoted yes, no, on, off, true or false as "
                f"true/false: put it in quotes, e.g. \"no\")")
    if isinstance(value, (int, float)):
        return f"the number {getattr(value, 'written_as', value)} (put it in quotes)"
    return f"a {type(value).__name__}"


def _list_problems(name: str, value: object) -> list[str]:
    """Why ``value`` is not a list of strings: one message per bad item, by its index."""
    if isinstance(value, str):
        return [(f"'{name}' must be a list of strings; got one string: write it as a list, "
                 f"e.g. [\"...\"] or one '- ...' line per item")]
    if isinstance(value, (set, frozenset, Mapping)) or not isinstance(value, Iterable):
        return [f"'{name}' must be a list of strings; got {type(value).__name__}"]
    problems = [f"'{name}'[{i}] is {_describe(item)}, not a string"
                for i, item in enumerate(value) if not isinstance(item, str)]
    problems += [f"'{name}'[{i}] is an empty string" for i, item in enumerate(value)
                 if isinstance(item, str) and not item.strip()]
    return problems


def _phrase_key(text: str) -> str:
    """Example phrasings compare in lower case with runs of spaces as one."""
    return " ".join(text.casefold().split())


def _structure_problems(themes: Sequence[tuple[str, Any, Any, tuple[str, ...], tuple[str, ...]]],
                        no_theme_examples: Sequence[str]) -> list[str]:
    """Problems between themes: duplicate ids, parents, renames, shared example phrasings.

    ``themes``: ``(where, id, parent, renamed_from, examples)`` of each theme, ``where``
    naming it in messages.
    """
    problems = []
    ids = [t[1] for t in themes if isinstance(t[1], str)]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        problems.append(f"duplicate theme ids: {', '.join(dupes)}")
    known = set(ids)
    parents = {t[1]: t[2] for t in themes if isinstance(t[1], str)}
    for where, tid, parent, _, _ in themes:
        if isinstance(parent, str) and parent not in known:
            problems.append(f"{where} has parent {parent!r}, which is not a theme id")
    for where, tid, _, _, _ in themes:  # cycles in the hierarchy
        seen, cur = {tid}, parents.get(tid)
        while isinstance(cur, str) and cur in parents:
            if cur in seen:
                problems.append(f"{where} is in a parent cycle")
                break
            seen.add(cur)
            cur = parents[cur]
    former: dict[str, str] = {}
    for where, tid, _, renamed_from, _ in themes:
        for old in renamed_from:
            if old == tid:  # the theme's own check says so
                continue
            if old in known:
                problems.append(f"{where} was renamed from {old!r}, which is still a theme id")
            elif old in former:
                problems.append(f"{where} and {former[old]} were both renamed from {old!r}")
            former.setdefault(old, where)
    owner: dict[str, str] = {}
    places = [(f"{where} 'examples'[{k}]", tid, e) for where, tid, _, _, examples in themes
              for k, e in enumerate(examples)]
    places += [(f"'no_theme_examples'[{k}]", None, e)
               for k, e in enumerate(no_theme_examples)]
    first_of: dict[str, tuple[str, object]] = {}
    for place, tid, text in places:
        key = _phrase_key(text)
        if key in first_of and first_of[key][1] != tid:
            owner.setdefault(place, first_of[key][0])
        first_of.setdefault(key, (place, tid))
    for place, first in owner.items():
        problems.append(
            f"{place} is the same phrasing as {first}: an example teaches the coder that it "
            "raises its theme and no other (a no-theme example: none), so it cannot be given "
            "twice; keep it in one place (to teach a comment that raises two themes, code it "
            "and fit the coder with your codes)")
    return problems
