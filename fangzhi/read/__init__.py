"""Reading a page: the stages from a page file to its articles, in the order data flows.

sources (files) → normalize with offsets (markup, widths, furniture) → blocks with reflow (what
each line is, which column gaps to close) → segment (blocks to articles, decided over the whole
page) → assemble with credits (each article's fields). `fangzhi.pipeline` runs them in order.
"""
