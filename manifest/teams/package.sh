#!/usr/bin/env bash
# Builds AlignBot's Teams app package from manifest/teams/ with the placeholders filled in.
#
#   TEAMS_APP_ID=<guid> BOT_ID=<guid> BOT_DOMAIN=<host> manifest/teams/package.sh [--zip FILE] [--dir DIR]
#
#   TEAMS_APP_ID  the Teams app id (a GUID you generate once and keep for every version of the app)
#   BOT_ID        the bot's Microsoft App ID (the Entra app registration / managed identity client id)
#   BOT_DOMAIN    the host name that serves /api/messages, without scheme or path
#                 (e.g. alignbot-prod.azurewebsites.net)
# optional:
#   WEBSITE_URL, PRIVACY_URL, TERMS_URL   the developer pages Teams links to from the app's details;
#                 default https://$BOT_DOMAIN/, .../privacy, .../terms (the host does not serve these yet:
#                 set your organisation's pages before publishing beyond a sideload)
#
# Output: with no option, build/appPackage.zip at the repository root. --zip FILE writes the zip there
# instead; --dir DIR writes the package as a folder (manifest.json + icons) and, unless --zip is also
# given, no zip. The zip has manifest.json at its root and fixed timestamps, so the same inputs give the
# same bytes. Exits non-zero, naming the variable, when an input is missing or malformed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
zip_out=""
dir_out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --zip) zip_out=${2:?--zip needs a file}; shift 2 ;;
    --dir) dir_out=${2:?--dir needs a folder}; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "package.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$zip_out" ] && [ -z "$dir_out" ]; then zip_out="$root/build/appPackage.zip"; fi

TEMPLATE_DIR="$here" ZIP_OUT="$zip_out" DIR_OUT="$dir_out" python3 - <<'PY'
import json, os, re, sys, zipfile

GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
HOST = re.compile(r"^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$", re.I)
FILES = ("manifest.json", "color.png", "outline.png")

def fail(msg):
    print(f"package.sh: {msg}", file=sys.stderr)
    sys.exit(1)

values = {}
for name, pattern, what in (("TEAMS_APP_ID", GUID, "a GUID"), ("BOT_ID", GUID, "a GUID"),
                            ("BOT_DOMAIN", HOST, "a host name without scheme, port or path")):
    v = os.environ.get(name, "").strip()
    if not v:
        fail(f"{name} is not set (it must be {what})")
    if not pattern.match(v):
        fail(f"{name}={v!r} is not {what}")
    values[name] = v

template_dir = os.environ["TEMPLATE_DIR"]
with open(os.path.join(template_dir, "manifest.json"), encoding="utf-8") as f:
    text = f.read()
for name, v in values.items():
    text = text.replace("${{" + name + "}}", v)
left = sorted(set(re.findall(r"\$\{\{\s*([A-Za-z0-9_.]+)\s*\}\}", text)))
if left:
    fail("the manifest still has placeholders nobody fills: " + ", ".join(left))
manifest = json.loads(text)

for name, key in (("WEBSITE_URL", "websiteUrl"), ("PRIVACY_URL", "privacyUrl"), ("TERMS_URL", "termsOfUseUrl")):
    v = os.environ.get(name, "").strip()
    if v:
        if not v.lower().startswith("https://"):
            fail(f"{name}={v!r} must be an https:// URL")
        manifest["developer"][key] = v

data = {"manifest.json": (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")}
for icon in FILES[1:]:
    with open(os.path.join(template_dir, icon), "rb") as f:
        data[icon] = f.read()

dir_out = os.environ.get("DIR_OUT")
if dir_out:
    os.makedirs(dir_out, exist_ok=True)
    for name in FILES:
        with open(os.path.join(dir_out, name), "wb") as f:
            f.write(data[name])
    print(f"package.sh: wrote {dir_out}/ ({', '.join(FILES)})")

zip_out = os.environ.get("ZIP_OUT")
if zip_out:
    os.makedirs(os.path.dirname(os.path.abspath(zip_out)), exist_ok=True)
    tmp = zip_out + ".tmp"
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name in FILES:  # at the root of the zip, as Teams requires
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data[name])
    os.replace(tmp, zip_out)
    print(f"package.sh: wrote {zip_out}")
PY
