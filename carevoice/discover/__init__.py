"""Inductive theme discovery: find what the codebook misses, reproducibly.

:class:`ThemeDiscovery` clusters comment embeddings into topics (deterministic, few outliers,
several topics per comment where the similarities say so), or with ``method="sparse"`` finds
them as atoms of a sparse code (:mod:`carevoice.discover.sparse`), and returns a
:class:`Topics` value;
the functions of :mod:`carevoice.discover.edit` merge, split, reject and rename topics and
promote one into the codebook; :mod:`carevoice.discover.plots` draws them.
"""

from .edit import merge_topics, promote_topic, reject_topic, rename_topic, split_topic
from .model import (
    METHODS,
    REDUCERS,
    ThemeDiscovery,
    auto_n_topics,
    reduce_embeddings,
    select_uncoded,
    topic_stability,
)
from .plots import plot_topic_map, plot_topic_sizes, plot_topics_by_group, topics_by_group
from .represent import ctfidf, diverse_examples, representative_examples, topic_keywords
from .result import OUTLIER, AssignConfig, Topics

__all__ = [
    "METHODS",
    "OUTLIER",
    "REDUCERS",
    "AssignConfig",
    "ThemeDiscovery",
    "Topics",
    "auto_n_topics",
    "ctfidf",
    "diverse_examples",
    "merge_topics",
    "plot_topic_map",
    "plot_topic_sizes",
    "plot_topics_by_group",
    "promote_topic",
    "reduce_embeddings",
    "reject_topic",
    "rename_topic",
    "representative_examples",
    "select_uncoded",
    "split_topic",
    "topic_keywords",
    "topic_stability",
    "topics_by_group",
]
