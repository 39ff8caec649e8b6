"""The `HEADERS` setting as host configuration: a `_headers` file and an nginx snippet.

`_headers` is the format Netlify and Cloudflare Pages read from the published folder: a path
pattern, then its headers indented below it. The nginx snippet is included in the `server`
block that serves output/.
"""

HEADERS_FILE = "_headers"
NGINX_FILE = "nginx-headers.conf"


def headers_file(headers: dict[str, str]) -> str:
    lines = [
        "# Response headers for every page (Netlify, Cloudflare Pages). Made by the build",
        "# from the HEADERS setting in pelicanconf.py: change it there.",
        "/*",
    ]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def nginx_snippet(headers: dict[str, str]) -> str:
    lines = [
        "# Response headers for every page. Made by the build from the HEADERS setting in",
        "# pelicanconf.py: change it there. Include it in the server block that serves",
        "# output/, e.g. `include /srv/hub/nginx-headers.conf;`. `always` sends them on",
        "# error pages too.",
    ]
    for name, value in headers.items():
        if '"' in value or "\n" in value:
            raise ValueError(f"header {name} cannot hold a double quote or a line break")
        lines.append(f'add_header {name} "{value}" always;')
    return "\n".join(lines) + "\n"


def read_headers_file(text: str) -> dict[str, dict[str, str]]:
    """`_headers` back into {path pattern: {name: value}}, as a host reads it."""
    rules: dict[str, dict[str, str]] = {}
    current = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        elif current is not None:
            name, _, value = line.strip().partition(":")
            current[name.strip()] = value.strip()
    return rules
