"""Stages and pipeline factories for corpus-run tests, importable by worker processes."""

from __future__ import annotations

import os
import time

from nkcorpus.config import Config
from nkcorpus.document import Document
from nkcorpus.pipeline import Pipeline
from nkcorpus.stage import Stage


class PaceStage(Stage):
    """Takes 40 ms a document, so that a run lasts long enough to kill a worker in it."""

    name = "pace"

    def process(self, document: Document) -> Document:
        time.sleep(0.04)
        return document


class CrashStage(Stage):
    """Kills its process on a document that says CRASH, like a segfault in native code."""

    name = "crash"

    def process(self, document: Document) -> Document:
        if "CRASH" in document.text:
            os._exit(3)
        return document


def paced_pipeline(config: Config) -> Pipeline:
    """The default stages and a slow one."""
    return Pipeline(config, [*Pipeline.default_stages(config), PaceStage()])


def crashing_pipeline(config: Config) -> Pipeline:
    """The default stages and one that kills its worker on a document that says CRASH."""
    return Pipeline(config, [*Pipeline.default_stages(config), CrashStage()])
