"""The texts of the Telegram interface, in English and French.

The answers themselves come from the core (``bot.replies``); these are the words
around them: commands, buttons, notes and apologies. They are plain text with
``{placeholders}``: the formatting module escapes every piece before sending.
"""

from __future__ import annotations

LANGUAGES = ("en", "fr")

SOURCE_BUTTON = {"en": "📄 Source", "fr": "📄 Source"}
FROM_THE_ARTICLE = {"en": "From the article:", "fr": "Dans l'article :"}
NO_SOURCE = {"en": "This answer has no quoted sentence.", "fr": "Cette réponse ne cite aucune phrase."}

HELP = {
    "en": (
        "Ask me a question about the article, in English or French, in your own words; "
        "I answer from the article and show the sentence behind each answer with the Source button.\n\n"
        "In a group, mention me ({mention}) or reply to one of my messages. "
        "In any chat, type {mention} followed by a question to share an answer.\n\n"
        "/facts: the questions I can answer\n"
        "/source: the article my answers come from\n"
        "/help: this message"
    ),
    "fr": (
        "Posez-moi une question sur l'article, en français ou en anglais, avec vos mots ; "
        "je réponds d'après l'article et le bouton Source montre la phrase sur laquelle repose chaque réponse.\n\n"
        "Dans un groupe, mentionnez-moi ({mention}) ou répondez à l'un de mes messages. "
        "Dans n'importe quelle conversation, tapez {mention} suivi d'une question pour partager une réponse.\n\n"
        "/facts : les questions auxquelles je sais répondre\n"
        "/source : l'article d'où viennent mes réponses\n"
        "/help : ce message"
    ),
}
FACTS = {
    "en": "Here is what I can tell you about the article. Tap a question:",
    "fr": "Voici ce que je peux vous dire sur l'article. Touchez une question :",
}
SOURCE = {
    "en": "I answer from one news article, which begins:",
    "fr": "Je réponds d'après un article de presse, qui commence ainsi :",
}
HEADLINES = {"en": "Its main facts:", "fr": "L'essentiel :"}
QUOTES = {
    "en": "Every answer rests on the article's own sentences: tap Source under an answer to read it.",
    "fr": "Chaque réponse repose sur les phrases mêmes de l'article : touchez Source sous une réponse pour la lire.",
}
NOT_TEXT = {
    "en": "I can only read text. Please type your question about the article.",
    "fr": "Je ne lis que le texte. Écrivez-moi votre question sur l'article.",
}
EDITED = {
    "en": "I answer new messages only: please send your question again.",
    "fr": "Je ne réponds qu'aux nouveaux messages : renvoyez-moi votre question.",
}
UNKNOWN_COMMAND = {
    "en": "I don't know that command. Send /help to see what I can do.",
    "fr": "Je ne connais pas cette commande. Envoyez /help pour voir ce que je sais faire.",
}
FACT_GONE = {
    "en": "That question is no longer in my list: send /facts for the current one.",
    "fr": "Cette question n'est plus dans ma liste : envoyez /facts pour la liste actuelle.",
}
APOLOGY = {
    "en": "Sorry, something went wrong on my side. Please try again.",
    "fr": "Désolé, quelque chose s'est mal passé de mon côté. Réessayez, s'il vous plaît.",
}
INLINE_NOTHING = {"en": "Ask me in a private chat", "fr": "Demandez-moi en privé"}

COMMANDS = {
    "en": (
        ("start", "Say hello and see example questions"),
        ("help", "How to ask me questions"),
        ("facts", "The questions I can answer"),
        ("source", "The article my answers come from"),
    ),
    "fr": (
        ("start", "Bonjour et exemples de questions"),
        ("help", "Comment me poser des questions"),
        ("facts", "Les questions auxquelles je réponds"),
        ("source", "L'article d'où viennent mes réponses"),
    ),
}

START = {
    "en": (
        "Hello{name}! I answer questions about one news article: China joining Russia's Vostok "
        "military exercises. Ask me in your own words, in English or French, or tap a question:"
    ),
    "fr": (
        "Bonjour{name} ! Je réponds aux questions sur un article de presse : la participation de la Chine "
        "aux exercices militaires russes Vostok. Posez-moi une question avec vos mots, en français ou en "
        "anglais, ou touchez une question :"
    ),
}
