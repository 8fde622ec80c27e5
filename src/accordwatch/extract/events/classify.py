"""Typing one sentence with the trigger lexicon: (PLOVER type, mode)."""

from __future__ import annotations

from accordwatch.extract.events.triggers import conditional, find_triggers, main_trigger, modality, retyped


def classify_sentence(text: str) -> tuple[str, str]:
    """(PLOVER type, mode) of the sentence's main event; ("OTHER", "") where no trigger fires."""
    triggers = find_triggers(text)
    main = main_trigger(triggers, text)
    if main is None:
        return "OTHER", ""
    mod = modality(text, 0, len(text), main)
    kind = retyped(main.rule.type, mod, conditional(text, main, len(text)), main.role)
    return kind, main.rule.mode if kind == main.rule.type else ""
