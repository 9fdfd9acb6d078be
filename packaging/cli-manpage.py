#!/usr/bin/env python3
"""Writes socketlab-cli(1) from the program's own help: the top-level --help, then each command's.

usage: cli-manpage.py SOCKETLAB_CLI VERSION DATE OUTPUT

help2man reads only the top-level --help and misreads its command table; this reads the two layouts
the program prints: the command table kept as printed, and QCommandLineParser's option lists, whose
descriptions start at one column with continuation lines indented to it.
"""

import os
import re
import subprocess
import sys


def help_text(program, *arguments):
    # English whatever the builder's locale; the page is the help a user sees.
    environment = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", LANGUAGE="")
    return subprocess.run([program, *arguments, "--help"], check=True, capture_output=True, text=True,
                          env=environment).stdout


def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    if text.startswith((".", "'")):
        text = "\\&" + text
    return text


def paragraph(lines):
    return [roff(line.strip()) for line in lines if line.strip()]


def option_list(lines):
    """QCommandLineParser's "  -x, --name <V>   Description" rows, continuations indented to the column."""
    out = []
    column = None
    for line in lines:
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        if column is not None and indent >= column:
            out.append(roff(line.strip()))
            continue
        match = re.match(r"^(\s+)(\S.*?)(\s{2,})(\S.*)$", line)
        if match:
            column = len(match.group(1)) + len(match.group(2)) + len(match.group(3))
            out += [".TP", "\\fB" + roff(match.group(2)) + "\\fR", roff(match.group(4))]
        else:
            column = None
            out += [".TP", "\\fB" + roff(line.strip()) + "\\fR"]
    return out


def command_page(name, text):
    """The usage line, the description, then each "Heading:" with its option list."""
    lines = text.splitlines()
    out = [".SS " + roff(name), ".B " + roff(lines[0].removeprefix("Usage: "))]
    sections = [("", [])]
    for line in lines[1:]:
        if re.match(r"^[A-Z][A-Za-z ]*:$", line):
            sections.append((line[:-1], []))
        else:
            sections[-1][1].append(line)
    out += [".PP"] + paragraph(sections[0][1])
    for heading, body in sections[1:]:
        out += [".PP", roff(heading) + ":", ".RS"] + option_list(body) + [".RE"]
    return out


def main():
    program, version, date, output = sys.argv[1:]
    top = help_text(program).splitlines()
    page = [
        '.TH SOCKETLAB\\-CLI 1 "%s" "socketlab\\-cli %s" "User Commands"' % (date, version),
        ".SH NAME",
        "socketlab\\-cli \\- command\\-line workbench for BSD sockets",
        ".SH SYNOPSIS",
        ".B socketlab\\-cli",
        ".I COMMAND",
        "[\\fIoptions\\fR]",
        ".SH DESCRIPTION",
        "The headless side of SocketLab: the same code as the window, for scripts and terminals.",
        "Its help, as",
        ".B socketlab\\-cli \\-\\-help",
        "prints it:",
        ".PP",
        ".nf",
        ".RS",
    ]
    page += [roff(line) for line in top[1:] if not line.startswith("Usage:")]
    page += [".RE", ".fi", ".SH COMMANDS"]
    # The commands are the rows of the top-level table: "  tcp HOST PORT   ...".
    for command in re.findall(r"^  ([a-z][a-z-]*) ", "\n".join(top), re.MULTILINE):
        page += command_page(command, help_text(program, command))
    page += [".SH SEE ALSO", ".BR socketlab (1)"]
    with open(output, "w", encoding="utf-8") as file:
        file.write("\n".join(page) + "\n")


if __name__ == "__main__":
    main()
