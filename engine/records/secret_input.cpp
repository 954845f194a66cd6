#include "records/secret_input.hpp"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <openssl/crypto.h>

namespace lektion {

namespace {

constexpr std::size_t max_secret_bytes = 1024;

// One line from `fd`, byte by byte: nothing is read past it, so the next
// secret (a confirmation) is still there for the next call.
std::optional<std::string> read_line(int fd) {
    std::string line;
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n <= 0) {
            if (line.empty()) return std::nullopt;
            break;
        }
        if (c == '\n') break;
        if (line.size() >= max_secret_bytes) {
            OPENSSL_cleanse(line.data(), line.size());
            return std::nullopt;
        }
        line += c;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace

std::optional<std::string> read_secret(const std::string& prompt) {
    if (!::isatty(STDIN_FILENO)) return read_line(STDIN_FILENO);  // a script: no prompts in its output
    const int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    const int fd = tty >= 0 ? tty : STDIN_FILENO;
    if (::write(fd == STDIN_FILENO ? STDERR_FILENO : fd, prompt.data(), prompt.size()) < 0) {
        // Nowhere to ask: read anyway, the caller says what is missing.
    }
    termios saved{};
    const bool quiet = ::tcgetattr(fd, &saved) == 0;
    if (quiet) {
        termios silent = saved;
        silent.c_lflag &= static_cast<tcflag_t>(~ECHO);
        silent.c_lflag |= ECHONL;
        ::tcsetattr(fd, TCSAFLUSH, &silent);
    }
    std::optional<std::string> line = read_line(fd);
    if (quiet) ::tcsetattr(fd, TCSAFLUSH, &saved);
    if (tty >= 0) ::close(tty);
    return line;
}

void wipe(std::string& secret) { OPENSSL_cleanse(secret.data(), secret.size()); }

void wipe(char* secret, std::size_t size) { OPENSSL_cleanse(secret, size); }

}  // namespace lektion
