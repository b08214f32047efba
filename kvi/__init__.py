"""Build package of the website of the Landesfachstelle Netzwerk Kinder von Inhaftierten NRW.

The flow runs one way: load and validate data and content (model), render each language's
Markdown tree (render), run one MkDocs build per language (engine), index with Pagefind
(search), then swap the result into place (publish). `kvi.cli` is the one entry point.
"""
