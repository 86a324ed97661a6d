# deb-src.sh - sourced by bench/corpus.sh and testsuite/recipes.sh:
# enable_deb_src writes deb-src lines for the Debian suites the machine
# already uses into a sources file of its own (root only), so that
# `apt-get source` works on a fresh machine.
# deb-src for `apt-get source`, in a sources file of its own, for the
# suites the machine already uses.
enable_deb_src() {
  apt-get source --print-uris -qq zlib >/dev/null 2>&1 && return 0
  local f=/etc/apt/sources.list.d/escape-src.list
  echo "enabling deb-src in $f" >&2
  python3 - "$f" <<'EOF'
import glob, re, sys
lines = set()
key = "/usr/share/keyrings/debian-archive-keyring.gpg"
for path in glob.glob("/etc/apt/sources.list") + \
        glob.glob("/etc/apt/sources.list.d/*.list") + \
        glob.glob("/etc/apt/sources.list.d/*.sources"):
    if path.endswith("escape-src.list"):
        continue
    text = open(path).read()
    if path.endswith(".sources"):
        for stanza in re.split(r"\n\s*\n", text):
            f = {}
            for l in stanza.splitlines():
                m = re.match(r"([A-Za-z-]+):\s*(.*)", l)
                if m:
                    f[m.group(1).lower()] = m.group(2).split()
            if "deb" not in f.get("types", []) or "enabled" in f and \
                    f["enabled"] == ["no"]:
                continue
            for uri in f.get("uris", []):
                if "debian" not in uri:
                    continue
                for s in f.get("suites", []):
                    lines.add(f"deb-src [signed-by={key}] {uri} {s} "
                              + " ".join(f.get("components", ["main"])))
    else:
        for l in text.splitlines():
            m = re.match(r"\s*deb\s+(\[[^]]*\]\s+)?(\S+)\s+(\S+)\s+(.*)", l)
            if m and "debian" in m.group(2):
                lines.add(f"deb-src [signed-by={key}] {m.group(2)} "
                          f"{m.group(3)} {m.group(4)}")
open(sys.argv[1], "w").write("\n".join(sorted(lines)) + "\n")
EOF
  apt-get update -q >/dev/null 2>&1 || true
}

