"""Reports: joint displays, charts and self-contained HTML, Word and Markdown documents.

:func:`build_report` runs the whole last step in one call: link themes to survey answers
(:mod:`carevoice.link`), choose safe quotes (:mod:`carevoice.quotes`), apply disclosure control
(:mod:`carevoice.disclosure`) and write the report with its run manifest. The pieces are free
functions on tidy frames, so a notebook can build any of them on its own.
"""

from .build import (
    FORMATS,
    ReportContent,
    build_report,
    frame_hash,
    make_report,
    run_manifest,
    write_report,
)
from .charts import prevalence_chart
from .joint import JOINT_COLUMNS, joint_display, joint_displays, joint_summary
from .render import to_docx, to_html, to_markdown
from .tables import (
    association_table,
    change_table,
    difference_table,
    hypothesis_table,
    prevalence_table,
    subgroup_table,
)

__all__ = [
    "FORMATS",
    "JOINT_COLUMNS",
    "ReportContent",
    "association_table",
    "build_report",
    "change_table",
    "difference_table",
    "frame_hash",
    "hypothesis_table",
    "joint_display",
    "joint_displays",
    "joint_summary",
    "make_report",
    "prevalence_chart",
    "prevalence_table",
    "run_manifest",
    "subgroup_table",
    "to_docx",
    "to_html",
    "to_markdown",
    "write_report",
]
