"""The Telegram front end: python-telegram-bot handlers over the same ``Answerer`` as ``ask``."""
