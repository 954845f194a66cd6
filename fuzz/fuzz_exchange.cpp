// libFuzzer targets for the translation exchange importers (engine/exchange/):
// FUZZ_PO: gettext PO, parse_po on the text in memory, then
// read_po_exchange on it as a file, as a course and as an interface catalog;
// FUZZ_XLIFF: read_xliff_exchange, both domains. Built twice from this file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "exchange/po.hpp"
#include "exchange/po_syntax.hpp"
#include "exchange/xliff.hpp"
#include "support.hpp"

using namespace lektion;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
#if defined(FUZZ_PO)
    static const std::filesystem::path file = fuzz::scratch("po") / "xx.po";
    {
        Diagnostics diags;
        if (auto entries = parse_po(text, "xx.po", diags))
            for (const PoEntry& e : *entries) {
                (void)e.fuzzy();
                if (e.is_header()) (void)po_header_field(e.msgstr, "Language");
                (void)po_field("msgstr", e.msgstr);
            }
    }
    fuzz::write(file, text);
    for (Domain domain : {Domain::course, Domain::interface}) {
        Diagnostics diags;
        (void)read_po_exchange(file, domain, diags);
        for (const Diagnostic& d : diags.items) (void)format(d);
    }
#elif defined(FUZZ_XLIFF)
    static const std::filesystem::path file = fuzz::scratch("xliff") / "xx.xlf";
    fuzz::write(file, text);
    for (Domain domain : {Domain::course, Domain::interface}) {
        Diagnostics diags;
        (void)read_xliff_exchange(file, domain, diags);
        for (const Diagnostic& d : diags.items) (void)format(d);
    }
#else
#error "define FUZZ_PO or FUZZ_XLIFF"
#endif
    return 0;
}
