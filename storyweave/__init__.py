"""storyweave: many news articles about one event, read at once."""

__version__ = "0.1.0"
