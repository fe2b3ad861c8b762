"""peacebrief: a terminal briefing reader for negotiations."""

__version__ = "0.1.0"
