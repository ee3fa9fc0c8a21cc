"""fangzhi (方志): Chinese local newspaper pages → clean articles → a structured record of local government.

The library is the product; the CLI, the HTTP API and the web UI are thin layers over it.

    >>> from fangzhi import parse_file
    >>> parsed = parse_file("page.txt")            # doctest: +SKIP
    >>> [a.headline.text for a in parsed.articles]  # doctest: +SKIP
"""

__version__ = "0.1.0"

from fangzhi.archive import Archive, open_archive
from fangzhi.distributed import Cluster
from fangzhi.pipeline import parse_file, parse_page, parse_text
from fangzhi.settings import Settings

__all__ = [
    "Archive",
    "Cluster",
    "Settings",
    "__version__",
    "open_archive",
    "parse_file",
    "parse_page",
    "parse_text",
]
