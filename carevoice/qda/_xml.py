"""Shared parts of the REFI-QDA reader and writers: namespaces, GUIDs, colours, XML, schemas.

Nothing here touches comment text beyond copying it into the files it is asked to write; errors
name files, elements and ids only.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path

from ..errors import InputError, Problem, format_ids

__all__ = [
    "CODEBOOK_NS",
    "GUID_NAMESPACE",
    "PROJECT_NS",
    "RefiQdaError",
    "schema_path",
    "stable_guid",
    "validate_refi",
]

#: Namespace of a REFI-QDA project file (``project.qde`` inside a ``.qdpx``).
PROJECT_NS = "urn:QDA-XML:project:1.0"
#: Namespace of a REFI-QDA codebook file (``.qdc``).
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"

#: The UUID namespace of every GUID carevoice writes: ``uuid5(GUID_NAMESPACE, kind + ids)``.
#: Fixed forever, so that the same ids give the same GUIDs in every export.
GUID_NAMESPACE = uuid.UUID("6e5d1973-9c7e-45a9-925b-86853a89b50e")

_GUID = re.compile(
    r"^(\{)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?(1)\})$"
)
_RGB = re.compile(r"^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$")
#: What XML 1.0 does not allow in a document: C0 controls other than tab, line feed and carriage
#: return, unpaired surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: What :func:`xml_safe` puts in place of each character XML 1.0 does not allow.
REPLACEMENT_CHARACTER = "\ufffd"
_SCHEMAS = {"project": "Project-mrt2019.xsd", "codebook": "Codebook.xsd"}
#: The most carevoice reads of a ``.qdpx``, uncompressed: its project file, each source file,
#: and all its source files together. A zip can hold far more than its size (a 142 KB file
#: expanded to 150 MB); a survey's project is a small fraction of these.
MAX_PROJECT_BYTES = 256 * 2**20
MAX_SOURCE_BYTES = 64 * 2**20
MAX_SOURCES_BYTES = 1024 * 2**20
#: A member over :data:`RATIO_FROM_BYTES` uncompressed that is more than this many times its
#: compressed size is refused too: a REFI-QDA project compresses about 3 times (its GUIDs are
#: random), padding that expands without bound a thousand times.
MAX_RATIO = 100
RATIO_FROM_BYTES = 16 * 2**20
_PROLOG_CHUNK = 2**16


class _Stop(Exception):
    """Raised by a parser handler to end a scan of the prolog."""


class RefiQdaError(InputError):
    """A REFI-QDA file (``.qdpx``, ``.qde``, ``.qdc``) is malformed or cannot be read or written.

    Parameters
    ----------
    message : str
        What is wrong and how to fix it; names files, elements and ids, never comment text.
    problems : sequence of Problem, optional
        Every problem found, when there are several.
    """

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        self.problems = tuple(problems)
        if self.problems:
            message += "\n" + "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(message)


def stable_guid(kind: str, *ids: object) -> str:
    """Return the GUID carevoice gives an object, derived from its kind and ids.

    The same kind and ids always give the same GUID (UUID version 5), so an export of the same
    data is byte-identical and a code keeps its GUID from one export to the next.

    Parameters
    ----------
    kind : str
        ``"code"``, ``"source"``, ``"case"``, ``"variable"``, ``"user"``, ...
    *ids : object
        The ids that identify the object (a theme id, a ``comment_id``...).

    Returns
    -------
    str
        A lower-case GUID such as ``"3f2a...-..."``.

    Examples
    --------
    >>> stable_guid("code", "advocacy") == stable_guid("code", "advocacy")
    True
    >>> stable_guid("code", "advocacy") == stable_guid("code", "complaints")
    False
    """
    key = "\x1f".join([kind, *(str(i) for i in ids)])
    return str(uuid.uuid5(GUID_NAMESPACE, key))


def is_guid(value: object) -> bool:
    """Whether ``value`` is a GUID as the schema allows (bare or in braces)."""
    return isinstance(value, str) and bool(_GUID.match(value))


def normalise_guid(value: str) -> str:
    """Lower-case a GUID and strip its braces, so references compare equal."""
    return value.strip().strip("{}").lower()


def is_colour(value: object) -> bool:
    """Whether ``value`` is an RGB colour as the schema allows (``#RRGGBB`` or ``#RGB``)."""
    return isinstance(value, str) and bool(_RGB.match(value))


def qname(ns: str, tag: str) -> str:
    """ElementTree's ``{namespace}tag`` form."""
    return f"{{{ns}}}{tag}"


def local(tag: object) -> str:
    """The local name of an element tag, without its namespace."""
    text = tag if isinstance(tag, str) else ""
    return text.rsplit("}", 1)[-1]


def children(element: ET.Element, name: str) -> Iterator[ET.Element]:
    """Direct children with local name ``name``, whatever their namespace."""
    return (c for c in element if local(c.tag) == name)


def child(element: ET.Element, name: str) -> ET.Element | None:
    """The first direct child with local name ``name``, or None."""
    return next(children(element, name), None)


def child_text(element: ET.Element, name: str) -> str | None:
    """The text of the first child ``name``; None when absent."""
    found = child(element, name)
    if found is None:
        return None
    return found.text or ""


def descendants(element: ET.Element, name: str) -> Iterator[ET.Element]:
    """All descendants with local name ``name``, whatever their namespace."""
    return (e for e in element.iter() if local(e.tag) == name)


def xml_safe(text: str) -> str:
    """Replace each character that XML 1.0 does not allow with U+FFFD, one for one.

    The text keeps its length in code points, so selections into it stay where they were.

    Examples
    --------
    >>> xml_safe("tab\\there, vertical tab\\x0bthere") == "tab\\there, vertical tab\\ufffdthere"
    True
    """
    return _NOT_XML.sub(REPLACEMENT_CHARACTER, text)


def has_non_xml(text: str) -> bool:
    """Whether ``text`` holds a character that XML 1.0 does not allow."""
    return bool(_NOT_XML.search(text))


def to_bytes(root: ET.Element, ns: str, what: str = "the REFI-QDA file") -> bytes:
    """Serialise an element tree as UTF-8 XML with ``ns`` as the default namespace.

    Element text (comment text, answers, descriptions) keeps every character: a carriage return
    is written as ``&#13;`` (parsers would otherwise turn ``\\r\\n`` into ``\\n`` and shift
    selections), and a character that XML 1.0 does not allow becomes U+FFFD. An attribute (a
    name or an id) holding such a character is refused. The result is parsed again before it is
    returned, so a file that is not well-formed is never written.

    Raises
    ------
    RefiQdaError
        If a name or id holds a character that XML 1.0 does not allow.
    """
    # ElementTree's default_namespace option refuses unqualified attributes, which the schemas
    # use throughout; so write local names and declare the namespace on the root instead.
    bad: list[str] = []
    for element in root.iter():
        element.tag = local(element.tag)
        if element.text and has_non_xml(element.text):
            element.text = xml_safe(element.text)
        for attr, value in element.attrib.items():
            if has_non_xml(value):
                bad.append(f"the {attr!r} attribute of <{element.tag}> {value!a}")
    if bad:
        raise RefiQdaError(
            f"{what}: names and ids cannot hold control characters (other than tab, line feed "
            "and carriage return) or other characters that XML 1.0 does not allow; change "
            "them and export again. Found in: " + "; ".join(bad[:20]))
    root.set("xmlns", ns)
    ET.indent(root, space=" ")
    # ElementTree escapes carriage returns in attributes but not in text; every "\\r" left in
    # the output is text, written as a character reference so that it survives parsing.
    body = ET.tostring(root, encoding="unicode").replace("\r", "&#13;")
    data = ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")
    try:
        ET.fromstring(data)
    except ET.ParseError as e:  # pragma: no cover - a bug in carevoice, caught by the tests
        raise RefiQdaError(f"{what}: carevoice produced XML that is not well-formed ({e}); "
                           "nothing was written. Please report this.") from e
    return data


def declares_doctype(data: bytes) -> bool:
    """Whether XML bytes declare a document type (and so may define entities).

    Asked of the parser itself, in whatever encoding the file is and however much comes
    before the declaration; the scan ends at the root element, after which no declaration
    can come. Bytes that are not well-formed before that say False: parsing them fails.
    """
    from xml.parsers import expat

    found: list[bool] = []

    def doctype(*_: object) -> None:
        found.append(True)
        raise _Stop

    def root(*_: object) -> None:
        raise _Stop

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = root
    try:
        for start in range(0, len(data), _PROLOG_CHUNK):
            parser.Parse(data[start:start + _PROLOG_CHUNK], False)
        parser.Parse(b"", True)
    except _Stop:
        pass
    except expat.ExpatError:
        pass
    return bool(found)


def parse_xml(data: bytes, what: str) -> ET.Element:
    """Parse XML bytes, turning parser errors into a :class:`RefiQdaError` naming ``what``.

    A document type declaration is refused (:func:`declares_doctype`): REFI-QDA files have
    none, and entities could read local files or expand without bound. The parser's message
    gives a line and column only, never the content.
    """
    if declares_doctype(data):
        raise RefiQdaError(
            f"{what}: document type declarations and entities are not allowed in REFI-QDA files; "
            "refusing to parse it."
        )
    try:
        return ET.fromstring(data)
    except ET.ParseError as e:
        raise RefiQdaError(f"{what} is not well-formed XML ({e}).") from e


def schema_path(which: str) -> Path:
    """The path of a REFI-QDA schema packaged with carevoice.

    Parameters
    ----------
    which : {"project", "codebook"}
        ``"project"`` for ``Project-mrt2019.xsd``, ``"codebook"`` for ``Codebook.xsd``.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> schema_path("project").name
    'Project-mrt2019.xsd'
    """
    if which not in _SCHEMAS:
        raise InputError(
            f"The 'which' argument of schema_path must be one of {sorted(_SCHEMAS)}. "
            f"Got {which!r} instead."
        )
    return Path(str(resources.files("carevoice").joinpath("data", "refi-qda", _SCHEMAS[which])))


def _load_schema(which: str):
    try:
        import xmlschema
    except ImportError as e:  # pragma: no cover - xmlschema is in the test extras
        from ..errors import ModelNotInstalledError

        raise ModelNotInstalledError(
            "Validating REFI-QDA files needs the optional package xmlschema: "
            'pip install "carevoice[qda]"'
        ) from e
    return xmlschema.XMLSchema(str(schema_path(which)))


def schema_errors(data: bytes, which: str) -> list[str]:
    """Validate XML bytes against a packaged schema; return the error reasons (empty if valid)."""
    schema = _load_schema(which)
    root = parse_xml(data, f"the {which} XML")
    errors = []
    for err in schema.iter_errors(root):
        where = err.path or "/"
        errors.append(f"{where}: {err.reason}")
    return errors


def read_archive_member(archive: zipfile.ZipFile, name: str, what: str,
                        limit: int | None = None, kind: str = "project.qde") -> bytes:
    """Read one member of a zip, with a clear error when it is damaged or larger, uncompressed,
    than ``limit`` bytes (by default :data:`MAX_PROJECT_BYTES`; the zip reader never returns
    more than the size the archive declares). ``kind`` names the member in the error."""
    limit = MAX_PROJECT_BYTES if limit is None else limit
    try:
        info = archive.getinfo(name)
    except KeyError as e:
        raise RefiQdaError(f"{what}: the member {name!r} cannot be read (KeyError).") from e
    size = info.file_size
    if size > RATIO_FROM_BYTES and size > MAX_RATIO * max(info.compress_size, 1):
        raise RefiQdaError(
            f"{what}: the member {name!r} expands from {info.compress_size / 2**20:,.1f} MB to "
            f"{size / 2**20:,.0f} MB uncompressed, more than {MAX_RATIO} times, as padding "
            "does and a REFI-QDA project does not; carevoice does not read it.")
    if size > limit:
        raise RefiQdaError(
            f"{what}: the member {name!r} is {size / 2**20:,.0f} MB uncompressed, more than the "
            f"{limit / 2**20:,.0f} MB carevoice reads of {kind}; a project of survey comments "
            "is far smaller, so this is not one carevoice can take.")
    try:
        return archive.read(name)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError) as e:
        raise RefiQdaError(
            f"{what}: the member {name!r} cannot be read ({type(e).__name__}).") from e


def find_qde(names: Iterable[str]) -> str | None:
    """The project file inside a ``.qdpx``: ``project.qde`` or else the shallowest ``*.qde``."""
    qdes = [n for n in names if n.lower().endswith(".qde") and not n.endswith("/")]
    if not qdes:
        return None
    return min(qdes, key=lambda n: (n.count("/"), n.lower() != "project.qde", n))


def existing_file(path: str | Path, *, folder: bool = False) -> Path:
    """``path`` as a Path if it names a file (with ``folder``, or a folder); else an error.

    The error is worded as every reader words a missing file
    (:func:`carevoice._files.check_input_file`): the argument as its user typed it on the
    command line (``PROJECT names no file: ... does not exist.``), as a :class:`RefiQdaError`.
    """
    from .._files import check_input_file

    path = Path(path)
    if folder and path.is_dir():
        return path
    try:
        return check_input_file(path)
    except InputError as e:
        raise RefiQdaError(str(e)) from e


def validate_refi(path: str | Path) -> list[str]:
    """Validate a REFI-QDA file against the packaged QDA-XML 1.0 schemas.

    A ``.qdpx`` is checked as a project (its ``.qde`` member, and that every source file it
    points to with ``internal://`` is in the archive); a ``.qde`` as a project; a ``.qdc`` as a
    codebook. Needs the optional ``xmlschema`` package.

    Parameters
    ----------
    path : str or pathlib.Path
        The file.

    Returns
    -------
    list of str
        One line per schema violation; empty when the file is valid.

    Raises
    ------
    RefiQdaError
        If the file is missing, is not a zip or XML, or has no project inside.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from carevoice.qda import write_qdc
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> path = write_qdc(None, pathlib.Path(scratch.name) / "codebook.qdc")
    >>> validate_refi(path)
    []
    >>> scratch.cleanup()
    """
    path = existing_file(path)
    suffix = path.suffix.lower()
    if suffix == ".qdc":
        return schema_errors(path.read_bytes(), "codebook")
    if suffix == ".qde":
        return schema_errors(path.read_bytes(), "project")
    if not zipfile.is_zipfile(path):
        raise RefiQdaError(f"{str(path)!r} is not a .qdpx project: it is not a zip archive.")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        qde = find_qde(names)
        if qde is None:
            raise RefiQdaError(f"{str(path)!r} holds no project.qde: not a REFI-QDA project.")
        data = read_archive_member(archive, qde, str(path))
    errors = schema_errors(data, "project")
    lower = {n.lower() for n in names}
    root = parse_xml(data, f"{path.name}:{qde}")
    missing = []
    for element in root.iter():
        for attr in ("plainTextPath", "richTextPath", "path"):
            target = element.get(attr)
            if target and target.startswith("internal://"):
                base = target[len("internal://"):]
                if f"sources/{base}".lower() not in lower:
                    missing.append(base)
    if missing:
        errors.append(f"sources missing from the archive: {format_ids(missing)}")
    return errors
