#!/usr/bin/env bash
# Runs every KyodoHub test: installs what the tests need when it is missing (Chromium, Japanese
# fonts for the browser tests and the agreement PDF, pdftotext to read the PDF back), runs the
# whole suite, and prints "N passed, N failed" at the end.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need=()
for pkg in chromium fonts-noto-cjk fonts-ipaexfont-gothic poppler-utils; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
dotnet test KyodoHub.sln \
  --logger "trx;LogFileName=results.trx" \
  --results-directory "$results" \
  --blame-hang-timeout 10m \
  "$@" || status=$?

# Count from the test results, not from the console.
python3 - "$results" <<'PY' || status=1
import glob, sys, xml.etree.ElementTree as ET
files = glob.glob(sys.argv[1] + "/**/*.trx", recursive=True)
if not files:
    print("0 passed, 0 failed")
    sys.exit(1)
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in files:
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
exit $status
