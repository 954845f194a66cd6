// The course loader: walks each file's elements the way the schema describes
// them, builds the model, and reports anything it does not recognise.
#include "load/loader.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "base/limits.hpp"
#include "course/text.hpp"
#include "diag/codes.hpp"
#include "l10n/language_tag.hpp"
#include "load/image_probe.hpp"
#include "questions/registry.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

using Names = std::initializer_list<std::string_view>;

bool is_blank(const char* s) {
    for (; *s; ++s)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return false;
    return true;
}

bool valid_id(std::string_view id) {
    if (id.empty()) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '.' && c != '-' && c != '_'))) return false;
    }
    return true;
}

// Where an id was first defined: its position is only worked out should a
// duplicate turn up.
struct IdSite {
    const XmlFile* file;
    pugi::xml_node node;
};

class Loader {
public:
    Loader(fs::path dir, const XmlLimits& limits, Diagnostics& diags)
        : dir_(std::move(dir)), limits_(limits), diags_(diags) {}

    void load(Course& course);

private:
    // --- structure checks -------------------------------------------------
    void allow_attributes(const XmlFile& f, pugi::xml_node node, Names allowed) {
        for (pugi::xml_attribute a : node.attributes()) {
            const std::string_view name = a.name();
            bool known = false;
            for (auto n : allowed) known |= n == name;
            if (!known) f.error(a, node, fmt::format("unknown attribute '{}' on <{}>", name, node.name()));
        }
    }

    // Elements of a container; stray text is an error, whitespace is layout.
    std::vector<pugi::xml_node> elements(const XmlFile& f, pugi::xml_node node) {
        std::vector<pugi::xml_node> out;
        for (pugi::xml_node child : node.children()) {
            if (child.type() == pugi::node_element) out.push_back(child);
            else if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) &&
                     !is_blank(child.value()))
                f.error(child, fmt::format("text directly inside <{}>; put it in a <p>", node.name()));
        }
        return out;
    }

    // The order content/schema/lektion.xsd gives a container's children, so
    // that lint and the schema accept the same files: each slot a name (or
    // "block" for any block element) and how often it may come. A child out
    // of order or once too often is an error; unknown children and missing
    // ones are reported by the readers, with their own words.
    struct Slot {
        std::string_view name;
        int max;  // many: a large number
    };
    static constexpr int many = many_children;

    static bool is_block(std::string_view n) {
        return n == "p" || n == "h" || n == "quote" || n == "list" || n == "callout" || n == "figure";
    }

    void check_order(const XmlFile& f, pugi::xml_node parent, std::initializer_list<Slot> model) {
        check_order(f, parent, std::vector<Slot>(model));
    }

    void check_order(const XmlFile& f, pugi::xml_node parent, const std::vector<Slot>& slots) {
        auto slot_of = [&](std::string_view n) -> int {
            for (std::size_t i = 0; i < slots.size(); ++i)
                if (slots[i].name == n || (slots[i].name == "block" && is_block(n)))
                    return static_cast<int>(i);
            return -1;
        };
        int at = -1, count = 0;
        for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element) continue;
            const int slot = slot_of(child.name());
            if (slot < 0) continue;
            if (slot == at) {
                if (++count > slots[static_cast<std::size_t>(slot)].max)
                    f.error(child, fmt::format("<{}> comes {} in <{}>", child.name(),
                                               slots[static_cast<std::size_t>(slot)].max == 1 ? "only once"
                                                                                              : "too often",
                                               parent.name()));
            } else if (slot > at) {
                at = slot, count = 1;
            } else {
                const std::string_view after = slots[static_cast<std::size_t>(at)].name;
                f.error(child, fmt::format(
                                   "<{}> must come before {} in <{}>", child.name(),
                                   after == "block" ? std::string("the content") : fmt::format("<{}>", after),
                                   parent.name()));
            }
        }
    }

    void unknown_element(const XmlFile& f, pugi::xml_node node, pugi::xml_node parent) {
        f.error(node, fmt::format("unknown element <{}> in <{}>", node.name(), parent.name()));
    }

    std::string read_id(const XmlFile& f, pugi::xml_node node) {
        pugi::xml_attribute a = node.attribute("id");
        if (!a) {
            f.error(node, fmt::format("<{}> needs an id attribute", node.name()));
            return {};
        }
        const std::string_view id = a.value();  // lives as long as the file, as ids_ does
        if (!valid_id(id)) {
            f.error(a, node, fmt::format("invalid id '{}': use a-z, 0-9, '.', '-', '_'", id));
            return std::string(id);
        }
        register_id(f, node, id);
        return std::string(id);
    }

    void register_id(const XmlFile& f, pugi::xml_node node, std::string_view id) {
        auto [it, fresh] = ids_.try_emplace(id, IdSite{&f, node});
        if (fresh) return;
        const IdSite& first = it->second;
        const Site at = first.file->site(first.node);
        f.error(node, fmt::format("duplicate id '{}' (first defined at {}:{}:{})", id, first.file->path(),
                                  at.line, at.column));
    }

    bool read_bool(const XmlFile& f, pugi::xml_node node, const char* name, bool fallback) {
        pugi::xml_attribute a = node.attribute(name);
        if (!a) return fallback;
        const std::string_view v = a.value();
        if (v == "true") return true;
        if (v == "false") return false;
        f.error(a, node, fmt::format("{}=\"{}\" must be true or false", name, v));
        return fallback;
    }

    std::optional<int> read_int(const XmlFile& f, pugi::xml_node node, const char* name) {
        pugi::xml_attribute a = node.attribute(name);
        if (!a) return std::nullopt;
        const std::string_view v = a.value();
        int value = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
        if (ec != std::errc() || end != v.data() + v.size() || v.empty()) {
            f.error(a, node, fmt::format("{}=\"{}\" must be a whole number", name, v));
            return std::nullopt;
        }
        return value;
    }

    // Whether a lexically normal relative path could lead out: only through a
    // symbolic link among its components (one lstat each, where resolving
    // real paths cost some fifty system calls a file).
    bool may_leave_course(const fs::path& rel) const {
        fs::path at = dir_;
        for (const fs::path& part : rel) {
            at /= part;
            std::error_code ec;
            const fs::file_type type = fs::symlink_status(at, ec).type();
            if (type != fs::file_type::regular && type != fs::file_type::directory) return true;
        }
        return false;
    }

    // A path inside the course folder, or nullopt after reporting why not.
    std::optional<fs::path> inside_course(const XmlFile& f, pugi::xml_attribute a, pugi::xml_node owner,
                                          std::string_view what) {
        const fs::path rel = fs::path(a.value()).lexically_normal();
        if (std::string_view(a.value()).empty()) {
            f.error(a, owner, fmt::format("empty {} path", what));
            return std::nullopt;
        }
        if (rel.is_absolute() || rel.has_root_name() || rel.has_root_directory() ||
            (!rel.empty() && *rel.begin() == "..")) {
            f.error(a, owner, fmt::format("{} path '{}' leaves the course folder", what, a.value()));
            return std::nullopt;
        }
        const fs::path full = dir_ / rel;
        std::error_code ec;
        if (!fs::exists(full, ec)) {
            f.error(a, owner, fmt::format("{} '{}' does not exist", what, a.value()));
            return std::nullopt;
        }
        if (!may_leave_course(rel)) return rel;
        // A symbolic link may still point elsewhere: compare real paths.
        const fs::path real = fs::weakly_canonical(full, ec);
        const fs::path root = fs::weakly_canonical(dir_, ec);
        auto [r, _] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
        if (r != root.end()) {
            f.error(a, owner, fmt::format("{} '{}' leads outside the course folder", what, a.value()));
            return std::nullopt;
        }
        return rel;
    }

    // --- text ----------------------------------------------------------------
    void read_spans(const XmlFile& f, pugi::xml_node node, std::uint8_t emphasis, Text& out, int depth) {
        for (pugi::xml_node child : node.children()) {
            switch (child.type()) {
                case pugi::node_pcdata:
                case pugi::node_cdata: out.spans.push_back({child.value(), emphasis}); break;
                case pugi::node_element: {
                    const std::string_view name = child.name();
                    if (name == "b" || name == "i") {
                        allow_attributes(f, child, {});
                        if (depth >= limits_.max_depth) {
                            f.error(child, "emphasis nested too deeply");
                            break;
                        }
                        read_spans(f, child, emphasis | (name == "b" ? bold : italic), out, depth + 1);
                    } else {
                        f.error(child, fmt::format("<{}> cannot appear in text; only <b> and <i> can", name));
                    }
                    break;
                }
                default: break;
            }
        }
    }

    Text read_text(const XmlFile& f, pugi::xml_node node) {
        Text t;
        allow_attributes(f, node, {"id"});
        t.id = read_id(f, node);
        read_spans(f, node, plain, t, 0);
        tidy(t);
        if (t.empty()) f.error(node, fmt::format("<{}> has no text", node.name()));
        return t;
    }

    // --- blocks --------------------------------------------------------------
    bool read_block(const XmlFile& f, pugi::xml_node node, std::vector<Block>& out, int depth) {
        const std::string_view name = node.name();
        Block b;
        if (name == "p" || name == "h" || name == "quote") {
            b.kind = name == "p"   ? BlockKind::paragraph
                     : name == "h" ? BlockKind::subheading
                                   : BlockKind::quote;
            b.text = read_text(f, node);
        } else if (name == "list") {
            b.kind = BlockKind::list;
            allow_attributes(f, node, {"kind"});
            const std::string_view kind = node.attribute("kind").as_string("bullet");
            if (kind == "numbered") b.list_kind = ListKind::numbered;
            else if (kind != "bullet")
                f.error(node.attribute("kind"), node,
                        fmt::format("list kind '{}' must be bullet or numbered", kind));
            for (pugi::xml_node item : elements(f, node)) {
                if (std::string_view(item.name()) == "item") b.items.push_back(read_text(f, item));
                else unknown_element(f, item, node);
            }
            if (b.items.empty()) f.error(node, "<list> has no <item>");
        } else if (name == "callout") {
            b.kind = BlockKind::callout;
            allow_attributes(f, node, {"kind"});
            b.callout_kind = read_callout_kind(f, node);
            if (depth >= limits::callout_depth) {
                f.error(node, fmt::format("callouts nest more than {} deep", limits::callout_depth),
                        diag_code::callouts_too_deep);
                return true;
            }
            for (pugi::xml_node child : elements(f, node)) {
                if (std::string_view(child.name()) == "title") {
                    if (b.title || !b.children.empty())
                        f.error(child, "a callout's <title> comes once, first");
                    b.title = read_text(f, child);
                } else if (!read_block(f, child, b.children, depth + 1)) {
                    unknown_element(f, child, node);
                }
            }
            if (b.children.empty()) f.error(node, "<callout> has no content");
        } else if (name == "figure") {
            b.kind = BlockKind::figure;
            allow_attributes(f, node, {"src"});
            if (pugi::xml_attribute src = node.attribute("src")) {
                if (auto rel = inside_course(f, src, node, "image")) {
                    b.src = rel->generic_string();
                    if (const ImageProbe probe = probe_image(dir_ / *rel); !probe.ok)
                        f.error(src, node, fmt::format("image '{}' {}", src.value(), probe.error));
                }
            } else {
                f.error(node, "<figure> needs a src attribute");
            }
            bool has_alt = false;
            check_order(f, node, {{"alt", 1}, {"caption", 1}});
            for (pugi::xml_node child : elements(f, node)) {
                const std::string_view n = child.name();
                if (n == "alt") b.alt = read_text(f, child), has_alt = true;
                else if (n == "caption") b.caption = read_text(f, child);
                else unknown_element(f, child, node);
            }
            if (!has_alt) f.error(node, "<figure> needs an <alt> text for those who cannot see it");
        } else {
            return false;
        }
        out.push_back(std::move(b));
        return true;
    }

    CalloutKind read_callout_kind(const XmlFile& f, pugi::xml_node node) {
        pugi::xml_attribute a = node.attribute("kind");
        const std::string_view kind = a.value();
        if (kind == "example") return CalloutKind::example;
        if (kind == "data") return CalloutKind::data;
        if (kind == "case") return CalloutKind::case_study;
        if (kind == "note") return CalloutKind::note;
        if (!a) f.error(node, "<callout> needs kind=\"example|data|case|note\"");
        else f.error(a, node, fmt::format("callout kind '{}' must be example, data, case or note", kind));
        return CalloutKind::note;
    }

    Section read_section(const XmlFile& f, pugi::xml_node node) {
        Section s;
        allow_attributes(f, node, {"id"});
        s.id = read_id(f, node);
        bool has_heading = false;
        for (pugi::xml_node child : elements(f, node)) {
            if (std::string_view(child.name()) == "heading") {
                if (has_heading || !s.blocks.empty())
                    f.error(child, "a section's <heading> comes once, first");
                s.heading = read_text(f, child);
                has_heading = true;
            } else if (!read_block(f, child, s.blocks, 0)) {
                unknown_element(f, child, node);
            }
        }
        if (!has_heading) f.error(node, "<section> needs a <heading>");
        if (s.blocks.empty()) f.error(node, "<section> has no content");
        return s;
    }

    // --- questions -----------------------------------------------------------
    // The common frame (id, type, credit, prompt, explanation) is read here;
    // everything else is the question type's (engine/questions/).
    Question read_question(const XmlFile& f, pugi::xml_node node) {
        Question q;
        pugi::xml_attribute type_attr = node.attribute("type");
        q.type = type_attr.as_string("single");
        const QuestionTypes& types = QuestionTypes::get();
        const QuestionType* type = types.find(q.type);
        std::vector<std::string_view> allowed{"id", "type"};
        if (type && type->has_parts()) allowed.push_back("credit");
        if (type)
            for (std::string_view a : type->attributes()) allowed.push_back(a);
        for (pugi::xml_attribute a : node.attributes()) {
            const std::string_view name = a.name();
            if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
                f.error(a, node,
                        fmt::format("unknown attribute '{}' on <{}>{}", name, node.name(),
                                    type ? fmt::format(" of type {}", q.type) : ""));
        }
        q.id = read_id(f, node);
        if (!type) {
            std::string names;
            const auto all = types.names();
            for (std::size_t i = 0; i < all.size(); ++i)
                names += fmt::format("{}{}", i == 0 ? "" : i + 1 == all.size() ? " or " : ", ", all[i]);
            f.error(type_attr, node, fmt::format("question type '{}' must be {}", q.type, names));
            return q;
        }
        if (pugi::xml_attribute credit = node.attribute("credit"); credit && type->has_parts()) {
            const std::string_view v = credit.value();
            if (v == "partial") q.partial_credit = true;
            else if (v != "all")
                f.error(credit, node, fmt::format("credit=\"{}\" must be all or partial", v));
        }
        std::vector<Slot> slots{{"prompt", 1}};
        for (const ChildSlot& c : type->children()) slots.push_back({c.name, c.max});
        slots.push_back({"explanation", 1});
        check_order(f, node, slots);
        bool has_prompt = false;
        Reader reader(*this, f);
        for (pugi::xml_node child : elements(f, node)) {
            const std::string_view n = child.name();
            if (n == "prompt") q.prompt = read_text(f, child), has_prompt = true;
            else if (n == "explanation") q.explanation = read_text(f, child);
            else if (!type->read_child(reader, child, q)) unknown_element(f, child, node);
        }
        if (!has_prompt) f.error(node, "<question> needs a <prompt>");
        type->check(reader, node, q);
        return q;
    }

    // The loader's readers, as a question type sees them.
    class Reader : public QuestionReader {
    public:
        Reader(Loader& l, const XmlFile& f) : l_(l), f_(f) {}
        const XmlFile& file() const override { return f_; }
        Text text(pugi::xml_node node) override { return l_.read_text(f_, node); }
        std::string id(pugi::xml_node node) override { return l_.read_id(f_, node); }
        std::vector<pugi::xml_node> elements(pugi::xml_node node) override { return l_.elements(f_, node); }
        void allow_attributes(pugi::xml_node node, std::initializer_list<std::string_view> names) override {
            l_.allow_attributes(f_, node, names);
        }
        void order(pugi::xml_node node, std::initializer_list<ChildSlot> slots) override {
            std::vector<Slot> s;
            for (const ChildSlot& c : slots) s.push_back({c.name, c.max});
            l_.check_order(f_, node, s);
        }
        bool boolean(pugi::xml_node node, const char* name, bool fallback) override {
            return l_.read_bool(f_, node, name, fallback);
        }
        void unknown(pugi::xml_node node, pugi::xml_node parent) override {
            l_.unknown_element(f_, node, parent);
        }

    private:
        Loader& l_;
        const XmlFile& f_;
    };

    // --- files ---------------------------------------------------------------
    // The file stays open until the load ends: ids_ points into it.
    const XmlFile* open(const fs::path& rel, std::string_view root_name) {
        const fs::path full = dir_ / rel;
        const XmlFile& file =
            *files_.emplace_back(std::make_unique<XmlFile>(full, full.generic_string(), limits_, diags_));
        if (!file.ok()) return nullptr;
        if (std::string_view(file.root().name()) != root_name) {
            file.error(file.root(),
                       fmt::format("root element is <{}>; expected <{}>", file.root().name(), root_name));
            return nullptr;
        }
        return &file;
    }

    Lesson read_lesson(const XmlFile& f, const std::string& rel) {
        Lesson l;
        pugi::xml_node root = f.root();
        l.file = rel;
        allow_attributes(f, root, {"id"});
        l.id = read_id(f, root);
        check_order(f, root, {{"title", 1}, {"section", many}, {"check", 1}});
        bool has_title = false;
        for (pugi::xml_node child : elements(f, root)) {
            const std::string_view n = child.name();
            if (n == "title") l.title = read_text(f, child), has_title = true;
            else if (n == "section") l.sections.push_back(read_section(f, child));
            else if (n == "check") {
                allow_attributes(f, child, {});
                for (pugi::xml_node q : elements(f, child)) {
                    if (std::string_view(q.name()) == "question") l.checks.push_back(read_question(f, q));
                    else unknown_element(f, q, child);
                }
                if (l.checks.empty()) f.error(child, "<check> has no <question>");
            } else unknown_element(f, child, root);
        }
        if (!has_title) f.error(root, "<lesson> needs a <title>");
        if (l.sections.empty()) f.error(root, "<lesson> has no <section>");
        return l;
    }

    Quiz read_quiz(const XmlFile& f, const std::string& rel) {
        Quiz quiz;
        pugi::xml_node root = f.root();
        quiz.file = rel;
        allow_attributes(f, root, {"id", "pass-mark", "attempts", "shuffle", "draw"});
        quiz.id = read_id(f, root);
        if (auto v = read_int(f, root, "pass-mark")) {
            if (*v < 0 || *v > 100)
                f.error(root.attribute("pass-mark"), root, fmt::format("pass-mark {} is outside 0–100", *v));
            else quiz.pass_mark = *v;
        }
        if (auto v = read_int(f, root, "attempts")) {
            if (*v < 0) f.error(root.attribute("attempts"), root, "attempts cannot be negative");
            else quiz.attempts = *v;
        }
        if (auto v = read_int(f, root, "draw")) {
            if (*v < 0) f.error(root.attribute("draw"), root, "draw cannot be negative");
            else quiz.draw = *v;
        }
        quiz.shuffle = read_bool(f, root, "shuffle", true);
        check_order(f, root, {{"title", 1}, {"p", many}, {"question", many}});
        bool has_title = false;
        for (pugi::xml_node child : elements(f, root)) {
            const std::string_view n = child.name();
            if (n == "title") quiz.title = read_text(f, child), has_title = true;
            else if (n == "p") quiz.intro.push_back(read_text(f, child));
            else if (n == "question") quiz.questions.push_back(read_question(f, child));
            else unknown_element(f, child, root);
        }
        if (!has_title) f.error(root, "<quiz> needs a <title>");
        if (quiz.questions.empty()) f.error(root, "<quiz> has no <question>");
        if (quiz.draw > static_cast<int>(quiz.questions.size()))
            f.error(
                root.attribute("draw"), root,
                fmt::format("quiz draws {} questions from a pool of {}", quiz.draw, quiz.questions.size()));
        return quiz;
    }

    void read_manifest(const XmlFile& f, Course& c);

    fs::path dir_;
    XmlLimits limits_;
    Diagnostics& diags_;
    std::vector<std::unique_ptr<XmlFile>> files_;
    std::unordered_map<std::string_view, IdSite> ids_;  // a tree of 50 000 ids was a third of the load time
};

void Loader::read_manifest(const XmlFile& f, Course& c) {
    pugi::xml_node root = f.root();
    allow_attributes(f, root, {"id", "version", "lang", "ordered", "quiz-after-lessons"});
    c.id = read_id(f, root);
    for (const char* required : {"version", "lang"})
        if (!root.attribute(required)) f.error(root, fmt::format("<course> needs a {} attribute", required));
    c.version = root.attribute("version").value();
    c.lang = root.attribute("lang").value();
    if (root.attribute("lang") && !valid_language_tag(c.lang)) {
        const std::string better = suggest_language_tag(c.lang);
        f.error(root.attribute("lang"), root,
                fmt::format("lang '{}' is not a BCP 47 language tag{}", c.lang,
                            better.empty() ? std::string(" such as da or en-GB")
                                           : fmt::format("; did you mean '{}'?", better)));
    }
    c.ordered = read_bool(f, root, "ordered", false);
    c.quiz_after_lessons = read_bool(f, root, "quiz-after-lessons", true);

    std::set<std::string> seen;
    auto once = [&](pugi::xml_node child) {
        if (!seen.insert(child.name()).second)
            f.error(child, fmt::format("<{}> appears twice in <course>", child.name()));
    };
    auto paragraphs = [&](pugi::xml_node node, std::vector<Text>& out) {
        allow_attributes(f, node, {});
        for (pugi::xml_node p : elements(f, node)) {
            if (std::string_view(p.name()) == "p") out.push_back(read_text(f, p));
            else unknown_element(f, p, node);
        }
        if (out.empty()) f.error(node, fmt::format("<{}> has no <p>", node.name()));
    };
    // What a container must hold, in the schema's words.
    auto needs = [&](pugi::xml_node node, bool has, const char* what) {
        if (!has) f.error(node, fmt::format("<{}> needs {}", node.name(), what));
    };

    for (pugi::xml_node child : elements(f, root)) {
        const std::string_view n = child.name();
        once(child);
        if (n == "title") c.title = read_text(f, child);
        else if (n == "description") c.description = read_text(f, child);
        else if (n == "start") {
            allow_attributes(f, child, {});
            for (pugi::xml_node s : elements(f, child)) {
                if (std::string_view(s.name()) == "section") c.start.push_back(read_section(f, s));
                else unknown_element(f, s, child);
            }
            needs(child, !c.start.empty(), "a <section>");
        } else if (n == "outcomes") {
            allow_attributes(f, child, {});
            check_order(f, child, {{"heading", 1}, {"p", many}, {"group", many}});
            needs(child, child.child("heading"), "a <heading>");
            needs(child, child.child("group"), "a <group>");
            for (pugi::xml_node o : elements(f, child)) {
                const std::string_view on = o.name();
                if (on == "heading") c.outcomes_heading = read_text(f, o);
                else if (on == "p") c.outcomes_intro.push_back(read_text(f, o));
                else if (on == "group") {
                    OutcomeGroup g;
                    allow_attributes(f, o, {"id"});
                    g.id = read_id(f, o);
                    check_order(f, o, {{"title", 1}, {"item", many}});
                    needs(o, o.child("title"), "a <title>");
                    needs(o, o.child("item"), "an <item>");
                    for (pugi::xml_node gi : elements(f, o)) {
                        const std::string_view gn = gi.name();
                        if (gn == "title") g.title = read_text(f, gi);
                        else if (gn == "item") g.items.push_back(read_text(f, gi));
                        else unknown_element(f, gi, o);
                    }
                    c.outcomes.push_back(std::move(g));
                } else unknown_element(f, o, child);
            }
        } else if (n == "keywords") {
            allow_attributes(f, child, {});
            check_order(f, child, {{"heading", 1}, {"keyword", many}});
            needs(child, child.child("heading"), "a <heading>");
            needs(child, child.child("keyword"), "a <keyword>");
            for (pugi::xml_node k : elements(f, child)) {
                const std::string_view kn = k.name();
                if (kn == "heading") c.keywords_heading = read_text(f, k);
                else if (kn == "keyword") c.keywords.push_back(read_text(f, k));
                else unknown_element(f, k, child);
            }
        } else if (n == "credits") paragraphs(child, c.credits);
        else if (n == "disclaimer") paragraphs(child, c.disclaimer);
        else if (n == "lessons") {
            allow_attributes(f, child, {});
            std::map<std::string, int> listed;  // file -> line in course.xml
            for (pugi::xml_node l : elements(f, child)) {
                if (std::string_view(l.name()) != "lesson") {
                    unknown_element(f, l, child);
                    continue;
                }
                allow_attributes(f, l, {"href"});
                pugi::xml_attribute href = l.attribute("href");
                if (!href) {
                    f.error(l, "<lesson> needs an href attribute naming its file");
                    continue;
                }
                auto rel = inside_course(f, href, l, "lesson file");
                if (!rel) continue;
                // Read twice, every id of the file would be a duplicate: one error here instead.
                const auto [first, fresh] = listed.emplace(rel->generic_string(), f.site(l).line);
                if (!fresh) {
                    f.error(href, l,
                            fmt::format("lesson file '{}' is listed twice (first at line {})", href.value(),
                                        first->second));
                    continue;
                }
                if (auto lf = open(*rel, "lesson"))
                    c.lessons.push_back(read_lesson(*lf, rel->generic_string()));
            }
            if (c.lessons.empty() && !diags_.has_errors()) f.error(child, "<lessons> is empty");
        } else if (n == "quiz") {
            allow_attributes(f, child, {"href"});
            pugi::xml_attribute href = child.attribute("href");
            if (!href) f.error(child, "<quiz> needs an href attribute naming its file");
            else if (auto rel = inside_course(f, href, child, "quiz file"))
                if (auto qf = open(*rel, "quiz")) c.quiz = read_quiz(*qf, rel->generic_string());
        } else unknown_element(f, child, root);
    }
    for (const char* required : {"title", "lessons"})
        if (!seen.count(required)) f.error(root, fmt::format("<course> needs a <{}>", required));
}

void Loader::load(Course& course) {
    course.dir = dir_.generic_string();
    if (auto f = open("course.xml", "course")) read_manifest(*f, course);
}

}  // namespace

LoadResult load_course(const fs::path& dir, const XmlLimits& limits) {
    LoadResult result;
    auto course = std::make_shared<Course>();
    Loader(dir, limits, result.diagnostics).load(*course);
    if (!result.diagnostics.has_errors()) result.course = std::move(course);
    return result;
}

}  // namespace lektion
