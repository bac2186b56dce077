"""Load YAML rule files into checked, compiled ``Rule`` objects.

A rule file is a YAML list of rules, or a mapping whose ``rules:`` holds that list. Every
problem (an unknown key, a wrong type, a DSL error in ``when:``, a bad placeholder in
``message:``) is raised as a ``SourceError`` located at the rule file's line and column.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from linter import recache
from linter.dsl import (
    BOOL,
    TEXT,
    CompiledExpr,
    CompiledTemplate,
    DslError,
    ast,
    compile_expression,
    compile_template,
)
from linter.dsl.ast import unparse
from linter.dsl.compiler import save_pattern_cache
from linter.dsl.parser import save_parse_cache
from linter.dsl.types import Type
from linter.finding import APPLICABILITY, Severity
from linter.gate import Gate, document_condition, document_gate
from linter.resources import rules_dir
from linter.subjects import SUBJECTS, Environment, build_environment, subject_names
from linter.yamlsrc import Loc, Node, SourceError, read_yaml, save_tree_cache

RULE_ID = recache.compile(r"^[a-z][a-z0-9-]*/[a-z0-9][a-z0-9-]*$")

RULE_KEYS: dict[str, str] = {
    "id": "family/name, lower case",
    "severity": "error, warning or info",
    "message": "the message template; {placeholders} are DSL expressions",
    "when": "a DSL condition that is true when the rule fires",
    "subject": "what the rule runs over (default: sentence)",
    "at": "optional DSL expression of type text: the span to report (default: the last =~ match, "
    "else the subject)",
    "severity_when": "optional list of {when, severity}: the first that holds sets the severity",
    "options": "optional mapping of named values the expressions read as options.NAME",
    "description": "the rule's documentation: what, why, example, instead, known_problems",
    "examples": "texts that must (fail) and must not (pass) trigger the rule",
    "enabled": "false to ship a rule that runs only when selected explicitly",
    "fix": "optional correction for --fix: {replace: template, at: text expression (default: the finding), "
    "applicability: safe|unsafe (default safe; unsafe fixes need --unsafe-fixes), unsafe_when: condition}",
    "tags": "optional list of words for grouping",
    "tokens": "optional named word lists the expressions match as tokens.NAME: a list of phrases, or "
    "{lexicon: NAME, set: NAME, words: [...], patterns: [...], match: word|whole|any}",
}
TOKEN_KEYS = ("lexicon", "set", "words", "patterns", "match")
#: How a token list is matched: as whole words, as the whole (stripped) text, or anywhere.
TOKEN_MATCH = {"word": r"(?<!\w){}(?!\w)", "whole": r"^\s*{}\s*$", "any": "{}"}
DESCRIPTION_KEYS = {
    "what": "What it does",
    "why": "Why is this bad?",
    "example": "Example",
    "instead": "Use instead",
    "severity": "Severity by evidence",
    "known_problems": "Known problems",
}
EXAMPLE_KEYS = {"text", "date", "kind", "count", "name", "fixed", "severity"}


@dataclass(frozen=True, slots=True)
class Example:
    """One example text of a rule: it must trigger the rule (``fail``) or must not (``pass``)."""

    text: str
    expect_fail: bool
    date: datetime.date | None = None
    kind: str = "text"
    count: int | None = None
    name: str | None = None
    loc: Loc | None = None
    fixed: str | None = None  # the text after --fix, for rules that offer a fix
    severity: Severity | None = None  # a fail example: the severity its findings must have


@dataclass(slots=True)
class SeverityCase:
    when: CompiledExpr
    severity: Severity


@dataclass(slots=True)
class FixSpec:
    """What ``--fix`` does for a rule: replace the ``at`` span (default: the finding's) by ``replace``."""

    replace: Any  # a compiled template
    at: CompiledExpr | None = None
    applicability: str = "safe"
    #: a condition under which a safe fix is unsafe for this finding (the facts behind it are old)
    unsafe_when: CompiledExpr | None = None


@dataclass(slots=True)
class Rule:
    """A loaded, compiled rule."""

    id: str
    severity: Severity
    subject: str
    when: CompiledExpr
    message: Any  # a compiled template: .render(ctx) -> str
    message_source: str
    when_source: str
    at: CompiledExpr | None = None
    severity_when: list[SeverityCase] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)
    enabled: bool = True
    tags: list[str] = field(default_factory=list)
    loc: Loc | None = None
    fix: FixSpec | None = None
    gate: Gate | None = None  # a once-per-document test that the rule cannot fire (linter.gate)
    #: the leading conjuncts of ``when`` that read only ``document`` and ``options``, tested once per
    #: document before the subjects are listed (``linter.gate.document_condition``)
    precheck: CompiledExpr | None = None
    #: an expression of the rule (``when``, ``at``, a severity case, the message, the fix) holds
    #: ``=~`` or ``!~``, so evaluating it needs a regex budget (``Engine``); set from the rest
    searches: bool = field(init=False)

    def __post_init__(self) -> None:
        self.searches = _searches(self)

    @property
    def family(self) -> str:
        return self.id.split("/", 1)[0]

    def summary(self) -> str:
        """The first clause of the description's "what": one line for listings."""
        what = " ".join(self.description.get("what", "").split())
        if not what:
            return self.message_source
        cut = what.find(": ")
        first = what[:cut] if cut > 0 else what
        if len(first) > 110:
            first = first[:110].rsplit(" ", 1)[0] + " ..."
        return first.rstrip(".:")


@dataclass
class RuleSet:
    rules: list[Rule]
    sources: list[Path] = field(default_factory=list)

    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


class _Reader:
    """Turns one rule file's located YAML into ``Rule`` objects."""

    def __init__(self, path: Path, lines: list[str], env: Environment) -> None:
        self.path = path
        self.lines = lines
        self.env = env
        self.constants: dict[str, Any] = {}  # the rule's tokens.NAME patterns

    def error(self, loc: Loc, message: str) -> SourceError:
        line = self.lines[loc.line - 1] if 0 < loc.line <= len(self.lines) else None
        return SourceError(loc, message, line)

    def expect(self, node: Node, kind: type | tuple[type, ...], what: str) -> Any:
        value = node.value
        if isinstance(value, bool) and kind in (int, float, (int, float)):
            raise self.error(node.loc, f"{what} must be a number, not {value!r}")
        if not isinstance(value, kind):
            raise self.error(node.loc, f"{what} must be {_kind_name(kind)}, not {_describe(value)}")
        return value

    def dsl_loc(self, node: Node, err: DslError) -> Loc:
        """Map a line/column inside an expression to the rule file."""
        base = node.loc
        raw = node.raw if node.raw is not None else str(node.value)
        if node.style in (None, "", "'", '"') and "\n" not in raw:
            # A flow scalar: the expression starts after the opening quote, if any.
            col = base.column + (1 if node.style in ("'", '"') else 0) + err.column - 1
            return Loc(base.path, base.line, col)
        if node.style in ("|", ">"):
            # A block scalar starts on the next line, indented.
            line_no = base.line + err.line
            first = self.lines[base.line] if base.line < len(self.lines) else ""
            indent = len(first) - len(first.lstrip())  # the block's indentation, set by its first line
            return Loc(base.path, line_no, indent + err.column)
        return Loc(base.path, base.line + err.line - 1, (base.column if err.line == 1 else 1) + err.column - 1)

    def compile(self, node: Node, env: dict[str, Type], expect: Type | None, what: str) -> CompiledExpr:
        if isinstance(node.value, bool):  # YAML reads a bare `true` as a boolean
            node = Node("true" if node.value else "false", node.loc, style=node.style, raw=node.raw)
        source = self.expect(node, str, what)
        try:
            return compile_expression(source, env, self.env.registry, expect=expect, constants=self.constants)
        except DslError as err:
            raise self.error(self.dsl_loc(node, err), f"{what}: {err.message}"
                             + (f" ({err.hint})" if getattr(err, "hint", None) else "")) from None

    def precheck(self, when: CompiledExpr, env: dict[str, Type], subject: str) -> CompiledExpr | None:
        """The once-per-document part of ``when`` (``linter.gate.document_condition``), compiled
        for an environment of ``document`` and ``options`` alone."""
        condition = document_condition(when.node, subject)
        if condition is None:
            return None
        roots = {name: t for name, t in env.items() if name in ("document", "options")}
        return compile_expression(unparse(condition), roots, self.env.registry, expect=BOOL)

    def template(self, node: Node, env: dict[str, Type]) -> Any:
        source = self.expect(node, str, "message")
        try:
            return compile_template(source, env, self.env.registry)
        except DslError as err:
            raise self.error(self.dsl_loc(node, err), f"message: {err.message}") from None

    def rule(self, node: Node, default_enabled: bool = True) -> Rule:
        if not isinstance(node.value, dict):
            raise self.error(node.loc, f"a rule must be a mapping of keys ({', '.join(RULE_KEYS)}), "
                                       f"not {_describe(node.value)}")
        fields: dict[str, Node] = node.value
        for key, kloc in node.keys.items():
            if key not in RULE_KEYS:
                raise self.error(kloc, f"unknown rule key '{key}'{_suggest(key, RULE_KEYS)}; "
                                       f"valid keys: {', '.join(RULE_KEYS)}")
        for required in ("id", "severity", "message", "when"):
            if required not in fields:
                raise self.error(node.loc, f"rule is missing the required key '{required}' "
                                           f"({RULE_KEYS[required]})")
        rule_id = self.expect(fields["id"], str, "id")
        if not RULE_ID.match(rule_id):
            raise self.error(fields["id"].loc, f"rule id '{rule_id}' must look like family/name "
                                               "(lower-case letters, digits and dashes)")
        severity = self.severity(fields["severity"])
        subject = "sentence"
        if "subject" in fields:
            subject = self.expect(fields["subject"], str, "subject")
            if subject not in SUBJECTS:
                names = subject_names()
                raise self.error(fields["subject"].loc, f"unknown subject '{subject}'"
                                 f"{_suggest(subject, names)}; valid subjects: {', '.join(names)}")
        options = self.options(fields.get("options"))
        self.constants = self.tokens(fields.get("tokens"))
        env = self.env.for_subject(subject, options)
        when = self.compile(fields["when"], env, BOOL, "when")
        at = self.compile(fields["at"], env, TEXT, "at") if "at" in fields else None
        message = self.template(fields["message"], env)
        cases = []
        if "severity_when" in fields:
            for item in self.expect(fields["severity_when"], list, "severity_when"):
                entry = self.expect(item, dict, "each severity_when entry")
                for key, kloc in item.keys.items():
                    if key not in ("when", "severity"):
                        raise self.error(kloc, f"unknown key '{key}' in severity_when; valid keys: when, severity")
                if "when" not in entry or "severity" not in entry:
                    raise self.error(item.loc, "a severity_when entry needs both 'when' and 'severity'")
                cases.append(SeverityCase(self.compile(entry["when"], env, BOOL, "severity_when"),
                                          self.severity(entry["severity"])))
        description = self.description(fields.get("description"))
        examples = self.examples(fields.get("examples"))
        enabled = default_enabled
        if "enabled" in fields:
            enabled = self.expect(fields["enabled"], bool, "enabled")
        tags = [self.expect(t, str, "a tag") for t in self.expect(fields["tags"], list, "tags")] \
            if "tags" in fields else []
        fix = self.fix(fields.get("fix"), env)
        return Rule(
            fix=fix,
            id=rule_id, severity=severity, subject=subject, when=when, message=message,
            message_source=fields["message"].value, when_source=fields["when"].value, at=at,
            severity_when=cases, options=options, description=description, examples=examples,
            enabled=enabled, tags=tags, loc=node.loc, gate=document_gate(when.node, subject),
            precheck=self.precheck(when, env, subject),
        )

    def tokens(self, node: Node | None) -> dict[str, str]:
        """The rule's ``tokens:``: each name's word list (and lexicon) as one pattern."""
        if node is None:
            return {}
        from linter.lexicon import LexiconError, alternation, lexicon

        out: dict[str, str] = {}
        for name, spec in self.expect(node, dict, "tokens").items():
            if not name.isidentifier():
                raise self.error(node.keys[name], f"token list name '{name}' must be a word (letters, digits, _)")
            words: list[str] = []
            patterns: list[str] = []
            match = "word"
            if isinstance(spec.value, list):
                words = [self.expect(w, str, "a token") for w in spec.value]
            else:
                fields = self.expect(spec, dict, f"tokens.{name}")
                for key, kloc in spec.keys.items():
                    if key not in TOKEN_KEYS:
                        raise self.error(kloc, f"unknown key '{key}' in tokens.{name}; valid keys: {', '.join(TOKEN_KEYS)}")
                if "lexicon" in fields:
                    try:
                        lex = lexicon(self.expect(fields["lexicon"], str, "lexicon"))
                        if "set" in fields:
                            subset = self.expect(fields["set"], str, "set")
                            if subset not in lex.sets:
                                raise LexiconError(f"lexicon {lex.name!r} has no set {subset!r}; "
                                                   f"it has: {', '.join(lex.sets) or 'none'}")
                            words += lex.sets[subset]
                        else:
                            words += lex.words
                            patterns += lex.patterns
                    except LexiconError as exc:
                        raise self.error(fields["lexicon"].loc, str(exc)) from None
                words += [self.expect(w, str, "a token") for w in fields["words"].value] if "words" in fields else []
                patterns += ([self.expect(p, str, "a pattern") for p in fields["patterns"].value]
                             if "patterns" in fields else [])
                if "match" in fields:
                    match = self.expect(fields["match"], str, "match")
                    if match not in TOKEN_MATCH:
                        raise self.error(fields["match"].loc, f"match must be one of {', '.join(TOKEN_MATCH)}")
            out[f"tokens.{name}"] = TOKEN_MATCH[match].format(alternation(words, patterns))
        return out

    def fix(self, node: Node | None, env: dict[str, Type]) -> FixSpec | None:
        if node is None:
            return None
        self.expect(node, dict, "fix")
        keys = ("replace", "at", "applicability", "unsafe_when")
        for key, kloc in node.keys.items():
            if key not in keys:
                raise self.error(kloc, f"unknown key '{key}' in fix; valid keys: {', '.join(keys)}")
        if "replace" not in node.value:
            raise self.error(node.loc, "a fix needs 'replace' (a template; \"\" deletes)")
        at = self.compile(node.value["at"], env, TEXT, "fix.at") if "at" in node.value else None
        applicability = "safe"
        if "applicability" in node.value:
            applicability = self.expect(node.value["applicability"], str, "fix.applicability")
            if applicability not in APPLICABILITY:
                raise self.error(node.value["applicability"].loc,
                                 f"fix.applicability must be one of {', '.join(APPLICABILITY)}, not {applicability!r}")
        unsafe_when = self.compile(node.value["unsafe_when"], env, BOOL, "fix.unsafe_when") \
            if "unsafe_when" in node.value else None
        return FixSpec(self.template(node.value["replace"], env), at, applicability, unsafe_when)

    def severity(self, node: Node) -> Severity:
        name = self.expect(node, str, "severity")
        try:
            return Severity.parse(name)
        except ValueError as exc:
            raise self.error(node.loc, str(exc)) from None

    def options(self, node: Node | None) -> dict[str, Any]:
        if node is None:
            return {}
        self.expect(node, dict, "options")
        result = {}
        for key, value in node.value.items():
            plain = value.plain()
            if not _option_type(plain):
                raise self.error(value.loc, f"option '{key}' must be a string, number, boolean or a list "
                                            f"of strings, not {_describe(plain)}")
            result[key] = plain
        return result

    def description(self, node: Node | None) -> dict[str, str]:
        if node is None:
            return {}
        if isinstance(node.value, str):
            return {"what": node.value}
        self.expect(node, dict, "description")
        result = {}
        for key, kloc in node.keys.items():
            if key not in DESCRIPTION_KEYS:
                raise self.error(kloc, f"unknown description section '{key}'{_suggest(key, DESCRIPTION_KEYS)}; "
                                       f"valid sections: {', '.join(DESCRIPTION_KEYS)}")
            result[key] = self.expect(node.value[key], str, f"description.{key}")
        return result

    def examples(self, node: Node | None) -> list[Example]:
        if node is None:
            return []
        self.expect(node, dict, "examples")
        result: list[Example] = []
        for key, kloc in node.keys.items():
            if key not in ("fail", "pass"):
                raise self.error(kloc, f"unknown examples key '{key}'; valid keys: fail, pass")
            for item in self.expect(node.value[key], list, f"examples.{key}"):
                result.append(self.example(item, key == "fail"))
        return result

    def example(self, node: Node, expect_fail: bool) -> Example:
        if isinstance(node.value, str):
            return Example(node.value, expect_fail, loc=node.loc)
        fields = self.expect(node, dict, "an example")
        for key, kloc in node.keys.items():
            if key not in EXAMPLE_KEYS:
                raise self.error(kloc, f"unknown example key '{key}'; valid keys: {', '.join(sorted(EXAMPLE_KEYS))}")
        if "text" not in fields:
            raise self.error(node.loc, "an example mapping needs 'text'")
        date = None
        if "date" in fields:
            raw = fields["date"].value
            if isinstance(raw, datetime.date):
                date = raw
            else:
                try:
                    date = datetime.date.fromisoformat(str(raw))
                except ValueError:
                    raise self.error(fields["date"].loc, f"example date must be YYYY-MM-DD, not {raw!r}") from None
        kind = self.expect(fields["kind"], str, "kind") if "kind" in fields else "text"
        if kind not in ("text", "markdown", "html"):
            raise self.error(fields["kind"].loc, "example kind must be text, markdown or html")
        count = self.expect(fields["count"], int, "count") if "count" in fields else None
        name = self.expect(fields["name"], str, "name") if "name" in fields else None
        fixed = self.expect(fields["fixed"], str, "fixed") if "fixed" in fields else None
        severity = self.severity(fields["severity"]) if "severity" in fields else None
        if severity is not None and not expect_fail:
            raise self.error(fields["severity"].loc, "only a fail example can name a severity")
        return Example(self.expect(fields["text"], str, "example text"), expect_fail, date, kind, count,
                       name, node.loc, fixed, severity)


def _searches(rule: Rule) -> bool:
    """Whether an expression of ``rule`` holds ``=~`` or ``!~``; true as well for anything this
    cannot look into."""
    exprs: list[Any] = [rule.when, rule.at, *(case.when for case in rule.severity_when)]
    templates: list[Any] = [rule.message]
    if rule.fix is not None:
        exprs += [rule.fix.at, rule.fix.unsafe_when]
        templates.append(rule.fix.replace)
    for template in templates:
        if not isinstance(template, CompiledTemplate):
            return True
        exprs.extend(template.placeholders)
    for expr in exprs:
        if expr is None:
            continue
        if not isinstance(expr, CompiledExpr):
            return True
        if any(isinstance(n, ast.Compare) and n.op in ("=~", "!~") for n in ast.walk(expr.node)):
            return True
    return False


def _option_type(value: Any) -> bool:
    if isinstance(value, (str, bool, int, float)):
        return True
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
             list: "a list", dict: "a mapping"}
    if isinstance(kind, tuple):
        return " or ".join(names.get(k, k.__name__) for k in kind)
    return names.get(kind, kind.__name__)


def _describe(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the string {value!r}"
    return f"{type(value).__name__} {value!r}"


def rule_files(paths: Sequence[Path]) -> list[Path]:
    """Expand files and folders into the sorted list of rule files (``*.yaml``, ``*.yml``).

    Folders named ``kb`` (the knowledge base) and ``lexicons`` (word lists) hold data, not
    rules, and are skipped.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                parts = child.relative_to(path).parts
                if child.suffix in (".yaml", ".yml") and child.is_file() and "kb" not in parts \
                        and "lexicons" not in parts:
                    found.append(child)
        elif path.exists():
            found.append(path)
        else:
            raise SourceError(Loc(str(path), 1, 1), "no such rule file or folder")
    return found


def load_rule_file(path: Path, env: Environment | None = None) -> list[Rule]:
    """Load one rule file; raises ``SourceError`` located in the file on any problem."""
    env = env or build_environment()
    root, lines = read_yaml(path)
    reader = _Reader(path, lines, env)
    if root is None:
        return []
    items = root
    if isinstance(root.value, dict):
        for key, kloc in root.keys.items():
            if key != "rules":
                raise reader.error(kloc, f"unknown top-level key '{key}'; a rule file is a list of rules "
                                         "or a mapping with 'rules:'")
        if "rules" not in root.value:
            raise reader.error(root.loc, "a rule file is a list of rules or a mapping with 'rules:'")
        items = root.value["rules"]
    if not isinstance(items.value, list):
        raise reader.error(items.loc, "a rule file must hold a list of rules")
    return [reader.rule(item) for item in items.value]


def load_rules(extra: Sequence[Path] = (), bundled: bool = True) -> RuleSet:
    """Load the bundled rule packs plus the user's rule files; duplicate ids are an error.

    Compiled rules are kept for the process while no rule file changes (the language server and
    the tests load the same rules many times); treat the result as read-only."""
    paths: list[Path] = ([rules_dir()] if bundled else []) + list(extra)
    files = tuple(rule_files(paths))
    lexicons = tuple(user_lexicon_files(extra))
    return _load_files(files, tuple(_digest(f) for f in files), lexicons, tuple(_digest(f) for f in lexicons))


def user_lexicon_files(paths: Sequence[Path]) -> list[Path]:
    """The user's lexicon extensions: ``lexicons/*.yaml`` in the rule folders given
    (``linter.lexicon.extended``)."""
    return [f for p in paths if p.is_dir() for f in sorted((p / "lexicons").glob("*.y*ml")) if f.is_file()]


def _digest(path: Path) -> str:
    """What a rule file holds, as a key (a file rewritten in the same clock tick still counts)."""
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return ""


@lru_cache(maxsize=16)
def _load_files(files: tuple[Path, ...], digests: tuple[str, ...], lexicons: tuple[Path, ...] = (),
                lexicon_digests: tuple[str, ...] = ()) -> RuleSet:
    from linter.lexicon import Lexicon, LexiconError, extend, extended

    merged: dict[str, Lexicon] = {}
    for path in lexicons:
        try:
            extend(merged, path)
        except LexiconError as exc:
            raise SourceError(Loc(str(path), 1, 1), str(exc).removeprefix(f"{path}: ")) from None
    with extended(merged):
        return _compile_files(files)


def _compile_files(files: tuple[Path, ...]) -> RuleSet:
    env = build_environment()
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for path in files:
        for rule in load_rule_file(path, env):
            if rule.id in seen:
                first = seen[rule.id].loc
                assert rule.loc is not None
                lines = path.read_text(encoding="utf-8-sig").splitlines()
                raise SourceError(rule.loc, f"rule '{rule.id}' is already defined at {first}",
                                  lines[rule.loc.line - 1] if rule.loc.line <= len(lines) else None)
            seen[rule.id] = rule
            rules.append(rule)
    save_parse_cache()
    save_pattern_cache()
    save_tree_cache()
    return RuleSet(rules, list(files))
