// libFuzzer target: the course loader on a course folder. The input becomes
// course.xml, quiz.xml or lektion1.xml (by the root element it mentions),
// beside small valid files, a picture, and traps that lead out of the folder:
// a lesson file and a picture outside it, a symbolic link to the file outside
// and one to the parent folder. A course that loads must name no path that
// resolves outside its folder; then a session walks every page, answers each
// check and takes the quiz. Its texts hold no control character.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "load/loader.hpp"
#include "session/session.hpp"
#include "support.hpp"

using namespace lektion;
namespace fs = std::filesystem;

namespace {

const char* const manifest = R"(<?xml version="1.0" encoding="UTF-8"?>
<course id="c" version="1" lang="da">
  <title id="c.title">Kursus</title>
  <lessons><lesson href="lektion1.xml"/></lessons>
  <quiz href="quiz.xml"/>
</course>
)";

std::string lesson(const std::string& id) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<lesson id=")" +
           id + R"(">
  <title id=")" +
           id + R"(.t">Lektion</title>
  <section id=")" +
           id + R"(.s1"><heading id=")" + id + R"(.s1.h">Afsnit</heading>
    <p id=")" +
           id + R"(.s1.p">Tekst <b>fed</b> og <i>kursiv</i>.</p>
    <figure src="img.png"><alt id=")" +
           id + R"(.s1.alt">Billede</alt></figure>
  </section>
  <check><question id=")" +
           id + R"(.q">
    <prompt id=")" +
           id + R"(.q.p">Spørgsmål?</prompt>
    <option id=")" +
           id + R"(.q.a" correct="true"><label id=")" + id + R"(.q.a.l">Ja</label></option>
    <option id=")" +
           id + R"(.q.b"><label id=")" + id + R"(.q.b.l">Nej</label></option>
  </question></check>
</lesson>
)";
}

const char* const quiz = R"(<?xml version="1.0" encoding="UTF-8"?>
<quiz id="quiz" pass-mark="50" attempts="2" draw="1">
  <title id="quiz.t">Quiz</title>
  <question id="quiz.q1"><prompt id="quiz.q1.p">Et?</prompt>
    <option id="quiz.q1.a" correct="true"><label id="quiz.q1.a.l">A</label></option>
    <option id="quiz.q1.b"><label id="quiz.q1.b.l">B</label></option></question>
  <question id="quiz.q2" type="multiple"><prompt id="quiz.q2.p">To?</prompt>
    <option id="quiz.q2.a" correct="true"><label id="quiz.q2.a.l">A</label></option>
    <option id="quiz.q2.b" correct="true"><label id="quiz.q2.b.l">B</label></option></question>
</quiz>
)";

struct Folder {
    fs::path root = fuzz::scratch("course");
    fs::path dir = root / "course";

    Folder() {
        fuzz::write(root / "outside.xml", lesson("out"));
        fuzz::write(root / "outside.png", fuzz::png_header());
        fuzz::write(root / "course-evil" / "lektion1.xml", lesson("evil"));
        fuzz::write(dir / "img.png", fuzz::png_header());
        fuzz::write(dir / "sub" / "l2.xml", lesson("l2"));
        fs::create_symlink("../outside.xml", dir / "link.xml");
        fs::create_symlink("../outside.png", dir / "link.png");
        fs::create_directory_symlink("..", dir / "linkdir");
    }
    void reset() {
        fuzz::write(dir / "course.xml", manifest);
        fuzz::write(dir / "lektion1.xml", lesson("l1"));
        fuzz::write(dir / "quiz.xml", quiz);
    }
};

void walk(const CoursePtr& course) {
    Session s(course);
    const int lessons = static_cast<int>(course->lessons.size());
    for (int l = 0; l < lessons; ++l) {
        s.open_lesson(l);
        for (int p = 0; p < s.page_count(l); ++p) {
            s.go_to({l, p});
            (void)s.section({l, p});
            (void)s.is_check_page({l, p});
            s.next();
        }
        for (const Question& q : course->lessons[static_cast<std::size_t>(l)].checks)
            if (!q.options.empty()) s.answer_check(q.id, {q.options.front().id});
        (void)s.lesson_fraction(l);
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        const QuizAttempt* a = s.start_quiz(0x5eed + attempt);
        if (!a) break;
        const std::vector<std::string> drawn = a->questions;
        for (const std::string& id : drawn)
            if (const Question* q = course->question(id); q && !q->options.empty())
                s.answer_quiz(id, {q->options.back().id});
        s.submit_quiz();
    }
    s.go_home();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Folder folder;
    folder.reset();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const char* name = text.find("<course") != std::string_view::npos ? "course.xml"
                       : text.find("<quiz") != std::string_view::npos ? "quiz.xml"
                                                                      : "lektion1.xml";
    fuzz::write(folder.dir / name, text);

    const LoadResult r = load_course(folder.dir);
    for (const Diagnostic& d : r.diagnostics.items) (void)format(d);
    if (r.course) {
        fuzz::check_paths(folder.dir, *r.course);
        fuzz::check_characters(*r.course);
        walk(r.course);
    }
    return 0;
}
