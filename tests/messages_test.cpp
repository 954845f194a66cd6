// Every message a person sees is complete: each call of tr() passes every
// argument its English pattern names, and every pattern of every catalog,
// formatted with sample arguments, leaves no brace behind.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "l10n/catalog.hpp"
#include "resources/paths.hpp"

using namespace lektion;
namespace fs = std::filesystem;

namespace {

Catalog load(const fs::path& file) {
    Diagnostics d;
    return Catalog::load(file, d);
}

// The arguments a pattern formats as numbers ({n, plural, …}, {n, number}).
bool numeric(const std::string& pattern, const std::string& name) {
    const std::regex use("\\{\\s*" + name + "\\s*,\\s*(plural|selectordinal|number)");
    return std::regex_search(pattern, use);
}

struct Call {
    std::string file, key;
    std::set<std::string> args;
};

// tr("key") and tr("key", {{"name", …}, …}) in the engine's sources.
std::vector<Call> calls_of_tr() {
    std::vector<Call> out;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(LEKTION_SOURCE_DIR) / "engine")) {
        if (entry.path().extension() != ".cpp") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string s = text.str();
        for (std::size_t at = s.find("tr(\""); at != std::string::npos; at = s.find("tr(\"", at + 1)) {
            if (at > 0 && (std::isalnum(static_cast<unsigned char>(s[at - 1])) || s[at - 1] == '_')) continue;
            const std::size_t key_end = s.find('"', at + 4);
            Call c{entry.path().filename().string(), s.substr(at + 4, key_end - at - 4), {}};
            // The call's extent: up to its closing parenthesis.
            int depth = 1;
            std::size_t i = key_end + 1;
            for (bool quoted = false; i < s.size() && depth > 0; ++i) {
                if (s[i] == '"' && s[i - 1] != '\\') quoted = !quoted;
                else if (!quoted && s[i] == '(') ++depth;
                else if (!quoted && s[i] == ')') --depth;
            }
            const std::string call = s.substr(key_end + 1, i - key_end - 1);
            static const std::regex arg("\\{\\s*\"([a-z_]+)\"\\s*,");
            for (auto m = std::sregex_iterator(call.begin(), call.end(), arg); m != std::sregex_iterator();
                 ++m)
                c.args.insert((*m)[1]);
            out.push_back(std::move(c));
        }
    }
    return out;
}

}  // namespace

TEST_CASE("every call of tr() passes the arguments its pattern names") {
    const Catalog english = load(resource_dir("locales") / "en.xlf");
    const std::vector<Call> calls = calls_of_tr();
    REQUIRE(calls.size() > 50);
    for (const Call& c : calls) {
        INFO(c.file << ": tr(\"" << c.key << "\")");
        REQUIRE(english.has(c.key));
        const std::vector<std::string> names = argument_names(english.pattern(c.key));
        for (const std::string& name : names) {
            INFO("argument {" << name << "}");
            CHECK(c.args.count(name) == 1);
        }
    }
}

TEST_CASE("every pattern of every catalog formats with its arguments, no brace left") {
    const Catalog english = load(resource_dir("locales") / "en.xlf");
    int catalogs = 0;
    for (const auto& entry : fs::directory_iterator(resource_dir("locales"))) {
        if (entry.path().extension() != ".xlf") continue;
        ++catalogs;
        const Catalog catalog = load(entry.path());
        for (const std::string& key : english.keys()) {
            const std::string source = english.pattern(key);
            std::vector<std::string> names = argument_names(source);
            std::vector<NamedArg> args;
            // A translation may count where the source does not: ask both.
            const std::string own = catalog.has(key) ? catalog.pattern(key) : source;
            for (const std::string& n : names)
                args.push_back({n.c_str(), numeric(source, n) || numeric(own, n) ? MessageArg(std::int64_t(2))
                                                                                 : MessageArg("Ane")});
            const std::string text = catalog.has(key) ? catalog.format(key, args) : english.format(key, args);
            INFO(entry.path().filename().string() << ": " << key << " -> " << text);
            CHECK(text.find_first_of("{}") == std::string::npos);
            CHECK_FALSE(text.empty());
        }
    }
    CHECK(catalogs == 24);
}
