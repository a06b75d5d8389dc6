"""One palette for everything carevoice colours: discovered topics and REFI-QDA codes.

Plain data and the standard library, so that exporting a project needs no plotting package.
"""

from __future__ import annotations

import colorsys

__all__ = ["distinct_colours"]

#: matplotlib's tab20, tab20b and tab20c palettes without their greys (tab20 alone repeats
#: after 20, and its greys look like outliers in a topic map): 54 colours readable on white.
_BASE: tuple[str, ...] = (
    "#1f77b4", "#aec7e8", "#ff7f0e", "#ffbb78", "#2ca02c", "#98df8a",
    "#d62728", "#ff9896", "#9467bd", "#c5b0d5", "#8c564b", "#c49c94",
    "#e377c2", "#f7b6d2", "#bcbd22", "#dbdb8d", "#17becf", "#9edae5",
    "#393b79", "#5254a3", "#6b6ecf", "#9c9ede", "#637939", "#8ca252",
    "#b5cf6b", "#cedb9c", "#8c6d31", "#bd9e39", "#e7ba52", "#e7cb94",
    "#843c39", "#ad494a", "#d6616b", "#e7969c", "#7b4173", "#a55194",
    "#ce6dbd", "#de9ed6", "#3182bd", "#6baed6", "#9ecae1", "#c6dbef",
    "#e6550d", "#fd8d3c", "#fdae6b", "#fdd0a2", "#31a354", "#74c476",
    "#a1d99b", "#c7e9c0", "#756bb1", "#9e9ac8", "#bcbddc", "#dadaeb",
)


def distinct_colours(n: int) -> list[str]:
    """``n`` distinct colours (``#rrggbb``), the same for the same ``n``, none of them grey.

    The 54 colours of tab20, tab20b and tab20c without greys come first; past 54, hues go
    round the colour wheel by the golden angle, which never lands on the same hue twice.

    Parameters
    ----------
    n : int
        How many colours.

    Returns
    -------
    list of str
        Lower-case hex colours, all different.

    Examples
    --------
    >>> distinct_colours(3)
    ['#1f77b4', '#aec7e8', '#ff7f0e']
    >>> len(set(distinct_colours(100)))
    100
    """
    extra = []
    for i in range(max(0, n - len(_BASE))):
        rgb = colorsys.hsv_to_rgb(i * 0.6180339887 % 1.0, 0.65, 0.9 if i % 2 else 0.6)
        extra.append("#" + "".join(format(round(v * 255), "02x") for v in rgb))
    return [*_BASE, *extra][:max(0, n)]
