"""A question-answering chat bot for one news article, in English and French."""

__version__ = "0.1.0"
