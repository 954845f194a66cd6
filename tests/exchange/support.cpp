#include "support.hpp"

#include "killed_on_purpose.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "exchange/po_markup.hpp"
#include "exchange/source_units.hpp"
#include "exchange/store.hpp"
#include "resources/paths.hpp"
#include "xliff/inline.hpp"

namespace lektion::test {

namespace {

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// A PO string as it appears between quotes.
std::string po_quote(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

Workspace::Workspace() {
    fs::copy(bundled_course_dir(), course(), fs::copy_options::recursive);
    fs::copy(resource_dir("locales"), locales(), fs::copy_options::recursive);
}

namespace {

Ran run_command(std::string command, const std::vector<std::string>& args) {
    static int counter = 0;
    const fs::path out =
        fs::temp_directory_path() / fmt::format("lektion-exchange-{}-{}.out", getpid(), ++counter);
    const fs::path err = fs::path(out).replace_extension(".err");
    for (const std::string& a : args) command += " " + shell_quote(a);
    command += " >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string()) + " </dev/null";
    const int raw = std::system(command.c_str());
    Ran r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    fs::remove(out);
    fs::remove(err);
    return r;
}

}  // namespace

Ran run_lektion(const std::vector<std::string>& args, const fs::path& resources) {
    std::string command =
        resources.empty() ? "" : "LEKTION_RESOURCES=" + shell_quote(resources.string()) + " ";
    return run_command(command + shell_quote(LEKTION_BINARY), args);
}

Ran run_lektion_with_env(const std::vector<std::string>& env, const std::vector<std::string>& args) {
    std::string command;
    for (const std::string& e : env) command += shell_quote(e) + " ";
    return run_command("env " + command + shell_quote(LEKTION_BINARY), args);
}

Ran run_lektion_with_file_limit(const std::vector<std::string>& args, int kib) {
    // system() runs dash, whose ulimit -f counts 512-byte blocks; an ignored
    // SIGXFSZ makes the write fail with EFBIG instead of killing the program.
    return run_command(
        fmt::format("trap '' XFSZ; ulimit -f {}; exec {}", kib * 2, shell_quote(LEKTION_BINARY)), args);
}

pid_t start_lektion(const std::vector<std::string>& args, const fs::path& log, Ending ending) {
    std::vector<std::string> argv{LEKTION_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> pointers;
    for (std::string& a : argv) pointers.push_back(a.data());
    pointers.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    EnvironmentWithoutLeakCheck killable;
    char** env = ending == Ending::killed_on_purpose ? killable.get() : environ;
    pid_t pid = -1;
    if (posix_spawn(&pid, LEKTION_BINARY, &actions, nullptr, pointers.data(), env) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

int wait_lektion(pid_t pid) {
    int raw = 0;
    while (::waitpid(pid, &raw, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const fs::path& path, const std::string& text) {
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) files[fs::relative(e.path(), dir).generic_string()] = read_file(e.path());
    return files;
}

int fill_xliff(const fs::path& file, const std::map<std::string, std::string>& targets) {
    pugi::xml_document doc;
    if (!doc.load_file(file.c_str(), pugi::parse_default | pugi::parse_ws_pcdata)) return 0;
    int found = 0;
    for (pugi::xpath_node x : doc.select_nodes("//trans-unit")) {
        pugi::xml_node unit = x.node();
        auto it = targets.find(unit.attribute("id").value());
        if (it == targets.end()) continue;
        pugi::xml_node target = unit.child("target");
        if (!target) target = unit.insert_child_after("target", unit.child("source"));
        while (target.first_child()) target.remove_child(target.first_child());
        target.append_buffer(it->second.data(), it->second.size());
        if (!target.attribute("state")) target.append_attribute("state");
        target.attribute("state").set_value("translated");
        ++found;
    }
    doc.save_file(file.c_str(), "", pugi::format_raw);
    return found;
}

int fill_po(const fs::path& file, const std::map<std::string, std::string>& msgstrs) {
    std::istringstream in(read_file(file));
    std::string out, line, context;
    int found = 0;
    while (std::getline(in, line)) {
        if (line.rfind("msgctxt \"", 0) == 0) context = line.substr(9, line.size() - 10);
        auto it = msgstrs.find(context);
        if (line.rfind("msgstr ", 0) == 0 && it != msgstrs.end()) {
            line = "msgstr \"" + po_quote(it->second) + "\"";
            ++found;
            context.clear();
        }
        out += line + "\n";
    }
    write_file(file, out);
    return found;
}

std::map<std::string, std::string> english_targets(const fs::path& course,
                                                   const std::vector<std::string>& originals,
                                                   const std::string& suffix, bool po) {
    const LoadResult loaded = load_course(course);
    if (!loaded.course) return {};
    const Source source = course_source(*loaded.course);
    Diagnostics diags;
    const TranslationStore english = read_course_store(course, "en", diags);
    std::map<std::string, std::string> targets;
    for (const SourceUnit& unit : source.units) {
        if (!originals.empty() &&
            std::find(originals.begin(), originals.end(), unit.original) == originals.end())
            continue;
        const StoredUnit* stored = english.find(unit.id);
        if (!stored || stored->target.empty()) continue;
        targets[unit.id] = (po ? to_po_markup(stored->target) : to_xliff_inline(stored->target)) + suffix;
    }
    return targets;
}

std::string fixture(const std::string& name) { return (fs::path(EXCHANGE_FIXTURES) / name).string(); }

}  // namespace lektion::test
