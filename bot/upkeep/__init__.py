"""Keeping a knowledge file good: drafting one from an article, evaluation, the unanswered log, live reload.

It imports the answerer and the layers below it; never a front end (console, Telegram, CLI).
"""
