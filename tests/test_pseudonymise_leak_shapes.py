"""The screen for shapes of a missed name: a comment holding one is flagged for review.

Everything here is fictional.
"""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.pseudonymise import PatternDetector, PseudonymiseConfig, pseudonymise, review_flags
from carevoice.pseudonymise.leak_shapes import LEAK_SHAPES, leak_shapes, screen_leak_shapes
from carevoice.pseudonymise.review import REVIEW_REASONS

#: A pseudonymised text and the one shape it holds.
SHAPES = [
    ("ghosted zuleika after she told everyone i was in care", "shape_after_contact"),
    ("i blocked Tamsyn on everything", "shape_after_contact"),
    ("snitched on dariusz for vaping and he hates me now", "shape_after_contact"),
    ("i fell out with oluwaseun over nothing", "shape_after_contact"),
    ("thanks for listening, love kenzie x", "shape_sign_off"),
    ("that is all from Tobiah", "shape_sign_off"),
    ("J4yden is the only one who gets me", "shape_digits_in_word"),
    ("everyone calls her r0sie", "shape_digits_in_word"),
    ("me/kenzie/tobiah live in the same flat", "shape_slash_names"),
    ("we made a banner saying #teamzuleika", "shape_hashtag"),
]
#: Look-alikes: the same places, with ordinary words, text-speak or a tag in them.
LOOK_ALIKES = [
    "ghosted everyone after the review",
    "i blocked [PERSON_1] on everything",
    "i messaged my sw and she never replied",
    "snitched on them for smoking",
    "i fell out with my bestie",
    "we texted loads last night",
    "i got told off for nothing",
    "thanks for listening, love you x",
    "i got a letter from school",
    "see you later, from [PERSON_2] x",
    "c u l8r, it was gr8",
    "in y10 i moved to a new school",
    "she has a ps4 and a ps5",
    "mum/dad/carer should all be at the meeting",
    "he/she/they should ask first",
    "#loveislove and #careexperienced",
    "#carecommunity is where i found people",
    "lives with different carers now",
]


@pytest.mark.parametrize(("text", "code"), SHAPES)
def test_each_shape_of_a_missed_name_is_found(text: str, code: str) -> None:
    assert leak_shapes(text) == (code,)


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_the_same_places_with_ordinary_words_are_no_shape(text: str) -> None:
    assert leak_shapes(text) == ()


def test_words_a_replacement_put_in_are_not_read() -> None:
    # a surrogate after "messaged" was a name found and replaced: not a missed one
    text = "i messaged Zuleika and she replied"
    start = text.index("Zuleika")
    assert leak_shapes(text) == ("shape_after_contact",)
    assert leak_shapes(text, [(start, start + 7)]) == ()
    comments = pd.DataFrame({"comment_id": ["c1", "c2"], "text": [text, text]})
    replaced = pd.DataFrame({"comment_id": ["c1"], "out_start": [start], "out_end": [start + 7]})
    assert screen_leak_shapes(comments, replaced).to_dict("list") == {
        "comment_id": ["c2"], "reason": ["shape_after_contact"]}


def test_the_shapes_are_review_reasons() -> None:
    assert set(LEAK_SHAPES) <= set(REVIEW_REASONS)


def test_a_comment_with_a_shape_is_flagged_though_no_detector_fired() -> None:
    """Only the pattern detector runs, so no name is found; the flags still name the comment
    with the missed name, by its id and a reason code (no text), and not the other."""
    frame = pd.DataFrame({"comment_id": ["k1", "k2"], "text": [
        "i blocked tamsyn on everything cos she kept messaging",
        "i blocked everyone on everything cos they kept messaging"]})
    result = pseudonymise(frame, detectors=[PatternDetector()])
    assert result.spans.empty
    flags = review_flags(result)
    assert flags.to_dict("list") == {"comment_id": ["k1"], "reason": ["shape_after_contact"]}
    # a spans frame, as a batch run reads them, with the pseudonymised comments beside it
    assert review_flags(result.spans, comments=result.comments).equals(flags)


@pytest.mark.model
def test_a_surrogate_in_a_shape_flags_nothing() -> None:
    """In surrogates mode the name found after "messaged" is replaced by a made-up name: the
    screen reads the key's offsets and leaves it alone."""
    frame = pd.DataFrame({"comment_id": ["k1"], "text": ["i messaged Tamsyn Okafor-Lund"]})
    result = pseudonymise(frame, PseudonymiseConfig(mode="surrogates", use_spacy=False))
    assert len(result.spans)
    assert not any(r.startswith("shape_") for r in review_flags(result)["reason"])


# -- the review of a shape's word: listed in the review file, decided with --decisions --------

#: A comment with a phone number before the missed name, so that its place in the original
#: text differs from its place in the pseudonymised one; and one with no shape. Only the
#: pattern detector runs on it below, so no detector finds the name, whatever the name lists
#: hold; the command's test runs them all, with a name they miss (``missed_word``).
MISSED = "my carer rang 07700 900123 and then i ghosted {} after she told everyone"
NO_SHAPE = "i blocked everyone on everything cos they kept messaging"
WORD = "zev"
REVIEWED = pd.DataFrame({"comment_id": ["s1", "s2"], "text": [MISSED.format(WORD), NO_SHAPE]})
#: Fictional names of three letters, a known gap of the detectors after a verb people do to
#: people (docs/pseudonymise.md): the command's test takes the first one they still miss, so
#: that a better detector does not break it (session 31: it was "zev", fixed).
CANDIDATES = ("zev", "koa", "ezo", "oti", "dov", "tui")


@pytest.fixture(scope="module")
def app():
    """A local app with the command, registered the way carevoice.cli does."""
    import typer

    from carevoice.pseudonymise.command import pseudonymise_command, reidentify_command

    app = typer.Typer()
    app.command("pseudonymise")(pseudonymise_command)
    app.command("reidentify")(reidentify_command)
    return app


@pytest.fixture(scope="module")
def missed_word(app, tmp_path_factory) -> str:
    """The first of the candidates that the shape screen reads after "ghosted" and that the
    command, with all its detectors, leaves in the text: the word its test reviews."""
    folder = tmp_path_factory.mktemp("candidates")
    for word in CANDIDATES:
        if leak_shapes(MISSED.format(word)) != ("shape_after_contact",):
            continue
        src, out = folder / f"{word}.csv", folder / f"{word}-out.csv"
        pd.DataFrame({"comment_id": ["s1", "s2"],
                      "text": [MISSED.format(word), NO_SHAPE]}).to_csv(src, index=False)
        _run(app, [src, "-o", out, "--review-file", folder / f"{word}-review.csv"])
        if f"ghosted {word} after" in _read(out)["text"].iloc[0]:
            return word
    pytest.skip(f"the detectors find every candidate name after 'ghosted' {CANDIDATES} (or "
                "the screen reads none): add a fictional name they miss to CANDIDATES")


def _run(app, args: list[str]):
    from typer.testing import CliRunner

    done = CliRunner().invoke(app, ["pseudonymise", *map(str, args)])
    assert done.exit_code == 0, done.output
    return done


def _read(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def test_a_shapes_word_is_in_the_review_table_at_its_place_in_the_original_text() -> None:
    result = pseudonymise(REVIEWED, detectors=[PatternDetector()])
    assert "[PHONE_1]" in result.comments["text"].iloc[0]  # the phone number moved the word
    rows = result.review[result.review["detector"].str.startswith("shape:")]
    assert len(rows) == 1
    row = rows.iloc[0]
    start = REVIEWED["text"].iloc[0].index(WORD)
    assert (row["comment_id"], row["start"], row["end"]) == ("s1", start, start + len(WORD))
    assert (row["label"], row["detector"], row["span_text"]) == (
        "PERSON", "shape:after_contact", WORD)
    assert float(row["score"]) == 0.0 and row["decision"] == ""
    assert f"ghosted [[{WORD}]] after" in row["context"]
    # the row stands for the shape's flag, not for a span: the reason stays the shape's
    assert review_flags(result).to_dict("list") == {"comment_id": ["s1"],
                                                    "reason": ["shape_after_contact"]}


@pytest.mark.parametrize(("decision", "masked", "flagged"), [
    ("accept", True, False),   # masked as a span is, so the comment is flagged no more
    ("reject", False, False),  # no name: the text stays, the shape's flag is cleared
    ("", False, True),         # undecided: the flag stays, and the word is listed again
])
def test_the_command_applies_a_decision_on_a_shapes_word(tmp_path, app, missed_word, decision,
                                                         masked, flagged) -> None:
    word = missed_word
    src, review = tmp_path / "in.csv", tmp_path / "review.csv"
    pd.DataFrame({"comment_id": ["s1", "s2"],
                  "text": [MISSED.format(word), NO_SHAPE]}).to_csv(src, index=False)
    first = _run(app, [src, "-o", tmp_path / "out.csv", "--review-file", review])
    assert "a word shaped like a missed name" in first.output
    assert _read(tmp_path / "out.csv")["needs_review"].tolist() == ["True", "False"]
    table = _read(review)
    assert table.loc[table["span_text"] == word, "detector"].tolist() == ["shape:after_contact"]
    table.loc[table["span_text"] == word, "decision"] = decision
    table.to_csv(review, index=False, encoding="utf-8-sig")
    again = tmp_path / "review2.csv"
    _run(app, [src, "-o", tmp_path / "out2.csv", "--decisions", review,
               "--review-file", again])
    out = _read(tmp_path / "out2.csv")
    text = out["text"].iloc[0]
    assert (word not in text) is masked
    if masked:
        assert "ghosted [PERSON_1] after" in text
    else:
        assert text == MISSED.replace("07700 900123", "[PHONE_1]").format(word)
    assert out["needs_review"].tolist() == [str(flagged), "False"]
    assert (word in _read(again)["span_text"].tolist()) is flagged


def test_a_decision_on_a_shapes_word_through_the_python_api_and_a_key(tmp_path) -> None:
    """Accepted in surrogates mode, the word gets a surrogate and its place in the key, as a
    detected name does; the decisions are counted with the others."""
    from carevoice.pseudonymise import read_decisions, reidentify

    first = pseudonymise(REVIEWED, PseudonymiseConfig(mode="surrogates"),
                         detectors=[PatternDetector()], secret=b"s" * 32)
    decisions = first.review.assign(decision="accept")
    decisions.to_csv(tmp_path / "r.csv", index=False)
    result = pseudonymise(REVIEWED, PseudonymiseConfig(mode="surrogates"),
                          detectors=[PatternDetector()], secret=b"s" * 32,
                          decisions=read_decisions(tmp_path / "r.csv"))
    text = result.comments["text"].iloc[0]
    assert WORD not in text and "ghosted " in text
    assert WORD in result.key.occurrences["original"].tolist()
    assert result.spans.attrs["decisions"] == {"accepted": 1, "rejected": 0, "stale": 0}
    assert reidentify(result.comments, result.key)["text"].tolist() == REVIEWED["text"].tolist()
    assert review_flags(result).empty and result.review.empty


def test_a_stale_decision_on_a_shapes_word_is_not_applied() -> None:
    first = pseudonymise(REVIEWED, detectors=[PatternDetector()])
    decisions = first.review.assign(decision="reject", fingerprint="fp000000000000")
    result = pseudonymise(REVIEWED, detectors=[PatternDetector()], decisions=decisions)
    assert result.spans.attrs["decisions"]["stale"] == 1
    assert any("for comment s1 the fingerprint no longer matches" in n for n in result.notes)
    assert review_flags(result)["comment_id"].tolist() == ["s1"]
    assert result.review["span_text"].tolist() == [WORD]  # to decide again


def test_a_spans_decision_at_a_shapes_word_is_not_the_shapes() -> None:
    """A span's row at the place of the word where this run found no span is not read."""
    first = pseudonymise(REVIEWED, detectors=[PatternDetector()])
    assert first.review["detector"].tolist() == ["shape:after_contact"]
    decisions = first.review.assign(decision="reject", detector="names:context")
    result = pseudonymise(REVIEWED, detectors=[PatternDetector()], decisions=decisions)
    assert review_flags(result)["comment_id"].tolist() == ["s1"]
    assert result.spans.attrs["decisions"]["rejected"] == 0


def test_a_min_score_set_aside_written_reject_does_not_clear_the_shape() -> None:
    """``min_score`` leaves a guessed name unmasked and lists it, undecided (files written
    before 0.7.0 wrote ``reject`` there); passed back untouched, or as an old file wrote it,
    that is no person's word on the shape, which stays flagged and listed until its own row
    is decided. A span a person rejected at the word clears it."""
    start = REVIEWED["text"].iloc[0].index(WORD)
    guessed = pd.DataFrame({"comment_id": ["s1"], "start": [start], "end": [start + len(WORD)],
                            "label": ["PERSON"], "score": [0.4], "detector": ["names:context"]})
    low = PseudonymiseConfig(min_score=0.5)
    with pytest.warns(UserWarning, match="min_score"):
        first = pseudonymise(REVIEWED, low, spans=guessed)
    assert first.review[["detector", "in_output", "decision"]].values.tolist() == [
        ["names:context", "unmasked (min_score)", ""],
        ["shape:after_contact", "unmasked (no span)", ""]]
    old_file = first.review.drop(columns="in_output").assign(decision=["reject", ""])
    for given in (first.review, old_file):  # untouched; as a file before 0.7.0 wrote it
        with pytest.warns(UserWarning, match="min_score"):  # the span: still set aside
            again = pseudonymise(REVIEWED, low, spans=guessed, decisions=given)
        assert "shape_after_contact" in review_flags(again)["reason"].tolist()
        assert "shape:after_contact" in again.review["detector"].tolist()
    decided = first.review.assign(decision=["reject", "reject"])
    done = pseudonymise(REVIEWED, low, spans=guessed, decisions=decided)
    assert review_flags(done).empty and WORD in done.comments["text"].iloc[0]
    # at the default min_score the guess is masked and listed: rejected, the shape is cleared
    listed = pseudonymise(REVIEWED, spans=guessed)
    assert listed.review["detector"].tolist() == ["names:context"]
    gone = pseudonymise(REVIEWED, spans=guessed, decisions=listed.review.assign(
        decision="reject"))
    assert review_flags(gone).empty and gone.review.empty


def test_a_review_file_saved_without_its_detector_column_still_decides_the_word(tmp_path):
    """A spreadsheet user may delete columns: a row at a place where no span was found is the
    word's."""
    from carevoice.pseudonymise import read_decisions

    first = pseudonymise(REVIEWED, detectors=[PatternDetector()])
    first.review.drop(columns=["detector", "score", "context"]).assign(
        decision="yes").to_csv(tmp_path / "r.csv", index=False)
    result = pseudonymise(REVIEWED, detectors=[PatternDetector()],
                          decisions=read_decisions(tmp_path / "r.csv"))
    assert WORD not in result.comments["text"].iloc[0] and review_flags(result).empty
