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

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Traversable | Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
