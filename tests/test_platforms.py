"""Exports from survey platforms (Qualtrics, SurveyMonkey, Microsoft Forms, Google Forms):
their header rows, their metadata and identifier columns, partial responses, and answers that
Excel turned into dates on the way.

Every name, address, place and answer here is fictional (``example.invalid`` addresses,
documentation IP ranges).
"""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.corpus import free_text_columns

N = 36
FIRST_NAMES = ["Zebedee", "Quorn", "Ottoline", "Barnaby"] * (N // 4)


# --------------------------------------------------------------------------------------------
# F2: identifiers under CamelCase headers
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("header, values", [
    ("RecipientFirstName", FIRST_NAMES),
    ("RecipientLastName", ["Testperson", "Sampleton"] * (N // 2)),
    ("RecipientEmail", ["carer.a@example.invalid", "carer.b@example.invalid"] * (N // 2)),
    ("RecipientPhone", ["07700900001", "07700900002"] * (N // 2)),
    ("IPAddress", ["192.0.2.10", "192.0.2.10", "198.51.100.7"] * (N // 3)),
    ("IPAddress", ["192.0.2.10"] * N),  # one children's home, one network
    ("LocationLatitude", ["53.7446", "53.7401"] * (N // 2)),
    ("LocationLongitude", ["-0.3352"] * N),
    ("ExternalReference", ["REF-0012", "REF-0013", "REF-0014"] * (N // 3)),
    ("ExternalDataReference", ["REF-0012", "REF-0013", "REF-0014"] * (N // 3)),
])
def test_platform_identifier_columns_are_refused_whatever_their_values(header, values):
    """Qualtrics' CamelCase headers were matched by no header rule (no word boundary inside
    RecipientFirstName) and latitude, longitude and external references by none at all, so
    they were kept as closed answers as soon as their values repeated."""
    found = free_text_columns(pd.DataFrame({header: values}))
    assert header in found
    assert "who answered or where from" in found[header] or "name or contact" in found[header]


def test_camel_case_headers_of_names_read_as_words():
    """``YoungPersonName`` and ``ChildFirstName`` ask for a name as "Young person name" does;
    ordinary CamelCase closed questions are still closed."""
    frame = pd.DataFrame({"YoungPersonName": FIRST_NAMES, "ChildFirstName": FIRST_NAMES,
                          "AgeGroup": ["8-10", "11-13"] * (N // 2),
                          "FeelsSafe": ["Always", "Never", "Sometimes"] * (N // 3),
                          "HowLongInCare": ["Less than 1 year", "1-2 years"] * (N // 2)})
    assert set(free_text_columns(frame)) == {"YoungPersonName", "ChildFirstName"}
