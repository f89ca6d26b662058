"""The matching layer: words read (normalised, corrected, stemmed), indexed and scored: query -> Match | None.

It imports the knowledge layer and its own modules; never the answerer, upkeep tools or front ends.
"""
