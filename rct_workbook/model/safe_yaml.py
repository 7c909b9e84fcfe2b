"""A YAML reader that only ever builds plain data, and refuses anything clever.

It walks the parser's event stream itself instead of composing a node graph, so:

* aliases and anchors are refused before anything is expanded (an alias bomb costs
  nothing);
* nesting deeper than ``MAX_DEPTH`` is refused as soon as it is seen, with the C parser
  and the pure-Python one alike (no RecursionError);
* any tag outside YAML's plain types (``!!python/...``, ``!!binary``, merge keys) is
  refused, never constructed;
* duplicate mapping keys are refused, naming both lines;
* a file larger than ``MAX_BYTES`` is refused before it is parsed.

Plain scalars are resolved exactly as PyYAML's safe loader resolves them (so ``no`` is a
boolean and ``1.10`` a number); the content schema then refuses such values where text is
expected. Each value's line is recorded by its key path so errors can name it.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import Resolver

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 64

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_MAP_TAGS = {None, "!", _TAG + "map"}
_SEQ_TAGS = {None, "!", _TAG + "seq"}

Path_ = tuple[str | int, ...]


class YamlProblem(Exception):
    """A reason to refuse a YAML text, with the line (1-based) where it is known."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Loaded:
    """Plain data from one YAML text, and the line where each value starts."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of the deepest recorded value on ``path``."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


def _line(event: Any) -> int | None:
    mark = getattr(event, "start_mark", None)
    return None if mark is None else mark.line + 1


def _loader_class(pure: bool) -> type:
    if not pure and getattr(yaml, "__with_libyaml__", False):
        return yaml.CSafeLoader
    return yaml.SafeLoader


_resolver = Resolver()


def _scalar(event: ScalarEvent) -> Any:
    tag = event.tag
    if tag in (None, "!"):
        tag = _resolver.resolve(ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    if tag not in _SCALAR_TAGS:
        raise YamlProblem(f"the tag {event.tag or tag} is not allowed (only plain YAML values are)", _line(event))
    # libyaml's marks are its own class; the constructor only reads their line numbers.
    node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]
    try:
        value = SafeConstructor().construct_object(node)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        raise YamlProblem(f"cannot read the value {event.value[:40]!r}: {exc}", _line(event)) from None
    return value


class _Frame:
    __slots__ = ("container", "key", "key_line", "key_lines", "path")

    def __init__(self, container: dict[Any, Any] | list[Any], path: Path_):
        self.container = container
        self.path = path
        self.key: Any = None
        self.key_line: int | None = None
        self.key_lines: dict[Any, int | None] = {}


def load_yaml(text: str, *, pure: bool = False) -> Loaded:
    """Parse one YAML document into plain data, refusing anything but plain data."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise YamlProblem(f"the text is larger than {MAX_BYTES // 1024} KiB")
    lines: dict[Path_, int] = {}
    stack: list[_Frame] = []
    result: Any = None
    documents = 0
    done = False

    def place(value: Any, event: Any) -> None:
        nonlocal result, done
        if not stack:
            result = value
            done = True
            return
        frame = stack[-1]
        if isinstance(frame.container, list):
            path = (*frame.path, len(frame.container))
            frame.container.append(value)
            if _line(event) is not None:
                lines.setdefault(path, _line(event))  # type: ignore[arg-type]
            return
        if frame.key is None:
            if isinstance(value, (dict, list)):
                raise YamlProblem("a mapping key must be a plain value", _line(event))
            if isinstance(value, (_dt.date, float)) or value is None:
                # Such keys would turn into surprising strings later; ids are words.
                shown = value.isoformat() if isinstance(value, _dt.date) else repr(value)
                raise YamlProblem(f"the key {shown} is not a word (put it in quotes)", _line(event))
            key = value if isinstance(value, str) else str(value)
            if key in frame.key_lines:
                first = frame.key_lines[key]
                where = f" (first at line {first})" if first else ""
                raise YamlProblem(f"duplicate key {key!r}{where}", _line(event))
            frame.key_lines[key] = _line(event)
            frame.key = key
            frame.key_line = _line(event)
            return
        path = (*frame.path, frame.key)
        frame.container[frame.key] = value
        lines[path] = frame.key_line or _line(event) or 0
        frame.key = None

    try:
        for event in yaml.parse(text, Loader=_loader_class(pure)):
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlProblem("only one YAML document is allowed in a file", _line(event))
                continue
            if isinstance(event, AliasEvent):
                raise YamlProblem("aliases (*name) are not allowed", _line(event))
            if getattr(event, "anchor", None) is not None:
                raise YamlProblem("anchors (&name) are not allowed", _line(event))
            if isinstance(event, ScalarEvent):
                place(_scalar(event), event)
            elif isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                is_map = isinstance(event, MappingStartEvent)
                if event.tag not in (_MAP_TAGS if is_map else _SEQ_TAGS):
                    raise YamlProblem(f"the tag {event.tag} is not allowed (only plain YAML values are)", _line(event))
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(f"nesting is deeper than {MAX_DEPTH} levels", _line(event))
                if stack and isinstance(stack[-1].container, dict) and stack[-1].key is None:
                    raise YamlProblem("a mapping key must be a plain value", _line(event))
                parent_path: Path_ = ()
                if stack:
                    top = stack[-1]
                    parent_path = (
                        (*top.path, len(top.container)) if isinstance(top.container, list) else (*top.path, top.key)
                    )
                stack.append(_Frame({} if is_map else [], parent_path))
                if _line(event) is not None:
                    lines.setdefault(parent_path, _line(event))  # type: ignore[arg-type]
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                frame = stack.pop()
                place(frame.container, event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "the YAML cannot be read"
        raise YamlProblem(str(problem), None if mark is None else mark.line + 1) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"the YAML cannot be read: {exc}") from None
    if not done and documents == 0:
        return Loaded(None, lines)
    return Loaded(result, lines)


def read_yaml_file(path: Path, *, pure: bool = False) -> Loaded:
    """Read and parse a YAML file, refusing large, binary or non-UTF-8 files."""
    from rct_workbook.storage import NotReadable, read_bounded

    try:
        raw = read_bounded(path, MAX_BYTES)
    except NotReadable as exc:
        if "larger" in str(exc):
            raise YamlProblem(f"the file is larger than {MAX_BYTES // 1024} KiB") from None
        raise YamlProblem(f"cannot read the file: {exc}") from None
    except OSError as exc:
        raise YamlProblem(f"cannot read the file: {exc.strerror or exc}") from None
    if b"\x00" in raw:
        raise YamlProblem("the file holds binary data (a NUL byte)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlProblem(f"the file is not UTF-8 text (byte {exc.start})") from None
    return load_yaml(text, pure=pure)


# --- a faster reader for journal front matter ------------------------------------------------
#
# ``load_yaml`` above handles every parser event in Python, which costs about 2 ms for an
# assessment's front matter (some 200 values); a journal of thousands of entries is read
# whole when its index is built. ``load_plain`` gives the same data and the same refusals
# for the same texts, but lets libyaml's composer (``yaml.compose`` with ``CSafeLoader``)
# build the node tree and then turns the nodes into plain values in one small loop. Texts
# that may hold an anchor or an alias still go through ``load_yaml``: aliases are refused
# there before anything is built.

_STR, _MAP, _SEQ = _TAG + "str", _TAG + "map", _TAG + "seq"

#: What may stand right before an anchor (&name) or an alias (*name), besides a blank or a line
#: break: an indicator, a flow bracket, or a byte order mark (libyaml skips one at the start).
#: Nothing else can (text such as "Miller & Stiver" or "R&D" holds no anchor), so a text
#: without one of these pairs goes the fast way.
_BEFORE_ANCHOR = frozenset("[]{},:?-\ufeff")
_NOT_IN_NAME = frozenset("[]{},")


def _may_hold_anchor(text: str) -> bool:
    """Whether ``text`` may hold an anchor or an alias (never False when it does)."""
    for mark in "&*":
        at = text.find(mark)
        while at != -1:
            before = text[at - 1] if at else " "
            after = text[at + 1 : at + 2]
            if (
                (before.isspace() or before in _BEFORE_ANCHOR)
                and after
                and not (after.isspace() or after in _NOT_IN_NAME)
            ):
                return True
            at = text.find(mark, at + 1)
    return False


_constructor: SafeConstructor | None = None


def load_plain(text: str) -> Any:
    """Parse one YAML document into plain data, like ``load_yaml(text).data`` (same values, same
    refusals), without recording lines; raise YamlProblem."""
    global _constructor  # built once, on first use
    if _may_hold_anchor(text) or not getattr(yaml, "__with_libyaml__", False):
        return load_yaml(text).data
    if len(text) * 4 > MAX_BYTES and len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise YamlProblem(f"the text is larger than {MAX_BYTES // 1024} KiB")
    if _constructor is None:
        _constructor = SafeConstructor()
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "the YAML cannot be read"
        if "expected a single document" in str(exc.context):
            problem = "only one YAML document is allowed in a file"
        raise YamlProblem(str(problem), None if mark is None else mark.line + 1) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"the YAML cannot be read: {exc}") from None
    if node is None:
        return None
    return _plain(node, 0)


def _node_line(node: Any) -> int | None:
    mark = node.start_mark
    return None if mark is None else int(mark.line) + 1


def _plain(node: Any, depth: int) -> Any:
    """The plain value of a composed node (tags and keys checked as ``load_yaml`` checks them)."""
    kind, tag = node.__class__, node.tag
    if kind is ScalarNode:
        return node.value if tag == _STR else _scalar_of(node, tag)
    if depth >= MAX_DEPTH:
        raise YamlProblem(f"nesting is deeper than {MAX_DEPTH} levels", _node_line(node))
    if kind is SequenceNode and tag == _SEQ:
        return [_plain(item, depth + 1) for item in node.value]
    if kind is MappingNode and tag == _MAP:
        return _mapping(node, depth)
    raise YamlProblem(f"the tag {tag} is not allowed (only plain YAML values are)", _node_line(node))


def _mapping(node: Any, depth: int) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = key_node.value if key_node.__class__ is ScalarNode and key_node.tag == _STR else _key(key_node)
        if key in found:
            first = next(k for k, _ in node.value if _key(k) == key)
            raise YamlProblem(f"duplicate key {key!r} (first at line {_node_line(first)})", _node_line(key_node))
        found[key] = _plain(value_node, depth + 1)
    return found


def _key(node: Any) -> str:
    if node.__class__ is not ScalarNode:
        raise YamlProblem("a mapping key must be a plain value", _node_line(node))
    value = _plain(node, 0)
    if isinstance(value, str):
        return value
    if isinstance(value, (_dt.date, float)) or value is None:
        # Such keys would turn into surprising strings later; ids are words.
        shown = value.isoformat() if isinstance(value, _dt.date) else repr(value)
        raise YamlProblem(f"the key {shown} is not a word (put it in quotes)", _node_line(node))
    return str(value)


def _scalar_of(node: Any, tag: str) -> Any:
    if tag not in _SCALAR_TAGS:
        raise YamlProblem(f"the tag {tag} is not allowed (only plain YAML values are)", _node_line(node))
    assert _constructor is not None
    try:
        # The safe constructor's own function for the tag (not construct_object, which would
        # keep every node it has seen).
        return SafeConstructor.yaml_constructors[tag](_constructor, node)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        raise YamlProblem(f"cannot read the value {node.value[:40]!r}: {exc}", _node_line(node)) from None
