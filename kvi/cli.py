"""The one command-line entry point: `python -m kvi <verb>`."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from kvi.problems import BuildFailed

# `kvi new <name> <id>` appends an entry to data/<kind>.yml.
NEW_ENTRY_KINDS = {"offer": "offers", "event": "events"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kvi", description="Build and check the website Kinder von Inhaftierten NRW.")
    parser.add_argument("--root", type=Path, default=None, help="project folder (default: this checkout)")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    check = verbs.add_parser("check", help="validate content and data; print every problem, build nothing")
    check.set_defaults(run=_check)

    build = verbs.add_parser("build", help="build every language into a folder (default: site/)")
    build.add_argument("--out", type=Path, default=Path("site"), help="output folder (default: site)")
    build.add_argument("--publish", action="store_true",
                       help="build for publication: refuse while required operator data (data/operator.yml) is missing; "
                       "includes the PDFs")
    build.add_argument("--pdf", action="store_true",
                       help="also make the PDFs of leaflets and visit cards (needs Chromium; cached, so only changed pages cost time)")
    _add_site_options(build)
    build.set_defaults(run=_build)

    serve = verbs.add_parser("serve", help="build and serve on http://127.0.0.1:8000, rebuilding on change")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=_serve)

    bench = verbs.add_parser("bench", help="build from scratch and print timings, page weights and search bytes")
    bench.set_defaults(run=_bench)

    report = verbs.add_parser("translations", help="list each page's translation status per language "
                              "(current, outdated, missing, orphaned, untranslated; reviewed or not)")
    report.add_argument("--fail", action="store_true",
                        help="exit with 1 when a translation is outdated, orphaned or still untranslated")
    report.add_argument("--data", action="store_true",
                        help="instead of pages: each translatable text field of data/ that is missing or outdated "
                        "per language, with the German text's source_hash")
    report.add_argument("--lang", action="append", metavar="CODE",
                        help="with --data: only this language (repeatable; default: every language except German "
                        "and Leichte Sprache)")
    report.set_defaults(run=_translations)

    prisons = verbs.add_parser("prisons", help="list which facts families need are still unknown per prison")
    prisons.add_argument("--fail", action="store_true",
                         help="exit with 1 when a prison that is not closed has no booking information")
    prisons.set_defaults(run=_prisons)

    lighthouse = verbs.add_parser("lighthouse", help="build, serve with gzip and print Lighthouse scores (needs make lighthouse)")
    lighthouse.set_defaults(run=_lighthouse)

    csp = verbs.add_parser("csp", help="print the Content-Security-Policy header value a built site satisfies")
    csp.add_argument("--site", type=Path, default=Path("site"), help="built site folder (default: site)")
    csp.set_defaults(run=_csp)

    yaml_files = verbs.add_parser("yaml", help="check YAML files (syntax, duplicate keys; data files also "
                                  "against their schema), e.g. the changed ones before a commit")
    yaml_files.add_argument("files", nargs="+", type=Path)
    yaml_files.set_defaults(run=_yaml)

    links = verbs.add_parser("links", help="check the external links of a built site (goes on the internet; reports only)")
    links.add_argument("--site", type=Path, default=Path("site"), help="built site folder (default: site)")
    links.add_argument("--strict", action="store_true", help="exit with 1 when an address is not reachable")
    links.set_defaults(run=_links)

    review = verbs.add_parser("review", help="list data entries overdue for a check or due within 30 days, "
                              "and count those never confirmed")
    review.add_argument("--fail", action="store_true", help="exit with 1 when an entry is overdue for a check")
    review.add_argument("--today", type=datetime.date.fromisoformat,
                        help="date the report counts from, YYYY-MM-DD (default: today)")
    review.set_defaults(run=_review)

    confirm = verbs.add_parser("confirm", help="write a letter to each prison and offer provider listing what the "
                               "site publishes about them (or, with --report, who was asked and who answered)")
    confirm.add_argument("--base-url", help="address the site is published at; the letters link its pages "
                         "(default: site_url in mkdocs.yml)")
    confirm.add_argument("--out", type=Path, default=Path(".build/confirm"),
                         help="folder for the letters (default: .build/confirm)")
    confirm.add_argument("--report", action="store_true",
                         help="list the confirmation log (data/confirmations.yml) instead of writing letters")
    confirm.set_defaults(run=_confirm)

    new = verbs.add_parser("new", help="start a new data entry or translation to fill in (never overwrites)")
    what = new.add_subparsers(dest="what", required=True, metavar="WHAT")
    for name, kind in NEW_ENTRY_KINDS.items():
        entry = what.add_parser(name, help=f"append a new entry to data/{kind}.yml, every field described")
        entry.add_argument("id", help="the new entry's id: lower-case letters, digits and hyphens")
        entry.set_defaults(run=_new_entry, kind=kind)
    translation = what.add_parser("translation", help="create content/<lang>/<page> from the German page")
    translation.add_argument("lang", help="language code, e.g. en (see i18n/languages.yml)")
    translation.add_argument("page", help="page path below content/de/, e.g. familie/besuch.md")
    translation.set_defaults(run=_new_translation)

    args = parser.parse_args(argv)
    from kvi.build import ROOT

    args.root = (args.root or ROOT).resolve()
    try:
        return args.run(args)
    except BuildFailed as failure:
        print(failure.report(), file=sys.stderr)
        return 1


def _add_site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base-url", help="address the site is published at, e.g. https://example.org/kvi/ "
                        "(default: site_url in mkdocs.yml)")
    parser.add_argument("--build-date", type=datetime.date.fromisoformat,
                        help="date the build counts as made, YYYY-MM-DD (default: today); same inputs and date give the same bytes")


def _check(args: argparse.Namespace) -> int:
    from kvi.build import load_inputs

    inputs = load_inputs(args.root)
    for warning in inputs.warnings:
        print(f"warning: {warning}")
    if inputs.warnings:
        print(f"{len(inputs.warnings)} warnings on easy-read pages (likely rule breaks; they do not stop the build).")
    print(f"No problems: {len(inputs.rendered)} pages in {len(inputs.languages)} languages.")
    return 0


def _build(args: argparse.Namespace) -> int:
    from kvi.build import build

    result = build(args.out.resolve(), args.base_url, args.build_date, root=args.root,
                   for_publication=args.publish, with_pdfs=args.pdf)
    total = sum(result.pages_per_language.values())
    print(f"Built {total} pages in {len(result.pages_per_language)} languages into {args.out}/ "
          f"in {sum(result.seconds.values()):.1f} s.")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from kvi.serve import serve

    return serve(args.port)


def _bench(args: argparse.Namespace) -> int:
    from kvi.bench import run

    return run()


def _translations(args: argparse.Namespace) -> int:
    if not args.data:
        from kvi.translation_status import print_report

        return print_report(args.root, fail=args.fail)
    from kvi import data_translations
    from kvi.languages import load_languages
    from kvi.model import load
    from kvi.problems import fail_if

    model, problems = load(args.root)
    fail_if(problems)
    langs = args.lang or [lang.code for lang in load_languages(args.root)[1:] if not lang.easy_read]
    return data_translations.print_report(model, langs, fail=args.fail)


def _prisons(args: argparse.Namespace) -> int:
    from kvi.model import load
    from kvi.problems import fail_if
    from kvi.reports import print_prison_report

    model, problems = load(args.root)
    fail_if(problems)
    return print_prison_report(model, fail=args.fail)


def _lighthouse(args: argparse.Namespace) -> int:
    from kvi.lighthouse import run

    return run(args.root)


def _csp(args: argparse.Namespace) -> int:
    from kvi.csp import policy

    print(policy(args.site))
    return 0


def _yaml(args: argparse.Namespace) -> int:
    from kvi import languages, validate, yaml_source
    from kvi.problems import fail_if, relative

    problems = []
    for path in args.files:
        path = path.resolve()
        file = relative(path, args.root)
        data, found = yaml_source.load(path, file)
        schema = validate.SCHEMA_DIR / f"{path.stem}.schema.json"
        if not found and path.parent == args.root / "data" and schema.exists():
            found = validate.check(data, path.stem, file)
        elif not found and file == languages.FILE:
            found = languages.check_languages(data, file)
        problems += found
    fail_if(problems)
    print(f"No problems in {len(args.files)} YAML file(s).")
    return 0


def _links(args: argparse.Namespace) -> int:
    from kvi.build import default_base_url
    from kvi.links import report

    return report(args.site, default_base_url(args.root), args.strict)


def _review(args: argparse.Namespace) -> int:
    from kvi.model import load
    from kvi.problems import fail_if
    from kvi.review import print_report

    model, problems = load(args.root)
    fail_if(problems)
    return print_report(model, args.today or datetime.date.today(), fail=args.fail)


def _confirm(args: argparse.Namespace) -> int:
    from kvi import confirm_letters, confirmations, engine
    from kvi.model import load
    from kvi.problems import fail_if

    model, problems = load(args.root)
    fail_if(problems)
    made = confirm_letters.letters(model, args.base_url or engine.published_url(args.root))
    if args.report:
        print(confirmations.report(model.kinds, [entry.key for letter in made for entry in letter.entries]))
        return 0
    out = args.out if args.out.is_absolute() else args.root / args.out
    confirm_letters.write(model, args.base_url or engine.published_url(args.root), out)
    print(f"{len(made)} letters in {out} (overview: versand.tsv). After sending, record each request in "
          "data/confirmations.yml as its header describes.")
    return 0


def _new_entry(args: argparse.Namespace) -> int:
    from kvi.scaffold import new_entry

    return _scaffold(lambda: new_entry(args.root, args.kind, args.id), lambda created: (
        f"Neuer Eintrag angelegt: {created.file}:{created.line} ({args.kind}/{args.id})",
        [f"Pflichtfelder ausfüllen: {', '.join(created.to_fill)}",
         "optionale Felder, die die Quelle nennt, einkommentieren ('# ' entfernen) und ausfüllen; die übrigen löschen",
         "source_date: Datum der Quelle (leer lassen, wenn sie keins nennt); last_checked bleibt leer "
         "und status to_confirm, bis jemand die Angaben beim Anbieter bestätigt hat",
         "python -m kvi check – nennt jedes noch leere Pflichtfeld mit Zeile"]))


def _new_translation(args: argparse.Namespace) -> int:
    from kvi.scaffold import new_translation
    from kvi.translation_status import UNTRANSLATED_MARK

    return _scaffold(lambda: new_translation(args.root, args.lang, args.page), lambda created: (
        f"Übersetzung angelegt: {created.file} (Ausgangspunkt: der deutsche Text)",
        [f"description übersetzen und {UNTRANSLATED_MARK} davor entfernen",
         "den Text übersetzen; Verweise wie {{ helplines.… }} und Links auf .md-Seiten bleiben, wie sie sind",
         "reviewed: true erst, wenn eine Muttersprachlerin oder ein Muttersprachler geprüft hat (dazu reviewed_by)",
         "python -m kvi translations – bis dahin steht die Seite dort als 'untranslated'; dann python -m kvi check"]))


def _scaffold(create, describe) -> int:
    """Run a kvi new command: say what was created and what to do next, or why nothing was."""
    from kvi.scaffold import ScaffoldRefused

    try:
        created = create()
    except ScaffoldRefused as refusal:
        print(f"{refusal}\nNichts wurde angelegt.", file=sys.stderr)
        return 1
    headline, steps = describe(created)
    print(headline)
    print("Als Nächstes:")
    for number, step in enumerate(steps, 1):
        print(f"  {number}. {step}")
    return 0
