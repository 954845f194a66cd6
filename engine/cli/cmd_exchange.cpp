// lektion xliff|po export|import: translation exchange for a course or, with
// --ui, for the interface catalogs. Exports go to a file or standard output;
// imports check the whole file before writing anything, then, holding the
// course's (or the catalogs') import lock, merge unit by unit into
// translations/<lang>/ (swapped in whole) or locales/<lang>.xlf.
#include <cstdio>
#include <ctime>
#include <optional>

#include <fmt/format.h>

#include "base/terminal_text.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "exchange/catalog_folders.hpp"
#include "exchange/file_kind.hpp"
#include "exchange/import_lock.hpp"
#include "exchange/language_folder.hpp"
#include "exchange/merge.hpp"
#include "exchange/po.hpp"
#include "exchange/status.hpp"
#include "exchange/xliff.hpp"
#include "load/loader.hpp"
#include "load/translation.hpp"
#include "resources/paths.hpp"

namespace lektion::cli {

namespace fs = std::filesystem;

namespace {

enum class Format { xliff, po };

struct ExchangeOptions {
    std::string course_dir, file, lang, output, locales;
    bool ui = false, dry_run = false;
};

// Every line goes through say(): ids and file names come from files anyone
// may have written, and must not reach the terminal as escape sequences.
void print(const Diagnostics& diags) {
    for (const Diagnostic& d : diags.items) say(format(d));
}

int usage(const std::string& message) {
    say(fmt::format("lektion: {} (try --help)", message));
    return 2;
}

// A usage error: the file is for the other import.
int wrong_command(const ExchangeOptions& o, const char* what, const char* command) {
    say(fmt::format("lektion: {} is {}; use lektion {} import{}", o.file, what, command,
                    o.ui ? " --ui" : ""));
    return 2;
}

// Where an import writes the catalogs: the user's overlay, or --locales DIR.
fs::path locales_dir(const ExchangeOptions& o) { return catalog_folders(o.locales).user; }

std::optional<Source> load_source(const ExchangeOptions& o, Diagnostics& diags) {
    if (o.ui) return interface_source(catalog_folders(o.locales).shipped, diags);
    const LoadResult r = load_course(o.course_dir);
    diags.items.insert(diags.items.end(), r.diagnostics.items.begin(), r.diagnostics.items.end());
    if (!r.course) return std::nullopt;
    return course_source(*r.course);
}

// The spelling of `lang` the stored translations use already ("PL" -> "pl").
std::string stored_spelling(const ExchangeOptions& o, const std::string& lang) {
    std::vector<std::string> existing;
    if (o.ui) {
        existing = catalog_file_languages(catalog_folders(o.locales));
    } else {
        existing = course_languages(o.course_dir);
    }
    for (const std::string& e : existing)
        if (same_language(e, lang)) return e;
    return lang;
}

TranslationStore read_store(const ExchangeOptions& o, const std::string& lang, Diagnostics& diags) {
    return o.ui ? read_catalog_store(catalog_folders(o.locales), lang, diags)
                : read_course_store(o.course_dir, lang, diags);
}

std::string po_date() {
    std::time_t now = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch)
        now = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M+0000", &utc);
    return buf;
}

int run_export(ExchangeOptions o, Format format) {
    o.lang = normalize_language_tag(o.lang);
    if (!o.ui && o.course_dir.empty()) return usage("export needs COURSE_DIR, or --ui for the interface");
    if (o.ui && !o.course_dir.empty())
        return usage("--ui exports the interface catalogs; leave out COURSE_DIR");
    if (!valid_language_tag(o.lang))
        return usage(fmt::format("--lang '{}' is not a language tag such as pl", o.lang));
    const ProtectedPaths keep =
        o.ui ? protected_paths({}, {locales_dir(o), catalog_folders(o.locales).shipped})
             : protected_paths({}, {fs::path(o.course_dir)});
    if (const int refused = check_output(o.output, keep)) return refused;
    Diagnostics diags;
    const std::optional<Source> source = load_source(o, diags);
    if (!source) {
        print(diags);
        say("lektion: nothing exported; run lektion lint for the details");
        return 1;
    }
    if (same_language(o.lang, source->lang))
        return usage(
            fmt::format("'{}' is the source language; --lang names the language to translate into", o.lang));
    const TranslationStore store = read_store(o, stored_spelling(o, o.lang), diags);
    if (!store.readable) {
        print(diags);
        say(fmt::format("lektion: the stored {} translation cannot be read; nothing exported", o.lang));
        return 1;
    }
    const std::string text =
        format == Format::xliff ? export_xliff(*source, store) : export_po(*source, store, po_date());
    print(diags);
    if (const int failed = write_output(o.output, text, mode_shared, keep)) return failed;
    const Figures f = figures(*source, store);
    say(fmt::format("{}: {} units exported to {} ({} translated, {} stale, {} to translate)", store.lang,
                    f.units, to_standard_output(o.output) ? "standard output" : o.output, f.translated,
                    f.stale, f.missing));
    return 0;
}

std::string summary(const ImportCounts& c) {
    std::string s = fmt::format("{} new, {} changed, {} confirmed, {} unchanged", c.added, c.changed,
                                c.confirmed, c.unchanged);
    if (c.still_stale) s += fmt::format(", {} still to review", c.still_stale);
    if (c.untranslated) s += fmt::format(", {} left untranslated", c.untranslated);
    if (c.skipped) s += fmt::format(", {} skipped", c.skipped);
    if (c.refused) s += fmt::format(", {} refused", c.refused);
    return s;
}

// Refuses a stored translation that an import could only write through a
// symbolic link (or that is not a folder or file), and removes what an
// interrupted import left behind. "" or the refusal.
std::string prepare_store(const ExchangeOptions& o, const std::string& lang) {
    const std::string refused = o.ui ? check_catalog_file(locales_dir(o) / (lang + ".xlf"))
                                     : check_language_folder(o.course_dir, lang);
    if (!refused.empty() || o.dry_run) return refused;
    for (const std::string& line :
         o.ui ? clean_catalog_leftovers(locales_dir(o)) : clean_import_leftovers(o.course_dir))
        say(line);
    return {};
}

int run_import(ExchangeOptions o, Format format) {
    if (o.ui && o.file.empty()) std::swap(o.file, o.course_dir);  // "import --ui FILE"
    if (o.ui && !o.course_dir.empty())
        return usage("--ui imports into the interface catalogs; leave out COURSE_DIR");
    if (o.file.empty()) return usage("import needs COURSE_DIR and FILE, or --ui and FILE");
    // The other format's file: the command to use, not the other reader's complaint about it.
    const ExchangeKind kind = exchange_kind(o.file);
    if (format == Format::xliff && kind == ExchangeKind::po) return wrong_command(o, "a PO file", "po");
    if (format == Format::po && kind == ExchangeKind::xliff)
        return wrong_command(o, "an XLIFF file", "xliff");
    Diagnostics diags;
    const std::optional<Source> source = load_source(o, diags);
    if (!source) {
        print(diags);
        say("lektion: nothing imported; run lektion lint for the details");
        return 1;
    }
    const Domain domain = o.ui ? Domain::interface : Domain::course;
    const std::optional<Incoming> in = format == Format::xliff ? read_xliff_exchange(o.file, domain, diags)
                                                               : read_po_exchange(o.file, domain, diags);
    if (!in || !check_incoming_file(*source, *in, diags)) {
        print(diags);
        say(fmt::format("lektion: {} refused; nothing was written", o.file));
        return 1;
    }
    // From reading the stored translation to writing it back, no other
    // import into this course (or these catalogs) may run.
    fs::path lock_folder = o.ui ? locales_dir(o) : fs::path(o.course_dir);
    if (o.ui) {  // the user's overlay folder is made by the first import; a dry run makes nothing
        std::error_code ec;
        if (!o.dry_run) fs::create_directories(lock_folder, ec);
        else if (!fs::exists(lock_folder, ec)) lock_folder = catalog_folders(o.locales).shipped;
    }
    const ImportLock lock(lock_folder, [&] {
        say(fmt::format("lektion: another import into {} is under way; waiting for it to finish",
                        lock_folder.string()));
    });
    if (!lock.locked()) {
        say(fmt::format("lektion: {}; nothing was written", lock.error()));
        return 1;
    }
    const std::string lang = stored_spelling(o, normalize_language_tag(in->target_lang));
    if (const std::string refused = prepare_store(o, lang); !refused.empty()) {
        say("lektion: " + refused);
        return 1;
    }
    TranslationStore store = read_store(o, lang, diags);
    if (!store.readable) {
        print(diags);
        say(fmt::format("lektion: the stored {} translation cannot be read; nothing was written",
                        in->target_lang));
        return 1;
    }
    const ImportCounts counts = merge_incoming(*source, *in, store, diags);
    const bool to_write = store.has_changes();
    const std::vector<fs::path> written = o.dry_run ? std::vector<fs::path>() : write_store(store, diags);
    print(diags);
    if (!o.dry_run && to_write && written.empty()) {
        // The counts would describe what is not there: say only that.
        say(fmt::format("{}: nothing was stored; the stored translation is as it was", store.lang));
        return 1;
    }
    say(fmt::format("{}: {}", store.lang, summary(counts)));
    for (const fs::path& p : written) say("wrote " + p.generic_string());
    if (o.dry_run) say("dry run: nothing was written");
    else if (written.empty()) say("nothing was written: the stored translation has all of it");
    return diags.has_errors() ? 1 : 0;
}

Run add_exchange(CLI::App& app, Format format) {
    const bool xliff = format == Format::xliff;
    auto* cmd = app.add_subcommand(xliff ? "xliff" : "po",
                                   xliff ? "Export or import a translation as XLIFF 1.2 (CAT tools)"
                                         : "Export or import a translation as gettext PO (Poedit, Weblate)");
    cmd->require_subcommand(1);
    auto o = std::make_shared<ExchangeOptions>();
    const char* ui_help = "The interface catalogs instead of a course";
    const char* locales_help =
        "Folder of the interface catalogs, read and written (default: the program's own, with imports "
        "going to $XDG_DATA_HOME/lektion/locales/)";

    auto* exp = cmd->add_subcommand("export", "Write every unit with its translation, for one language");
    exp->add_option("COURSE_DIR", o->course_dir, "Course folder (holding course.xml)");
    exp->add_option("--lang", o->lang, "Language to translate into (BCP 47: pl, pt-BR)")->required();
    exp->add_option("-o,--output", o->output, "File to write (- or left out: standard output)");
    exp->add_flag("--ui", o->ui, ui_help);
    exp->add_option("--locales", o->locales, locales_help);

    auto* imp = cmd->add_subcommand("import", "Merge a translated file into the stored translation");
    imp->add_option("COURSE_DIR", o->course_dir, "Course folder (holding course.xml); left out with --ui");
    imp->add_option("FILE", o->file, xliff ? "Translated XLIFF file" : "Translated PO file");
    imp->add_flag("--ui", o->ui, ui_help);
    imp->add_option("--locales", o->locales, locales_help);
    imp->add_flag("-n,--dry-run", o->dry_run, "Check and report, write nothing");

    return [o, exp, format] {
        try {
            return exp->parsed() ? run_export(*o, format) : run_import(*o, format);
        } catch (const std::exception& e) {
            say(fmt::format("lektion: {}", e.what()));
            return 1;
        }
    };
}

}  // namespace

Run add_xliff(CLI::App& app) { return add_exchange(app, Format::xliff); }
Run add_po(CLI::App& app) { return add_exchange(app, Format::po); }

}  // namespace lektion::cli
