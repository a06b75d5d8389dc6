"""Sphinx configuration for the carevoice docs (built with -W: warnings are errors)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # cli_reference.py: the CLI page

project = "carevoice"
author = "carevoice developers"
copyright = "2026, carevoice developers"
release = "0.7.0"

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "cli_reference",
]
autosummary_generate = True
autodoc_typehints = "none"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_rtype = False

# Notebooks are executed by the test suite (pytest --nbmake); the docs show the stored outputs.
nb_execution_mode = "off"
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

exclude_patterns = ["_build", "**.ipynb_checkpoints", "notebooks/README.md"]
html_theme = "pydata_sphinx_theme"
html_title = "carevoice"
html_theme_options = {"navigation_with_keys": False, "show_toc_level": 2}
suppress_warnings = ["mystnb.unknown_mime_type"]
