// lektion records export|verify|delete|list and lektion report: learner
// records for trainers, and each learner's right to their data and to erasure.
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "course/loader.hpp"
#include "course/xml_file.hpp"
#include "records/csv.hpp"
#include "records/full_export.hpp"
#include "records/names.hpp"
#include "records/printable.hpp"
#include "records/report.hpp"
#include "records/report_text.hpp"
#include "records/store.hpp"
#include "records/xapi.hpp"

namespace lektion::cli {

namespace {

// An xAPI export of a large organisation's records is tens of MiB; verify
// reads no more than this, so a device or a runaway file cannot fill memory.
constexpr std::size_t max_verify_bytes = std::size_t{256} << 20;

// A learner name refused on the command line: a usage error (exit 2).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Options {
    std::string data_dir;
    std::string format = "csv";
    std::string course;
    std::string learner;
    std::string output;
    std::string file;

    std::string home_page = default_home_page;
    std::string activity_base = default_activity_base;
};

void add_data_dir(CLI::App* cmd, Options& o) {
    cmd->add_option("--data-dir", o.data_dir,
                    "Records folder (default: $LEKTION_DATA_DIR, else $XDG_DATA_HOME/lektion, "
                    "else ~/.local/share/lektion)")
        ->check(non_empty);
}

// xAPI wants an IRI: a scheme, a colon, and no spaces.
const CLI::Validator iri_check(
    [](const std::string& s) -> std::string {
        const auto colon = s.find(':');
        const bool ok = colon != std::string::npos && colon > 0 &&
                        std::isalpha(static_cast<unsigned char>(s[0])) &&
                        s.find_first_of(" \t\r\n\"<>") == std::string::npos && colon + 1 < s.size();
        return ok ? std::string() : "must be an absolute IRI such as https://example.org/learners";
    },
    "IRI");

// Loads the course, or says why not; nullptr then.
CoursePtr load(const std::string& dir) {
    LoadResult r = load_course(dir);
    if (!r.course)
        std::fprintf(stderr, "lektion: %s does not load (%d errors); run lektion lint %s for details\n",
                     printable(dir).c_str(), r.diagnostics.error_count(), printable(dir).c_str());
    return r.course;
}

// The learner of --learner NAME. A name today's rules refuse is a usage
// error, unless an older lektion stored it: that learner can still be
// exported and erased.
Learner learner_named(const Store& store, const std::string& name) {
    if (auto l = store.find_learner(name)) return *l;
    try {
        tidy_name(name);
    } catch (const RecordsError& e) {
        throw UsageError(std::string("--learner: ") + e.what());
    }
    throw RecordsError(fmt::format("{}: no learner named \"{}\"", store.path().string(), name));
}

int run_export(const Options& o) {
    std::vector<std::filesystem::path> course_dirs;
    if (!o.course.empty()) course_dirs.push_back(o.course);
    const ProtectedPaths keep = protected_paths(o.data_dir, course_dirs);
    if (const int refused = check_output(o.output, keep)) return refused;
    CoursePtr course;
    if (!o.course.empty() && !(course = load(o.course))) return 1;
    Store store(data_dir(o.data_dir), Store::Access::read);
    ExportScope scope;
    scope.course = course.get();
    if (!o.learner.empty()) scope.learner = learner_named(store, o.learner).id;
    std::string text;
    if (o.format == "csv") {
        std::ostringstream out;
        write_csv(out, store, scope);
        text = out.str();
    } else if (o.format == "xapi") {
        text = xapi_export(store, scope, {o.home_page, o.activity_base});
    } else {
        text = json_export(store, scope);
    }
    return write_output(o.output, text, mode_personal, keep);
}

// The file to verify, read whole but never past max_verify_bytes, and only a
// regular file: /dev/zero or a FIFO would otherwise be read forever.
std::string read_statements(const std::string& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        throw RecordsError(
            fmt::format("{}: not a regular file (a folder, a device or a pipe); nothing read", file));
    if (::stat(file.c_str(), &st) == 0 && static_cast<std::uintmax_t>(st.st_size) > max_verify_bytes)
        throw RecordsError(fmt::format("{}: larger than the limit of {} MiB for an export; nothing read",
                                       file, max_verify_bytes >> 20));
    std::string error;
    std::optional<std::string> text = read_bounded(file, max_verify_bytes, error);
    if (!text) throw RecordsError(fmt::format("{}: {}", file, error));
    return std::move(*text);
}

int run_verify(const Options& o) {
    const std::string text = read_statements(o.file);
    const ChainCheck c = verify_xapi_chain(text);
    if (c.intact) {
        std::printf("%s\n", c.message.c_str());
        return 0;
    }
    const std::string where = c.line > 0 ? fmt::format("{}:{}:{}", o.file, c.line, c.column) : o.file;
    std::fprintf(stderr, "lektion: %s\n", printable(where + ": " + c.message).c_str());
    return 1;
}

int run_delete(const Options& o) {
    Store store(data_dir(o.data_dir), Store::Access::update);
    const Learner l = learner_named(store, o.learner);
    const std::size_t events = store.events(l.id).size();
    store.delete_learner(l.id);
    std::printf("erased %s: %zu events, settings and registrations; %s compacted\n",
                printable(l.name).c_str(), events, printable(store.path().string()).c_str());
    return 0;
}

int run_list(const Options& o) {
    Store store(data_dir(o.data_dir), Store::Access::read);
    const std::vector<Learner> learners = store.learners();
    for (const Learner& l : learners) {
        std::string courses;
        for (const std::string& c : store.courses(l.id)) {
            const auto st = store.state(l.id, c);
            courses += fmt::format("{}{} {}{}", courses.empty() ? "" : ", ", printable(c),
                                   st ? printable(st->course_version) : std::string("?"),
                                   st && st->course_complete ? " (complete)" : "");
        }
        // Names are checked when stored, but an older lektion (or a hand edit)
        // may have let anything in: nothing reaches the terminal raw.
        std::printf("%s\t%s\t%s\n", printable(l.name).c_str(),
                    l.language.empty() ? "-" : printable(l.language).c_str(),
                    courses.empty() ? "no courses yet" : courses.c_str());
    }
    std::fprintf(stderr, "%zu learner%s in %s\n", learners.size(), learners.size() == 1 ? "" : "s",
                 printable(store.path().string()).c_str());
    return 0;
}

// Every failure the user can meet ends here as one line: status 2 for a
// refused learner name, else 1. RecordsError messages carry no "lektion: "
// prefix (see store.hpp); it is added here, once.
template <class F>
int guarded(F&& run) {
    try {
        return run();
    } catch (const UsageError& e) {
        std::fprintf(stderr, "lektion: %s\n", printable(e.what()).c_str());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lektion: %s\n", printable(e.what()).c_str());
    }
    return 1;
}

}  // namespace

Run add_records(CLI::App& app) {
    auto* cmd = app.add_subcommand("records", "Learner records: export, verify, delete, list");
    cmd->require_subcommand(1);
    auto o = std::make_shared<Options>();

    auto* exp = cmd->add_subcommand("export", "Write learner records as CSV, xAPI statements or JSON");
    exp->add_option("--format", o->format, "csv (for spreadsheets, the default), xapi or json (everything)")
        ->check(CLI::IsMember({"csv", "xapi", "json"}));
    exp->add_option("--course", o->course, "Only this course folder's course, with its titles");
    exp->add_option("--learner", o->learner, "Only this learner: all their data")->check(non_empty);
    exp->add_option("-o,--output", o->output,
                    "Write to FILE (mode 0600; - for standard output, the default)");
    exp->add_option("--home-page", o->home_page, "xAPI: home page of the learners' accounts")
        ->check(iri_check)
        ->capture_default_str();
    exp->add_option("--activity-base", o->activity_base, "xAPI: where activity ids begin")
        ->check(iri_check)
        ->capture_default_str();
    add_data_dir(exp, *o);

    auto* verify = cmd->add_subcommand("verify", "Check the hash chain of an xAPI export");
    verify->add_option("FILE", o->file, "A file written by lektion records export --format xapi")->required();

    auto* del = cmd->add_subcommand("delete", "Erase a learner and every record of them");
    del->add_option("--learner", o->learner, "The learner's name")->required()->check(non_empty);
    add_data_dir(del, *o);

    auto* list = cmd->add_subcommand("list", "List the learners and their courses");
    add_data_dir(list, *o);

    return [o, exp, verify, del, list] {
        return guarded([&] {
            if (exp->parsed()) return run_export(*o);
            if (verify->parsed()) return run_verify(*o);
            if (del->parsed()) return run_delete(*o);
            if (list->parsed()) return run_list(*o);
            return 2;
        });
    };
}

Run add_report(CLI::App& app) {
    auto* cmd = app.add_subcommand("report", "Trainer report: completion, quiz scores, questions");
    auto o = std::make_shared<Options>();
    o->course = default_course_dir();
    cmd->add_option("--course", o->course, "Course folder (default: the bundled course)");
    add_data_dir(cmd, *o);
    return [o] {
        return guarded([&] {
            const CoursePtr course = load(o->course);
            if (!course) return 1;
            Store store(data_dir(o->data_dir), Store::Access::read);
            const std::string text = format_report(make_report(store, *course));
            std::fwrite(text.data(), 1, text.size(), stdout);
            return 0;
        });
    };
}

}  // namespace lektion::cli
