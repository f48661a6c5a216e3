"""A YAML syntax mistake, told in Dutch at the line where the editor made it.

PyYAML often notices a mistake later than where it was made: an unclosed quote is only found at
the end of the file (or at the next apostrophe), a missing colon on the next line. Its marks
(context_mark: where the thing it was reading began; problem_mark: where it gave up) plus a small
look at the source lines give the line and the kind of mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from childcare_guide.content.errors import ContentProblem

# The start of a value on a line: indentation, list dashes, then an optional 'key: '.
_VALUE_START = re.compile(r"^(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[^\s'\"#\[{][^#]*?:(?: +|$))?")
_BLOCK_SCALAR = re.compile(r"^[>|][-+0-9]*\s*(#.*)?$")


@dataclass(frozen=True)
class _Quote:
    line: int  # 1-based line where the quote opens
    char: str
    end_line: int | None  # where it closes; None: never


def written_value(line: str, keyed: bool = True) -> str:
    """The value on a line as the editor typed it: after the dashes and (if keyed) 'key: ',
    without a comment."""
    start = _VALUE_START.match(line)
    if start is None:
        value = line.strip()
    elif keyed:
        value = line[len(start.group(0)):]
    else:
        value = line[len(start.group("indent")) + len(start.group("dashes")):]
    return value.split(" #")[0].strip()


def quote_text(text: str) -> str:
    """text as a YAML value between quotes, the way an editor would type it."""
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def syntax_problem(shown: str, text: str, error: yaml.MarkedYAMLError) -> ContentProblem:
    """One Dutch problem for a YAML syntax error, at the line of the mistake."""
    lines = text.split("\n")
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column if mark else 0
    problem = (error.problem or "").lower()
    context = (error.context or "").lower()

    def at(number: int | None, message: str, fix: str) -> ContentProblem:
        return ContentProblem(shown, number, None, message, fix)

    def source(number: int | None) -> str:
        return lines[number - 1] if number and 0 < number <= len(lines) else ""

    if "'\\t'" in problem or "\t" in problem or "\t" in source(line).split("#")[0]:
        return at(line, "Deze regel bevat een tab.",
                  "Gebruik spaties om in te springen, geen tabs: vervang de tab door spaties.")

    # A quote that runs over the line of the mistake: the mistake is where it opened.
    for quote in _quotes(lines):
        if line is not None and quote.line < line and (quote.end_line is None or quote.end_line >= line):
            return _unclosed_quote(at, quote)
    if "quoted scalar" in context and error.context_mark:
        number = error.context_mark.line + 1
        char = source(number)[error.context_mark.column:error.context_mark.column + 1]
        return _unclosed_quote(at, _Quote(number, char if char in ("'", '"') else '"', None))

    if "flow" in context and error.context_mark:
        number = error.context_mark.line + 1
        opening = "{" if source(number)[error.context_mark.column:].startswith("{") else "["
        closing = "]" if opening == "[" else "}"
        return at(number, f"Het haakje {opening} op deze regel wordt niet gesloten.",
                  f"Sluit de lijst met {closing} op dezelfde regel. Is het geen lijst maar gewone "
                  "tekst? Zet de hele tekst dan tussen aanhalingstekens.")

    if "could not find expected ':'" in problem and error.context_mark:
        number = error.context_mark.line + 1
        return _missing_colon(at, number, source(number))

    if "mapping values are not allowed" in problem and line is not None:
        here = source(line)
        start = _VALUE_START.match(here)
        key = start.group("key") if start else None
        if key and column >= len(start.group(0)):
            # 'titel: Let op: dit': a second ': ' inside the text
            value = here[len(start.group(0)):].split(" #")[0].rstrip()
            return at(line, "De tekst op deze regel bevat een dubbele punt met een spatie erna; "
                            "YAML leest dat als het begin van een nieuw veld.",
                      f"Zet de hele tekst tussen aanhalingstekens: {key.rstrip()} {quote_text(value)}")
        above = _line_above(lines, line)
        if above is not None and ":" not in source(above).split(" #")[0] and \
                _indent(source(above)) < _indent(here):
            return _missing_colon(at, above, source(above))
        return _indentation(at, line, here, above, source(above))

    if ("expected <block end>" in problem or "block" in context) and line is not None:
        here = source(line)
        start = _VALUE_START.match(here)
        value = here[len(start.group(0)):].split(" #")[0].strip() if start else ""
        if start and value[:1] in ("'", '"') and column > len(start.group(0)):
            if value[0] == '"':
                return at(line, "Na het sluitende aanhalingsteken staat nog tekst.",
                          f"Zet de hele tekst tussen aanhalingstekens: {quote_text(value)}")
            return at(line, "Na het sluitende aanhalingsteken staat nog tekst.",
                      "Zet de hele tekst tussen aanhalingstekens. Staat er een apostrof in de tekst "
                      f"(zoals in baby's)? Gebruik dan dubbele aanhalingstekens: {_requote(value)}")
        above = _line_above(lines, line)
        return _indentation(at, line, here, above, source(above))

    if "found unexpected end of stream" in problem:
        return at(line, "Het bestand stopt midden in een waarde.",
                  "Controleer of elk aanhalingsteken en elk haakje gesloten wordt.")
    return at(line, "De YAML kan niet gelezen worden.",
              "Controleer de inspringing, de dubbele punten en de aanhalingstekens op deze regel.")


def _requote(value: str) -> str:
    """A value like 'Omgevings'analyse (quoted, then more text) quoted as a whole."""
    whole = value[1:]
    if whole.endswith(value[0]) and whole.count(value[0]) > 1:
        whole = whole[:-1]
    return quote_text(whole)


def _unclosed_quote(at, quote: _Quote) -> ContentProblem:
    name = "aanhalingsteken (\")" if quote.char == '"' else "aanhalingsteken (')"
    fix = f"Zet aan het einde van de tekst hetzelfde aanhalingsteken ({quote.char}), op dezelfde regel."
    if quote.char == "'":
        fix += (" Staat er een apostrof in de tekst (zoals in baby's)? Zet de tekst dan tussen "
                "dubbele aanhalingstekens (\").")
    return at(quote.line, f"Het {name} op deze regel wordt niet gesloten.", fix)


def _missing_colon(at, number: int, here: str) -> ContentProblem:
    stripped = here.strip()
    dashes = re.match(r"(- +)*", stripped).group(0)
    body = stripped[len(dashes):]
    if re.match(r"-[^\s-]", body):
        return at(number, "Na het streepje (-) ontbreekt een spatie.",
                  f"Schrijf '{dashes}- {body[1:]}': een punt van een lijst begint met een streepje "
                  "en een spatie.")
    glued = re.match(r"([A-Za-z][\w-]*):(\S.*)$", body)
    if glued:
        return at(number, "Na de dubbele punt ontbreekt een spatie.",
                  f"Schrijf '{dashes}{glued.group(1)}: {glued.group(2)}'.")
    name, _, rest = body.partition(" ")
    example = f"{dashes}{name}: {rest.strip()}".rstrip() if rest.strip() else f"{dashes}{name}:"
    return at(number, "Na de naam van het veld ontbreekt de dubbele punt.",
              f"Schrijf '{example}'. Hoort deze regel bij de tekst erboven? Laat hem dan verder "
              "inspringen dan de naam van dat veld.")


def _indentation(at, line: int, here: str, above: int | None, above_text: str) -> ContentProblem:
    message = f"Deze regel springt {spaces(_indent(here))} in"
    if above is not None:
        theirs = _indent(above_text)
        message += (f", maar regel {above} erboven springt niet in" if theirs == 0
                    else f", maar regel {above} erboven {spaces(theirs)}")
    return at(line, message + ". De inspringing klopt niet.",
              "Laat deze regel even ver inspringen als de andere velden of punten van dezelfde "
              "groep. Een veld onder een ander veld springt 2 spaties verder in.")


def spaces(count: int) -> str:
    """'1 spatie', '3 spaties'."""
    return "1 spatie" if count == 1 else f"{count} spaties"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _line_above(lines: list[str], line: int) -> int | None:
    """The nearest line above with content (no blank line, no comment)."""
    for number in range(line - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _quotes(lines: list[str]) -> list[_Quote]:
    """Every quoted value that does not close on its own line: where it opens and closes."""
    found: list[_Quote] = []
    number = 0
    block_indent: int | None = None
    while number < len(lines):
        text = lines[number]
        number += 1
        if block_indent is not None:
            if not text.strip() or _indent(text) > block_indent:
                continue  # inside a block of text ('>-' or '|'): quotes there are plain text
            block_indent = None
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        start = _VALUE_START.match(text)
        value = text[len(start.group(0)):] if start else text
        if _BLOCK_SCALAR.match(value):
            block_indent = _indent(text)
            continue
        if value[:1] not in ("'", '"'):
            continue
        char = value[0]
        rest = value[1:]
        if _closing(rest, char) is not None:
            continue
        # runs over more lines: find where it closes
        end = None
        for later in range(number, len(lines)):
            if _closing(lines[later], char) is not None:
                end = later + 1
                break
        found.append(_Quote(number, char, end))
        if end is None:
            break
        number = end
    return found


def _closing(text: str, char: str) -> int | None:
    """Position of the quote that closes a value in text, or None."""
    index = 0
    while index < len(text):
        current = text[index]
        if char == '"' and current == "\\":
            index += 2
            continue
        if current == char:
            if char == "'" and text[index + 1:index + 2] == "'":
                index += 2  # '' is an apostrophe inside single quotes
                continue
            return index
        index += 1
    return None
