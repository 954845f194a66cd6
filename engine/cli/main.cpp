// lektion: an offline course player and its authoring tools.
#include <cstdio>
#include <map>

#include <fmt/format.h>

#include "base/terminal_text.hpp"
#include "cli/commands.hpp"

int main(int argc, char** argv) {
    CLI::App app{"lektion: offline e-learning courses", "lektion"};
    app.require_subcommand(0, 1);
    std::map<CLI::App*, lektion::cli::Run> commands;
    auto add = [&](lektion::cli::Run (*adder)(CLI::App&)) {
        lektion::cli::Run run = adder(app);
        commands[app.get_subcommands({}).back()] = std::move(run);
    };
    add(lektion::cli::add_play);
    add(lektion::cli::add_lint);
    add(lektion::cli::add_info);
    add(lektion::cli::add_xliff);
    add(lektion::cli::add_po);
    add(lektion::cli::add_status);
    add(lektion::cli::add_new);
    add(lektion::cli::add_records);
    add(lektion::cli::add_report);
    add(lektion::cli::add_pack);
    add(lektion::cli::add_install);
    add(lektion::cli::add_courses);
    add(lektion::cli::add_export);
    add(lektion::cli::add_speak);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help
        lektion::say(fmt::format("lektion: {} (try --help)", e.what()));
        return 2;
    }
    for (auto& [sub, run] : commands)
        if (sub->parsed()) return run();
    return lektion::cli::play_default();
}
