"""A starter table of English/French synonyms for news articles, used by ``extract`` drafts.

A draft has no hand-written questions, so a question in English about a
French sentence shares no word with it. These groups are general news
vocabulary (countries, the calendar, how events are scheduled, announced and
reported), not one article's: groups that helped only the Vostok article's
draft were taken out. A draft keeps the groups its article uses, and
maintainers extend them like any ``synonyms:`` of a knowledge file.
"""

from __future__ import annotations

GROUPS: tuple[tuple[str, ...], ...] = tuple(
    tuple(word.strip() for word in line.split(","))
    for line in """
china, chine, chinese, chinois, chinoise, beijing, pekin
russia, russie, russian, russe, russes, moscow, moscou, kremlin
united states, etats unis, us, usa, america, american, americans, americain, americaine, washington
united kingdom, royaume uni, britain, british, britannique, london, londres
france, french, francais, francaise, paris
germany, allemagne, german, allemand, allemande, berlin
ukraine, ukrainian, ukrainien, ukrainienne, kyiv, kiev
india, inde, indian, indien, indienne, new delhi
japan, japon, japanese, japonais, japonaise, tokyo
south korea, coree du sud, korea, coree, korean, coreen, coreenne, seoul
north korea, coree du nord, pyongyang
belarus, bielorussie, belarusian, bielorusse, minsk
mongolia, mongolie, mongolian, mongol
tajikistan, tadjikistan, tajik, tadjik
kazakhstan, kazakh
iran, iranian, iranien, tehran, teheran
taiwan, taiwanese, taiwanais, taipei
europe, european, europeen, europeenne, eu, ue, union europeenne, european union
country, countries, pays, nation, nations, state, states
january, janvier
february, fevrier
march, mars
april, avril
may, mai
june, juin
july, juillet
august, aout
september, septembre
october, octobre
november, novembre
december, decembre
monday, lundi
tuesday, mardi
wednesday, mercredi
thursday, jeudi
friday, vendredi
saturday, samedi
sunday, dimanche
year, years, annee, annees, an, ans
month, months, mois
week, weeks, semaine, semaines
day, days, jour, jours
hour, hours, heure, heures
annual, annually, yearly, every year, annuel, annuelle, annuels, annuelles, chaque annee
second, deuxieme, deuxiemes, 2nd, seconde
first, premier, premiere, premiers, 1st
third, troisieme, 3rd
start, starts, begin, begins, beginning, commence, commencent, debut, debutent
end, ends, finish, fin, termine, terminent, until, jusqu
schedule, scheduled, planned, prevu, prevus, prevue, prevues, programme
last, lasts, duration, duree, durent, dure, run, runs
take place, takes place, held, ont lieu, a lieu, se deroule, se deroulent, happen, happening
announce, announced, announcement, annonce, annonces, annoncer, declare, declared
press release, communique, statement, release
publish, published, publie, publiee, paru
ministry, ministere, minister, ministre
defense, defence
state department, departement d etat, foreign ministry, ministere des affaires etrangeres
spokesman, spokesperson, spokeswoman, porte parole
president, presidente
government, gouvernement
war, guerre, conflict, conflit, invasion
security, securite, safety
threat, threats, menace, menaces, danger, risk, risque
worried, worry, worries, concern, concerned, inquiet, inquiete, inquiets, inquietude, preoccupe
international, global, world, mondial, mondiale, internationale
comment, comments, react, reaction, reacted, said, says, dit, response, reponse
""".strip().splitlines()
)
