"""Answer quality on the maintainers' evaluation sets, with floors that fail the build when it drops.

The floors sit a little under what the bot scores today, so a change that makes
answers worse fails here; raise them when quality improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answerer import Answerer
from bot.folding import normalize
from bot.knowledge.reading import load
from bot.upkeep.evaluation import ANSWERABLE, evaluate, evaluate_conversations, load_cases, load_set

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "eval" / "sample.yaml"


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    return Answerer(load(ROOT / "knowledge" / "facts.yaml"))


@pytest.fixture(scope="module")
def answerers() -> dict[Path, Answerer]:
    """One answerer per knowledge file, shared by its sets."""
    return {}


FLOORS = [  # set, then floors a little under today's answerable / off-topic+small declined / near declined
    ("eval.yaml", 0.96, 0.93, 0.73),
    ("eval-holdout.yaml", 0.91, 0.9, 0.65),
    ("eval-fresh.yaml", 0.96, 1.0, 0.75),
    ("eval-street.yaml", 0.87, 1.0, 0.65),
    ("eval-mixed.yaml", 0.89, 1.0, 0.8),
    ("eval-blind.yaml", 0.89, 1.0, 0.45),
    ("eval-coverage.yaml", 0.88, 1.0, 0.6),
    ("eval-style.yaml", 0.86, 1.0, 0.6),
    ("eval-final.yaml", 0.88, 1.0, 0.8),
    ("eval-english.yaml", 0.69, 1.0, 0.6),
    ("eval-unseen.yaml", 0.84, 1.0, 0.7),
    ("corpus/cisco-q3-earnings/eval.yaml", 0.89, 1.0, 0.81),  # near: 27 -> 26 of 32 ("my friend says" is hearsay)
    ("corpus/isle-of-wight-new-dinosaur/eval.yaml", 0.73, 1.0, 0.8),
    ("corpus/solomon-islands-earthquake-2010/eval.yaml", 0.87, 1.0, 0.78),
    ("corpus/var-drought-water-restrictions/eval.yaml", 0.8, 0.95, 0.87),
    ("corpus/china-high-speed-rail/eval.yaml", 0.82, 1.0, 0.77),
    ("corpus/les-ardentes-festival/eval.yaml", 0.91, 1.0, 0.87),
    ("corpus/dunoon-car-crash/eval.yaml", 0.76, 1.0, 0.75),
    ("corpus/france-electricity-price-shield/eval.yaml", 0.7, 0.95, 0.8),
    ("corpus/double-hand-transplant/eval.yaml", 0.82, 1.0, 0.65),
    ("corpus/tour-de-californie-cycling/eval.yaml", 0.79, 0.95, 0.68),
    ("corpus/lakewood-bike-lanes-budget/eval.yaml", 0.76, 1.0, 0.6),  # near: 24 -> 21 of 33 (name words, s18)
    ("corpus/publier-mediatheque-renovation/eval.yaml", 0.8, 1.0, 0.55),  # near: 22 -> 20 of 35 (general synonyms)
    ("corpus/spring-isd-dropout-recovery/eval.yaml", 0.65, 1.0, 0.82),
    ("corpus/archea-bourget-excavation/eval.yaml", 0.64, 1.0, 0.85),  # near: 30 -> 29 of 33 (English irregular forms)
    ("corpus/whipsnade-zoo-baby-boom/eval.yaml", 0.78, 1.0, 0.66),  # near: 25 -> 24 ("born" asks no age) -> 23
    ("corpus/porrentruy-piscine-credit/eval.yaml", 0.71, 0.89, 0.7),  # near: 28 -> 26 (English forms)
    ("corpus/basel-risat-trial-design/eval.yaml", 0.65, 1.0, 0.77),
    ("corpus/michiana-storm-power-outage/eval.yaml", 0.76, 1.0, 0.69),
    ("corpus/le-bono-gite-fire/eval.yaml", 0.68, 1.0, 0.76),
    ("corpus/suffolk-moreton-hall-library/eval.yaml", 0.81, 1.0, 0.77),
    ("corpus/bessan-vendanges-gel/eval.yaml", 0.82, 0.95, 0.8),
    ("corpus/warwickshire-solar-farm/eval.yaml", 0.9, 1.0, 0.83),
    ("corpus/benin-proces-aivo/eval.yaml", 0.8, 1.0, 0.76),
    ("corpus/fermetures-usines-2010/eval.yaml", 0.8, 1.0, 0.75),
    ("corpus/iheanacho-manchester-city/eval.yaml", 0.74, 0.95, 0.76),
    ("corpus/remai-modern-opening/eval.yaml", 0.83, 1.0, 0.72),
    ("corpus/as-far-coupe-du-trone/eval.yaml", 0.79, 1.0, 0.84),
    ("corpus/seal-pup-stranded-hossegor/eval.yaml", 0.73, 1.0, 0.8),
    (
        "corpus/spacex-satellite-launch/eval.yaml",
        0.73,
        1.0,
        0.70,
    ),  # near 25 -> 24 of 34, answers +1 (a date answers "when")
    ("corpus/oui-care-siege-le-mans/eval.yaml", 0.81, 1.0, 0.87),
    ("corpus/weston-gp-practice/eval.yaml", 0.82, 1.0, 0.84),
    ("corpus/college-fermeture-classes-epernay/eval.yaml", 0.81, 1.0, 0.7),
    ("corpus/edinburgh-tram-extension-approved/eval.yaml", 0.83, 1.0, 0.7),
    ("corpus/boulangerie-louise-deols/eval.yaml", 0.92, 1.0, 0.81),
    ("corpus/heckington-windmill-restoration/eval.yaml", 0.81, 1.0, 0.79),
    ("corpus/saint-gaudens-nouvel-hopital-site-unique/eval.yaml", 0.86, 1.0, 0.97),
    ("corpus/var-brenon-wolf-attacks-sheep/eval.yaml", 0.74, 1.0, 0.88),
    ("corpus/sleep-problems-dementia-risk-study/eval.yaml", 0.7, 1.0, 0.79),
    # near 0.79 until the names of `about` were taken as the subject (26 of 33; follow-ups +4 on all sets)
    ("corpus/tunapuna-church-theft-sentencing/eval.yaml", 0.75, 1.0, 0.78),
    ("corpus/jennifer-brady-first-wta-title-lexington/eval.yaml", 0.85, 1.0, 0.54),
    ("corpus/chaumont-saint-aignan-bus-stop-petition/eval.yaml", 0.73, 1.0, 0.81),
    ("corpus/jacobson-finkler-booker-prize/eval.yaml", 0.81, 1.0, 0.7),
    ("corpus/arcachon-oyster-christmas-rush/eval.yaml", 0.82, 1.0, 0.76),
    ("corpus/montpellier-greve-tam-10-decembre/eval.yaml", 0.76, 1.0, 0.9),
    ("corpus/powers-boothe-death-tributes/eval.yaml", 0.74, 1.0, 0.51),
    ("corpus/usd-mumps-outbreak-widens/eval.yaml", 0.83, 0.95, 0.66),
    ("corpus/pro-d2-opening-round-bonus-wins/eval.yaml", 0.84, 1.0, 0.64),
    ("corpus/southeast-loggerhead-nesting-records/eval.yaml", 0.83, 1.0, 0.69),
    ("corpus/maisoncelles-la-jourdan-mairie-a-vendre/eval.yaml", 0.72, 1.0, 0.84),
    ("corpus/wichita-airtran-subsidy-payment/eval.yaml", 0.82, 1.0, 0.67),
    ("corpus/sarreguemines-marche-noel-fermier/eval.yaml", 0.83, 1.0, 0.85),
    (
        "corpus/amiens-semi-marathon-coulee-verte-2016/eval.yaml",
        0.77,
        1.0,
        0.78,
    ),  # near 27 -> 26, answers +2 (the same)
    ("corpus/woolwell-2000-homes-approved/eval.yaml", 0.82, 1.0, 0.73),
    ("corpus/citeaux-abbey-grands-crus-auction/eval.yaml", 0.82, 1.0, 0.82),
    ("corpus/herefordshire-hawfinch-tree-sparrow-discovery/eval.yaml", 0.77, 1.0, 0.69),
    # near 24 -> 23 of 33 when answers naming a place answer "where" (hand +11 answered, near -5 on all sets)
    ("corpus/essay-concours-national-boudin-blanc/eval.yaml", 0.86, 1.0, 0.69),
    ("corpus/kirkcudbright-bridge-emergency-closure/eval.yaml", 0.78, 0.95, 0.82),
    ("corpus/fete-court-metrage-cinema-a-laffiche/eval.yaml", 0.78, 1.0, 0.67),
    ("corpus/peel-hill-border-collie-cliff-rescue/eval.yaml", 0.74, 1.0, 0.75),  # near 26 -> 25 (the same)
    ("corpus/wettest-september-since-1999/eval.yaml", 0.86, 0.95, 0.73),
    ("corpus/vaas-loir-berges-nettoyage-dechets/eval.yaml", 0.86, 1.0, 0.91),
    ("corpus/ruscombe-ploughing-match-show/eval.yaml", 0.89, 0.91, 0.88),
    ("corpus/le-langon-cafe-reopens/eval.yaml", 0.72, 1.0, 0.70),
    ("corpus/carlow-walsh-whiskey-distillery-opens/eval.yaml", 0.86, 1.0, 0.82),
    ("corpus/magnanville-post-office-reopens-camy/eval.yaml", 0.72, 1.0, 0.70),
    ("corpus/st-davids-paddleboarders-rescue/eval.yaml", 0.83, 0.95, 0.79),
    ("corpus/saint-pierre-des-corps-micro-creche/eval.yaml", 0.86, 1.0, 0.76),
    ("corpus/revelstoke-skate-park-opening/eval.yaml", 0.83, 1.0, 0.76),
    ("corpus/ales-fete-chataigne-2016/eval.yaml", 0.91, 0.95, 0.75),
    ("corpus/market-rasen-rugby-club-floodlights/eval.yaml", 0.82, 1.0, 0.72),
    ("corpus/ecole-village-travaux-ete-sanitaires/eval.yaml", 0.88, 1.0, 0.70),
    ("corpus/corne-repair-cafe/eval.yaml", 0.79, 1.0, 0.81),
    ("corpus/cawsand-kingsand-christmas-lights-switch-on/eval.yaml", 0.84, 0.93, 0.67),
    ("corpus/newbury-park-orchards-plan/eval.yaml", 0.9, 1.0, 0.67),
    ("corpus/chaumeil-auberge-remplace-cantine/eval.yaml", 0.71, 1.0, 0.76),
    ("corpus/rathlin-ballycastle-ferry-company-closes/eval.yaml", 0.72, 1.0, 0.76),
    ("corpus/develier-fromagerie-agrandissement/eval.yaml", 0.83, 1.0, 0.91),
    ("corpus/hull-a63-overnight-resurfacing-closure/eval.yaml", 0.81, 1.0, 0.73),
    ("corpus/longueau-volley-montee-elite/eval.yaml", 0.81, 1.0, 0.76),
    ("corpus/geelong-city-hall-second-beehive/eval.yaml", 0.80, 1.0, 0.73),
    ("corpus/gironde-new-regional-bus-lines/eval.yaml", 0.81, 0.93, 0.73),
    ("corpus/dover-maison-dieu-restoration/eval.yaml", 0.81, 1.0, 0.70),
    ("corpus/eboulement-la-grave-route-brebis/eval.yaml", 0.78, 0.93, 0.85),
    ("corpus/west-berkshire-green-bin-charge-starts/eval.yaml", 0.87, 1.0, 0.64),
    ("corpus/falaise-maternite-fermeture-argentan/eval.yaml", 0.84, 1.0, 0.85),
    ("corpus/jubilee-park-bowls-clubhouse-opening/eval.yaml", 0.81, 1.0, 0.82),
    ("corpus/concoret-chene-guillotin-arbre-annee/eval.yaml", 0.85, 1.0, 0.58),
    ("corpus/alfrick-community-shop-official-opening/eval.yaml", 0.81, 1.0, 0.61),
    ("corpus/doullens-cinema-tivoli-reouverture/eval.yaml", 0.89, 1.0, 0.88),
    ("corpus/leominster-ginhall-lane-allotments/eval.yaml", 0.73, 1.0, 0.79),
    ("corpus/meaux-la-montagne-vide-greniers-brocante/eval.yaml", 0.75, 1.0, 0.88),
    ("corpus/shoreham-ham-road-car-park-closure/eval.yaml", 0.75, 1.0, 0.68),
    ("corpus/souillac-maison-de-sante-inauguration/eval.yaml", 0.81, 0.93, 0.82),
]

CONVERSATION_FLOORS = [  # set, then a floor a little under today's share of follow-up turns answered right
    ("conversations.yaml", 0.75),
    ("corpus/dunoon-car-crash/conversations.yaml", 0.78),
    ("corpus/france-electricity-price-shield/conversations.yaml", 0.57),
    ("corpus/spring-isd-dropout-recovery/conversations.yaml", 0.62),
    ("corpus/archea-bourget-excavation/conversations.yaml", 0.77),
    ("corpus/whipsnade-zoo-baby-boom/conversations.yaml", 0.68),
    ("corpus/porrentruy-piscine-credit/conversations.yaml", 0.55),  # 20 -> 19 of 34 (general words stay themselves)
    ("corpus/basel-risat-trial-design/conversations.yaml", 0.6),
    ("corpus/double-hand-transplant/conversations.yaml", 0.66),
    ("corpus/var-drought-water-restrictions/conversations.yaml", 0.71),
    ("corpus/lakewood-bike-lanes-budget/conversations.yaml", 0.68),
    ("corpus/les-ardentes-festival/conversations.yaml", 0.7),
    ("corpus/michiana-storm-power-outage/conversations.yaml", 0.62),
    ("corpus/le-bono-gite-fire/conversations.yaml", 0.66),
    ("corpus/suffolk-moreton-hall-library/conversations.yaml", 0.7),
    ("corpus/bessan-vendanges-gel/conversations.yaml", 0.65),
    ("corpus/warwickshire-solar-farm/conversations.yaml", 0.73),
    ("corpus/benin-proces-aivo/conversations.yaml", 0.7),
    ("corpus/fermetures-usines-2010/conversations.yaml", 0.67),
    ("corpus/iheanacho-manchester-city/conversations.yaml", 0.75),
    ("corpus/remai-modern-opening/conversations.yaml", 0.59),
    ("corpus/as-far-coupe-du-trone/conversations.yaml", 0.75),
    ("corpus/seal-pup-stranded-hossegor/conversations.yaml", 0.63),
    ("corpus/spacex-satellite-launch/conversations.yaml", 0.72),
    ("corpus/oui-care-siege-le-mans/conversations.yaml", 0.87),
    ("corpus/weston-gp-practice/conversations.yaml", 0.86),
    ("corpus/college-fermeture-classes-epernay/conversations.yaml", 0.71),
    ("corpus/edinburgh-tram-extension-approved/conversations.yaml", 0.68),
    ("corpus/boulangerie-louise-deols/conversations.yaml", 0.84),
    ("corpus/heckington-windmill-restoration/conversations.yaml", 0.58),
    ("corpus/saint-gaudens-nouvel-hopital-site-unique/conversations.yaml", 0.82),
    ("corpus/var-brenon-wolf-attacks-sheep/conversations.yaml", 0.71),
    ("corpus/sleep-problems-dementia-risk-study/conversations.yaml", 0.75),
    ("corpus/tunapuna-church-theft-sentencing/conversations.yaml", 0.71),
    ("corpus/jennifer-brady-first-wta-title-lexington/conversations.yaml", 0.72),
    ("corpus/chaumont-saint-aignan-bus-stop-petition/conversations.yaml", 0.69),
    ("corpus/jacobson-finkler-booker-prize/conversations.yaml", 0.63),
    # 0.84 until the title names were taken as the subject (a measured trade: 31 of 37, hand +22 on all sets)
    ("corpus/arcachon-oyster-christmas-rush/conversations.yaml", 0.83),
    ("corpus/montpellier-greve-tam-10-decembre/conversations.yaml", 0.69),
    ("corpus/powers-boothe-death-tributes/conversations.yaml", 0.63),
    ("corpus/usd-mumps-outbreak-widens/conversations.yaml", 0.81),
    ("corpus/pro-d2-opening-round-bonus-wins/conversations.yaml", 0.72),
    ("corpus/southeast-loggerhead-nesting-records/conversations.yaml", 0.73),
    ("corpus/maisoncelles-la-jourdan-mairie-a-vendre/conversations.yaml", 0.62),
    ("corpus/wichita-airtran-subsidy-payment/conversations.yaml", 0.80),
    ("corpus/sarreguemines-marche-noel-fermier/conversations.yaml", 0.66),
    ("corpus/amiens-semi-marathon-coulee-verte-2016/conversations.yaml", 0.61),
    ("corpus/woolwell-2000-homes-approved/conversations.yaml", 0.83),
    ("corpus/citeaux-abbey-grands-crus-auction/conversations.yaml", 0.80),
    ("corpus/herefordshire-hawfinch-tree-sparrow-discovery/conversations.yaml", 0.53),
    ("corpus/essay-concours-national-boudin-blanc/conversations.yaml", 0.66),
    ("corpus/kirkcudbright-bridge-emergency-closure/conversations.yaml", 0.58),
    ("corpus/fete-court-metrage-cinema-a-laffiche/conversations.yaml", 0.83),
    ("corpus/peel-hill-border-collie-cliff-rescue/conversations.yaml", 0.52),
    ("corpus/wettest-september-since-1999/conversations.yaml", 0.59),
    ("corpus/vaas-loir-berges-nettoyage-dechets/conversations.yaml", 0.74),
    ("corpus/ruscombe-ploughing-match-show/conversations.yaml", 0.80),
    ("corpus/le-langon-cafe-reopens/conversations.yaml", 0.93),
    ("corpus/carlow-walsh-whiskey-distillery-opens/conversations.yaml", 0.88),
    ("corpus/magnanville-post-office-reopens-camy/conversations.yaml", 0.70),
    ("corpus/st-davids-paddleboarders-rescue/conversations.yaml", 0.74),
    ("corpus/saint-pierre-des-corps-micro-creche/conversations.yaml", 0.82),
    # first run 26 of 31; 25 since "when" after a question word joins a clause (a measured trade, see ACCURACY.md)
    ("corpus/revelstoke-skate-park-opening/conversations.yaml", 0.80),
    ("corpus/ales-fete-chataigne-2016/conversations.yaml", 0.84),
    ("corpus/market-rasen-rugby-club-floodlights/conversations.yaml", 0.75),
    ("corpus/ecole-village-travaux-ete-sanitaires/conversations.yaml", 0.74),
    ("corpus/corne-repair-cafe/conversations.yaml", 0.74),
    ("corpus/cawsand-kingsand-christmas-lights-switch-on/conversations.yaml", 0.64),
    ("corpus/newbury-park-orchards-plan/conversations.yaml", 0.88),
    ("corpus/chaumeil-auberge-remplace-cantine/conversations.yaml", 0.69),
    ("corpus/rathlin-ballycastle-ferry-company-closes/conversations.yaml", 0.76),
    ("corpus/develier-fromagerie-agrandissement/conversations.yaml", 0.74),
    ("corpus/hull-a63-overnight-resurfacing-closure/conversations.yaml", 0.85),
    ("corpus/longueau-volley-montee-elite/conversations.yaml", 0.75),
    ("corpus/geelong-city-hall-second-beehive/conversations.yaml", 0.77),
    ("corpus/gironde-new-regional-bus-lines/conversations.yaml", 0.69),
    ("corpus/dover-maison-dieu-restoration/conversations.yaml", 0.69),
    ("corpus/eboulement-la-grave-route-brebis/conversations.yaml", 0.65),
    ("corpus/west-berkshire-green-bin-charge-starts/conversations.yaml", 0.75),
    ("corpus/falaise-maternite-fermeture-argentan/conversations.yaml", 0.57),
    ("corpus/jubilee-park-bowls-clubhouse-opening/conversations.yaml", 0.81),
    ("corpus/concoret-chene-guillotin-arbre-annee/conversations.yaml", 0.69),
    ("corpus/alfrick-community-shop-official-opening/conversations.yaml", 0.67),
    ("corpus/doullens-cinema-tivoli-reouverture/conversations.yaml", 0.72),
    ("corpus/leominster-ginhall-lane-allotments/conversations.yaml", 0.76),
    ("corpus/meaux-la-montagne-vide-greniers-brocante/conversations.yaml", 0.68),
    ("corpus/shoreham-ham-road-car-park-closure/conversations.yaml", 0.73),
    ("corpus/souillac-maison-de-sante-inauguration/conversations.yaml", 0.82),
]


@pytest.mark.parametrize(("name", "answerable", "refused", "near"), FLOORS)
def test_evaluation_set_scores_above_its_floor(
    answerers: dict[Path, Answerer], name: str, answerable: float, refused: float, near: float
) -> None:
    evaluation = load_set(ROOT / "knowledge" / name)
    assert len(evaluation.cases) >= 120
    key = evaluation.knowledge.resolve()
    if key not in answerers:
        answerers[key] = Answerer(load(key))
    report = evaluate(answerers[key], evaluation.cases)
    misses = "\n".join(f"[{miss.case.kind}] {miss.case.q!r} -> {miss.fact_id}" for miss in report.misses)
    assert report.answerable >= answerable, misses
    assert report.refused >= refused, misses
    assert report.near_refused >= near, misses


@pytest.mark.parametrize(("name", "follow_ups"), CONVERSATION_FLOORS)
def test_conversation_set_answers_its_follow_ups_above_its_floor_and_bends_no_complete_question(
    answerers: dict[Path, Answerer], name: str, follow_ups: float
) -> None:
    evaluation = load_set(ROOT / "knowledge" / name)
    key = evaluation.knowledge.resolve()
    if key not in answerers:
        answerers[key] = Answerer(load(key))
    report = evaluate_conversations(answerers[key], evaluation.conversations)
    good, total = report.follow_count(ANSWERABLE)
    misses = "\n".join(f"[{miss.case.kind}] {miss.case.q!r} -> {miss.fact_id}" for miss in report.misses)
    assert total >= 20 and good / total >= follow_ups, misses  # a set of a short article has fewer
    assert not report.bent, report.bent


def test_every_sample_case_passes(answerer: Answerer) -> None:
    report = evaluate(answerer, load_cases(SAMPLE))
    assert not report.misses, report.misses


def test_no_evaluation_set_copies_the_samples_questions() -> None:
    sample = {normalize(case.q) for case in load_cases(SAMPLE) if case.expect}
    sets = [*(ROOT / "knowledge").glob("eval*.yaml"), *(ROOT / "knowledge" / "corpus").glob("*/eval*.yaml")]
    assert len(sets) >= 16
    for path in sets:
        assert not sample & {normalize(case.q) for case in load_cases(path)}, path


def test_knowledge_does_not_copy_the_samples_questions() -> None:
    knowledge = load(ROOT / "knowledge" / "facts.yaml")
    asked = {normalize(q) for fact in knowledge.facts for questions in fact.questions.values() for q in questions}
    assert not asked & {normalize(case.q) for case in load_cases(SAMPLE)}
