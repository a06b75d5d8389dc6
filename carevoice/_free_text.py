"""Telling closed answers from free text (:func:`free_text_columns`, re-exported by
:mod:`carevoice.corpus`); the wording of headers is read in :mod:`carevoice._wording`, names
among answers in :mod:`carevoice._answer_names`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from ._answer_codes import MissingValues, _answers, _code_key, _codes_by_column, _drop_codes
from ._answer_levels import _known_order
from ._answer_names import person_named, plain_labels
from ._decimals import decimal_comma_kind
from ._multiselect import undeclared_write_ins
from ._stat_files import file_hints
from ._wording import (
    IDENTIFIER,
    PLATFORM_IDENTIFIER,
    all_dates,
    answer_keys,
    closed_labels,
    closed_list,
    header_texts,
    names_a_list,
    platform_identifier,
    question_asks,
    repeated_short,
    replies_only,
)


def free_text_columns(frame: pd.DataFrame, columns: Iterable[str] | None = None, *,
                      missing_values: MissingValues | None = None,
                      wording: Mapping[str, str] | None = None,
                      text_variables: Iterable[str] | None = None,
                      value_labelled: Iterable[str] | None = None) -> dict[str, str]:
    """Find columns that hold free text (or values unique to a respondent), not closed answers.

    A wide export's other columns become closed answers in ``respondents``, which is never
    pseudonymised; this finds the ones that must not. A column is free text or closed as a
    whole; it is flagged when

    - an answer runs over several lines, or a long answer (more than 80 characters or 12
      words or more) is given by one respondent only (a long label that several chose, "No,
      I would like to see them a lot more than I do now", is a closed answer);
    - its question asks for free text ("Other (please specify)", "Anything else?",
      ``placement_other``, ``Q5_6_TEXT``, ``gender_self``) or for a name or contact details
      ("First name", ``yp_name``, "Name of school", "Email", "Contact number", "Address",
      "Postcode", "Date of birth"), and its answers differ (or are only a few); headers
      are read with CamelCase split into words too (``RecipientFirstName``);
    - its header names a survey platform's record of who answered or where from
      (``IPAddress``, ``LocationLatitude``, ``RecipientEmail``, ``ExternalReference``),
      whatever its answers (the same IP address for every young person in one home);
    - its question is open ("Why?", "Details", "Please describe") and some answer is given by
      one respondent only, or is long;
    - nearly every answer differs from the others (20 answers or more, at least half of them
      different; or 8 or more, all different), unless most answers repeat and those given
      once are short labels ("Leeds", "Kingston upon Hull"), or the question names a list of
      places or groups (a council, an ethnic group) and every answer is such a label, or, in
      a small survey (fewer than 20 answers), every answer is a plain label of ordinary words
      ("Foster care", "Year 10"; :func:`carevoice._answer_names.plain_labels`);
    - some answer reads as a person's name to the pseudonymiser's name detector ("Jayden",
      however many typed it; :func:`carevoice._answer_names.person_named`), unless the
      question names a list of places or groups;
    - its answers are the options of a tick-all-that-apply question joined in one cell
      (Microsoft Forms ``"Sport;Gaming;"``, Google Forms ``"Sport, Gaming"``) and some
      parts were written in, not ticked: text after "Other:", a person's name, or a part
      given by three respondents or fewer that reads as one's own words ("fishing with Tariq"; see
      :func:`carevoice._multiselect.undeclared_write_ins`). Declared with ``multi_select``,
      the question is split into one no/yes answer per option before this check.

    Not flagged, however the question is worded: answers that are all replies such as "Yes",
    "No", "Don't know", "Not sure" (so "Do you know your social worker's name?" and
    ``adv_details`` are closed questions), a question answered the same by everyone, numbers,
    dates, age bands, answers on a known scale (:data:`KNOWN_SCALES`) and categoricals with
    an order (``levels=``, an ordinal SPSS question). Wordings of closed questions that share
    words with open ones are read as closed: "Which of these best describes ...", "How would
    you describe ...", "Has anyone explained why ...", ``know_why_care``, "Other children
    living in your home". A question that asks for a name or contact details is flagged even
    when its answers are numbers, if one has six digits or more (a phone number).

    What an SPSS or Stata file says about its variables counts too: the question wording
    (variable label, "Other (please specify)") is checked as the column name is; a string
    variable without value labels is free text (unless its answers are on a known scale or
    age bands), numbers included; a question with value labels is closed by construction and
    never flagged. The readers record these in ``frame.attrs`` (see
    :func:`carevoice.read_respondents`), where they are taken from by default.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per respondent, values as read (or typed).
    columns : iterable of str, optional
        The columns to check; by default all.
    missing_values : sequence or mapping, optional
        Codes that mean "no answer", left out before checking (as in :func:`type_answers`), so
        that a column of numbers with some "don't know" answers counts as numeric.
    wording : mapping of str to str, optional
        Each column's question wording; by default ``frame.attrs["question_wording"]``.
    text_variables : iterable of str, optional
        The string variables without value labels of an SPSS or Stata file; by default
        ``frame.attrs["text_variables"]``.
    value_labelled : iterable of str, optional
        The questions with value labels of an SPSS or Stata file; by default
        ``frame.attrs["value_labelled"]``.

    Returns
    -------
    dict
        ``{column: reason}`` for each column that looks like free text.

    Examples
    --------
    >>> import pandas as pd
    >>> wide = pd.DataFrame({"age": ["8-10", "11-13"],
    ...                      "Other (please specify)": ["my nan", None],
    ...                      "Has anyone explained why you are in care?": ["Yes", "Don't know"]})
    >>> free_text_columns(wide)
    {'Other (please specify)': 'its question asks for free text'}

    An SPSS variable ``placement_other`` worded "Other (please specify)":

    >>> free_text_columns(wide.rename(columns={"Other (please specify)": "placement_other"}),
    ...                   wording={"placement_other": "Other (please specify)"})
    {'placement_other': 'its question asks for free text'}
    """
    found = {}
    checked = list(frame.columns if columns is None else columns)
    codes = _codes_by_column(missing_values, checked)
    wording, text_variables, value_labelled = file_hints(frame, wording, text_variables,
                                                         value_labelled)
    for col in checked:
        if col in value_labelled:  # answers chosen from the file's value labels: closed
            continue
        if isinstance(frame[col].dtype, pd.CategoricalDtype) and frame[col].dtype.ordered:
            continue  # an order (levels=, a schema side file, SPSS ordinal) says it is closed
        values = _answers(frame[col])
        if col in codes:
            values = _drop_codes(values, codes[col])[0]
        present = values.dropna().astype(str)
        if present.empty:
            continue
        # the column name and, for an SPSS or Stata file or a Qualtrics export, its question
        # wording; each as written and with CamelCase split (RecipientFirstName)
        headers = [t for h in (col, wording.get(col)) if h for t in header_texts(h)]
        header = " ".join(headers)
        if any(platform_identifier(h) for h in headers):
            found[str(col)] = PLATFORM_IDENTIFIER  # IPAddress, LocationLatitude: any answers
            continue
        asked = [question_asks(h) for h in headers]
        asks = next((reason for reason, _ in asked if reason), "")
        # How firmly: an open question ("Why?") in any reading of the header lets repeated
        # answers through; a lead-in ("Please tell us ...") only when no reading says
        # "always" (Q3_TEXT worded "Please tell us ...") and the answers are a list's labels.
        hows = {how for reason, how in asked if asks and reason == asks}
        firmly = "open" if "open" in hows else ("lead_in" if hows == {"lead_in"} else "")
        numbers = (pd.to_numeric(present, errors="coerce").notna().all()
                   or decimal_comma_kind(present) is not None)  # 6,5: a number, not words
        if col not in text_variables and (numbers or all_dates(present)):
            if asks == IDENTIFIER and (present.str.count(r"\d") >= 6).any():
                found[str(col)] = asks  # a phone number, an NHS number, a date of birth
            continue
        if _known_order(present.tolist()) is not None:
            continue
        keys = answer_keys(present)
        once = keys.map(keys.value_counts()) == 1
        n, distinct = len(present), keys.nunique()
        long = (present.str.len() > 80) | (present.str.split().str.len() >= 12)
        if present.str.contains(r"[\r\n]").any():
            found[str(col)] = "answers run over several lines"
        elif (long & once).any():
            found[str(col)] = "some answers are long"
        elif asks and not replies_only(keys) \
                and (keys != _code_key(str(col))).any() and (n < 5 or distinct > 1) \
                and not (firmly == "open" and repeated_short(present, once)) \
                and not (firmly == "lead_in" and closed_labels(present, once)):
            found[str(col)] = asks
        elif col in text_variables:
            found[str(col)] = ("it is a text variable without value labels in an SPSS or "
                               "Stata file")
        elif ((n >= 20 and distinct >= 0.5 * n)
              or (n >= 8 and distinct == n and not (n < 20 and plain_labels(present)))) \
                and not closed_list(header, present, once):
            found[str(col)] = "nearly every answer differs from the others"
        elif (joined := undeclared_write_ins(present)) is not None:
            found[str(col)] = _joined_reason(str(col), *joined)
        elif not names_a_list(header) and (named := person_named(present.unique())):
            found[str(col)] = _named_reason(len(named))
    return found


def _named_reason(n: int) -> str:
    """Why a column of labels is refused when some answers hold a person's name."""
    return (f"{n} of its different answers read as a person's name (a first name typed in "
            "as an option, as an 'Other' box lets one write), and closed answers are never "
            "pseudonymised")


def _joined_reason(column: str, sep: str, n: int) -> str:
    """Why a joined tick-all-that-apply column with write-ins is refused, and what to do."""
    return (f"its answers are options joined by {sep!r}, and {n} of them hold words written "
            "in, not ticked: a tick-all-that-apply question with a young person's write-ins. "
            f"Declare it (multi_select={{{column!r}: {sep!r}}}; --multi-select "
            f"'{column}={sep}' on the command line; [input.multi_select] in a batch run), "
            "giving its options in order if one is taken for a write-in (levels=...; --levels "
            "'COLUMN=OPTION,...'; [input.levels]): each option becomes a no/yes answer and the "
            "write-ins are left out")
