// lektion status [COURSE_DIR]: how far each translation is, for the course
// and for the interface; with --require LANG=PERCENT a gate for CI.
#include <algorithm>
#include <cstdio>
#include <optional>

#include <fmt/format.h>

#include "base/terminal_text.hpp"
#include "cli/commands.hpp"
#include "cli/plural.hpp"
#include "exchange/catalog_folders.hpp"
#include "exchange/status.hpp"
#include "load/loader.hpp"
#include "load/translation.hpp"
#include "resources/paths.hpp"

namespace lektion::cli {

namespace fs = std::filesystem;

namespace {

struct Requirement {
    std::string lang;
    double percent = 0;
};

std::optional<Requirement> parse_requirement(const std::string& s) {
    const std::size_t eq = s.find('=');
    if (eq == std::string::npos) return std::nullopt;
    Requirement r{s.substr(0, eq), 0};
    std::string number = s.substr(eq + 1);
    if (!number.empty() && number.back() == '%') number.pop_back();
    char* end = nullptr;
    r.percent = std::strtod(number.c_str(), &end);
    if (number.empty() || *end != '\0' || !(r.percent >= 0 && r.percent <= 100) ||
        !valid_language_tag(r.lang))
        return std::nullopt;
    return r;
}

struct Row {
    std::string lang;
    Figures f;
};

void print_table(const std::string& title, const Source& source, const std::vector<Row>& rows) {
    int words = 0;
    for (const SourceUnit& u : source.units) words += u.words;
    // The course id and language come from course.xml: shown, never obeyed.
    std::printf("%s, source %s: %s, %s\n", terminal_safe(title).c_str(), terminal_safe(source.lang).c_str(),
                counted(static_cast<long long>(source.units.size()), "unit", "units").c_str(),
                counted(words, "word", "words").c_str());
    if (rows.empty()) {
        std::printf("  no translations yet\n\n");
        return;
    }
    std::printf("  %-9s %17s %6s %8s   %17s %7s %8s\n", "language", "units translated", "stale", "missing",
                "words translated", "stale", "missing");
    for (const Row& r : rows) {
        const std::string units = fmt::format("{} {:5.1f} %", r.f.translated, r.f.percent());
        const std::string w = fmt::format("{} {:5.1f} %", r.f.words_translated, r.f.words_percent());
        std::printf("  %-9s %17s %6d %8d   %17s %7d %8d\n", terminal_safe(r.lang).c_str(), units.c_str(),
                    r.f.stale, r.f.missing, w.c_str(), r.f.words_stale, r.f.words_missing);
    }
    std::printf("\n");
}

std::vector<std::string> catalog_languages(const CatalogFolders& folders, const std::string& source_lang) {
    std::vector<std::string> out;
    for (const std::string& l : catalog_file_languages(folders))
        if (!same_language(l, source_lang)) out.push_back(l);
    return out;
}

void add_required(std::vector<std::string>& langs, const std::vector<Requirement>& required,
                  const std::string& source_lang) {
    for (const Requirement& r : required) {
        const bool listed =
            std::any_of(langs.begin(), langs.end(), [&](auto& l) { return same_language(l, r.lang); });
        if (!listed && !same_language(r.lang, source_lang)) langs.push_back(r.lang);
    }
}

// The figure of `lang` in `rows`: 100 for the source language, 0 when it has no row.
double percent_of(const std::vector<Row>& rows, const std::string& lang, const std::string& source_lang) {
    if (same_language(lang, source_lang)) return 100.0;
    for (const Row& r : rows)
        if (same_language(r.lang, lang)) return r.f.percent();
    return 0.0;
}

}  // namespace

Run add_status(CLI::App& app) {
    auto* cmd = app.add_subcommand("status", "How far each translation is, for the course and the interface");
    auto dir = std::make_shared<std::string>(default_course_dir());
    auto locales = std::make_shared<std::string>();
    auto required = std::make_shared<std::vector<std::string>>();
    cmd->add_option("COURSE_DIR", *dir, "Course folder (default: the bundled course)");
    cmd->add_option(
           "--require", *required,
           "LANG=PERCENT: exit 1 unless LANG has at least PERCENT % of its units translated and up to "
           "date, in the course and in the interface (repeatable)")
        ->allow_extra_args(false)  // one LANG=PERCENT per --require, so COURSE_DIR may follow
        ->check([](const std::string& s) {
            return parse_requirement(s) ? std::string() : "expected LANG=PERCENT, such as pl=95, not " + s;
        });
    cmd->add_option(
        "--locales", *locales,
        "Folder of the interface catalogs (default: the program's own, with the user's imports over them)");
    return [dir, locales, required] {
        std::vector<Requirement> reqs;
        for (const std::string& s : *required) reqs.push_back(*parse_requirement(s));

        Diagnostics diags;
        const LoadResult r = load_course(*dir);
        if (!r.course) {
            for (const Diagnostic& d : r.diagnostics.items) say(format(d));
            say(fmt::format("lektion: {} does not load; run lektion lint for the details", *dir));
            return 1;
        }
        const Source course = course_source(*r.course);
        std::vector<std::string> course_langs;
        for (const std::string& l : course_languages(*dir))
            if (valid_language_tag(l) && !same_language(l, course.lang)) course_langs.push_back(l);
        add_required(course_langs, reqs, course.lang);
        std::vector<Row> course_rows;
        for (const std::string& l : course_langs)
            course_rows.push_back({l, figures(course, read_course_store(*dir, l, diags))});
        print_table(fmt::format("Course {}", course.project), course, course_rows);

        // The catalogs as the player shows them: the user's imports over the shipped ones.
        CatalogFolders folders{resource_dir("locales"), resource_dir("locales")};
        try {
            folders = catalog_folders(*locales);
        } catch (const std::runtime_error&) {  // no home folder: the shipped catalogs alone
        }
        const std::optional<Source> ui = interface_source(folders.shipped, diags);
        std::vector<Row> ui_rows;
        if (ui) {
            std::vector<std::string> ui_langs = catalog_languages(folders, ui->lang);
            add_required(ui_langs, reqs, ui->lang);
            for (const std::string& l : ui_langs)
                ui_rows.push_back({l, figures(*ui, read_catalog_store(folders, l, diags))});
            print_table("Interface", *ui, ui_rows);
        }
        for (const Diagnostic& d : diags.items) say(format(d));

        int failed = 0;
        for (const Requirement& req : reqs) {
            const double in_course = percent_of(course_rows, req.lang, course.lang);
            const double in_ui = ui ? percent_of(ui_rows, req.lang, ui->lang) : 0.0;
            for (auto [what, got] : {std::pair{"the course", in_course}, {"the interface", in_ui}}) {
                if (got + 1e-9 >= req.percent) continue;
                std::fprintf(stderr, "lektion: %s is %.1f %% translated in %s, below the %g %% required\n",
                             req.lang.c_str(), got, what, req.percent);
                ++failed;
            }
        }
        return failed > 0 || diags.has_errors() ? 1 : 0;
    };
}

}  // namespace lektion::cli
