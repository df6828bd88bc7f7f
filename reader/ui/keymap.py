"""config.toml's [keymap] checked against the key table: key names as Textual knows them, and
no two actions on one key. Imported by the app, and by `reader config` only when there is a
keymap to check."""

from __future__ import annotations

from textual.keys import Keys, _character_to_key

from reader.text import safe

_MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}


def key_is_known(key: str) -> bool:
    """Would Textual recognise this key ("ctrl+n", "f5", "question_mark", "?", "n")?"""
    *mods, base = key.strip().split("+")
    if not base or any(m not in _MODIFIERS for m in mods):
        return False
    if len(base) == 1:
        return base.isprintable()
    named = {k.value for k in Keys} | {"space", "enter", "escape", "tab", "backspace", "delete"}
    return base in named or base == _character_to_key(base) and any(_character_to_key(chr(c)) == base for c in range(33, 127))


def check_keymap(keymap: dict[str, str], bindings: dict[str, str], path: str) -> tuple[dict[str, str], list[str]]:
    """Keep the valid remappings; say what is wrong with the others.

    ``bindings``: binding id -> its current keys. Two actions on one key is an error (the
    second one is dropped), whether both are remapped or one keeps its default key.
    """
    shown = safe(path)
    good, problems = {}, []
    for binding, keys in keymap.items():
        if binding not in bindings:
            from rapidfuzz import process

            close = process.extractOne(binding, list(bindings))
            hint = f"did you mean `{close[0]}`? " if close and close[1] >= 60 else ""
            problems.append(f"{shown}: `keymap.{binding}`: no binding has that id ({hint}`reader config` lists them)")
            continue
        names = [k.strip() for k in keys.split(",") if k.strip()]
        unknown = [k for k in names if not key_is_known(k)]
        if unknown or not names:
            problems.append(
                f'{shown}: `keymap.{binding}`: {", ".join(map(repr, unknown)) or "no key"} is not a key name Textual knows (like "ctrl+n", "f5", "n")'
            )
            continue
        good[binding] = ",".join(names)
    # clashes: the keys each binding will answer to after remapping
    owner: dict[str, str] = {}
    for binding, keys in {**bindings, **good}.items():
        for key in (_normal(k) for k in keys.split(",") if k.strip()):
            other = owner.get(key)
            if other is not None and other != binding and (binding in good or other in good):
                culprit = binding if binding in good else other
                problems.append(
                    f"{shown}: `keymap.{culprit}`: key {key!r} is already used by `{other if culprit == binding else binding}`"
                )
                good.pop(culprit, None)
            else:
                owner.setdefault(key, binding)
    return good, problems


def _normal(key: str) -> str:
    key = key.strip()
    *mods, base = key.split("+")
    base = _character_to_key(base) if len(base) == 1 else base
    return "+".join([*mods, base])
