// lektion export html|scorm|pdf COURSE_DIR [--lang xx] -o OUT: the course for
// a browser, an LMS or paper. One sub-command per format of the registry in
// engine/export/; this file only parses, loads and reports.
#include <chrono>
#include <cstdio>

#include <fmt/format.h>

#include "base/terminal_text.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "export/format.hpp"
#include "l10n/language_tag.hpp"
#include "load/translation.hpp"

namespace lektion::cli {

namespace {

struct ExportOptions {
    std::string course_dir = default_course_dir();
    std::string lang, output, version, data_dir;
};

int usage(const std::string& message) {
    say(fmt::format("lektion: {} (try --help)", message));
    return 2;
}

int run(const web::Format& exporter, const ExportOptions& o) {
    if (o.output.empty() || o.output == "-") return usage(fmt::format("export {} needs -o", exporter.name()));
    web::ExportRequest request;
    request.output = o.output;
    request.keep = protected_paths(o.data_dir, {o.course_dir});
    if (std::string(exporter.name()) == "scorm") {
        if (o.version == "1.2") request.scorm = web::Scorm::v12;
        else if (o.version == "2004") request.scorm = web::Scorm::v2004;
        else return usage("export scorm needs --version 1.2 or --version 2004");
    }
    if (std::string why = exporter.check(request); !why.empty()) {
        say("lektion: " + why);
        return 2;
    }
    const std::string& lang = o.lang;
    const auto start = std::chrono::steady_clock::now();
    const LoadResult loaded = load_course(o.course_dir, lang);
    if (!loaded.course) {
        for (const Diagnostic& d : loaded.diagnostics.items) say(format(d));
        say(fmt::format("lektion: {} has errors; nothing exported (lektion lint shows them)", o.course_dir));
        return 1;
    }
    // A language the course lacks would silently export the source: refused.
    if (!lang.empty() && !same_language(lang, loaded.course->lang)) {
        bool known = false;
        for (const std::string& l : course_languages(o.course_dir)) known = known || same_language(l, lang);
        if (!known)
            return usage(fmt::format("the course has no '{}' translation (lektion status lists them)", lang));
    }
    for (const Diagnostic& d : loaded.diagnostics.items) say(format(d));
    request.lang = lang.empty() ? loaded.course->lang : lang;
    const web::ExportResult result = exporter.write(*loaded.course, request);
    if (!result.error.empty()) {
        say("lektion: " + result.error);
        return 1;
    }
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)
            .count();
    const std::string pages = result.pages > 0 ? fmt::format("{} pages, ", result.pages) : std::string();
    say(fmt::format("{}: {}{} files, {} KiB written to {} in {} ms", request.lang, pages, result.files,
                    (result.bytes + 1023) / 1024, o.output, ms));
    return 0;
}

}  // namespace

Run add_export(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "export", "Export a course: an accessible web site, a SCORM package, a PDF workbook");
    cmd->require_subcommand(1);
    auto o = std::make_shared<ExportOptions>();
    auto chosen = std::make_shared<const web::Format*>(nullptr);
    for (const auto& f : web::formats()) {
        auto* sub = cmd->add_subcommand(f->name(), f->summary());
        sub->add_option("COURSE_DIR", o->course_dir, "Course folder (default: the bundled course)")
            ->check(non_empty);
        sub->add_option("--lang", o->lang, "Language of the export (the course's own by default)")
            ->transform(language_tag);
        sub->add_option("-o,--output", o->output,
                        std::string(f->name()) == "html" ? "Folder to write" : "File to write")
            ->required();
        sub->add_option("--data-dir", o->data_dir, "Folder of the learner records (never written)")
            ->check(non_empty);
        if (std::string(f->name()) == "scorm")
            sub->add_option("--version", o->version, "SCORM version: 1.2 or 2004 (4th edition)")->required();
        const web::Format* format = f.get();
        sub->callback([chosen, format] { *chosen = format; });
    }
    return [o, chosen] { return *chosen ? run(**chosen, *o) : 2; };
}

}  // namespace lektion::cli
