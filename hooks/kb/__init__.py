"""Pure logic of the AVN knowledge base: checks, glossary linking and reports.

Nothing here imports MkDocs, so the same code runs from the hooks, from the
stand-alone check (``python -m kb.check``) and under another build engine.
"""
