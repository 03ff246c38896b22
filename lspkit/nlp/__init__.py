"""The NLP stage: spaCy components on `spacy.blank("en")` (acronyms, normalised matching, themes).

Importing this package does not import spaCy; `pipeline.get_pipeline` does.
"""
