// lektion speak COURSE_DIR --section ID | --question ID [--lang xx] [--rate WPM] -o FILE.wav:
// what Read aloud would say, as a WAV file, for authors to listen to and for tests.
#include <fmt/format.h>

#include "base/terminal_text.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "l10n/language_tag.hpp"
#include "load/translation.hpp"
#include "speech/speech.hpp"
#include "speech/wav.hpp"

namespace lektion::cli {

namespace {

struct SpeakOptions {
    std::string course_dir = default_course_dir();
    std::string section, question, lang, output;
    int rate = speech::default_rate;
};

int usage(const std::string& message) {
    say(fmt::format("lektion: {} (try --help)", message));
    return 2;
}

const Section* find_section(const Course& c, const std::string& id) {
    for (const Section& s : c.start)
        if (s.id == id) return &s;
    for (const Lesson& l : c.lessons)
        for (const Section& s : l.sections)
            if (s.id == id) return &s;
    return nullptr;
}

int run(const SpeakOptions& o) {
    if (o.section.empty() == o.question.empty())
        return usage("speak needs one of --section ID and --question ID");
    if (o.output == "-") return usage("speak writes a WAV file: -o FILE.wav, not standard output");
    const ProtectedPaths keep = protected_paths("", {o.course_dir});
    if (const int refused = check_output(o.output, keep)) return refused;
    const LoadResult loaded = load_course(o.course_dir, o.lang);
    if (!loaded.course) {
        for (const Diagnostic& d : loaded.diagnostics.items) say(format(d));
        say(fmt::format("lektion: {} has errors; nothing spoken (lektion lint shows them)", o.course_dir));
        return 1;
    }
    const Course& c = *loaded.course;
    if (!o.lang.empty() && !same_language(o.lang, c.lang)) {
        bool known = false;
        for (const std::string& l : course_languages(o.course_dir)) known = known || same_language(l, o.lang);
        if (!known)
            return usage(
                fmt::format("the course has no '{}' translation (lektion status lists them)", o.lang));
    }
    const std::string shown = o.lang.empty() ? c.lang : o.lang;
    std::vector<speech::Utterance> utterances;
    if (!o.section.empty()) {
        const Section* s = find_section(c, o.section);
        if (!s)
            return usage(fmt::format("the course has no section '{}' (ids as in FORMAT.md, such as l1.s2)",
                                     o.section));
        utterances = speech::section_utterances(*s, c, shown);
    } else {
        const Question* q = c.question(o.question);
        if (!q) return usage(fmt::format("the course has no question '{}'", o.question));
        utterances = speech::question_utterances(*q, c, shown);
    }
    speech::Audio audio;
    try {
        speech::Speech engine;
        audio = engine.render(utterances, o.rate);
    } catch (const std::exception& e) {
        say(fmt::format("lektion: {}", e.what()));
        return 1;
    }
    if (const int failed =
            write_output(o.output, speech::wav_file(audio.samples, audio.sample_rate), mode_shared, keep))
        return failed;
    say(fmt::format("{}: {} pieces of text, {:.1f} s at {} words a minute, written to {}", shown,
                    utterances.size(), static_cast<double>(audio.samples.size()) / audio.sample_rate, o.rate,
                    o.output));
    return 0;
}

}  // namespace

Run add_speak(CLI::App& app) {
    auto* cmd =
        app.add_subcommand("speak", "Write what Read aloud says for a section or question to a WAV file");
    auto o = std::make_shared<SpeakOptions>();
    cmd->add_option("COURSE_DIR", o->course_dir, "Course folder (default: the bundled course)")
        ->check(non_empty);
    cmd->add_option("--section", o->section, "Section id, such as l1.s2 or start.s1")->check(non_empty);
    cmd->add_option("--question", o->question, "Question id: its prompt and options in order")
        ->check(non_empty);
    cmd->add_option("--lang", o->lang, "Language of the course to read (the course's own by default)")
        ->transform(language_tag);
    cmd->add_option("--rate", o->rate, "Words a minute")
        ->check(CLI::Range(speech::min_rate, speech::max_rate));
    cmd->add_option("-o,--output", o->output, "WAV file to write (16-bit mono PCM)")->required();
    return [o] { return run(*o); };
}

}  // namespace lektion::cli
