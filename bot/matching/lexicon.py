"""Built-in knowledge of the two languages that holds for any article.

Words here are already folded (lower case, no accents). What is specific to an
article (its names, its synonyms) lives in the knowledge file instead.
"""

from __future__ import annotations

# What a question asks for, from its question words. The longest phrase wins, so
# "combien de temps" is a "when" before "combien" can make it a "quantity"; a
# phrase listed under two kinds belongs to the first.
DAY_OF_THE_WEEK = ("what day of the week", "which day of the week", "quel jour de la semaine")
"""Ways to ask the day of the week: they ask a date and name nothing ("what day of the week was that?": thursday)."""

KIND_PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("age", ("how old", "quel age", "quelle age", "age")),
    (
        "when",
        (
            "when",
            "quand",
            "what time",
            "how long ago",
            "what s the time",
            "what is the time",
            "which time",
            "at what time",
            "what day",
            "which day",
            *DAY_OF_THE_WEEK,
            "what date",
            "which date",
            "which dates",
            "what dates",
            "quelle heure",
            "quel jour",
            "quelle date",
            "quelles dates",
            "until",
            "till",
            "jusqu",
            "how long",
            "combien de temps",
            "since when",
            "depuis quand",
            "a quel moment",
            "at what point",
            "what year",
            "quelle annee",
        ),
    ),
    ("times", ("how many times", "combien de fois", "how many occasions")),
    ("frequency", ("how often", "a quelle frequence", "tous les combien", "how frequently", "how regularly")),
    ("distance", ("how far", "quelle distance", "a quelle distance", "how big", "how large", "how tall")),
    ("quantity", ("how many", "how much", "combien", "number of", "nombre de", "nombre d")),
    (
        "where",
        (
            "where",
            "in which country",
            "in what country",
            "dans quel pays",
            "en quel pays",
            "what place",
            "which place",
            "quel endroit",
            "quel lieu",
            "what location",
            "which location",
        ),
    ),
    ("why", ("why", "pourquoi", "for what reason", "what for", "pour quelle raison", "how come")),
    (
        "who",
        (
            "who",
            "whom",
            "whose",
            "c est qui",
            "what is the role of",
            "what is the job of",
            "what is the position of",
            "quelle est la fonction de",
            "quel est le role de",
            "quel est le poste de",
        ),
    ),
)

# Nouns that ask a kind when no fact uses them ("festival dates", "la raison du retard ?"); "place", "time" and
# "lieu" are left out: "take place", "at the same time", "au lieu de" ask nothing.
KIND_NOUNS = {
    word: kind
    for kind, words in (
        ("when", "date dates heure"),
        ("where", "location endroit"),
        ("why", "reason reasons raison raisons"),
    )
    for word in words.split()
}
NOUN_DETAILS = {"date": ("date",), "dates": ("date",), "heure": ("hour",)}  # "the dates?" wants a date, not "soon"

# Words and word pairs that show an answer gives a reason or a frequency, so that "why?" and "how often?" find
# it even when none of its example questions asks that way; a French "pour" before an infinitive gives a reason
# too ("pour être sûrs que..."). The English "car" and "but" are words of their own, hence one list per language.
REASON_MARKERS = {
    "en": frozenset("because purpose aim goal objective ensure reason".split())
    | {"in order", "so that", "due to", "owing to", "make sure", "idea is"},
    "fr": frozenset("parce car afin objectif but".split())
    | {"a cause", "grace a", "en raison", "pour que", "idee est", "idee etait"},
}
INFINITIVE_OPENERS = frozenset("ne l se s y en".split())
"""Words that open an infinitive clause after "pour" without being a verb: "pour s'assurer", "pour ne pas"."""
FREQUENCY_MARKERS = frozenset(
    """regularly regular every annual annually yearly daily weekly monthly often frequently
    regulierement regulier reguliere chaque annuel annuelle annuels quotidien quotidienne hebdomadaire
    mensuel souvent frequemment""".split()
)
PLACE_HEADS = frozenset(
    """road street lane way avenue square bridge park junction interchange roundabout station airport river lake
    island hill beach bay harbour hospital school college stadium church hall museum library
    rue boulevard place chemin route pont gare parc lac ile riviere plage quai allee impasse rond-point hopital
    ecole stade eglise mairie musee bibliotheque""".split()
)
"""Words that make a name a place ("Livingstone Road", "Jewish Hospital", "la rue Nationale"): no "who" asks
about one, and an answer naming one says where."""
MEASURES = frozenset(
    """km kms kilometre kilometres kilometer kilometers mile miles metre metres meter meters ft feet foot cm
    centimetre centimetres yard yards hectare hectares acre acres m2 km2""".split()
)
"""Units after a number that give a distance or a size: an answer with one answers "how far?" and "how big?"."""
MEASURE_SUFFIXES = ("km", "ft", "cm", "m2", "km2")
"""The same units written against their number ("12ft", "1.5km")."""
KIND_WORDS = frozenset(word for _, phrases in KIND_PHRASES for phrase in phrases for word in phrase.split())
"""Every word of the phrases above: the speller corrects toward them, and they are known words."""

# "ou" (or) is "où" (where) when it opens the question or follows these words.
WHERE_OU_AFTER = frozenset(
    "d par c est sont etait etaient sera seront se lieu passe deroule trouve trouvent situe situee".split()
)
# "who" is a relative pronoun, not a question word, after these words ("those who say so").
WHO_RELATIVE_AFTER = frozenset(
    """those people anyone someone everyone everybody anybody somebody one ones
    person persons man men woman women""".split()
)
# Words that open a yes/no question ("Is the programme open to kids who...?"): in one, as after another question
# word, a "who" that follows a noun starts a relative clause.
YES_NO_OPENERS = frozenset("""is are was were do does did can could will would should has have had""".split())
# "qui" is a question word, not a relative pronoun, after these words.
WHO_QUI_AFTER = frozenset({"a", "de", "par", "avec", "pour", "est", "c", "sont", "et", "mais", "donc"})

QUESTION_WORDS = frozenset(
    "who whom whose what which when where why how qui que quoi quel quelle quels quelles "
    "quand ou pourquoi comment combien lequel laquelle lesquels lesquelles".split()
)

# Function words that tell the two languages apart. "s", "t", "m" and "d" are no French markers:
# English contractions leave them as often as French elisions ("what's", "don't", "I'm", "I'd").
FRENCH_MARKERS = frozenset(
    """le la les des du de un une est sont qui que quoi quand ou pourquoi comment combien quel quelle
    quels quelles avec pour dans sur ce cette ces cet il elle ils elles nous vous je tu et au aux pas
    ne c l qu j n jusqu y en se sa son ses leur leurs mais donc ca va moi toi oui non merci
    bonjour salut aussi tres plus fait faire etait ont etre avoir sera seront vont entre depuis apres
    avant chez selon lors quoi vers ete sont qu est-ce lesquels quelles peut peux pouvez peuvent faut
    doit dois veux veut voulez""".split()
)

# "a" is no English marker: folded, the French "à" is "a" too; nor is "on", a French pronoun too ("peut-on").
ENGLISH_MARKERS = frozenset(
    """the an is are was were be been of to in at for with by from who what when where why how
    which whose whom do does did will would can could should have has had this that these those it
    its they them their there and or not about into during until than then hi hello thanks thank
    please tell me you your i my""".split()
)

# Words that carry no topic: they never decide which fact answers.
ENGLISH_STOPWORDS = frozenset(
    """a an the and or if so of to in on at for with by from into onto about over under up down
    out off as than then there here this that these those it its is are was were be been being am
    do does did done doing have has had having will would shall should can could might must
    i me my mine we our you your yours he him his she her they them their theirs one ones
    what which who whom whose when where why how
    any some all each every such no not only own same too very just also really
    actually exactly please tell know explain show give let lets
    happen happens happened happening occur occurs occurred occurring going go goes gonna wanna like
    get got gets getting
    thing things something anything stuff info information details detail
    question questions answer ok okay well yes yeah hey pls plz
    guy guys dude someone somebody anyone anybody whether exact
    ask asks asked asking make makes made making
    isn aren wasn weren doesn didn hasn haven hadn couldn wouldn shouldn
    according during while whilst
    quick quickly short shortly brief briefly simple simply little bit though again""".split()
)
FRENCH_STOPWORDS = frozenset(
    """le la les l un une des du de d au aux a et ou mais donc or ni car que qu qui quoi quel quelle quels
    quelles lequel laquelle quand comment pourquoi combien ce cet cette ces c ca ci cela ceci
    il elle ils elles on je j tu t nous vous me m te se s moi toi lui leur leurs y en ne n pas plus
    est sont etait etaient ete etre sera seront serait suis es sommes etes fut
    ai as avons avez ont avait avaient aura auront eu avoir fait faire font
    va vont vais allez aller allons allait allaient ira iront irait iraient dans sur sous par pour avec sans chez
    dois doit doivent devons devez devait devaient devrait devraient devrais devra devront
    peux peut peuvent pouvons pouvez pouvait pouvaient pourrait pourraient pourrais pourra pourront
    vers entre
    mon ma mes ton ta tes son sa ses notre nos votre vos
    tout tous toute toutes meme aussi tres bien alors ainsi
    dis sais savoir connais expliquer explique raconte montre donne
    svp stp plait merci chose choses truc info infos information informations
    histoire nouvelle actualite reponse passe passer
    jusqu est-ce voila voici hein bon ben comme ya
    exactement precisement ceux celle celles celui pendant durant lors selon dont
    vraiment parmi exact exacte exactes exacts
    rapide rapidement bref court petit""".split()
)
# Words that say how a question frames its answer ("what is it called?", "who is mentioned?",
# "what role...", "what kind of..."): they point to a fact whose texts use them, and otherwise say nothing, so a
# knowledge that never uses them does not count them against a match.
FRAME_WORDS = frozenset(
    """name names named called call mention mentions mentioned cite cites cited quote quotes quoted
    role roles job title talk talks talked talking saying nom noms appelle appellent appeler nomme nommes
    mentionne mentionnes fonction poste titre kind sort type genre sorte""".split()
)

# A question with one of these asks for a name ("what is the prefect's name?", "comment s'appelle le
# collectionneur ?"): a fact answers it only with a name the question does not already give.
NAME_WORDS = frozenset(
    "name names named called surname surnames nom noms appelle appellent appelait appelaient prenom prenoms".split()
)
NAME_IDIOMS = ("au nom de", "au nom du", "au nom des", "au nom d", "in the name of")
"""Phrases with a word of name that ask for none: "qui parle au nom des habitants ?" asks who speaks for them."""

# Questions that ask for a year, a date or an hour: a fact answers them only when its answer gives one
# ("on Wednesday" is no hour, "on 26 December" no year, "this summer" no date).
DETAIL_PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("year", ("what year", "which year", "quelle annee", "en quelle annee")),
    (
        "date",
        (
            "what date",
            "which date",
            "what day",
            "which day",
            "quelle date",
            "quel jour",
            *DAY_OF_THE_WEEK,
        ),
    ),
    ("hour", ("what time", "which time", "what hour", "at what hour", "quelle heure", "a quelle heure")),
)

EXACT_WORDS = frozenset("exact exactly exacte exactement precise precisely precisement".split())
"""Words that ask for a precise time: "the exact date?" wants a day of a month, not "on Tuesday" nor "today";
"when exactly?" a day of a month or a clock time, not "in May"."""

# With "how much" or "combien", words that ask what something costs ("how much does entry cost?", "combien
# coûte l'entrée ?"): a fact answers them only when its answer gives a price, or a share ("prices rose 4%").
# "prix" is also a prize, so it asks a price only with "combien".
PRICE_WORDS = frozenset(
    "cost costs costing price prices priced fee fees fare fares expensive cout couts coute coutent coutait "
    "coutaient coutera couteront couterait tarif tarifs "
    # what is paid, spent, given or raised: "how much did he donate?" asks an amount of money
    "pay pays paid paying spend spends spent spending donate donates donated donating donation donations "
    "invest invests invested investment raise raised funding paye payer payes payent paient depense depenser "
    "depenses depensent investi investir investit investissement verse verser versent".split()
)
PRICE_WITH_COMBIEN = frozenset({"prix"})
PRICE_PHRASES = (  # "how much is a bottle?" asks its price, "how much whisky?" a quantity
    *(f"how much {verb} {one}" for verb in ("is", "was", "for") for one in ("a", "an", "one", "each")),
    *("how much are", "how much were"),  # "how much are the waffles?": things priced, not counted
    *("how much per", "how much each", "combien pour un", "combien pour une", "combien pour chaque"),
)
CURRENCIES = (
    "euro euros dollar dollars pound pounds sterling franc francs yuan rouble roubles ruble rubles cent cents "
    "centime centimes penny pence pennies free gratuit gratuite gratuits gratuites".split()
)

YEAR = r"(?:1[89]|20)\d\d"
"""A year as news writes it (1800-2099), a regular expression."""

# What an answer writes when it gives a date, an hour or a number (matched on folded text: lower case,
# no accents); months and days are no names either.
MONTHS = tuple(
    "january february march april may june july august september october november december "
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre".split()
)
WEEKDAYS = tuple(
    "monday tuesday wednesday thursday friday saturday sunday "
    "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
)
NEAR_DAYS = ("today", "yesterday", "tomorrow", "aujourd", "hier", "demain")
DAY_PARTS = tuple(
    "midnight noon midi minuit morning matin evening soir soiree afternoon apres-midi night nuit dawn aube".split()
)
NUMBER_WORDS = tuple(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds "
    "thousand thousands million millions billion billions dozen dozens half double doubled triple tripled un une "
    "deux trois quatre cinq sept huit neuf dix onze douze treize quatorze quinze seize vingt trente quarante "
    "cinquante soixante septante octante nonante cent cents centaine centaines mille milliers milliard milliards "
    "douzaine douzaines dizaine dizaines moitie double triple".split()
)
COUNTING_WORDS = frozenset(NUMBER_WORDS) - {"one", "un", "une", "half", "moitie", "double", "doubled", "triple"}
"""The number words that count something ("cinq moteurs", "nineteen firefighters"): "un", "one" are mostly
articles and pronouns."""

# Short words that name a country or a body when written in capitals, and are
# common words otherwise: "the US" but "tell us", "the EU" but the French "eu"
# (had), "the UN" but "un" (a). Written in lower case they mean the country only
# after "the" ("is the us worried?").
ACRONYMS = frozenset(("us", "eu", "un"))
# Words for the one asking ("how do I get to Moscow?"): the article says nothing
# about them, so they count against a match like an unknown word.
ASKER = frozenset("i my mine myself je j mon ma mes".split())
STOPWORDS = (ENGLISH_STOPWORDS | FRENCH_STOPWORDS | QUESTION_WORDS) - ASKER
# Stopwords of an English question or text only: in French they mean something ("le but": the goal).
ENGLISH_ONLY_STOPWORDS = frozenset({"but"})
# Stopwords that an English question or text counts all the same: in English they mean something (a car, a court
# of law), in French they are "because" and "short".
MEANINGFUL_IN_ENGLISH = frozenset({"car", "court"})

# Small talk, by what the reply should be. A message made only of these (and
# stopwords) gets a friendly reply and no fact.
SMALL_TALK: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "identity",
        (
            "who are you",
            "what are you",
            "qui es tu",
            "t es qui",
            "tu es qui",
            "qui etes vous",
            "what can you do",
            "what do you know",
            "que sais tu faire",
            "tu sers a quoi",
            "tu fais quoi",
            "are you a bot",
            "are you a robot",
            "es tu un robot",
            "es tu un bot",
            "what is this bot",
            "c est quoi ce bot",
            "what is this about",
            "what s this about",
            "what is this all about",
            "c est a propos de quoi",
            "de quoi s agit il",
            "help",
            "aide",
            "aidez moi",
            "help me",
        ),
    ),
    (
        "how_are_you",
        (
            "how are you",
            "how r u",
            "how are u",
            "how s it going",
            "how is it going",
            "what s up",
            "whats up",
            "sup",
            "ca va",
            "comment ca va",
            "comment vas tu",
            "comment allez vous",
            "tu vas bien",
            "vous allez bien",
        ),
    ),
    (
        "thanks",
        (
            "thanks",
            "thank you",
            "thank u",
            "thx",
            "ty",
            "tks",
            "cheers",
            "merci",
            "merci beaucoup",
            "mercii",
            "great thanks",
            "much appreciated",
            "je te remercie",
            "je vous remercie",
        ),
    ),
    (
        "bye",
        (
            "bye",
            "goodbye",
            "good bye",
            "bye bye",
            "see you",
            "see ya",
            "cya",
            "good night",
            "au revoir",
            "a plus",
            "a bientot",
            "bonne nuit",
            "bonne journee",
            "bonne soiree",
            "ciao",
            "tchao",
            "adieu",
        ),
    ),
    (
        "greeting",
        (
            "hi",
            "hello",
            "hey",
            "heya",
            "hiya",
            "yo",
            "howdy",
            "greetings",
            "good morning",
            "good afternoon",
            "good evening",
            "bonjour",
            "salut",
            "coucou",
            "bonsoir",
            "hello there",
            "hi there",
            "allo",
            "wesh",
            "slt",
            "bjr",
            "cc",
        ),
    ),
    (
        "ack",
        (
            "ok",
            "okay",
            "k",
            "cool",
            "nice",
            "great",
            "good",
            "perfect",
            "awesome",
            "super",
            "parfait",
            "genial",
            "d accord",
            "dac",
            "ok merci",
            "lol",
            "haha",
            "mdr",
            "ah",
            "oh",
            "wow",
            "interesting",
            "interessant",
            "i see",
            "je vois",
            "yes",
            "no",
            "oui",
            "non",
            "nope",
            "yep",
            "sure",
            "bien",
            "tres bien",
            "good bot",
            "bravo",
            "nice bot",
        ),
    ),
    (
        "clock",
        (
            "what time is it",
            "what s the time",
            "what is the time",
            "what time is it now",
            "what day is it",
            "what day is it today",
            "what s the date",
            "what is the date",
            "what s the date today",
            "what is the date today",
            "what s today s date",
            "what is today s date",
            "quelle heure est il",
            "quelle heure il est",
            "il est quelle heure",
            "quel jour sommes nous",
            "quel jour on est",
            "on est quel jour",
            "quelle est la date",
            "quelle est la date d aujourd hui",
            "on est le combien",
        ),
    ),
)
SMALL_TALK_ALONE = frozenset({"clock"})
"""Small talk only as the whole message: "what time is it" also opens questions about the article ("what
time is it open?")."""
COURTESIES = frozenset({"greeting", "thanks", "bye"})
"""Small talk no fact can mean: "thanks!" is thanks even where a fact about thanks lists "Thanks?"."""

# English forms no suffix rule reaches, by their base word: past tenses and participles ("shares rose", asked
# "how much did they rise?"), plural nouns ("children"), short verbs in -ing ("rising"). Forms that are also
# another word in either language are left out ("left", "saw", "lives"; French "sent", "met", "lent", "chose",
# "sang"; "the Fed").
_IRREGULAR_BY_BASE = {
    "analysis": "analyses",
    "arise": "arisen arose",
    "awake": "awoke awoken",
    "become": "became",
    "begin": "began begun",
    "bend": "bent",
    "bite": "biting",
    "bleed": "bled",
    "blow": "blew blown",
    "break": "broke broken",
    "breed": "bred",
    "bring": "brought",
    "build": "built",
    "burn": "burnt",
    "buy": "bought",
    "catch": "caught",
    "child": "children",
    "choose": "chosen",
    "cite": "citing",
    "cling": "clung",
    "come": "came coming",
    "creep": "crept",
    "crisis": "crises",
    "criterion": "criteria",
    "deal": "dealt",
    "dig": "dug",
    "dine": "dining",
    "draw": "drawn drew",
    "drink": "drank",
    "drive": "driven drove",
    "eat": "ate eaten",
    "fall": "fallen fell",
    "feel": "felt",
    "fight": "fought",
    "file": "filing",
    "find": "found",
    "fire": "firing",
    "flee": "fled",
    "fly": "flew flown",
    "foot": "feet",
    "forbid": "forbade forbidden",
    "foresee": "foresaw foreseen",
    "forget": "forgot forgotten",
    "forgive": "forgave forgiven",
    "freeze": "froze frozen",
    "give": "gave given giving",
    "go": "going gone went",
    "goose": "geese",
    "grow": "grew grown",
    "half": "halves",
    "hang": "hung",
    "hear": "heard",
    "hide": "hid hidden hiding",
    "hire": "hiring",
    "hold": "held",
    "hope": "hoping",
    "keep": "kept",
    "kneel": "knelt",
    "knife": "knives",
    "know": "knew known",
    "lay": "laid",
    "lead": "led",
    "learn": "learnt",
    "lose": "losing lost",
    "make": "making",
    "man": "men",
    "mean": "meant",
    "mislead": "misled",
    "mistake": "mistaken mistook",
    "mouse": "mice",
    "note": "noting",
    "outrun": "outran",
    "overcome": "overcame",
    "oversee": "oversaw overseen",
    "overtake": "overtaken overtook",
    "pay": "paid",
    "phenomenon": "phenomena",
    "rebuild": "rebuilt",
    "rewrite": "rewritten rewrote",
    "ride": "ridden riding rode",
    "ring": "rang rung",
    "rise": "risen rising rose",
    "rule": "ruling",
    "run": "ran",
    "say": "said",
    "see": "seen",
    "seek": "sought",
    "sell": "sold",
    "shake": "shaken shook",
    "shine": "shone",
    "shoot": "shot",
    "show": "shown",
    "shrink": "shrank shrunk",
    "sing": "sung",
    "sink": "sank sunk",
    "sit": "sat",
    "sleep": "slept",
    "speak": "spoke spoken",
    "speed": "sped",
    "spend": "spent",
    "spin": "spun",
    "stand": "stood",
    "steal": "stole stolen",
    "stick": "stuck",
    "sting": "stung",
    "strike": "stricken struck",
    "swear": "swore sworn",
    "sweep": "swept",
    "swim": "swam swum",
    "swing": "swung",
    "take": "taken taking took",
    "teach": "taught",
    "tell": "told",
    "thief": "thieves",
    "think": "thought",
    "throw": "threw thrown",
    "tire": "tiring",
    "tooth": "teeth",
    "undergo": "undergone underwent",
    "understand": "understood",
    "undertake": "undertaken undertook",
    "uphold": "upheld",
    "vote": "voting",
    "wake": "waking woke woken",
    "wear": "wore worn",
    "wife": "wives",
    "win": "won",
    "wire": "wiring",
    "withdraw": "withdrawn withdrew",
    "withhold": "withheld",
    "withstand": "withstood",
    "wolf": "wolves",
    "woman": "women",
    "write": "written wrote",
}
# The same for French verbs whose forms no suffix rule joins ("pris", "prennent": "prendre"), with the forms
# that are also another word left out ("part", "court", "sort", "lit", "cru", "permis", "produit", "y compris").
_IRREGULAR_BY_BASE_FR = {
    "abattre": "abattu abattue",
    "acquerir": "acquiert acquis acquise",
    "admettre": "admettent admis admise",
    "apparaitre": "apparaissent apparait apparu apparue",
    "apprendre": "apprennent appris apprise",
    "atteindre": "atteignent atteint atteinte atteints",
    "battre": "battent battu battue",
    "boire": "boit boivent",
    "comprendre": "comprennent comprise",
    "conduire": "conduisent conduit conduite",
    "connaitre": "connaissent connait connu connue connus",
    "construire": "construisent construit construite construites construits",
    "courir": "courent couru",
    "couvrir": "couvert couverte couvre couvrent",
    "craindre": "craignent craint",
    "croire": "croient croit croyait",
    "decouvrir": "decouvert decouverte decouvertes decouverts decouvre decouvrent",
    "decrire": "decrit decrite decrivent",
    "detruire": "detruisent detruit detruite detruites detruits",
    "devenir": "devenu devenue deviennent devient",
    "dire": "dira disait disent dit dite dites dits",
    "disparaitre": "disparaissent disparait disparu disparue disparus",
    "dormir": "dorment dormi dort",
    "ecrire": "ecrit ecrite ecrits ecrivait ecrivent",
    "entreprendre": "entrepris entreprise",
    "eteindre": "eteignent eteint eteinte",
    "faire": "faisaient faisait fait faite faites faits fera feront font",
    "inscrire": "inscrit inscrite inscrites inscrits inscrivent",
    "interdire": "interdit interdite interdits",
    "intervenir": "intervenu interviennent intervient",
    "joindre": "joignent jointe",
    "lire": "lisent lue",
    "maintenir": "maintenu maintenue maintiennent maintient",
    "mettre": "mettait mettent mettra mis mise mises",
    "mourir": "meurent meurt mort morte mortes morts",
    "naitre": "naissent nait",
    "obtenir": "obtenu obtenue obtiennent obtient",
    "offrir": "offert offerte offre offrent",
    "ouvrir": "ouvert ouverte ouvertes ouverts ouvrait ouvre ouvrent ouvrira",
    "paraitre": "parait paru parue",
    "partir": "partait partent partis",
    "peindre": "peint peinte",
    "plaindre": "plaignent plaint",
    "poursuivre": "poursuit poursuivent poursuivi poursuivie",
    "prendre": "prenaient prenait prendra prennent pris prise prises",
    "prevoir": "prevoient prevoit prevoyait prevu prevue prevues prevus",
    "produire": "produisent produite",
    "promettre": "promettent promis promise",
    "recevoir": "recevait recoit recoivent recu recue recues recus",
    "reduire": "reduisent reduit reduite reduites reduits",
    "rejoindre": "rejoignent rejoint rejointe",
    "remettre": "remettent remis",
    "reprendre": "reprennent repris reprise reprises",
    "resoudre": "resolu resolue resout",
    "retenir": "retenu retenue retiennent retient",
    "revenir": "revenu revenue reviennent revient",
    "revoir": "revu revue",
    "savoir": "sait savait savent",
    "sentir": "sentent senti sentie",
    "servir": "sert servent servi servie",
    "sortir": "sortent sorti sortie sortis",
    "souffrir": "souffert souffre souffrent",
    "soumettre": "soumis soumise",
    "suivre": "suit suivait suivent suivi suivie suivis",
    "surprendre": "surpris surprise surprises",
    "tenir": "tenait tenu tenue tiennent tient",
    "traduire": "traduit traduite",
    "transmettre": "transmettent transmis transmise",
    "venir": "venait venu venue venues venus viendra viennent vient",
    "vivre": "vecu vit vivait vivent",
    "voir": "verra voient voit voyait vu vue vues vus",
}
IRREGULAR_FORMS = {
    form: base
    for table in (_IRREGULAR_BY_BASE, _IRREGULAR_BY_BASE_FR)
    for base, forms in table.items()
    for form in forms.split()
}

_OWN_ROOT_FORMS = {
    "journal": "journal journaux",
    "signal": "signal signals signaux",
    "liberal": "liberal liberals liberale liberales liberaux",
    "mental": "mental mentale mentales mentaux",
    "principal": "principal principale principales principaux",
}
OWN_ROOTS = {form: root for root, forms in _OWN_ROOT_FORMS.items() for form in forms.split()}
"""Words whose "-al" ending is part of the root: the stemmer's rule for "national"/"nation" would make them
another word ("journal" the newspaper is no "journée", "signal" no "signer", "libéral" no "libérer")."""

IS_CONTRACTED = frozenset("what where who how when why that it he she there here".split())
"""Words whose "'s" is "is" ("what's", "it's"), not a possessive."""
NOT_CONTRACTED = {"don": "do", "doesn": "does", "didn": "did", "isn": "is", "aren": "are", "ain": "is", "mustn": "must"}
"""The first half of a contracted "not" ("don't" is "don", "t"), as its word: "don" is no word of the question."""

# French elisions typed without their apostrophe ("quest ce quon trouve ?"), read so in a French question only
# and when the knowledge does not write the word itself: "quest" is an English word.
FRENCH_SHORTHAND = {"quest": "qu est", "quon": "qu on", "quil": "qu il", "quils": "qu ils"}

# Chat spellings that are French words ("mal au dos"), read so in an English question only. ("y" for "why"
# was measured too: it cost as much as it gained.)
ENGLISH_SHORTHAND = {"dos": "does"}
CHAT_PREPOSITIONS = {"2": "to", "4": "for"}
"""Digits chat writes for English prepositions: "what happened 2 the ferry" is "to the ferry", read so only
before an English determiner, where no count stands ("2 a day" counts)."""
CHAT_PREPOSITION_BEFORE = frozenset("the this that these those my our your their his her its".split())
HOUR_OPENERS = ("à", "vers", "dès", "avant", "après", "jusqu'à", "entre")
"""French words before an hour of the day: "vers 16 heures" is a time, "pendant 8 heures" hours counted."""

# Chat and SMS spellings, read as the word they stand for before anything else.
SHORTHAND = {
    "enuf": "enough",
    "u": "you",
    "r": "are",
    "ur": "your",
    "wat": "what",
    "wut": "what",
    "hav": "have",
    "iz": "is",
    "waz": "was",
    "wht": "what",
    "wen": "when",
    "wn": "when",
    "whn": "when",
    "whr": "where",
    "wer": "where",
    "hw": "how",
    "yr": "year",
    "yrs": "years",
    "whats": "what is",
    "wats": "what is",
    "wheres": "where is",
    "whos": "who is",
    "hows": "how is",
    "thats": "that is",
    "tht": "that",
    "cest": "c",
    "kes": "que",
    "pa": "pas",
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "kesk": "que",
    "keske": "que",
    "hr": "hours",
    "hrs": "hours",
    "abt": "about",
    "b4": "before",
    "2day": "today",
    "any1": "anyone",
    "some1": "someone",
    "sum1": "someone",
    "every1": "everyone",
    "evry1": "everyone",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "ppl": "people",
    "govt": "government",
    "dept": "department",
    "jan": "january",
    "feb": "february",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "sep": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
    "gov": "government",
    "mil": "military",
    "koi": "quoi",
    "kwa": "quoi",
    "ki": "qui",
    "kan": "quand",
    "kand": "quand",
    "qd": "quand",
    "qand": "quand",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "pkoi": "pourquoi",
    "pourkoi": "pourquoi",
    "cb": "combien",
    "cmb": "combien",
    "ke": "que",
    "tt": "tout",
    "ds": "dans",
    "pr": "pour",
    "ac": "avec",
    "avc": "avec",
    "bcp": "beaucoup",
    "mtn": "maintenant",
    "auj": "aujourd",
    "ajd": "aujourd",
    "dsl": "desole",
    "qqn": "quelqu",
    "cmt": "comment",
    "koment": "comment",
    "komen": "comment",
    "kel": "quel",
    "kelle": "quelle",
    "kels": "quels",
    "kelles": "quelles",
    "wuz": "was",
    "sed": "said",
    "xtra": "extra",
    "tix": "tickets",
    "gonna": "going to",
    "wanna": "want to",
    "pcq": "parce que",
    "pck": "parce que",
    "wil": "will",
    "wud": "would",
    "cud": "could",
    "tho": "though",
    "didnt": "did not",
    "doesnt": "does not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "hasnt": "has not",
    "havent": "have not",
    "hadnt": "had not",
    "couldnt": "could not",
    "wouldnt": "would not",
    "shouldnt": "should not",
    # more of the usual French ones
    "tps": "temps",
    "tjs": "toujours",
    "tjrs": "toujours",
    "qqch": "quelque chose",
    "qqc": "quelque chose",
    "qq": "quelques",
    "pb": "probleme",
    "pbm": "probleme",
    "rdv": "rendez vous",
    "vrmt": "vraiment",
    "jms": "jamais",
    "ptet": "peut etre",
    "ptetre": "peut etre",
    "nn": "non",
    "jsp": "je sais pas",
    "koa": "quoi",
    "kwoi": "quoi",
    "koman": "comment",
    "tlm": "tout le monde",
    "mnt": "maintenant",
    "aprem": "apres midi",
    "dem1": "demain",
    "2m1": "demain",
    "bi1": "bien",
    "chui": "je suis",
    "jsuis": "je suis",
    "msg": "message",
}

# Ways of asking that add nothing to the question; removed before matching.
FILLER_PHRASES = tuple(
    phrase.split()
    for phrase in (
        "according to the article",
        "in the article",
        "does the article say",
        "the article says",
        "what does the article say about",
        "what does it say about",
        "does it say",
        "the article",
        "tell me",
        "can you tell me",
        "could you tell me",
        "do you know",
        "i want to know",
        "i would like to know",
        "i d like to know",
        "i wonder",
        "i was wondering",
        "je me demandais",
        "je me demande",
        "i m curious",
        "i am curious",
        "je suis curieux",
        "je suis curieuse",
        "i don t know",
        "je ne sais pas",
        "je sais pas",
        "j aimerais savoir",
        "selon l article",
        "dans l article",
        "que dit l article",
        "l article dit",
        "dit l article",
        "est ce que",
        "dis moi",
        "dites moi",
        "je voudrais savoir",
        "je veux savoir",
        "tu sais",
        "vous savez",
        "sais tu",
        "savez vous",
        "peux tu me dire",
        "pouvez vous me dire",
        "pourriez vous me dire",
        "pourrais tu me dire",
        "tu peux me dire",
        "vous pouvez me dire",
        "pouvez vous m indiquer",
        "pourriez vous m indiquer",
        "in the text",
        "in this article",
        "in the news",
        "dans le texte",
        "dans cet article",
        "dans l actu",
        "regarding",
        "as for",
        "as regards",
        "concerning",
        "en ce qui concerne",
        "concernant",
        "quant a",
        # asking what a word or an acronym means is asking what it is ("que veut dire Camy ?")
        "veut dire",
        "veulent dire",
        "voulait dire",
        "signifie",
        "signifient",
        "mean",
        "meant",
        "stand for",
        "stands for",
        "le sigle",
        "the acronym",
        "the abbreviation",
        "i heard",
        "i read",
        "i saw",
        "j ai entendu",
        "j ai lu",
        "j ai vu",
        "by the way",
        "btw",
        "du coup",
        "au juste",
        # happening, like the stopword "happen": "when did the visit take place?" asks when the visit was
        "take place",
        "takes place",
        "took place",
        "taking place",
        "taken place",
        "avoir lieu",
        "a lieu",
        "ont lieu",
        "a eu lieu",
        "ont eu lieu",
        "aura lieu",
        "auront lieu",
        "avait lieu",
        "se deroule",
        "se deroulent",
        "se derouler",
        "s est deroule",
        "s est deroulee",
        "se deroulera",
        # managing to do something is doing it: "did they manage to get out?" asks whether they got out
        "manage to",
        "managed to",
        "manages to",
        "managing to",
        "able to",
        "succeeded in",
        "succeed in",
        "reussi a",
        "reussir a",
        "reussit a",
        "reussissent a",
        "parvenu a",
        "parvenus a",
        "parvenue a",
        "parvenir a",
        "parvient a",
        "parviennent a",
        # what only says a figure is one: "à combien s'élève la charge ?" asks how much the charge is
        "s eleve",
        "s elevent",
        "s elevait",
        "s elevaient",
        "s elevera",
        "s eleveront",
        "s est eleve",
        "s est elevee",
        "se monte",
        "se montent",
        "se montait",
        "se chiffre",
        "se chiffrent",
        "amount to",
        "amounts to",
        "amounted to",
    )
)

# Asking whether what the asker heard is so ("... Is that true?"): what they heard is the question.
CONFIRMATIONS = tuple(
    phrase.split()
    for phrase in (
        "is that right",
        "is this right",
        "is that true",
        "is this true",
        "is it true",
        "is that so",
        "true or false",
        "c est vrai",
        "c est exact",
        "c est juste",
        "est ce vrai",
        "est ce exact",
        "vrai ou faux",
        "was that right",
        "was that true",
        "is he right",
        "is she right",
        "was he right",
        "was she right",
        "are they right",
        "were they right",
        "a t il raison",
        "a t elle raison",
        "avait il raison",
        "avait elle raison",
        "ont ils raison",
    )
)

# Who told the asker what they ask about, before a verb of HEARSAY_VERBS ("my neighbour says...",
# "someone at work said...", "on m'a dit que..."): the story's teller, not what it asks. Anyone after
# a determiner of the asker's is one ("my teacher said"); after "a", "un"... only one of HEARSAY_TELLERS
# ("a friend said", not "a spokesman said"); "the father said" may be the article's father.
HEARSAY_TELLERS = frozenset(
    """friend friends neighbour neighbor neighbours neighbors cousin uncle aunt colleague colleagues coworker
    mum mom dad mother father sister brother wife husband daughter son kid kids boss ami amie amis voisin
    voisine voisins cousine oncle tante collegue collegues maman papa mere pere soeur frere femme mari fille
    fils patron""".split()
)
HEARSAY_ASKERS = frozenset("my our mon ma mes notre nos".split())
HEARSAY_DETERMINERS = frozenset("a an un une".split())
HEARSAY_ANYONE = tuple(
    phrase.split() for phrase in ("someone", "somebody", "everyone", "people", "quelqu un", "on", "tout le monde")
)
HEARSAY_PLACES = tuple(phrase.split() for phrase in ("at work", "au travail", "du travail", "au boulot"))
HEARSAY_VERBS = tuple(
    phrase.split()
    for phrase in (
        "told me",
        "tells me",
        "was telling me",
        "keeps telling me",
        "kept telling me",
        "keeps saying",
        "said",
        "says",
        "swears",
        "reckons",
        "claims",
        "insists",
        "m a dit",
        "m a raconte",
        "m a parle de",
        "m a assure",
        "me dit",
        "me disait",
        "me raconte",
        "dit",
        "a dit",
        "affirme",
        "assure",
        "pretend",
        "raconte",
    )
)

# "how many X" asks for a count of X: these words open the count.
COUNT_WORDS = frozenset({"many", "combien", "nombre", "number"})
"""Words after which a question names what it counts ("how many Chinese soldiers": soldiers, or Chinese ones);
"how much revenue" asks an amount, which an answer gives with no number before the word."""
# French counts with "combien de": "combien pesait le dinosaure ?" asks how much, and counts no "pesait".
COUNTS_WITH_DE = frozenset({"combien"})
COUNT_DE = frozenset({"de", "d", "des"})
# ...unless a verb comes first: "how much is the fare", "combien coûte le billet" count nothing.
COUNT_ENDS = frozenset(
    "is are was were be been do does did will would can could has have had cost costs "
    "est sont etait etaient sera seront a ont avait coute coutent fait font".split()
)

# A message that starts like this continues the previous question with another subject
# ("and India?", "what about the May drills?", "et pour la Mongolie ?").
FOLLOW_UP_OPENERS = tuple(
    phrase.split()
    for phrase in (
        "and",
        "and what about",
        "and how about",
        "what about",
        "how about",
        "what of",
        "and for",
        "also",
        "et",
        "et pour",
        "et pour ce qui est de",
        "et concernant",
        "et quid de",
        "quid de",
        "et du cote de",
        "et alors",
        "aussi",
    )
)
# "déjà" right after a question word asks again ("c'était où déjà ?"), not whether it is done already.
AGAIN_AFTER_QUESTION_WORD = frozenset({"deja"})
# "when" after a question that already asks something joins a clause ("how did they react when the ribbon was
# cut?"); after these words it asks too ("where and when?", "since when?", "jusqu'à quand ?").
WHEN_ASKS_AFTER = frozenset("and or but so since until till from by et ou mais alors donc depuis jusqu a de d".split())
# Verbs of saying: "who said that?" after an answer that quotes or reports someone asks who it was.
SAYING = frozenset(
    """say says said saying tell tells told mention mentions mentioned claim claims claimed announce announced
    write wrote written report reported state stated dit dire disent affirme affirmait explique raconte
    mentionne annonce annoncait ecrit declare declarait rapporte
    added explained stressed insisted warned admitted replied recalled commented
    ajoute ajoutait precise precisait souligne soulignait indique indiquait assure assurait confie confiait
    rappelle rappelait poursuit conclut temoigne insiste reconnait commente repond plaisante""".split()
)
# Words that give whose word something is without a verb of saying: "according to the mayor", "selon le maire".
REPORTED_BY = frozenset({"according", "selon"})
# Pronouns that stand for someone or something of the previous question ("what did he say?",
# "il a dit quoi ?"); French "le/la/les" are left out, being articles far more often.
FOLLOW_UP_PRONOUNS = frozenset(
    "he she it they him her them his hers its their theirs that this there"
    " il elle ils elles lui leur leurs ca cela ceci y".split()
)
# Phrases that point back in time to what was just said ("who was visiting at the time?", "c'était quand,
# l'autre fois ?"): they read a message with the previous question's topic, like a pronoun, and name nothing.
BACK_REFERENCES = tuple(
    phrase.split()
    for phrase in (
        "at the time",
        "at that time",
        "at that point",
        "back then",
        "by then",
        "that time",
        "a ce moment",
        "a ce moment la",
        "a ce moment ci",
        "a cet instant",
        "a l epoque",
        "a cette epoque",
        "a cette epoque la",
        "l autre fois",
        "cette fois la",
        "ce jour la",
    )
)

OTHERS = frozenset("other others another autre autres".split())
"""Words of a question of its own ("where is there another outbreak?"), but in a follow-up they point back at
the topic like a pronoun and name nothing ("and the others?", "il a dit quoi d'autre ?")."""

# Questions about the article itself rather than what it says ("what is this article about?", "publié quand ?",
# "which newspaper published this?"): the knowledge's header answers them (``Matcher.header_request``). A word of
# ``ARTICLE_WORDS`` says that the article is meant; a word of a field asks for that field, the ``HEADER_ALONE``
# ones even when no article word says so ("what's the headline?", "summary please", "what is it about?").
ARTICLE_WORDS = frozenset("article articles story piece texte".split())
HEADER_WORDS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (field, frozenset(words.split()))
    for field, words in (
        ("title", "title headline heading titre intitule"),
        (
            "source",
            "source link url address website site newspaper journal media outlet publisher lien adresse come comes "
            "vient provient from channel chaine broadcaster radio",
        ),
        (
            "published",
            "published publish publication posted dated date written publie publiee paru parue parution ecrit",
        ),
        (
            "about",
            "about subject topic summary summarise summarize gist sujet resume resumer tldr parle parlent traite"
            " happening happened passe",
        ),
    )
)
SENTENCE_OPENERS = (".", "!", "?", ":", "«", "“", '"')
"""What a word that opens a sentence follows: its capital says nothing of a name."""
# "ça parle de quoi ?" asks what the article is about, but "qui parle ?" who speaks
HEADER_SPOKEN = frozenset({"parle", "parlent"})
HEADER_WRITTEN = frozenset("written ecrit".split())  # "who was it written by?" asks for an author, no header field
HEADER_ALONE = frozenset(
    "title headline titre source url link lien newspaper publisher journal channel chaine broadcaster radio "
    "published publie publiee paru parue publication about subject "
    "topic summary summarise summarize sujet resume resumer tldr happening happened passe parle parlent".split()
)
