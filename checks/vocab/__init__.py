"""The framework's vocabulary, each idea defined once and imported everywhere it is used.

- `sentences`: what ends a sentence or a clause, what opens and closes, and the one sentence splitter
- `quantities`: magnitudes (万, 亿, million) and qualifiers (约, 超过, nearly) with the intervals they imply
- `ids`: the shapes of ids and the hashes that make them
- `lexicon`: Chinese words, their part of speech and frequency, from jieba's dictionary
"""
