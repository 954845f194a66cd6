#include "exchange/file_kind.hpp"

#include <fstream>
#include <string>
#include <string_view>

namespace lektion {

namespace fs = std::filesystem;

ExchangeKind exchange_kind(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return ExchangeKind::unknown;  // a FIFO would block the read
    std::ifstream in(path, std::ios::binary);
    std::string head(64u << 10, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    std::string_view text = head;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return ExchangeKind::unknown;
    if (text[first] == '<')
        return text.find("<xliff") != std::string_view::npos ? ExchangeKind::xliff : ExchangeKind::unknown;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        const std::size_t word = line.find_first_not_of(" \t\r");
        if (word == std::string_view::npos || line[word] == '#') continue;
        line.remove_prefix(word);
        for (std::string_view keyword : {"msgid", "msgctxt"})
            if (line.starts_with(keyword) && line.size() > keyword.size() &&
                (line[keyword.size()] == ' ' || line[keyword.size()] == '"'))
                return ExchangeKind::po;
        return ExchangeKind::unknown;
    }
    return ExchangeKind::unknown;
}

}  // namespace lektion
