"""The palette of topics and REFI-QDA codes: contrast against white, distinct neighbours."""

from __future__ import annotations

import itertools
import math

import pytest

from carevoice._palette import (
    _BASE,
    _ciede2000,
    _farthest_first,
    contrast_ratio,
    delta_e,
    distinct_colours,
    lab,
    relative_luminance,
    text_colour,
)


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("#000000", "#ffffff", 21.0),
    ("#ffffff", "#ffffff", 1.0),
    ("#767676", "#ffffff", 4.54),  # the lightest grey that passes WCAG 1.4.3 on white
    ("#949494", "#ffffff", 3.03),
    ("#aec7e8", "#ffffff", 1.73),  # the audit's figures for the old palette
    ("#c7e9c0", "#ffffff", 1.33),
])
def test_contrast_ratio_matches_wcag(first, second, expected):
    assert round(contrast_ratio(first, second), 2) == expected
    assert contrast_ratio(first, second) == contrast_ratio(second, first)


def test_relative_luminance_reads_hex_and_matplotlib_tuples():
    assert relative_luminance("#fff") == relative_luminance((1.0, 1.0, 1.0, 0.5)) == 1.0
    assert relative_luminance("#ff0000") == pytest.approx(0.2126)


@pytest.mark.parametrize(("lab1", "lab2", "expected"), [
    # Sharma, Wu and Dalal (2005), Table 1: pairs 1, 7, 13, 17, 25 and 34.
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0011), 7.2195),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((2.0776, 0.0795, -1.135), (0.9033, -0.0636, -0.5514), 0.9082),
])
def test_ciede2000_matches_the_published_test_data(lab1, lab2, expected):
    assert round(_ciede2000(lab1, lab2), 4) == expected
    assert round(_ciede2000(lab2, lab1), 4) == expected


def test_every_colour_has_three_to_one_contrast_against_white():
    """The palette said "readable on white" while 34 of its 54 colours were below 3:1
    (#aec7e8 1.73:1, #c7e9c0 1.33:1; WCAG 1.4.11 asks 3:1 for graphical objects)."""
    colours = distinct_colours(300)
    low = [c for c in colours if contrast_ratio(c, "#ffffff") < 3.0]
    assert low == []


def test_neighbours_differ_clearly_and_the_first_48_all_differ():
    colours = distinct_colours(300)
    neighbours = [delta_e(a, b) for a, b in itertools.pairwise(colours)]
    assert min(neighbours[:47]) >= 30  # the chosen 48
    assert min(neighbours) >= 15  # and past them, round the colour wheel
    first = colours[:48]
    assert min(delta_e(a, b) for i, a in enumerate(first) for b in first[i + 1:]) >= 9.9
    # not only lightness: neighbours differ in hue too, never two shades of one colour
    hues = [math.degrees(math.atan2(lab(c)[2], lab(c)[1])) % 360 for c in first]
    turns = [min(abs(a - b), 360 - abs(a - b)) for a, b in itertools.pairwise(hues)]
    assert min(turns) >= 40


def test_colours_are_distinct_deterministic_prefix_stable_and_not_grey():
    colours = distinct_colours(300)
    assert len(set(colours)) == 300
    assert all(c == c.lower() and len(c) == 7 and c.startswith("#") for c in colours)
    assert min(math.hypot(*lab(c)[1:]) for c in colours) >= 20  # chroma: no greys
    assert distinct_colours(300) == colours
    assert distinct_colours(40) == colours[:40] and distinct_colours(60) == colours[:60]
    assert distinct_colours(0) == distinct_colours(-3) == []
    assert distinct_colours(1) == ["#1f77b4"]  # matplotlib's first blue stays first


def test_the_base_palette_is_what_its_comment_says():
    """_BASE is written out so colours never change under users' REFI-QDA projects; the
    procedure its comment describes still gives exactly those colours."""
    assert len(_BASE) == 48
    assert tuple(_farthest_first(48)) == _BASE


@pytest.mark.parametrize("shade", [i / 20 for i in range(21)])
def test_text_colour_gives_at_least_4_5_to_1(shade):
    import matplotlib

    background = matplotlib.colormaps["Blues"](shade)
    assert contrast_ratio(text_colour(background), background) >= 4.5
