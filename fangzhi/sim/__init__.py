"""The page simulator: local-newspaper pages written with their answer, to learn from and score on.

`catalogue` reads the printing conventions surveyed from real outlets (`conventions/*.toml`),
`families` groups them into house styles split into dev, test and holdout, `world` and `grammar` write
local-government stories, `layout` and `page` print them with OCR artifacts, `generate` writes
sets of pages with gold in the format of the sample pages' gold.
"""
