#include "support.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <sys/wait.h>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "resources/paths.hpp"

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

Ran run_lektion(const std::vector<std::string>& args, const fs::path& resources) {
    static int counter = 0;
    const fs::path out =
        fs::temp_directory_path() / fmt::format("lektion-exchange-{}-{}.out", getpid(), ++counter);
    const fs::path err = fs::path(out).replace_extension(".err");
    std::string command =
        resources.empty() ? "" : "LEKTION_RESOURCES=" + shell_quote(resources.string()) + " ";
    command += shell_quote(LEKTION_BINARY);
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

std::string fixture(const std::string& name) { return (fs::path(EXCHANGE_FIXTURES) / name).string(); }

}  // namespace lektion::test
