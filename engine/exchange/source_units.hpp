// What there is to translate: a course's units in reading order, or the
// interface messages in the order of the English catalog (locales/en.xlf).
// Export, import, status and lint all start from this one list.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "course/model.hpp"
#include "diag/diagnostics.hpp"
#include "l10n/language_tag.hpp"

namespace lektion {

enum class Domain { course, interface };

inline constexpr const char* interface_project = "lektion-ui";  // <file original> of the catalogs

struct SourceUnit {
    std::string id;
    std::string original;  // the file it comes from: "lektion1.xml", or "lektion-ui"
    std::string note;      // where it sits, for the translator
    Text source;           // as it reads now
    int words = 0;
};

struct Source {
    Domain domain = Domain::course;
    std::string project;  // course id, or "lektion-ui"
    std::string title;    // course title, for file comments
    std::string version;
    std::string lang;                    // source language
    std::vector<std::string> originals;  // course.xml, the lessons, the quiz
    std::vector<SourceUnit> units;
    std::map<std::string, std::size_t, std::less<>> index;  // id -> position in units

    const SourceUnit* find(std::string_view id) const;
    int position(std::string_view id) const;  // reading order; -1 when absent
};

Source course_source(const Course& course);

// A plain string as a Text of one span: an interface message.
Text plain_text(std::string s);

// The English catalog as the source of every interface translation; nullopt
// (with diagnostics) when it cannot be read.
std::optional<Source> interface_source(const std::filesystem::path& locales, Diagnostics& diags);

}  // namespace lektion
