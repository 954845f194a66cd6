// libFuzzer targets for the translation exchange importers (engine/exchange/):
// FUZZ_PO: gettext PO, parse_po on the text in memory, then
// read_po_exchange on it as a file, as a course and as an interface catalog;
// FUZZ_XLIFF: read_xliff_exchange, both domains. Built twice from this file.
//
// Beyond not crashing, each input is merged as an import would merge it
// (into the bundled course's English translation, and into the German
// interface catalog) and every file the import would write is rendered and
// checked: well-formed XML that pugixml reads back, valid UTF-8, and no
// control character, raw or as a character reference. A violation aborts,
// which libFuzzer reports as a crash with the input saved.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include <pugixml.hpp>

#include "course/text.hpp"
#include "exchange/merge.hpp"
#include "exchange/po.hpp"
#include "exchange/po_syntax.hpp"
#include "exchange/xliff.hpp"
#include "load/loader.hpp"
#include "resources/paths.hpp"
#include "support.hpp"

using namespace lektion;

namespace {

[[noreturn]] void violation(const char* what, std::string_view detail) {
    std::fprintf(stderr, "fuzz: %s: %.*s\n", what, static_cast<int>(detail.size()), detail.data());
    std::abort();
}

void check_clean(std::string_view text, const char* what) {
    if (const auto bad = find_invalid_utf8(text)) violation(what, "invalid UTF-8");
    if (const auto c = find_control_character(text)) violation(what, code_point_name(c->code));
}

// What write_store would write, checked without trusting why_not_storable.
void check_stored_text(const std::string& xml) {
    check_clean(xml, "stored file");
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) violation("stored file is not well-formed XML", parsed.description());
    struct Walker : pugi::xml_tree_walker {
        bool for_each(pugi::xml_node& node) override {
            // Character references decoded: &#27; would show here. A NUL cuts
            // the value short, so the raw text is checked for "&#0" too.
            check_clean(node.name(), "element name");
            check_clean(node.value(), "text");
            for (pugi::xml_attribute a : node.attributes()) check_clean(a.value(), "attribute");
            return true;
        }
    } walker;
    doc.traverse(walker);
    for (std::size_t at = xml.find("&#"); at != std::string::npos; at = xml.find("&#", at + 2)) {
        std::size_t i = at + 2;
        const bool hex = i < xml.size() && (xml[i] | 0x20) == 'x';
        if (hex) ++i;
        while (i < xml.size() && xml[i] == '0') ++i;
        if (i < xml.size() && xml[i] == ';') violation("stored file", "a reference to NUL");
    }
    // Clean by every check above: the store must not refuse to write it either.
    if (const std::string why = why_not_storable(xml); !why.empty())
        violation("why_not_storable refuses", why);
}

struct Target {
    Source source;
    TranslationStore base;  // merged into, a copy per input
};

const Target& course_target() {
    static const Target t = [] {
        const std::filesystem::path dir = bundled_course_dir();
        const LoadResult r = load_course(dir);
        if (!r.course) violation("setup", "the bundled course does not load");
        Diagnostics diags;
        return Target{course_source(*r.course), read_course_store(dir, "en", diags)};
    }();
    return t;
}

const Target& interface_target() {
    static const Target t = [] {
        Diagnostics diags;
        std::optional<Source> source = interface_source(resource_dir("locales"), diags);
        if (!source) violation("setup", "locales/en.xlf does not load");
        return Target{std::move(*source), read_interface_store(resource_dir("locales"), "de", diags)};
    }();
    return t;
}

void merge_and_check(const std::optional<Incoming>& in, Domain domain, Diagnostics& diags) {
    if (!in) return;
    const Target& target = domain == Domain::course ? course_target() : interface_target();
    if (!check_incoming_file(target.source, *in, diags)) return;
    TranslationStore store = target.base;
    merge_incoming(target.source, *in, store, diags);
    for (const StoredFile& f : store.files)
        if (f.modified) check_stored_text(render_stored_file(f, domain));
    for (const Diagnostic& d : diags.items) (void)format(d);
}

}  // namespace

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
                // No string read from a PO file holds what no text may hold.
                check_clean(e.msgid, "msgid");
                check_clean(e.msgstr, "msgstr");
                if (e.msgctxt) check_clean(*e.msgctxt, "msgctxt");
            }
    }
    fuzz::write(file, text);
    for (Domain domain : {Domain::course, Domain::interface}) {
        Diagnostics diags;
        merge_and_check(read_po_exchange(file, domain, diags), domain, diags);
    }
#elif defined(FUZZ_XLIFF)
    static const std::filesystem::path file = fuzz::scratch("xliff") / "xx.xlf";
    fuzz::write(file, text);
    for (Domain domain : {Domain::course, Domain::interface}) {
        Diagnostics diags;
        merge_and_check(read_xliff_exchange(file, domain, diags), domain, diags);
    }
#else
#error "define FUZZ_PO or FUZZ_XLIFF"
#endif
    return 0;
}
