"""The texts of the Telegram interface, in English and French.

The answers themselves come from the core (``bot.replies``); these are the words
around them: commands, buttons, notes and apologies. They are plain text with
``{placeholders}``: the formatting module escapes every piece before sending.
"""

from __future__ import annotations

from bot.knowledge.model import ID_RULE

SOURCE_BUTTON = {"en": "📄 Source", "fr": "📄 Source"}
LIKE_BUTTON = "👍"
DISLIKE_BUTTON = "👎"
LIKED = {"en": "Thanks!", "fr": "Merci !"}
QUESTION_NOT_KEPT = "(question not kept)"  # a 👎 on an answer older than the questions a chat keeps
DISLIKED = {
    "en": "Thanks, noted: the maintainers will look at this answer.",
    "fr": "Merci, c'est noté : les responsables vont revoir cette réponse.",
}
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
    "en": "I answer from one news article{about}. It begins:",
    "fr": "Je réponds d'après un article de presse{about}. Il commence ainsi :",
}
PUBLISHED = {"en": "Published: {published}", "fr": "Publié : {published}"}
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
FLOODED = {
    "en": "You are asking faster than I can answer. Please wait a moment, then ask again.",
    "fr": "Vous posez des questions plus vite que je ne peux répondre. Patientez un instant, puis reposez-la.",
}
FLOODED_SHORT = {"en": "Too many questions: wait a moment", "fr": "Trop de questions : patientez un instant"}
"""The notice in inline mode, where it is a button's label (64 characters at most)."""

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

START = {  # {about}: the article's subject after a colon, or nothing (bot.replies.about)
    "en": (
        "Hello{name}! I answer questions about one news article{about}. "
        "Ask me in your own words, in English or French, or tap a question:"
    ),
    "fr": (
        "Bonjour{name} ! Je réponds aux questions sur un article de presse{about}. "
        "Posez-moi une question avec vos mots, en français ou en anglais, ou touchez une question :"
    ),
}

# -- for admins ---------------------------------------------------------------------------------
# Refusals are in both languages, since anyone may try the commands. The admin tools themselves
# speak English, like the maintenance commands of the command line.

ADMIN_ONLY = {
    "en": "Sorry, only the bot's maintainers can do that.",
    "fr": "Désolé, seuls les responsables du bot peuvent faire cela.",
}
ADMIN_PRIVATE_ONLY = {
    "en": "Admin commands work only in a private chat with me.",
    "fr": "Les commandes d'administration ne marchent qu'en conversation privée avec moi.",
}

ADD_FACT = "Let's add a fact. Send /cancel at any step to stop; nothing is written before you tap Save."
ASK_QUESTIONS = "1/5 Send the question(s) people would ask, one per line."
ASK_ANSWER = "2/5 Now send the answer: one clean, complete sentence, as users will read it."
ASK_LANGUAGE = "3/5 Which language are the questions and the answer in? It looks like {language} to me."
ASK_ID = f"4/5 Choose an id: {ID_RULE}. Tap the suggestion or type your own."
USE_ID = "use {fact_id}"
ASK_SOURCE = (
    "5/5 Paste the sentence of the article this answer rests on, copied exactly "
    "(users see it under the Source button), or send /skip."
)
NO_SOURCE_WARNING = (
    "No source, then. Facts should quote the article, so that users can check the answer: "
    "add the sentence to the fact's source: list later, when you find it."
)
PREVIEW = (
    "Here is the new fact:\n\nid: {fact_id}\nlanguage: {lang}\nquestions:\n{questions}\n"
    "answer: {answer}\nsource: {source}"
)
PREVIEW_NO_SOURCE = "none"
CONFIRM = "Save"
CANCEL = "Cancel"
ASK_CONFIRM = "Tap Save to add it, or Cancel."
SAVED = "Saved fact '{fact_id}' ({backup} keeps the previous file). It answers from now on: try asking me “{question}”."
SAVED_NOT_LIVE = "Saved fact '{fact_id}', but reloading the knowledge failed, so it is not live yet:\n{error}"
CANCELLED = "Cancelled: nothing was written."
NOT_SAVED_RETRY = "Not saved: {error}\nTap Save to try again, or /cancel."

NO_QUESTIONS = "Send at least one question, one per line."
QUESTION_TAKEN = (
    "“{question}” is already a question of fact '{fact_id}', and each question belongs to one fact. "
    "Send the questions again without it."
)
BAD_LANGUAGE = "Tap en or fr."
BAD_ID = "'{fact_id}' is not a valid id: use " + ID_RULE + "."
ID_TAKEN = "There is already a fact '{fact_id}': choose another id."
NOT_VERBATIM = (
    "That is not word for word in the article, so it cannot be the source: it is {why}. "
    "Copy the sentence from the article exactly (line breaks do not matter), or send /skip."
)
LANGUAGE_NAMES = {"en": "English", "fr": "French"}

NO_LOG = "No unanswered log is kept (BOT_UNANSWERED_LOG)."
NOTHING_DECLINED = "No declined question waits for an answer."
DECLINED = "Questions I declined and answers users disputed (👎), most frequent first:"
DISPUTED_LINE = "{number}. “{text}” ×{count} disputed: I answered “{gave}”"
DECLINED_LINE = "{number}. “{text}” ×{count} ({langs}), closest: “{closest}”"
DECLINED_NO_CANDIDATE = "{number}. “{text}” ×{count} ({langs}), no close fact"
DECLINED_HINT = "A button adds that question to that fact as one more way to ask it; /addfact makes a new fact."
NO_STATS = "No usage counts are kept (BOT_STATS_LOG)."
NOTHING_COUNTED = "No question in the last {days} days."
STATS_HEADING = "Questions of the last {days} days (UTC):"
ATTACH_BUTTON = "{number}. attach to “{closest}”"
ATTACH_EXPIRED = "This button has expired: send /unanswered again."
ATTACHED = "Added “{text}” as a question of fact '{fact_id}' ({lang}). It answers from now on."
ALREADY_ATTACHED = "Fact '{fact_id}' already asks “{text}”."
ATTACH_FAILED = "Not added: {error}"

KNOWLEDGE_BROKEN = "The edited knowledge file has problems, so I keep answering from the last good version:\n{problems}"
