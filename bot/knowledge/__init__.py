"""The knowledge layer: the fact model, reading a knowledge file with every problem located, and safe writes.

The bottom layer: it imports only ``bot.errors``, ``bot.folding`` and its own modules, never matching or front ends.
"""
