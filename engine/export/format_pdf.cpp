// lektion export pdf: the workbook page printed by headless Chromium
// (Debian's chromium) when it is installed; otherwise one line saying how.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include <fmt/format.h>

#include "base/atomic_file.hpp"
#include "base/read_bounded.hpp"
#include "export/folder_output.hpp"
#include "export/format.hpp"
#include "export/format_list.hpp"

extern char** environ;

namespace lektion::web {

namespace {

namespace fs = std::filesystem;

// A workbook printed by Chromium: the bundled course's is under 1 MiB, one with many figures some MiB.
constexpr std::size_t max_workbook_bytes = std::size_t{256} << 20;

// LEKTION_CHROMIUM, else chromium (or chromium-browser) on the PATH.
std::string find_chromium() {
    if (const char* c = std::getenv("LEKTION_CHROMIUM"); c && *c) return c;
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "/usr/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':'))
        for (const char* name : {"chromium", "chromium-browser"})
            if (!dir.empty() && access((fs::path(dir) / name).c_str(), X_OK) == 0)
                return (fs::path(dir) / name).string();
    return {};
}

// Runs `args` with its output thrown away; its exit status, or -1.
int run(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return -1;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class PdfFormat final : public Format {
public:
    const char* name() const override { return "pdf"; }
    const char* summary() const override {
        return "the printable workbook as a PDF, printed by headless Chromium";
    }
    std::string check(const ExportRequest& r) const override {
        if (std::string why = why_not_output(r.output, r.keep); !why.empty()) return why;
        if (find_chromium().empty())
            return "export pdf needs Chromium (apt install chromium); without it, run "
                   "lektion export html and print workbook.html from any browser";
        return {};
    }
    ExportResult write(const Course& course, const ExportRequest& r) const override {
        ExportResult result;
        Site site = build_site(course, {r.lang, Scorm::none});
        if (!site.error.empty()) {
            result.error = site.error;
            return result;
        }
        // The site in a private temporary folder, printed from there, then removed.
        std::string tmpl = (fs::temp_directory_path() / "lektion-pdf-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) {
            result.error = "a temporary folder for printing could not be made";
            return result;
        }
        const fs::path tmp = tmpl;
        const fs::path site_dir = tmp / "site", pdf = tmp / "workbook.pdf";
        result.error = write_folder(site_dir, site.files, {});
        if (result.error.empty()) {
            std::vector<std::string> args{find_chromium(),
                                          "--headless=new",
                                          "--disable-gpu",
                                          "--no-first-run",
                                          "--disable-extensions",
                                          "--no-pdf-header-footer",
                                          "--user-data-dir=" + (tmp / "profile").string(),
                                          "--print-to-pdf=" + pdf.string()};
            // Chromium refuses to run as root with its sandbox (CI runs as root); our own page is what it
            // prints.
            if (geteuid() == 0) args.push_back("--no-sandbox");
            args.push_back("file://" + (site_dir / "workbook.html").string());
            const int status = run(args);
            std::string unread;
            const std::string bytes = read_bounded(pdf, max_workbook_bytes, unread).value_or(std::string());
            if (status != 0 || bytes.rfind("%PDF", 0) != 0) {
                result.error = fmt::format("chromium could not print the workbook (exit status {})", status);
            } else if (std::string why = why_not_output(r.output, r.keep); !why.empty()) {
                result.error = why;
            } else {
                result.error = write_atomically(r.output, bytes, mode_shared);
                result.bytes = bytes.size();
                result.files = 1;  // pages: Chromium's count is in the PDF, not known here
            }
        }
        std::error_code ec;
        fs::remove_all(tmp, ec);
        return result;
    }
};

}  // namespace

std::unique_ptr<Format> make_pdf_format() { return std::make_unique<PdfFormat>(); }

}  // namespace lektion::web
