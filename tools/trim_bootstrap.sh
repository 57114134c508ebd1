#!/usr/bin/env bash
# Rebuild static/vendor/bootstrap.min.css: Bootstrap's compiled stylesheet with only the rules whose
# selectors name classes that appear in our templates, crispy-bootstrap5's templates or our Python code.
#
# Run it after using a Bootstrap class the stylesheet lacks (tests/test_static.py names any such class).
# It also lists the full stylesheet's classes and element names in tools/bootstrap-*.txt, for that test.
# It needs Node and npm at development time only: the result is committed, so the site has no build step.
set -euo pipefail
BOOTSTRAP=5.3.9
PURGECSS=6
cd "$(dirname "$0")/.."

work=$(mktemp -d)
mkdir "$work/out"
trap 'rm -rf "$work"' EXIT
npm install --prefix "$work" --no-save --no-audit --no-fund --silent "bootstrap@$BOOTSTRAP" "purgecss@$PURGECSS"
crispy=$(.venv/bin/python -c 'import crispy_bootstrap5, os; print(os.path.dirname(crispy_bootstrap5.__file__))')

# Every word in the content counts as a class in use, so a class named in a template's {% if %} branch or in
# a form helper is kept too. Alert colours are built from message levels ("alert-{{ message.tags }}").
# tools/bootstrap-keep.txt holds words our pages use that no file read here spells on its own: "radio", as
# Django's RadioSelect writes type="radio" (the round shape and dot of .form-check-input[type=radio]).
"$work/node_modules/.bin/purgecss" \
  --css "$work/node_modules/bootstrap/dist/css/bootstrap.min.css" \
  --content "templates/**/*.html" "$crispy/templates/**/*.html" "advisor/**/*.py" tools/bootstrap-keep.txt \
  --safelist alert-success alert-info alert-warning alert-danger select textarea optgroup \
  --keyframes \
  --output "$work/out/"

# Without the source map comment: the map is not shipped.
sed -e 's#/\*\# sourceMappingURL=[^*]*\*/##' "$work/out/bootstrap.min.css" > static/vendor/bootstrap.min.css

# Every class and element name, and every attribute test (type=radio), the full stylesheet's selectors use,
# so tests/test_static.py can tell one our pages use but the trimmed stylesheet lacks from one that no
# stylesheet needs to style.
.venv/bin/python - "$work/node_modules/bootstrap/dist/css/bootstrap.min.css" <<'PY'
import re, sys
sys.path.insert(0, "tests")
from css_selectors import selector_attribute_tests, selector_classes, selector_elements
css = open(sys.argv[1], encoding="utf-8").read()
open("tools/bootstrap-classes.txt", "w").write("\n".join(sorted(selector_classes(css))) + "\n")
open("tools/bootstrap-elements.txt", "w").write("\n".join(sorted(selector_elements(css))) + "\n")
open("tools/bootstrap-attributes.txt", "w").write("\n".join(sorted(selector_attribute_tests(css))) + "\n")
PY
wc -c static/vendor/bootstrap.min.css tools/bootstrap-classes.txt tools/bootstrap-elements.txt tools/bootstrap-attributes.txt
