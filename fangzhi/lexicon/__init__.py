"""Rules as data: general knowledge of how Chinese newspapers print a page.

Nothing here names a person, place or paper of any particular page; each list is the
convention of the trade (bylines, datelines, furniture, headline forms, closing lines).
"""
