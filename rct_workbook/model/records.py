"""The base of the content's records: plain frozen dataclasses that pydantic checks on load.

A record is a frozen, keyword-only dataclass with no unknown keys. A run that takes the
content from the cache (``model/cache.py``) only unpickles records and never imports
pydantic; pydantic validates them only when content is loaded from YAML
(``model/content.py``), through :func:`validator`. What pydantic reads besides the types:

- :class:`Limits` inside ``Annotated``, a scalar's or a list's limits in pydantic-core's
  own names (``strict``, ``pattern``, ``min_length``, ``ge``…), handed over through
  pydantic's public ``__get_pydantic_core_schema__`` hook;
- :func:`check`, a method that checks a whole record once its fields are valid: it runs
  in ``__post_init__``, which pydantic calls after validating the fields, and raises
  ValueError.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, TypeVar, dataclass_transform

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, TypeAdapter
    from pydantic_core import CoreSchema


class Limits:
    """Limits on a value, in pydantic-core's names: strict, pattern, min_length, ge…"""

    def __init__(self, **limits: Any):
        self.limits = limits

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        schema: Any = dict(handler(source))
        schema.update(self.limits)
        return schema  # type: ignore[no-any-return]


_Check = TypeVar("_Check", bound=Callable[..., Any])


def check(method: _Check) -> _Check:
    """Mark a method that checks a whole record once its fields are valid; it raises ValueError."""
    method.__rct_check__ = True  # type: ignore[attr-defined]
    return method


@dataclass_transform(frozen_default=True, kw_only_default=True)
class Record:
    """Base for content records: frozen, keyword-only, no unknown keys.

    Scalars are strict (text must be text, a yes/no must be a boolean); sequences may be
    YAML lists, which become tuples.

    Each record is a dataclass (that is how pydantic knows its fields), but its methods are
    these shared ones rather than ones ``dataclass`` writes per class: generating them for
    some fifty records took longer than everything else a cached start does.
    """

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]
    _checks: ClassVar[tuple[Callable[[Any], Any], ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(init=False, repr=False, eq=False, kw_only=True)(cls)
        own = tuple(f for f in vars(cls).values() if getattr(f, "__rct_check__", False))
        cls._checks = (*cls._checks, *own)

    def __init__(self, **values: Any) -> None:
        for name, spec in self.__dataclass_fields__.items():
            if name in values:
                value = values.pop(name)
            elif spec.default is not dataclasses.MISSING:
                value = spec.default
            else:
                raise TypeError(f"{type(self).__name__} needs {name}")
            object.__setattr__(self, name, value)
        if values:
            raise TypeError(f"{type(self).__name__} has no {', '.join(sorted(values))}")
        self.__post_init__()

    def __post_init__(self) -> None:
        for run in self._checks:
            run(self)

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__dataclass_fields__)
        return f"{type(self).__name__}({shown})"

    @classmethod
    def from_data(cls: type[_Record], data: Any) -> _Record:
        """``data`` (plain YAML data) checked and made into this record; pydantic's ValidationError if not."""
        return validator(cls).validate_python(data)  # type: ignore[no-any-return]


_Record = TypeVar("_Record", bound=Record)
_VALIDATORS: dict[type, TypeAdapter[Any]] = {}


def validator(model: type) -> TypeAdapter[Any]:
    """pydantic's validator for a record, built (and pydantic imported) the first time it is needed."""
    adapter = _VALIDATORS.get(model)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _VALIDATORS[model] = TypeAdapter(model)
    return adapter


def unique(values: list[str], what: str) -> None:
    """ValueError naming the first of ``values`` that comes twice."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"duplicate {what} {value!r}")
        seen.add(value)


#: Text, a whole number and a yes/no exactly as written: a YAML ``no`` or ``1.10`` where
#: text is expected is an error, not a silent conversion.
ExactStr = Annotated[str, Limits(strict=True)]
ExactInt = Annotated[int, Limits(strict=True)]
ExactBool = Annotated[bool, Limits(strict=True)]

#: Identifiers are lower-case words joined by hyphens or underscores. They are used in
#: file names and on the command line, so they can never hold a path separator.
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"

Id = Annotated[str, Limits(strict=True, pattern=ID_PATTERN)]
Text = Annotated[str, Limits(strict=True, min_length=1, max_length=20_000)]
Cite = Annotated[str, Limits(strict=True, min_length=1, max_length=200)]
Label = Annotated[str, Limits(strict=True, min_length=1, max_length=60)]
