// Course text as HTML: escaping, emphasis, and the lang attribute that marks
// text shown in the source language for want of a translation.
#pragma once

#include <string>
#include <string_view>

#include "course/model.hpp"

namespace lektion::web {

// For text content and double-quoted attribute values alike (& < > ").
std::string escape(std::string_view text);

struct Languages {
    std::string page;    // the language the page is in
    std::string source;  // the course's source language
};

// ' lang="da" class="untranslated"' for untranslated text in a page of
// another language, else "". `classes` joins the class list.
std::string text_attributes(const Text& text, const Languages& langs, std::string_view classes = {});
// The spans with <strong> and <em>.
std::string spans_html(const Text& text);
// <tag attrs>spans</tag>, with the text's own language when it has one.
std::string element(std::string_view tag, const Text& text, const Languages& langs,
                    std::string_view classes = {});

}  // namespace lektion::web
