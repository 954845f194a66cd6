// An interface catalog: one XLIFF 1.2 file of ICU MessageFormat patterns,
// keyed by stable ids. Every pattern is compiled at load; a broken one is
// reported and left out, so that the caller falls back to the source.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "diag/diagnostics.hpp"

namespace lektion {

using MessageArg = std::variant<std::int64_t, double, std::string>;

struct NamedArg {
    const char* name;
    MessageArg value;
};

class Catalog {
public:
    Catalog();
    ~Catalog();
    Catalog(Catalog&&) noexcept;
    Catalog& operator=(Catalog&&) noexcept;

    // Reads `path`; problems (file, XML, each broken pattern) go to `diags`.
    static Catalog load(const std::filesystem::path& path, Diagnostics& diags);

    const std::string& language() const { return language_; }
    bool has(const std::string& key) const { return messages_.count(key) > 0; }
    std::vector<std::string> keys() const;
    std::string pattern(const std::string& key) const;

    // The message with its arguments; empty when the key is absent.
    std::string format(const std::string& key, const std::vector<NamedArg>& args) const;

private:
    struct Message;
    std::string language_;
    std::map<std::string, std::unique_ptr<Message>> messages_;
};

// "" when `pattern` is valid ICU MessageFormat for `lang`, else what is
// wrong, in words, and at which character of the pattern: the one check of a
// message pattern for catalogs, imports and lint.
std::string message_pattern_problem(const std::string& pattern, const std::string& lang);

// Placeholder names used in a pattern ({name}, {name, plural, ...}).
std::vector<std::string> argument_names(const std::string& pattern);

}  // namespace lektion
