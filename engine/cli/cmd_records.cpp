// Placeholder until the records commands land.
#include "cli/commands.hpp"

namespace lektion::cli {
Run add_records(CLI::App& app) {
    app.add_subcommand("records", "Learner records (not yet available)");
    return [] { return 1; };
}
Run add_report(CLI::App& app) {
    app.add_subcommand("report", "Trainer report (not yet available)");
    return [] { return 1; };
}
}  // namespace lektion::cli
