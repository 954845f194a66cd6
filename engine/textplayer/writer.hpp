// The text player's only way out to the terminal: every string passes
// terminal_safe() (course text, catalogs, records and diagnostics alike),
// and course text is wrapped at the terminal's width.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "course/model.hpp"

namespace lektion {

class Writer {
public:
    Writer(std::ostream& out, int columns) : out_(out), columns_(columns) {}

    Writer& operator<<(std::string_view s);
    Writer& operator<<(const std::string& s) { return *this << std::string_view(s); }
    Writer& operator<<(const char* s) { return *this << std::string_view(s); }
    Writer& operator<<(char c) { return *this << std::string_view(&c, 1); }
    template <class Number, class = std::enable_if_t<std::is_arithmetic_v<Number>>>
    Writer& operator<<(Number n) {
        out_ << n;
        return *this;
    }
    void flush() { out_.flush(); }

    // Words of `text` in lines of at most columns() code points; continuation
    // lines start with `indent`, the first with `first` when given.
    void wrap(const std::string& text, const std::string& indent = "", const std::string& first = "");
    // The lines wrap() would print, without their line feeds.
    std::vector<std::string> lines(const std::string& text, const std::string& indent = "",
                                   const std::string& first = "") const;
    // Sections' blocks as plain text: paragraphs, lists with their marks,
    // callouts in brackets, figures as their alt text and caption.
    void blocks(const std::vector<Block>& list, const std::string& indent = "");
    // A numbered entry of a menu, "10) Title", wrapped under its own text.
    void entry(int number, const std::string& text);

    int columns() const { return columns_; }

private:
    std::ostream& out_;
    int columns_;
};

// Code points, which is what a terminal column roughly is for these scripts.
std::size_t width_of(std::string_view s);

}  // namespace lektion
