// Placeholder until the exchange commands land.
#include "cli/commands.hpp"

namespace lektion::cli {
namespace {
Run later(CLI::App& app, const char* name) {
    app.add_subcommand(name, "(not yet available)");
    return [] { return 1; };
}
}  // namespace
Run add_xliff(CLI::App& app) { return later(app, "xliff"); }
Run add_po(CLI::App& app) { return later(app, "po"); }
Run add_status(CLI::App& app) { return later(app, "status"); }
Run add_new(CLI::App& app) { return later(app, "new"); }
}  // namespace lektion::cli
