"""The text `make new` writes for the editor to replace, and how to tell it is still there.

A page that still holds any of it is not ready: the checks name the line (rules.py), so the
placeholder never reaches readers.
"""

# The editor's notes start like this (an HTML comment, so it never shows on the page).
NOTES_START = "<!-- Notes for the editor:"

BODIES = {
    "guidance": """\
Write a short opening paragraph: who this page is for and what it helps them do.

## A first heading

Write the guidance in short sections, each under a heading that says what it answers.

## What to do next

{next_link}
""",
    "case-studies": """\
Say where this story comes from and when it happened, for example "This story comes from a
2009 government report."

## The situation

What the person found hard at work, in the source's words turned into your own.

## What the employer and others did

The adjustments and support, in the order they happened.

## The outcome

What happened in the end, with the year.

## What employers can take from this

The hub's own advice, drawn from the story. Say that it is not part of the source.

## What to do next

{next_link}
""",
    "adjustments": """\
## What it is

What the adjustment is, and which difficulties at work it eases.

## Putting it in place

The steps, and what it costs.

## In different settings

How it works in an office, remotely, with customers, on shifts and on the road.

## Raising it

How a manager or a worker might suggest it.

## Pitfalls

What can go wrong, and how to avoid it.

## Reviewing it

When to check that it still helps.
""",
    "pages": """\
Write a short opening paragraph.

## A first heading

Write the page in short sections.
""",
}


# Every line of the bodies above that is an instruction, not a heading or a link.
PLACEHOLDER_LINES = {
    line.strip()
    for body in BODIES.values()
    for line in body.splitlines()
    if line.strip() and not line.startswith("#") and "{" not in line
}


def placeholder_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of each line `make new` wrote that the editor has not replaced."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped in PLACEHOLDER_LINES or stripped.startswith(NOTES_START):
            found.append((number, stripped))
    return found
