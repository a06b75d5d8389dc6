"""One palette for everything carevoice colours: discovered topics and REFI-QDA codes.

Every colour has a contrast of at least 3:1 against white (WCAG 2.2, success criterion 1.4.11,
non-text contrast), so a point, a bar or a code's colour stays visible on a white page, and
each colour differs clearly from the one before it. The module also holds the colour
arithmetic the plots use to check this: WCAG relative luminance and contrast ratio, CIELAB, and
the CIEDE2000 colour difference.

Plain data and the standard library, so that exporting a project needs no plotting package.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["contrast_ratio", "delta_e", "distinct_colours", "relative_luminance",
           "text_colour"]

#: 48 colours, all at least 3:1 against white. Chosen farthest-first
#: (:func:`_farthest_first`): starting from matplotlib's first blue, each next colour is,
#: among the sRGB colours of CIELAB lightness 35 to 60 and chroma 30 to 65 with at least 3:1
#: against white, the one farthest (CIEDE2000) from every colour already chosen, among those
#: at least 30 from the one just before. Any two of them differ by at least 9.9, neighbours
#: by at least 30 (and by at least 40 degrees of hue).
_BASE: tuple[str, ...] = (
    "#1f77b4", "#929704", "#f75a6d", "#7b450c", "#86278f", "#1b5d41",
    "#9f87b9", "#1ea19a", "#d27c21", "#a31235", "#0c983e", "#474f7f",
    "#5f620c", "#d2469c", "#c14a24", "#7268d8", "#927a4a", "#169dc2",
    "#a15d69", "#829865", "#bf826c", "#1a6d0b", "#825e8b", "#438365",
    "#7392c5", "#813a5d", "#b58b01", "#894f40", "#b462cd", "#5c830b",
    "#c17d96", "#a95e06", "#0a5781", "#bf1c67", "#7e6000", "#ce3846",
    "#24a37b", "#9f2110", "#5f45af", "#ed674a", "#577243", "#2b5eca",
    "#0d7e79", "#9c6c4b", "#6d6c9e", "#807a06", "#9e7fe8", "#ad6356",
)

#: The least contrast against white of every palette colour (WCAG 1.4.11).
MIN_CONTRAST = 3.0

#: CIE D65 white point (the sRGB white), in XYZ.
_WHITE_XYZ = (0.95047, 1.0, 1.08883)

Colour = str | Sequence[float]


def _rgb(colour: Colour) -> tuple[float, float, float]:
    """``#rrggbb`` (or ``#rgb``), or an RGB(A) sequence of floats in [0, 1], as three floats."""
    if isinstance(colour, str):
        digits = colour.lstrip("#")
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        if len(digits) != 6:
            raise ValueError(f"A colour must be '#rrggbb'; got {colour!r}.")
        return tuple(int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    r, g, b = (float(v) for v in list(colour)[:3])
    return r, g, b


def _linear(channel: float) -> float:
    # The sRGB standard's threshold (0.04045); WCAG 2.0 printed 0.03928, which gives the same
    # result for every 8-bit value.
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _gamma(channel: float) -> float:
    return 12.92 * channel if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def relative_luminance(colour: Colour) -> float:
    """WCAG relative luminance: 0 for black, 1 for white.

    Parameters
    ----------
    colour : str or sequence of float
        ``#rrggbb``, or RGB(A) floats in [0, 1] as matplotlib gives them.

    Returns
    -------
    float

    Examples
    --------
    >>> relative_luminance("#000000"), relative_luminance("#ffffff")
    (0.0, 1.0)
    """
    r, g, b = (_linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: Colour, second: Colour = "#ffffff") -> float:
    """WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white).

    Parameters
    ----------
    first, second : str or sequence of float
        ``#rrggbb``, or RGB(A) floats in [0, 1]; ``second`` defaults to white.

    Returns
    -------
    float

    Examples
    --------
    >>> round(contrast_ratio("#000000"), 1)
    21.0
    >>> round(contrast_ratio("#767676"), 2)  # the lightest grey for text on white
    4.54
    """
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour(background: Colour) -> str:
    """Black or white, whichever contrasts more with ``background`` (always at least 4.58:1).

    Parameters
    ----------
    background : str or sequence of float
        ``#rrggbb``, or RGB(A) floats in [0, 1].

    Returns
    -------
    str
        ``"#000000"`` or ``"#ffffff"``.

    Examples
    --------
    >>> text_colour("#6aaed6"), text_colour("#08306b")
    ('#000000', '#ffffff')
    """
    if contrast_ratio(background, "#000000") >= contrast_ratio(background, "#ffffff"):
        return "#000000"
    return "#ffffff"


def _f(t: float) -> float:
    return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116


def _f_inverse(t: float) -> float:
    return t ** 3 if t ** 3 > 216 / 24389 else (116 * t - 16) / (24389 / 27)


def lab(colour: Colour) -> tuple[float, float, float]:
    """CIELAB (D65) coordinates ``(L*, a*, b*)`` of an sRGB colour."""
    r, g, b = (_linear(c) for c in _rgb(colour))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / _WHITE_XYZ[0]
    y = (0.2126 * r + 0.7152 * g + 0.0722 * b) / _WHITE_XYZ[1]
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / _WHITE_XYZ[2]
    fx, fy, fz = _f(x), _f(y), _f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _lab_to_hex(lightness: float, a: float, b: float) -> str | None:
    """The ``#rrggbb`` of a CIELAB colour, or None when sRGB cannot show it."""
    fy = (lightness + 16) / 116
    x, y, z = (_f_inverse(fy + a / 500) * _WHITE_XYZ[0], _f_inverse(fy) * _WHITE_XYZ[1],
               _f_inverse(fy - b / 200) * _WHITE_XYZ[2])
    rgb = (3.2406 * x - 1.5372 * y - 0.4986 * z, -0.9689 * x + 1.8758 * y + 0.0415 * z,
           0.0557 * x - 0.2040 * y + 1.0570 * z)
    if min(rgb) < -1e-4 or max(rgb) > 1 + 1e-4:
        return None
    return "#" + "".join(format(round(min(1.0, max(0.0, _gamma(v))) * 255), "02x") for v in rgb)


def delta_e(first: Colour, second: Colour) -> float:
    """CIEDE2000 colour difference (about 2 is just noticeable; 10 or more is clearly different).

    Parameters
    ----------
    first, second : str or sequence of float
        ``#rrggbb``, or RGB(A) floats in [0, 1].

    Returns
    -------
    float

    Examples
    --------
    >>> round(delta_e("#1f77b4", "#1f77b4"), 6)
    0.0
    >>> delta_e("#1f77b4", "#d62728") > 40
    True
    """
    return _ciede2000(lab(first), lab(second))


def _ciede2000(lab1: Sequence[float], lab2: Sequence[float]) -> float:
    """CIEDE2000 (Sharma, Wu and Dalal 2005) of two CIELAB colours, with kL = kC = kH = 1."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1 = math.degrees(math.atan2(b1, a1)) % 360 if c1 else 0.0
    h2 = math.degrees(math.atan2(b2, a2)) % 360 if c2 else 0.0
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    d_big_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + (360 if h1 + h2 < 360 else -360)) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_mean - 30)) + 0.24 * math.cos(math.radians(2 * h_mean))
         + 0.32 * math.cos(math.radians(3 * h_mean + 6))
         - 0.20 * math.cos(math.radians(4 * h_mean - 63)))
    rotation = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_mean, 1 + 0.015 * c_mean * t
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    dl, dc, dhh = (l2 - l1) / s_l, (c2 - c1) / s_c, d_big_h / s_h
    return math.sqrt(dl ** 2 + dc ** 2 + dhh ** 2 + r_t * dc * dhh)


def _farthest_first(n: int, first: str = "#1f77b4", neighbour: float = 30.0) -> list[str]:
    """How :data:`_BASE` was chosen (a test checks that it still gives the same colours).

    The candidates are sRGB colours on a grid of CIELAB lightness 35 to 60 (steps of 2.5),
    hue every 5 degrees and chroma 30 to 65 (steps of 5) whose contrast against white is at
    least :data:`MIN_CONTRAST`. From ``first``, each step takes the candidate farthest from
    every colour chosen so far among those at least ``neighbour`` from the last one.
    """
    found = set()
    for lightness in (35 + 2.5 * i for i in range(11)):
        for hue in range(0, 360, 5):
            for chroma in range(30, 66, 5):
                colour = _lab_to_hex(lightness, chroma * math.cos(math.radians(hue)),
                                     chroma * math.sin(math.radians(hue)))
                if colour and contrast_ratio(colour) >= MIN_CONTRAST:
                    found.add(colour)
    candidates = sorted(found)
    labs = {c: lab(c) for c in candidates}
    chosen = [first]
    nearest = {c: _ciede2000(labs[c], lab(first)) for c in candidates}
    while len(chosen) < n:
        last = lab(chosen[-1])
        apart = [c for c in candidates if _ciede2000(labs[c], last) >= neighbour] or candidates
        best = max(apart, key=lambda c: (nearest[c], c))
        chosen.append(best)
        for c in candidates:
            nearest[c] = min(nearest[c], _ciede2000(labs[c], labs[best]))
    return chosen


def _more(n: int, taken: set[str]) -> list[str]:
    """``n`` colours past :data:`_BASE`: round the hue circle by the golden angle.

    Lightness takes three values (38, 46, 54) in turn and chroma is the largest of 55, 50, ...
    that sRGB can show, so every colour is at least 3:1 against white; a colour already
    taken moves its hue on by a degree until it is new.
    """
    out: list[str] = []
    for i in range(n):
        hue, lightness = (20 + i * 137.50776405) % 360, (38.0, 46.0, 54.0)[i % 3]
        while True:
            colour = next((c for chroma in range(55, 24, -5)
                           if (c := _lab_to_hex(lightness, chroma * math.cos(math.radians(hue)),
                                                chroma * math.sin(math.radians(hue))))
                           and contrast_ratio(c) >= MIN_CONTRAST), None)
            if colour is not None and colour not in taken:
                break
            hue = (hue + 1) % 360
        taken.add(colour)
        out.append(colour)
    return out


def distinct_colours(n: int) -> list[str]:
    """``n`` distinct colours (``#rrggbb``), the same for the same ``n``, none of them grey.

    Every colour has at least 3:1 contrast against white (WCAG 1.4.11) and differs clearly
    from the one before it. The first 48 were chosen to be as far apart from each other as
    such colours can be (any two differ by about 10 or more in CIEDE2000, neighbours by at
    least 30); past 48, hues go round the colour wheel by the golden angle at three lightnesses.
    Colour alone cannot tell 40 things apart, least of all for a colour-blind reader: the
    plots that use these colours also label or mark what they colour.

    Parameters
    ----------
    n : int
        How many colours.

    Returns
    -------
    list of str
        Lower-case hex colours, all different; ``distinct_colours(n)`` starts with
        ``distinct_colours(m)`` for ``m < n``.

    Examples
    --------
    >>> distinct_colours(3)
    ['#1f77b4', '#929704', '#f75a6d']
    >>> len(set(distinct_colours(100)))
    100
    >>> min(contrast_ratio(c) for c in distinct_colours(100)) >= 3
    True
    """
    n = max(0, n)
    if n <= len(_BASE):
        return list(_BASE[:n])
    return [*_BASE, *_more(n - len(_BASE), set(_BASE))]
