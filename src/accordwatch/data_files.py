"""Reading the package's YAML data files (rules, word lists, settings).

libyaml's C parser when PyYAML was built with it: it reads the rule files about ten times faster
than the pure-Python one, which a one-off ingest pays for at start-up. Same resolver and
constructor, so the same values either way.
"""

from __future__ import annotations

from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from accordwatch import startup_cache

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Traversable | Path) -> Any:
    """The file's data; kept between runs by the start-up cache, beside the patterns made from it."""
    return startup_cache.parsed(_parse, path.read_text(encoding="utf-8"), yaml.__version__)


def _parse(text: str) -> Any:
    return yaml.load(text, Loader=_LOADER)
