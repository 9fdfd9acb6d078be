#!/usr/bin/env bash
# Usage: check_translations.sh LUPDATE SOURCE_DIR
# Runs lupdate over a copy of translations/*.ts (the repository's files are left alone) and fails,
# listing them, when a message of either file is unfinished, missing (a tr() string lupdate had to
# add) or vanished (a message whose string is no longer in the sources).
set -euo pipefail
if [ $# -ne 2 ]; then
    echo "usage: $0 LUPDATE SOURCE_DIR" >&2
    exit 2
fi
lupdate=$1
source_dir=$2
python=${PYTHON:-python3}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$source_dir/translations/socketlab_fr.ts" "$source_dir/translations/socketlab_en.ts" "$work/"

# The same commands as translations/CMakeLists.txt gives, on the copies: English keeps only the
# messages with plural forms.
cd "$source_dir"
"$lupdate" -silent -no-obsolete -locations none app core ui -ts "$work/socketlab_fr.ts"
"$lupdate" -silent -no-obsolete -pluralonly -locations none app core ui -ts "$work/socketlab_en.ts"

"$python" - "$source_dir/translations" "$work" <<'PY'
import sys
import xml.etree.ElementTree as ET

def messages(path):
    found = {}
    for context in ET.parse(path).getroot().iter('context'):
        name = context.findtext('name')
        for message in context.iter('message'):
            key = (name, message.findtext('source'), message.findtext('comment') or '')
            found[key] = message
    return found

def unfinished(message):
    translation = message.find('translation')
    if translation is None or translation.get('type') in ('unfinished', 'vanished', 'obsolete'):
        return True
    if message.get('numerus') == 'yes':
        forms = translation.findall('numerusform')
        return not forms or any(not (form.text or '').strip() for form in forms)
    return not (translation.text or '').strip()

def show(key):
    context, source, comment = key
    return '  [%s] %r%s' % (context, source, ' (%s)' % comment if comment else '')

repo_dir, work_dir = sys.argv[1], sys.argv[2]
failed = False
for name in ('socketlab_fr.ts', 'socketlab_en.ts'):
    before = messages('%s/%s' % (repo_dir, name))
    after = messages('%s/%s' % (work_dir, name))
    problems = {
        'missing (in the sources, not in the file)': sorted(set(after) - set(before)),
        'vanished (in the file, no longer in the sources)': sorted(set(before) - set(after)),
        'unfinished': sorted(key for key in set(after) & set(before) if unfinished(before[key])),
    }
    for what, keys in problems.items():
        if keys:
            failed = True
            print('%s: %d message(s) %s:' % (name, len(keys), what))
            for key in keys:
                print(show(key))
    if not any(problems.values()):
        print('%s: %d message(s), all translated' % (name, len(after)))
if failed:
    print('Run the lupdate commands of translations/CMakeLists.txt and translate what is listed.')
sys.exit(1 if failed else 0)
PY
