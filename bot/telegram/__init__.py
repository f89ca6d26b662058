"""The Telegram front end: python-telegram-bot handlers, admin commands, flood control and redaction.

A top layer: it imports the answerer, upkeep tools and the layers below them; nothing imports it but the CLI.
"""
