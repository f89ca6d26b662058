"""General English/French synonyms for news articles: the groups an article uses join its knowledge's own.

A question rarely uses the article's words: "cut" where it says "reduced",
"tué" for "killed", French about an English sentence. The matcher adds the
groups with a word in the knowledge's article to the maintainer's synonyms
(which win where they differ), and ``extract`` writes them into drafts. Only
the groups the article uses: a group about a subject the article never
mentions would only bring off-topic questions closer to its facts.

The groups are general news vocabulary (countries, the calendar, how events
are scheduled, announced and reported), not one article's: groups that helped
only the Vostok article's draft were taken out, and the second part (politics,
economy, crime and accidents, health, science, sport, culture, weather,
transport, common verbs) was written by someone who had seen none of the
project's articles, one meaning per group, with words of two meanings left out
("may", "last", "ete"). Members are written as ``tokenize`` reads words:
lower case, no accents.
"""

from __future__ import annotations

from bot.folding import tokenize

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
ministers, ministres
prime minister, prime ministers, premier ministre, premiere ministre, premiers ministres
governments, governmental, gouvernements, gouvernemental, gouvernementale
ministries, ministeres
law, laws, loi, lois
legislation, draft law, draft legislation, projet de loi, proposition de loi, legislatif, legislative
vote, votes, voted, voting, voter, votent, votant, votants, scrutin
voters, electors, elector, electeur, electeurs, electrice, electrices, electorat
election, elections, elected, electoral, elire, elu, elue, elus, electorale, electoraux
poll, polls, opinion poll, survey, surveys, sondage, sondages
campaign, campaigns, campaigned, campaigning, campagne, campagnes
candidate, candidates, candidacy, candidat, candidats, candidature, candidatures
presidents, presidential, presidency, presidentes, presidentiel, presidentielle, presidentielles, presidence
mayor, mayors, maire, maires, mairesse
parliament, parliaments, parliamentary, parlement, parlements, parlementaire, parlementaires
member of parliament, mp, mps, deputy, deputies, depute, deputes, deputee, deputees
senate, senator, senators, senat, senateur, senateurs, senatrice, senatrices
political party, political parties, parti politique, partis politiques
politics, political, policy, policies, politique, politiques
politician, politicians, politicien, politiciens, politicienne, homme politique, femme politique, responsable politique
reform, reforms, reformed, reforme, reformes, reformer
summit, summits, sommet, sommets
united nations, nations unies, onu
etat, etats
city, cities, town, towns, ville, villes
region, regions, regional, regionale, regionaux, regionales
authorities, authority, autorites, autorite
official, officials, officially, officiel, officielle, officiels, officielles, officiellement
citizen, citizens, citoyen, citoyens, citoyenne, citoyennes
inhabitants, inhabitant, residents, resident, habitants, habitant, habitante, habitantes
population, populations
agreement, agreements, deal, deals, accord, accords
negotiation, negotiations, negotiate, negotiated, talks, negociation, negociations, negocier, negocie, negociee
protest, protests, protested, demonstration, demonstrations, manifestation, manifestations, manifester, protestation, protestations
strike, strikes, striking, strikers, greve, greves, grevistes, greviste
wars, guerres
army, armies, military, armee, armees, militaire, militaires
soldier, soldiers, troops, soldat, soldats, troupes
attack, attacks, attacked, attaque, attaques, attaquer, attentat, attentats
terrorism, terrorist, terrorists, terrorisme, terroriste, terroristes
peace, paix
ceasefire, cease fire, truce, cessez le feu, treve
refugee, refugees, refugie, refugies, refugiee, refugiees
migrant, migrants, immigrant, immigrants, migrante, migrantes, immigre, immigres, immigree
border, borders, frontier, frontiere, frontieres
ban, bans, banned, prohibit, prohibited, forbidden, interdire, interdit, interdite, interdits, interdiction
allow, allowed, authorize, authorise, authorized, authorised, permettre, permet, autoriser, autorise, autorisee, autorisation
court, courts, tribunal, tribunaux
judge, judges, juge, juges
trial, trials, proces
lawyer, lawyers, attorney, avocat, avocats, avocate, avocates
sentenced, convicted, condamne, condamnee, condamnes, condamnees, condamnation, condamnations
prison, prisons, jail, jailed, imprisoned, emprisonne, emprisonnee, incarcere
police, policeman, policemen, police officer, police officers, policier, policiers, policiere, policieres, gendarme, gendarmes
crime, crimes, criminal, criminals, criminel, criminelle, criminels
crash, crashes, crashed, collision, collisions, collided, percute, percutee, percuter
accident, accidents, accidental, accidentel, accidentelle
injured, injury, injuries, wounded, hurt, blesse, blesses, blessee, blessees, blessure, blessures
killed, kill, kills, killing, tue, tues, tuee, tuees, tuer, tuent
die, died, dies, dead, death, deaths, mourir, meurt, mort, morte, morts, deces, decede, decedee
victim, victims, victime, victimes
driver, drivers, motorist, motorists, conducteur, conducteurs, conductrice, chauffeur, chauffeurs, automobiliste, automobilistes
passenger, passengers, passager, passagers, passagere, passageres
pedestrian, pedestrians, pieton, pietons, pietonne
witness, witnesses, testimony, testify, temoin, temoins, temoignage, temoignages, temoigner
arrest, arrested, arrests, arrestation, arrestations, interpelle, interpellee, interpelles, interpellation
investigation, investigations, inquiry, probe, investigate, investigated, enquete, enquetes, enqueter
investigator, investigators, enqueteur, enqueteurs, enquetrice
suspect, suspects, suspected, suspecte, suspectes, soupconne, soupconnee
murder, murders, murdered, homicide, assassination, meurtre, meurtres, assassinat, assassinats, assassine
violence, violent, violences, violente, violents
weapon, weapons, gun, guns, firearm, firearms, arme, armes, arme a feu, armes a feu
shooting, shootings, gunfire, gunshot, gunshots, fusillade, fusillades, coups de feu, tirs
explosion, explosions, exploded, explode, blast, exploser, explose
fire, fires, blaze, wildfire, wildfires, incendie, incendies, feu, feux, feux de foret
firefighter, firefighters, firemen, pompier, pompiers, sapeurs pompiers
rescue, rescued, rescues, sauvetage, sauvetages, secourir, secouru, secourus, secourue
rescuers, emergency services, secours, secouristes, sauveteurs
emergency, emergencies, urgence, urgences
ambulance, ambulances
missing, disappeared, disappearance, disparu, disparue, disparus, disparues, disparition
evacuate, evacuated, evacuation, evacuations, evacuer, evacue, evacuee, evacues
damage, damaged, degats, dommages, endommage, endommagee, endommages
destroy, destroyed, destruction, detruire, detruit, detruite, detruits
price, prices, priced, prix, tarif, tarifs
cost, costs, cout, couts, coute, couter, coutent, coutait
increase, increased, rise, rises, rising, augmentation, augmenter, augmente, augmentee, hausse, hausses
decrease, decreased, decreases, drop, dropped, decline, declined, baisse, baisses, baisser, diminution, diminuer, diminue, recul
fall, falls, fell, fallen, chute, chutes, chuter, tomber, tombe, tombee, tombent
reduce, reduced, reduction, reductions, cut, cuts, reduire, reduit, reduite
growth, economic growth, croissance, croissance economique
company, companies, firm, firms, entreprise, entreprises, compagnie, compagnies, firme, firmes
profit, profits, profitable, benefice, benefices, rentable
loss, losses, perte, pertes
revenue, revenues, turnover, chiffre d affaires, recettes
income, incomes, revenu, revenus
sales, sell, sells, sold, selling, vente, ventes, vendre, vend, vendent, vendu, vendue, vendus, vendues
buy, buys, bought, purchase, purchased, purchases, acheter, achete, achetee, achetent, achat, achats
quarter, quarters, quarterly, trimestre, trimestres, trimestriel, trimestrielle
market, markets, marche, marches
investment, investments, invest, invested, investissement, investissements, investir, investi
tax, taxes, taxed, taxation, impot, impots, taxe, fiscal, fiscale, fiscalite
bill, bills, invoice, invoices, billed, facture, factures, facturer
salary, wage, wages, salaire, salaires, remuneration
job, jobs, employment, emploi, emplois
employee, employees, staff, employe, employes, salarie, personnel
worker, workers, travailleur, travailleurs, ouvrier, ouvriers, ouvriere, ouvrieres
work, works, worked, working, travail, travaux, travailler, travaille, travaillent
unemployment, unemployed, jobless, chomage, chomeur, chomeurs, chomeuse
economy, economic, economics, economie, economique, economiques
crisis, crises, crise
rate, rates, taux
bank, banks, banking, banque, banques, bancaire, bancaires
money, argent
budget, budgets, budgetary, budgetaire, budgetaires
debt, debts, indebted, dette, dettes, endette, endettement
pay, paid, paying, payment, payments, payer, paye, payee, payes, paiement, paiements, versement
product, products, produit, produits
production, produce, produced, producer, producers, produire, producteur, producteurs, productrice
industry, industries, industrial, industrie, industriel, industrielle, industriels
factory, factories, usine, usines
energy, energies, energie, energetique
electricity, electric, electrical, electricite, electrique, electriques
oil, petroleum, petrole, petrolier, petroliere
house, houses, home, homes, maison, maisons, domicile
building, buildings, batiment, batiments, immeuble, immeubles, edifice
help, helped, helps, aid, aide, aides, aider, aident, assistance
tourism, tourist, tourists, tourisme, touriste, touristes, touristique
hospital, hospitals, hospitalised, hospitalized, hospitalisation, hopital, hopitaux, hospitalise, hospitalisee, hospitalises
doctor, doctors, physician, medecin, medecins, docteur, docteurs
surgeon, surgeons, chirurgien, chirurgiens, chirurgienne
surgery, surgeries, operation, operations, operated, chirurgie, opere, operee, intervention chirurgicale
nurse, nurses, infirmier, infirmiere, infirmiers, infirmieres
patient, patients, patiente, patientes
disease, diseases, illness, illnesses, maladie, maladies
epidemic, pandemic, outbreak, epidemie, epidemies, pandemie
vaccine, vaccines, vaccination, vaccinated, vaccin, vaccins
treatment, treatments, traitement, traitements
medical, medicale, medicaux, medicales
health, healthcare, sante
study, studies, studied, etude, etudes, etudier, etudie, etudiee
research, recherche, recherches
researcher, researchers, chercheur, chercheurs, chercheuse, chercheuses
scientist, scientists, scientific, scientifique, scientifiques
discover, discovered, discovery, discoveries, decouvrir, decouvert, decouverte, decouvertes, decouverts
species, espece, especes
fossil, fossils, fossilised, fossilized, fossile, fossiles, fossilise
dinosaur, dinosaurs, dinosaure, dinosaures
animal, animals, animaux
forest, forests, foret, forets
rain, rains, rained, rainfall, pluie, pluies, pleut, pleuvoir, precipitations
drought, droughts, secheresse, secheresses
water, waters, eau, eaux
restriction, restrictions, restrict, restricted, restreindre, restreint, restreinte
temperature, temperatures
degree, degrees, degre, degres
heat, chaleur, chaleurs
heatwave, heat wave, heatwaves, canicule, canicules, vague de chaleur
earthquake, earthquakes, quake, seisme, seismes, tremblement de terre, tremblements de terre
tsunami, tsunamis, raz de maree
flood, floods, flooding, flooded, inondation, inondations, inonde, inondee, inondees, crue, crues
storm, storms, thunderstorm, thunderstorms, tempete, tempetes, orage, orages
hurricane, hurricanes, cyclone, typhoon, ouragan, ouragans, typhon
snow, snowfall, neige, neiger
wind, winds, vent, vents
weather, meteorological, meteo, meteorologique
warn, warns, warned, warning, warnings, avertir, avertit, averti, avertissement, avertissements, mettre en garde, met en garde
climate, climat, climatique, climatiques
climate change, global warming, changement climatique, rechauffement climatique, dereglement climatique
pollution, polluted, pollutant, pollutants, pollue, polluee, polluant, polluants
environment, environmental, environnement, environnemental, environnementale, environnementaux
train, trains
railway, railways, rail, railroad, ferroviaire, ferroviaires, voie ferree, chemin de fer
line, lines, ligne, lignes
station, stations, gare, gares
speed, speeds, vitesse, vitesses
road, roads, route, routes, routier, routiere
car, cars, voiture, voitures
vehicle, vehicles, vehicule, vehicules
bus, buses, autobus, autocar, autocars
truck, trucks, lorry, lorries, camion, camions, poids lourd, poids lourds
plane, planes, aircraft, airplane, avion, avions
airport, airports, aeroport, aeroports
flight, flights, vol, vols
traffic, trafic, circulation
ticket, tickets, billet, billets
journey, journeys, trip, trips, travel, travelled, traveled, voyage, voyages, voyager, trajet, trajets
delay, delays, delayed, retard, retards, retarde
arrive, arrived, arrival, arrivals, arriver, arrivee, arrives, arrivees
race, races, course, courses
stage, stages, etape, etapes
win, wins, won, winning, gagner, gagne, gagnee, gagnent, remporter, remporte, remportee
winner, winners, vainqueur, vainqueurs, gagnant, gagnants, gagnante
victory, victories, victoire, victoires
lose, loses, lost, perdre, perdu, perdue, perdent
defeat, defeats, defeated, defaite, defaites
team, teams, equipe, equipes
rider, riders, runner, runners, coureur, coureurs, coureuse, coureuses
cyclist, cyclists, cycling, cycliste, cyclistes, cyclisme
match, matches, matchs
record, records
champion, champions, championne, championnes
player, players, joueur, joueurs, joueuse, joueuses
final, finals, finale, finales
spectators, spectator, spectateur, spectateurs, spectatrice, spectatrices
ranking, rankings, standings, classification, classement, classements
festival, festivals
concert, concerts
artist, artists, artiste, artistes
music, musical, musique, musicale, musicaux
film, films, movie, movies
museum, museums, musee, musees
event, events, evenement, evenements
visitors, visitor, visiteur, visiteurs, visiteuse, visiteuses
school, schools, ecole, ecoles
student, students, etudiant, etudiants, etudiante, etudiantes
journalist, journalists, reporter, reporters, journaliste, journalistes
news, informations, actualite, actualites
people, persons, individuals, personnes, gens, individus
man, men, homme, hommes
woman, women, femme, femmes
child, children, kids, enfant, enfants
family, families, famille, familles
journee, journees
minute, minutes
morning, mornings, matin, matins, matinee
afternoon, apres midi
evening, evenings, soir, soiree, soirs
night, nights, nuit, nuits
today, aujourd hui
yesterday, hier
tomorrow, demain
weekend, weekends, week end, fin de semaine
last year, annee derniere, an dernier, annee passee
next year, annee prochaine, an prochain
last week, semaine derniere
last month, mois dernier
next, following, prochain, prochaine, prochains, prochaines, suivant, suivante
previous, previously, precedent, precedente, precedemment, auparavant
former, ancien, ancienne, anciens, anciennes
recent, recently, recente, recents, recentes, recemment
latest, dernier, derniere, derniers, dernieres
hundred, hundreds, cent, centaine, centaines
thousand, thousands, mille, millier, milliers
million, millions
billion, billions, milliard, milliards
number, numbers, nombre, nombres, numero, numeros
percent, per cent, percentage, pour cent, pourcentage, pourcentages
half, moitie, demi, demie
average, on average, moyenne, moyennes, en moyenne
kilometre, kilometres, kilometer, kilometers, km
worldwide, monde, mondiaux
foreign, abroad, etranger, etrangere, etrangers, etrangeres
say, told, tell, dire, dite, dits, affirme, affirmer
statements, declaration, declarations, declarer, declaree
announces, announcements, annoncee, annoncent
decide, decided, decides, decision, decisions, decider, decidee, decident
started, began, begun, commencer, debute, debuter, demarrer
launch, launched, launches, lancer, lance, lancee, lancement
ended, ending, finished, finir, fini, terminer, terminee, achever
open, opens, opened, opening, ouvrir, ouvert, ouverte, ouverts, ouvertes, ouvre, ouvrent, ouverture
closed, closing, closure, shut, shut down, fermer, fermee, fermees, fermeture, fermetures
build, builds, built, construction, construire, construit, construite, construits, constructions
lasted, durer, durait, durera
visit, visits, visited, visiting, visiter, visite, visites, visitee, rendre visite
meet, meets, met, rencontrer, rencontre, rencontrent, rencontree, reunir, reuni
meeting, meetings, reunion, reunions
find, finds, found, trouver, trouve, trouvee, trouves, trouvees, retrouve, retrouvee
explain, explains, explained, explanation, expliquer, explique, expliquent, explication, explications
expect, expects, expected, attendu, attendue, attendus, attendues
wait, waited, waiting, attendre, attendent, attente
plan, plans, planning, prevoir, prevoit, prevoient
cancel, cancels, cancelled, canceled, cancellation, annuler, annule, annulee, annules, annulees, annulation, annulations
reach, reached, reaches, atteindre, atteint, atteinte, atteignent
estimate, estimated, estimates, estimer, estime, estimee, estimation, estimations
confirm, confirmed, confirmation, confirmer, confirme, confirmee
stop, stopped, halt, halted, arret, stopper, cesser, interrompre, interrompu
change, changes, changed, changer, changement, changements
""".strip().splitlines()
)


def used_in(article: str) -> list[tuple[str, ...]]:
    """The groups with at least one member in ``article`` (members are written as ``tokenize`` reads words)."""
    words = [token for word in article.split() for token in tokenize(word)]
    text, known = f" {' '.join(words)} ", set(words)
    return [
        group
        for group in GROUPS
        if any(member in known if " " not in member else f" {member} " in text for member in group)
    ]
