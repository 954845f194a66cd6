// libFuzzer target: an interface catalog (XLIFF 1.2 of ICU MessageFormat
// patterns). The input is the catalog file; every message that loads is then
// formatted with numbers and text for the arguments it names, and the
// placeholder scanner runs on every pattern.
#include <cstddef>
#include <cstdint>
#include <string>

#include "l10n/catalog.hpp"
#include "support.hpp"

using namespace lektion;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path file = fuzz::scratch("catalog") / "xx.xlf";
    fuzz::write(file, std::string_view(reinterpret_cast<const char*>(data), size));
    Diagnostics diags;
    const Catalog catalog = Catalog::load(file, diags);
    for (const Diagnostic& d : diags.items) (void)format(d);
    for (const std::string& key : catalog.keys()) {
        const std::string pattern = catalog.pattern(key);
        const std::vector<std::string> names = argument_names(pattern);
        std::vector<NamedArg> ints, texts;
        for (const std::string& n : names) {
            ints.push_back({n.c_str(), std::int64_t{3}});
            texts.push_back({n.c_str(), std::string("Åse")});
        }
        (void)catalog.format(key, ints);
        (void)catalog.format(key, texts);
        (void)catalog.format(key, {{"n", 2.5}, {"count", std::int64_t{-1}}, {"name", std::string("x")}});
    }
    return 0;
}
