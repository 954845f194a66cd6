// One UI frame without a GPU: the real App through the headless harness of
// the player tests (tests/player/headless.cpp), at the default text size in
// a 1180x800 window.
//   bench_frame scan COURSE_DIR
//     draw vertices (ImDrawData::TotalVtxCount) of every lesson page; the last
//     line names the heaviest.
//   bench_frame frame COURSE_DIR lesson L P | quiz | demo
//     settles the page, then builds exactly one frame between
//     CALLGRIND_TOGGLE_COLLECT marks (run it under valgrind --tool=callgrind
//     --instr-atstart=no --collect-atstart=no), and prints its vertices; outside
//     valgrind it also prints the median wall time of 200 frames. "quiz" is the
//     first question of a quiz attempt; "demo" is Dear ImGui's own demo window
//     in the same context and fonts, the baseline.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include <valgrind/callgrind.h>

#include "headless.hpp"
#include "l10n/strings.hpp"
#include "load/loader.hpp"
#include "player/app.hpp"

using namespace lektion;

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: bench_frame scan COURSE_DIR\n"
                 "       bench_frame frame COURSE_DIR lesson L P | quiz | demo\n");
    return 2;
}

void demo_frame() {
    ImGui::NewFrame();
    ImGui::ShowDemoWindow();
    ImGui::Render();
}

void read_everything(Session& s) {
    for (int l = 0; l < static_cast<int>(s.course().lessons.size()); ++l) {
        s.open_lesson(l);
        for (int p = 0; p < s.page_count(l); ++p) s.go_to({l, p});
        for (const Question& q : s.course().lessons[static_cast<std::size_t>(l)].checks)
            s.answer_check(q.id, {q.options[0].id});
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return usage();
    const std::string mode = argv[1];
    const std::string dir = argv[2];
    set_ui_language("da");
    const LoadResult loaded = load_course(dir);
    if (!loaded.course) {
        std::fprintf(stderr, "bench_frame: %s does not load\n", dir.c_str());
        return 1;
    }
    ui::App app(loaded.course, dir, nullptr, {"bench", "da"});
    test::Headless h(app);
    h.frames(3);
    Session& s = *app.session();

    if (mode == "scan") {
        int best_l = 0, best_p = 0, best = -1;
        for (int l = 0; l < static_cast<int>(s.course().lessons.size()); ++l) {
            for (int p = 0; p < s.page_count(l); ++p) {
                s.go_to({l, p});
                app.show(ui::Screen::lesson);
                h.frames(3);
                const int vtx = h.draw_data()->TotalVtxCount;
                std::printf("page %d %d vtx %d\n", l, p, vtx);
                if (vtx > best) best = vtx, best_l = l, best_p = p;
            }
        }
        std::printf("heaviest %d %d vtx %d\n", best_l, best_p, best);
        return 0;
    }
    if (mode != "frame" || argc < 4) return usage();
    const std::string what = argv[3];
    std::function<void()> one = [&] { h.frame(); };
    if (what == "lesson" && argc == 6) {
        s.go_to({std::atoi(argv[4]), std::atoi(argv[5])});
        app.show(ui::Screen::lesson);
    } else if (what == "quiz") {
        read_everything(s);
        if (!s.start_quiz(42)) {
            std::fprintf(stderr, "bench_frame: the quiz does not open\n");
            return 1;
        }
        app.show(ui::Screen::quiz);
        app.set_quiz_page(ui::QuizPage::question, 0);
    } else if (what == "demo") {
        one = demo_frame;
    } else {
        return usage();
    }
    for (int i = 0; i < 5; ++i) one();  // layout, window sizes and caches settle

    CALLGRIND_START_INSTRUMENTATION;
    one();  // warm under instrumentation
    CALLGRIND_TOGGLE_COLLECT;
    one();
    CALLGRIND_TOGGLE_COLLECT;
    CALLGRIND_STOP_INSTRUMENTATION;
    const int vtx = ImGui::GetDrawData()->TotalVtxCount;

    if (RUNNING_ON_VALGRIND) {
        std::printf("vtx %d\n", vtx);
        return 0;
    }
    std::vector<double> us;
    for (int i = 0; i < 200; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        one();
        us.push_back(
            std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(us.begin(), us.end());
    std::printf("vtx %d frame_us %.0f\n", vtx, us[us.size() / 2]);
    return 0;
}
