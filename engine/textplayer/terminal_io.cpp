// The terminal's width, and the learner's lines read in bounded memory.
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <istream>

#include "textplayer/text_player.hpp"

namespace lektion {

int terminal_columns(const char* columns_env, int fd) {
    int columns = 0;
    if (columns_env && *columns_env) {
        const std::string_view v(columns_env);
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), columns);
        if (ec != std::errc() || end != v.data() + v.size()) columns = 0;
    }
    if (columns <= 0 && ::isatty(fd)) {
        winsize ws{};
        if (::ioctl(fd, TIOCGWINSZ, &ws) == 0) columns = ws.ws_col;
    }
    if (columns <= 0) columns = default_columns;
    return std::clamp(columns, min_columns, max_columns);
}

LineRead read_line(std::istream& in, std::string& line, std::size_t max_bytes, std::size_t give_up) {
    line.clear();
    std::streambuf* buf = in.rdbuf();
    if (!buf || !in.good()) return LineRead::end;
    std::size_t length = 0;
    for (;;) {
        const int c = buf->sbumpc();
        if (c == std::char_traits<char>::eof()) {
            in.setstate(std::ios::eofbit);
            if (length == 0) {
                in.setstate(std::ios::failbit);
                return LineRead::end;
            }
            break;
        }
        if (c == '\n') break;
        if (++length > give_up) {
            in.setstate(std::ios::failbit);
            return LineRead::end;
        }
        if (length <= max_bytes) line.push_back(static_cast<char>(c));
    }
    return length > max_bytes ? LineRead::too_long : LineRead::line;
}

}  // namespace lektion
