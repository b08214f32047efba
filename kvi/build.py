"""The whole build, in one direction: load → render → MkDocs per language → Pagefind → swap."""

from __future__ import annotations

import datetime
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from kvi import (
    citations,
    data_translations,
    easy_read,
    editors_report,
    engine,
    navigation,
    pages,
    parity,
    pdf,
    publish,
    render,
    search,
    short_links,
    source_kinds,
    validate,
)
from kvi import model as data_model
from kvi.engine import LanguageBuild
from kvi.languages import Language, load_languages, load_ui_strings
from kvi.pages import Page
from kvi.problems import Problem, fail_if

ROOT = Path(__file__).resolve().parent.parent
# What editors change (and the theme): a copy of these is a project of its own, for tests and
# measurements that edit it. Templates of data pages and schemas are read from ROOT.
EDITABLE = ["content", "data", "i18n", "overrides", "schemas", "mkdocs.yml"]


@dataclass
class BuildResult:
    site_dir: Path
    pages_per_language: dict[str, int]
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class Sources:
    """Everything read from the editors' folders, checked: what rendering starts from."""

    root: Path
    languages: list[Language]
    model: data_model.Model
    ui: dict[str, dict[str, str]]
    nav: list
    trees: dict[str, dict[str, Page]]  # language code → page path → page
    printables: list[short_links.Printable]
    data_paths: set[str]  # pages made from data
    warnings: list[Problem] = field(default_factory=list)  # likely rule breaks: reported, not fatal


@dataclass
class Inputs(Sources):
    """The sources and their pages rendered to Markdown in every language."""

    rendered: list[render.RenderedPage] = field(default_factory=list)


def load_inputs(root: Path = ROOT, build_date: datetime.date | None = None, base_url: str | None = None) -> Inputs:
    """Read, check and render all content and data; raise BuildFailed listing every problem."""
    sources = load(root)
    return Inputs(**sources.__dict__, rendered=render_pages(sources, build_date, base_url))


def load(root: Path = ROOT) -> Sources:
    """Read and check all content and data; raise BuildFailed listing every problem."""
    languages = load_languages(root)
    problems: list[Problem] = []
    model, found = data_model.load(root)
    problems += found or source_kinds.check(model) + data_translations.check(model)
    ui, found = load_ui_strings(root, languages)
    problems += found
    trees = {}
    for language in languages:
        trees[language.code], found = pages.load_tree(root, language.code)
        problems += found
    problems += citations.check(trees)
    problems += parity.check(trees, languages)
    findings = easy_read.check(trees, languages, model, root)
    problems += easy_read.errors(findings)
    # Rendering relies on valid pages and data: report what is wrong with them first.
    fail_if(problems)
    nav, found = navigation.load(root)
    data_paths = render.data_paths(model)
    fail_if(found or navigation.check(nav, trees[languages[0].code], data_paths, set(ui[languages[0].code])))
    fail_if(pages.check_links(trees, set(trees[languages[0].code]) | data_paths))
    printables = short_links.printables(trees, model, languages)
    fail_if(short_links.check(printables, model, set(trees[languages[0].code]) | data_paths))
    return Sources(root, languages, model, ui, nav, trees, printables, data_paths, easy_read.warnings(findings))


def render_pages(sources: Sources, build_date: datetime.date | None = None, base_url: str | None = None,
                 targets: list[Language] | None = None) -> list[render.RenderedPage]:
    """Every page as Markdown in the target languages (default: all); raise BuildFailed on a problem."""
    base_url = _with_slash(base_url or default_base_url(sources.root))
    build_date = build_date or _today()
    editors = editors_report.gather(sources.languages, sources.trees, sources.model, build_date)
    rendered, found = render.render_all(sources.languages, sources.trees, sources.model, sources.ui, build_date,
                                        base_url, sources.printables, editors, targets)
    fail_if(found)
    return rendered


def copy_project(target: Path) -> Path:
    """The editable parts of the project, copied so they can be changed freely."""
    target.mkdir(parents=True, exist_ok=True)
    for name in EDITABLE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copyfile(source, target / name)
    return target


def default_base_url(root: Path = ROOT) -> str:
    return engine.published_url(root)


def publication_problems(model: data_model.Model) -> list[Problem]:
    """What the operator still has to provide before the site may be published."""
    problems = []
    for kind, records in model.kinds.items():
        for name in validate.required_for_publication(kind):
            for record in records.values():
                if record.fields.get(name) in (None, ""):
                    problems.append(Problem(record.file, record.fields.line_of(name), name,
                                            "required for publication, still empty"))
    return problems


def build(out_dir: Path, base_url: str | None = None, build_date: datetime.date | None = None,
          root: Path = ROOT, for_publication: bool = False, with_pdfs: bool = False,
          work: Path | None = None) -> BuildResult:
    """Build every language into out_dir; on any problem out_dir stays as it was.

    A build for publication also refuses to run while operator data is missing, and always
    makes the PDFs; other builds make them when asked (they need Chromium). work holds the
    rendered Markdown and configs (default root/.build); the PDF cache stays in root/.build,
    so builds in other work folders share it."""
    base_url = _with_slash(base_url or default_base_url(root))
    build_date = build_date or _today()
    with_pdfs = with_pdfs or for_publication
    clock = time.perf_counter()
    inputs = load_inputs(root, build_date, base_url)
    if for_publication:
        fail_if(publication_problems(inputs.model))
    work = work or root / ".build"
    render.write_trees(root, inputs.rendered, inputs.languages, work / "docs", inputs.model, build_date)
    seconds = {"render": time.perf_counter() - clock}

    clock = time.perf_counter()
    staging = publish.staging_dir(out_dir)
    try:
        parts = staging / ".parts"
        builds = [language_build(inputs, language, base_url, work / "docs", parts / language.code, inputs.rendered)
                  for language in inputs.languages]
        epoch = int(datetime.datetime.combine(build_date, datetime.time(), datetime.UTC).timestamp())
        fail_if(engine.build_all(root, builds, work / "config", epoch))
        _assemble(parts, staging, inputs.languages)
        engine.after_build(staging, [language.prefix for language in inputs.languages], base_url)
        titles = {(page.lang, page.path): render.title_of(page.text) for page in inputs.rendered}
        short_links.write(short_links.forwarding_pages(inputs.printables, inputs.model, inputs.languages,
                                                       base_url, inputs.ui, titles), staging)
        seconds["mkdocs"] = time.perf_counter() - clock

        if with_pdfs:
            clock = time.perf_counter()
            sizes = pdf.make_all(staging, _pdf_jobs(inputs), base_url, root / ".build" / "pdf-cache", build_date)
            pdf.link_all(staging, sizes)
            seconds["pdf"] = time.perf_counter() - clock

        clock = time.perf_counter()
        fail_if(search.index(staging))
        seconds["pagefind"] = time.perf_counter() - clock
    except BaseException:
        publish.discard(staging)
        raise
    publish.swap(staging, out_dir)
    counts = {language.code: sum(1 for page in inputs.rendered if page.lang == language.code)
              for language in inputs.languages}
    return BuildResult(out_dir, counts, seconds)


def language_build(sources: Sources, language: Language, base_url: str, docs: Path, site: Path,
                   rendered: list[render.RenderedPage]) -> LanguageBuild:
    """What the engine needs to build one language: its settings, and which file each of its
    rendered pages came from (for messages)."""
    ui = sources.ui[language.code]
    extra = {
        "language": language.__dict__,
        "languages": [{**other.__dict__, "prefix": other.prefix} for other in sources.languages],
        # From a page of this language back to the site root, where the search bundle lives.
        "root": "../" if language.prefix else "",
        "base_url": base_url,
        "ui": ui,
        **render.template_facts(sources.model, language),
    }
    config = engine.language_config(sources.root, language, base_url, docs / language.code, site,
                                    engine.menu(sources.nav, ui), extra)
    return LanguageBuild(language, config, render.sources(rendered, language.code))


def _pdf_jobs(inputs: Inputs) -> list[pdf.Job]:
    """One PDF per printed page and language it exists in."""
    languages = {language.code: language for language in inputs.languages}
    return [pdf.Job(item.address.url_in(languages[lang]), item.pdf(lang), lang)
            for item in inputs.printables for lang in item.languages]


def _assemble(parts: Path, staging: Path, languages: list[Language]) -> None:
    """German at the root, every other language in its own folder."""
    for language in languages:
        target = staging / language.prefix
        target.mkdir(parents=True, exist_ok=True)
        for item in (parts / language.code).iterdir():
            item.rename(target / item.name)
    shutil.rmtree(parts)


def _today() -> datetime.date:
    return datetime.datetime.now(datetime.UTC).date()


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"
