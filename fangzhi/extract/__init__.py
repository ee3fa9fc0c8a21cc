"""Facts read from an article: one module per kind of fact."""
