"""The safeguarding screen's cue rules, one module per kind of concern.

:mod:`._shared` holds the machinery every rule uses (the :class:`~._shared.Cue` record, the
categories and levels, the shared pattern fragments, the routes between categories and the
idioms of hitting); each other module holds the rules of one category, in the order the
screen tries them. :mod:`carevoice.safeguarding.cues` puts them together; import from there.
"""
