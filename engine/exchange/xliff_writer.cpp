#include "exchange/xliff_writer.hpp"

#include <fmt/format.h>

#include "xliff/escape.hpp"

namespace lektion {

std::string render_xliff(const std::vector<XliffFileOut>& files) {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n";
    for (const XliffFileOut& f : files) {
        out += fmt::format(
            "  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"{}\"",
            xml_escape_attr(f.original), xml_escape_attr(f.source_lang), xml_escape_attr(f.target_lang),
            xml_escape_attr(f.datatype));
        if (!f.product_name.empty())
            out += fmt::format(" product-name=\"{}\"", xml_escape_attr(f.product_name));
        if (!f.product_version.empty())
            out += fmt::format(" product-version=\"{}\"", xml_escape_attr(f.product_version));
        out += ">\n    <body>\n";
        for (const XliffUnitOut& u : f.units) {
            const std::string id = xml_escape_attr(u.id);
            out += fmt::format("      <trans-unit id=\"{}\" resname=\"{}\">\n", id, id);
            out += fmt::format("        <source>{}</source>\n", u.source);
            if (u.target) {
                const std::string state =
                    u.state.empty() ? "" : fmt::format(" state=\"{}\"", xml_escape_attr(u.state));
                out += fmt::format("        <target{}>{}</target>\n", state, *u.target);
            }
            for (const std::string& note : u.notes)
                out += fmt::format("        <note>{}</note>\n", xml_escape(note));
            out += "      </trans-unit>\n";
        }
        out += "    </body>\n  </file>\n";
    }
    out += "</xliff>\n";
    return out;
}

}  // namespace lektion
