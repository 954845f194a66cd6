// lektion records export|verify|delete|list|import|push|passphrase|pins|pin
// and lektion report: learner records for trainers, a classroom's records
// merged and sent on, and each learner's right to their data and to erasure.
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <fmt/format.h>

#include "base/read_bounded.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "load/loader.hpp"
#include "records/csv.hpp"
#include "records/full_export.hpp"
#include "records/import.hpp"
#include "records/names.hpp"
#include "records/printable.hpp"
#include "records/push.hpp"
#include "records/report.hpp"
#include "records/report_text.hpp"
#include "records/secret_input.hpp"
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
    std::vector<std::string> files;
    std::vector<std::string> learners;
    bool allow_deleted = false;

    // push
    std::string endpoint;
    std::string user;
    std::string password_file;
    std::size_t batch = 100;
    int timeout = 60;
    int retries = 5;
    bool resend = false;

    // passphrase, pins, pin
    bool reset = false;
    std::string pins;
    bool clear = false;

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

// A file to verify or import, read whole but never past `max_bytes`, and
// only a regular file: /dev/zero or a FIFO would otherwise be read forever.
std::string read_export(const std::string& file, std::size_t max_bytes) {
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        throw RecordsError(
            fmt::format("{}: not a regular file (a folder, a device or a pipe); nothing read", file));
    if (::stat(file.c_str(), &st) == 0 && static_cast<std::uintmax_t>(st.st_size) > max_bytes)
        throw RecordsError(fmt::format("{}: larger than the limit of {} MiB for an export; nothing read",
                                       file, max_bytes >> 20));
    std::string error;
    std::optional<std::string> text = read_bounded(file, max_bytes, error);
    if (!text) throw RecordsError(fmt::format("{}: {}", file, error));
    return std::move(*text);
}

int run_verify(const Options& o) {
    const std::string text = read_export(o.file, max_verify_bytes);
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

// --- import ---------------------------------------------------------------------

std::string device_label(const std::string& id, const std::string& name) {
    const std::string start = printable(id.substr(0, 8));
    return name.empty() ? fmt::format("PC {}", start) : fmt::format("PC \"{}\" ({})", printable(name), start);
}

// Each file in its own transaction: a refused file changes nothing, and the
// others are imported all the same.
int run_import(const Options& o) {
    Store store(data_dir(o.data_dir), Store::Access::create);
    ImportOptions options;
    options.allow_deleted = o.allow_deleted;
    int status = 0;
    for (const std::string& file : o.files) {
        ImportSummary s;
        try {
            s = store.import_records(read_export(file, max_records_file_bytes), options);
        } catch (const RecordsError& e) {
            const std::string why = e.what();
            // Messages about the database name it; those about the file get its name here.
            const bool named = why.rfind(file + ":", 0) == 0 || why.rfind(store.path().string(), 0) == 0;
            std::fprintf(stderr, "lektion: %s\n", printable(named ? why : file + ": " + why).c_str());
            status = 1;
            continue;
        }
        std::printf("%s: %zu event%s new, %zu already here, %zu refused; from %s%s\n",
                    printable(file).c_str(), s.added, s.added == 1 ? "" : "s", s.present, s.refused,
                    device_label(s.device, s.device_name).c_str(), s.own ? ", this PC's own export" : "");
        for (const RefusedEvents& r : s.refusals) {
            const std::string line = r.conflict ? fmt::format("{}: {}", r.learner, r.reason)
                                                : fmt::format("{}: {} event{} refused: {}", r.learner,
                                                              r.count, r.count == 1 ? "" : "s", r.reason);
            // Conflicts are loud: on standard error, and the exit status says so.
            if (r.conflict)
                std::fprintf(stderr, "lektion: %s: %s\n", printable(file).c_str(), printable(line).c_str());
            else std::printf("  %s\n", printable(line).c_str());
            if (!r.erased) status = 1;
        }
    }
    return status;
}

// --- push -----------------------------------------------------------------------

// The password: --password-file (a file only its owner can read), else
// $LEKTION_LRS_PASSWORD. Never an option's value: `ps` would show it.
std::string lrs_password(const Options& o) {
    if (o.password_file.empty()) {
        const char* p = std::getenv("LEKTION_LRS_PASSWORD");
        return p ? p : "";
    }
    struct stat st {};
    if (::stat(o.password_file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077) != 0)
        throw UsageError(
            fmt::format("--password-file {}: others can read it (mode {:04o}); chmod 600 it first",
                        o.password_file, st.st_mode & 07777));
    std::string text = read_export(o.password_file, 4096);
    const std::size_t end = text.find_first_of("\r\n");
    std::string password = text.substr(0, end);
    wipe(text);
    if (password.empty())
        throw UsageError(fmt::format("--password-file {}: the first line is empty", o.password_file));
    return password;
}

int run_push(const Options& o, bool home_page_given, bool activity_base_given) {
    std::string why;
    const std::string endpoint = normalize_endpoint(o.endpoint, why);
    if (endpoint.empty()) throw UsageError("--endpoint " + why);
    PushOptions push;
    push.user = o.user;
    if (push.user.empty())
        if (const char* u = std::getenv("LEKTION_LRS_USER")) push.user = u;
    push.password = lrs_password(o);
    if (!push.password.empty() && push.user.empty())
        throw UsageError("a password without a user: give --user (or LEKTION_LRS_USER)");
    const bool loopback = endpoint.rfind("http://127.0.0.1", 0) == 0 ||
                          endpoint.rfind("http://localhost", 0) == 0 ||
                          endpoint.rfind("http://[::1]", 0) == 0;
    if (!push.password.empty() && endpoint.rfind("http://", 0) == 0 && !loopback)
        std::fprintf(stderr,
                     "lektion: warning: the password goes to %s without TLS; use https:// beyond this PC\n",
                     printable(endpoint).c_str());
    push.batch = o.batch;
    push.timeout = std::chrono::seconds(o.timeout);
    push.retries = o.retries;

    CoursePtr course;
    if (!o.course.empty() && !(course = load(o.course))) return 1;
    Store store(data_dir(o.data_dir), Store::Access::update);
    std::vector<std::int64_t> learners;
    for (const std::string& name : o.learners) {
        const std::int64_t id = learner_named(store, name).id;
        // Named twice (another spelling, say): their statements go once, or the LRS would refuse the batch.
        if (std::find(learners.begin(), learners.end(), id) == learners.end()) learners.push_back(id);
    }

    // The learners' accounts and the activities must be named the same in
    // every push to an LRS: it knows statements by id, and a learner by account.
    std::optional<Store::LrsEndpoint> known = store.lrs_endpoint(endpoint);
    if (known && ((home_page_given && o.home_page != known->home_page) ||
                  (activity_base_given && o.activity_base != known->activity_base)))
        throw UsageError(
            fmt::format("{} was pushed to with --home-page {} --activity-base {}; other values would "
                        "give the same learners and courses other names there",
                        endpoint, printable(known->home_page), printable(known->activity_base)));
    if (!known) {
        if (o.home_page == default_home_page)
            std::fprintf(
                stderr,
                "lektion: warning: the learners' accounts get the home page %s (not configured); the "
                "LRS will know them by it from now on: give --home-page on the first push\n",
                default_home_page);
        known = store.add_lrs_endpoint(endpoint, o.home_page, o.activity_base);
    }
    if (o.resend) store.forget_acknowledgements(known->id);

    const XapiOptions xapi{known->home_page, known->activity_base};
    std::vector<XapiStatement> statements;
    ExportScope scope;
    scope.course = course.get();
    if (learners.empty()) {
        statements = xapi_statements(store, scope, xapi);
    } else {
        for (const std::int64_t id : learners) {
            scope.learner = id;
            for (XapiStatement& s : xapi_statements(store, scope, xapi)) statements.push_back(std::move(s));
        }
    }
    const PushResult r = push_statements(store, *known, statements, push, [](const std::string& line) {
        std::fprintf(stderr, "lektion: %s\n", line.c_str());
    });
    const std::string where = printable(endpoint);
    if (r.sent == 0 && r.complete)
        std::printf("%s: nothing new to send (%zu statement%s, all acknowledged)\n", where.c_str(), r.total,
                    r.total == 1 ? "" : "s");
    else
        std::printf("%s: %zu statement%s sent in %zu batch%s, %zu acknowledged before, %zu not sent\n",
                    where.c_str(), r.sent, r.sent == 1 ? "" : "s", r.batches, r.batches == 1 ? "" : "es",
                    r.already, r.total - r.already - r.sent);
    if (r.complete) return 0;
    std::fprintf(stderr, "lektion: %s\n", r.message.c_str());
    return 1;
}

// --- passphrase and PINs --------------------------------------------------------

std::string ask(const std::string& prompt) {
    std::optional<std::string> s = read_secret(prompt);
    if (!s) throw RecordsError("no answer was given (end of input); nothing changed");
    return std::move(*s);
}

std::string new_secret(const char* what) {
    std::string first = ask(fmt::format("New {}: ", what));
    std::string again = ask(fmt::format("The same {} again: ", what));
    const bool same = first == again;
    wipe(again);
    if (!same) {
        wipe(first);
        throw RecordsError(fmt::format("the two {}s differ; nothing changed", what));
    }
    return first;
}

int refused(const Store::GuardCheck& c) {
    if (c.outcome == Store::GuardCheck::Outcome::wait)
        std::fprintf(stderr, "lektion: a wrong passphrase was given a moment ago; try again in %lld s\n",
                     static_cast<long long>(c.wait.count()));
    else
        std::fprintf(stderr, "lektion: wrong passphrase; the next try is heard in %lld s; nothing changed\n",
                     static_cast<long long>(c.wait.count()));
    return 1;
}

int run_passphrase(const Options& o) {
    Store store(data_dir(o.data_dir), Store::Access::create);
    if (o.reset) {
        store.clear_trainer_passphrase();
        std::printf(
            "trainer passphrase removed: the trainer report is open until a new one is set "
            "(lektion records passphrase, or the window on first use)\n");
        return 0;
    }
    if (store.trainer_passphrase_set()) {
        std::string current = ask("Current trainer passphrase: ");
        const Store::GuardCheck c = store.check_trainer_passphrase(current);
        wipe(current);
        if (c.outcome != Store::GuardCheck::Outcome::accepted) return refused(c);
    }
    std::string passphrase = new_secret("trainer passphrase");
    try {
        store.set_trainer_passphrase(passphrase);
    } catch (...) {
        wipe(passphrase);
        throw;
    }
    wipe(passphrase);
    std::printf("trainer passphrase set\n");
    return 0;
}

int run_pins(const Options& o) {
    const bool change = !o.pins.empty();
    Store store(data_dir(o.data_dir), change ? Store::Access::create : Store::Access::read);
    if (change) store.set_learner_pins_enabled(o.pins == "on");
    std::printf("learner PINs are %s\n", store.learner_pins_enabled() ? "on" : "off");
    return 0;
}

int run_pin(const Options& o) {
    Store store(data_dir(o.data_dir), Store::Access::update);
    const Learner l = learner_named(store, o.learner);
    if (o.clear) {
        store.clear_learner_pin(l.id);
        std::printf("%s has no PIN now\n", printable(l.name).c_str());
        return 0;
    }
    std::string pin = new_secret("PIN");
    try {
        store.set_learner_pin(l.id, pin);
    } catch (...) {
        wipe(pin);
        throw;
    }
    wipe(pin);
    std::printf("PIN set for %s%s\n", printable(l.name).c_str(),
                store.learner_pins_enabled() ? "" : " (learner PINs are off: lektion records pins on)");
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
    auto* cmd = app.add_subcommand(
        "records", "Learner records: export, verify, delete, list, import, push, passphrase, pins, pin");
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

    auto* imp = cmd->add_subcommand("import", "Merge records exported on other PCs (export --format json)");
    imp->add_option("FILE", o->files, "Files written by lektion records export --format json")->required();
    imp->add_flag("--allow-deleted", o->allow_deleted,
                  "Import learners erased here as well (their tombstones are lifted)");
    add_data_dir(imp, *o);

    auto* push = cmd->add_subcommand("push", "Send the xAPI statements to a Learning Record Store");
    push->add_option("--endpoint", o->endpoint,
                     "The LRS's xAPI endpoint, such as https://lrs.example.org/xAPI/")
        ->required();
    push->add_option("--learner", o->learners, "Only this learner (repeat for several)")->check(non_empty);
    push->add_option("--course", o->course, "Only this course folder's course");
    push->add_option("--user", o->user, "HTTP Basic user (default: $LEKTION_LRS_USER)");
    push->add_option("--password-file", o->password_file,
                     "A file (mode 0600) whose first line is the password (default: $LEKTION_LRS_PASSWORD)");
    auto* home = push->add_option("--home-page", o->home_page, "Home page of the learners' accounts")
                     ->check(iri_check)
                     ->capture_default_str();
    auto* base = push->add_option("--activity-base", o->activity_base, "Where activity ids begin")
                     ->check(iri_check)
                     ->capture_default_str();
    push->add_option("--batch", o->batch, "Statements per POST")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    push->add_option("--timeout", o->timeout, "Seconds one POST may take")
        ->check(CLI::Range(1, 600))
        ->capture_default_str();
    push->add_option("--retries", o->retries, "Tries again after a network error, 5xx or 429")
        ->check(CLI::Range(0, 20))
        ->capture_default_str();
    push->add_flag(
        "--resend", o->resend,
        "Forget what this endpoint acknowledged and send everything again (an LRS that lost data)");
    add_data_dir(push, *o);

    auto* pass =
        cmd->add_subcommand("passphrase", "Set or change the trainer passphrase (--reset: remove it)");
    pass->add_flag("--reset", o->reset, "Remove a forgotten passphrase without knowing it");
    add_data_dir(pass, *o);

    auto* pins = cmd->add_subcommand("pins", "Learner PINs for this installation: on, off, or show");
    pins->add_option("STATE", o->pins, "on or off")->check(CLI::IsMember({"on", "off"}));
    add_data_dir(pins, *o);

    auto* pin = cmd->add_subcommand("pin", "Set a learner's PIN (--clear: remove it)");
    pin->add_option("--learner", o->learner, "The learner's name")->required()->check(non_empty);
    pin->add_flag("--clear", o->clear, "Remove the learner's PIN");
    add_data_dir(pin, *o);

    return [o, exp, verify, del, list, imp, push, home, base, pass, pins, pin] {
        return guarded([&] {
            if (exp->parsed()) return run_export(*o);
            if (verify->parsed()) return run_verify(*o);
            if (del->parsed()) return run_delete(*o);
            if (list->parsed()) return run_list(*o);
            if (imp->parsed()) return run_import(*o);
            if (push->parsed()) return run_push(*o, home->count() > 0, base->count() > 0);
            if (pass->parsed()) return run_passphrase(*o);
            if (pins->parsed()) return run_pins(*o);
            if (pin->parsed()) return run_pin(*o);
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
