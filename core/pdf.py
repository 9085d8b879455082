"""What an uploaded PDF may contain. CVs and input attachments are opened by staff and,
once published, by anyone: a PDF that runs something when opened is refused."""

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

# Keys that make a PDF act rather than show: scripts, actions run on opening or on
# events, launching programs, embedded files, multimedia and XFA forms.
ACTIVE_KEYS = frozenset(
    {"/JS", "/JavaScript", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile", "/EmbeddedFiles"}
    | {"/RichMedia", "/XFA"}
)
ACTIVE_ACTIONS = frozenset({"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/Rendition"})
MAX_NODES = 200_000


class TooComplex(Exception):
    """The document has more objects than a CV or a paper needs; it is not read further."""


def active_content(reader) -> set[str]:
    """The active features a PDF contains (empty for a plain document). Walks every object
    reachable from the document's root once."""
    found: set[str] = set()
    seen: set[int] = set()
    stack = [reader.trailer["/Root"]]
    nodes = 0
    while stack:
        item = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise TooComplex
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            for key, value in item.items():
                if key in ACTIVE_KEYS:
                    found.add(key)
                if key == "/S" and isinstance(value, NameObject) and value in ACTIVE_ACTIONS:
                    found.add(str(value))
                stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return found
