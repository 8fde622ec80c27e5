"""accordwatch: a source-attributed, time-aware record of peace processes."""
__version__ = "0.1.0"
