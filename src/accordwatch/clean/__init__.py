"""clean stage: boilerplate, hard wraps, Unicode, language and metadata read from the text.

    context = CorpusContext.from_inputs(raws)      # lines repeated across the batch
    doc = clean_document(raw, context)             # -> Document (text, offsets, removed, meta)
"""

from accordwatch.clean.boilerplate import CorpusContext
from accordwatch.clean.document import clean_document
from accordwatch.clean.language import detect_language

__all__ = ["CorpusContext", "clean_document", "detect_language"]
