from accordwatch.extract.events.triggers import find_triggers
from accordwatch.model import Event  # noqa
def find_events(doc, actors, timexes, dct):
    return []
