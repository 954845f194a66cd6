#include "course/xml_file.hpp"

#include <algorithm>
#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "course/text.hpp"

namespace lektion {

namespace {

// Depth of the element tree, without recursion, so that a hostile file cannot
// exhaust the stack of the code that measures it.
int depth_of(pugi::xml_node root, int stop_at) {
    int depth = 0, max = 0;
    pugi::xml_node node = root;
    while (node) {
        if (node.first_child()) {
            node = node.first_child();
            if (++depth > max && (max = depth) > stop_at) return max;
            continue;
        }
        while (node && !node.next_sibling() && node != root) {
            node = node.parent();
            --depth;
        }
        if (!node || node == root) break;
        node = node.next_sibling();
    }
    return max;
}

}  // namespace

std::optional<std::string> read_bounded(const std::filesystem::path& path, std::size_t max_bytes,
                                        std::string& error) {
    // POSIX calls: open, fstat, read, close. The iostream and filesystem
    // route made three times as many system calls, more than the parse cost.
    // O_NONBLOCK: opening a named pipe would otherwise wait for a writer
    // before fstat could tell that it is no file; on a file it changes nothing.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        error = fd < 0 && errno != ENOENT && errno != ENOTDIR ? "cannot read the file"
                                                              : "file does not exist or is not a file";
        if (fd >= 0) ::close(fd);
        return std::nullopt;
    }
    // Size the buffer from the file, not from the limit: zero-filling max + 1
    // bytes for each file cost more than parsing it. It grows should the file
    // grow while being read; one byte past the limit tells too big.
    const auto size = static_cast<std::uintmax_t>(std::max<off_t>(st.st_size, 0));
    std::string text;
    std::size_t used = 0;
    std::size_t want = static_cast<std::size_t>(std::min<std::uintmax_t>(size, max_bytes)) + 1;
    bool failed = false;
    while (true) {
        text.resize(want);
        const ssize_t got = ::read(fd, text.data() + used, want - used);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            failed = true;
            break;
        }
        used += static_cast<std::size_t>(got);
        if (got == 0 || want > max_bytes) break;  // end of file, or past the limit
        if (used == want) want = std::min(want * 2, max_bytes + 1);
    }
    ::close(fd);
    if (failed) {
        error = "cannot read the file";
        return std::nullopt;
    }
    text.resize(used);
    if (text.size() > max_bytes) {
        error = fmt::format("file is larger than the limit of {} bytes", max_bytes);
        return std::nullopt;
    }
    return text;
}

XmlFile::XmlFile(const std::filesystem::path& path, std::string shown_path, const XmlLimits& limits,
                 Diagnostics& diags)
    : shown_path_(std::move(shown_path)), diags_(&diags) {
    std::string error;
    std::optional<std::string> text = read_bounded(path, limits.max_bytes, error);
    if (!text) {
        diags.add(Severity::error, shown_path_, 0, 0, error);
        return;
    }
    text_ = std::move(*text);
    parse(limits);
}

XmlFile::XmlFile(std::string text, std::string shown_path, const XmlLimits& limits, Diagnostics& diags)
    : shown_path_(std::move(shown_path)), text_(std::move(text)), diags_(&diags) {
    if (text_.size() > limits.max_bytes) {
        diags.add(Severity::error, shown_path_, 0, 0,
                  fmt::format("file is larger than the limit of {} bytes", limits.max_bytes));
        return;
    }
    parse(limits);
}

void XmlFile::parse(const XmlLimits& limits) {
    if (auto bad = find_invalid_utf8(text_)) {
        auto [line, col] = locate(*bad);
        diags_->add(Severity::error, shown_path_, line, col, "invalid UTF-8");
        return;
    }
    // parse_ws_pcdata keeps the space in "<b>a</b> <i>b</i>"; no DOCTYPE and no
    // entities beyond XML's five, so there is nothing to expand.
    const unsigned flags = pugi::parse_default | pugi::parse_ws_pcdata;
    const pugi::xml_parse_result result =
        doc_.load_buffer(text_.data(), text_.size(), flags, pugi::encoding_utf8);
    if (!result) {
        auto [line, col] = locate(static_cast<std::size_t>(result.offset));
        diags_->add(Severity::error, shown_path_, line, col,
                    fmt::format("malformed XML: {}", result.description()));
        return;
    }
    if (depth_of(doc_, limits.max_depth) > limits.max_depth) {
        diags_->add(Severity::error, shown_path_, 0, 0,
                    fmt::format("elements nest deeper than {} levels", limits.max_depth));
        return;
    }
    if (!root()) {
        diags_->add(Severity::error, shown_path_, 0, 0, "no root element");
        return;
    }
    ok_ = true;
}

std::pair<int, int> XmlFile::where(pugi::xml_node node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0) return {0, 0};
    // For an element, offset_debug points at its name; the tag starts one before.
    const bool element = node.type() == pugi::node_element;
    return locate(static_cast<std::size_t>(offset - (element && offset > 0 ? 1 : 0)));
}

std::pair<int, int> XmlFile::where(pugi::xml_attribute attr, pugi::xml_node owner) const {
    // pugixml keeps no offsets for attributes: find the name inside the start
    // tag.
    const std::ptrdiff_t start = owner.offset_debug();
    if (start < 0) return where(owner);
    const std::size_t tag_end = text_.find('>', static_cast<std::size_t>(start));
    const std::string name = std::string(attr.name());
    std::size_t at = static_cast<std::size_t>(start);
    while ((at = text_.find(name, at)) != std::string::npos && at < tag_end) {
        const char before = text_[at - 1];
        const char after = at + name.size() < text_.size() ? text_[at + name.size()] : '\0';
        if ((before == ' ' || before == '\t' || before == '\n' || before == '\r') &&
            (after == '=' || after == ' ' || after == '\t' || after == '\n'))
            return locate(at);
        at += name.size();
    }
    return where(owner);
}

std::pair<int, int> XmlFile::locate(std::size_t offset) const {
    // Most files never report anything: index their lines only when asked.
    if (!lines_) lines_ = std::make_unique<LineMap>(text_);
    return lines_->locate(offset);
}

Site XmlFile::site(pugi::xml_node node) const {
    auto [line, column] = where(node);
    return {line, column};
}

void XmlFile::error(pugi::xml_node node, const std::string& message) const {
    auto [line, col] = where(node);
    diags_->add(Severity::error, shown_path_, line, col, message);
}

void XmlFile::warning(pugi::xml_node node, const std::string& message) const {
    auto [line, col] = where(node);
    diags_->add(Severity::warning, shown_path_, line, col, message);
}

void XmlFile::error(pugi::xml_attribute attr, pugi::xml_node owner, const std::string& message) const {
    auto [line, col] = where(attr, owner);
    diags_->add(Severity::error, shown_path_, line, col, message);
}

}  // namespace lektion
