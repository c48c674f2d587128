"""How a page names the site that published it, in its boilerplate.

Sites name themselves in the lines around the content, not in it: a logo's alt text
("Harbour Desk Logo"), a copyright line ("© 2025 Harbour Desk"), and in a blurb or
footer the links "About Harbour Desk" / "Why Harbour Desk". The last two are read only
from lines the reader already knows are boilerplate (a report's blurb, a footer),
since "Why X" in running text is a question, not a site.
"""

from __future__ import annotations

import re

# A site name: one to four capitalised words (CamelCase and "&" allowed), no sentence.
_NAME = r"(?P<name>[A-Z][\w&.'’-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’-]*){0,3})"
_LOGO = re.compile(rf"^[ \t]*(?:!\[)?{_NAME}[ \t]+Logo\b[^\n]{{0,20}}$")
_COPYRIGHT = re.compile(rf"(?:©|\(c\)|Copyright)[ \t]*(?:\d{{4}}(?:[–-]\d{{4}})?[ \t,]*)?{_NAME}", re.I)
_LINKED = re.compile(rf"\b(?:Why|About)[ \t]+{_NAME}[ \t]*[.!]?[ \t]*$")
_NOT_NAMES = frozenset({"Us", "The", "Our", "This", "Contact", "Privacy", "All"})


def _clean(name: str) -> str | None:
    name = name.strip().rstrip(".")
    return None if not name or name.split()[0] in _NOT_NAMES else name


def site_named(line: str, *, boilerplate: bool = False) -> str | None:
    """The site a line names, or None. `boilerplate`: the line is a blurb or footer,
    where "About X" and "Why X" link to the site's own pages."""
    for pattern in (_LOGO, _COPYRIGHT) + ((_LINKED,) if boilerplate else ()):
        m = pattern.search(line)
        if m and (name := _clean(m["name"])):
            return name
    return None
