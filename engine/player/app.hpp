// The player's state and its screens, drawn with Dear ImGui. No window
// system here: the GLFW front end (window.cpp) and the headless tests both
// call frame() between ImGui::NewFrame() and ImGui::Render().
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "course/model.hpp"
#include "diag/diagnostics.hpp"
#include "load/watch.hpp"
#include "player/fonts.hpp"
#include "player/gates.hpp"
#include "player/screen_state.hpp"
#include "player/texture_cache.hpp"
#include "player/theme.hpp"
#include "records/store.hpp"
#include "session/session.hpp"

namespace lektion::speech {
struct Utterance;
}

namespace lektion::ui {

// GLFW's key codes, which the Dear ImGui 1.86 GLFW backend writes into
// io.KeysDown; the headless tests use the same numbers.
namespace keys {
constexpr int right = 262, left = 263, down = 264, up = 265, equal = 61, minus = 45, kp_add = 334,
              kp_subtract = 333, enter = 257, kp_enter = 335, space = 32, tab = 258, left_shift = 340,
              right_shift = 344;
}

struct WidgetRect {
    ImVec2 min, max;
    ImGuiID id = 0;
    ImVec2 centre() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
};

struct AppOptions {
    std::string learner;   // --learner: pick or create without asking
    std::string language;  // interface language
};

class App {
public:
    // `course_dir` is where the course came from: a language switch reloads
    // it with that language's translation.
    App(CoursePtr course, std::filesystem::path course_dir, Store* store, AppOptions options);

    // Before ImGui::NewFrame(): Dear ImGui 1.86 activates buttons with Space
    // only; learners expect Enter to activate too.
    void before_new_frame(ImGuiIO& io);
    void frame();  // one frame of the interface

    // The front end rebuilds the font atlas when this changes.
    float text_size() const { return text_size_; }
    Theme theme() const { return theme_; }
    Screen screen() const { return screen_; }
    QuizPage quiz_page() const { return screens_.quiz.page; }
    Session* session() { return session_.get(); }
    Fonts& fonts() { return fonts_; }
    const std::string& learner_name() const { return learner_.name; }

    // Where each labelled button or option was drawn in the last frame, so
    // that tests (and the screenshot tour) can find it by its text.
    const std::map<std::string, WidgetRect>& widgets() const { return widgets_; }

    // For the screenshot tour and for tests: jump straight to a screen.
    void show(Screen screen) { screen_ = screen; }
    void set_text_size(float size);
    void set_language(const std::string& lang);  // interface and course; keeps the place

    // --watch: reload the course when a file of it changes, keep the learner's
    // place, and show lint errors over the player instead of quitting.
    void watch();
    bool poll_watch();  // true when something changed and the screen must be redrawn
    const std::vector<Diagnostic>& watch_errors() const { return watch_errors_; }
    const Course& course() const { return *course_; }
    void set_theme(Theme theme) { theme_ = theme; }
    void set_quiz_page(QuizPage page, int index = 0) {
        screens_.quiz.page = page, screens_.quiz.index = index, screens_.quiz.from_review = false;
    }
    // The front end rebuilt the fonts: every screen lays its texts out again.
    void fonts_changed() { screens_.fonts_changed(); }
    std::string last_error() const { return error_; }

    // --- figures ------------------------------------------------------------------
    // Where figures' textures are made: OpenGL in the window, a fake in tests.
    // Without one, figures show their alt text. Null releases every texture
    // (the window does so before its context goes).
    void set_texture_backend(std::unique_ptr<TextureBackend> backend);
    const FigureTextures* textures() const { return textures_.get(); }

    // --- a busy database --------------------------------------------------------
    // When another program holds the records' write lock, the store keeps the
    // learner's steps in memory and the session goes on. The window retries
    // them (about once a second) and shows the store's save problem as a line
    // above every screen, never as a dialog.
    bool records_pending() const { return store_ && store_->pending() > 0; }
    bool retry_records();  // true when what the banner says changed
    const std::string& save_problem() const { return save_problem_; }
    // On quitting: waits up to `wait` for the lock; true when nothing is left unsaved.
    bool flush_records(std::chrono::milliseconds wait);
    std::string unsaved_message() const;  // what to say when flush_records() failed

private:
    // --- screens (one file each) ------------------------------------------
    void learners_screen();
    void home_screen();
    void lesson_screen();
    void quiz_screen();
    void about_screen();
    void settings_screen();
    void trainer_screen();

    // --- parts ---------------------------------------------------------------
    void top_bar();
    void shortcuts();
    void blocks(const std::vector<Block>& blocks, float width);
    void callout(const Block& block, float width);
    void heading(const Text& text, float width, ImFont* font);
    void paragraph(const Text& text, float width);
    void figure(const Block& block, float width);
    void check_page(const Lesson& lesson, float width);
    // The question type's widget (question_widgets.hpp), what is typed kept in the screen's
    // `drafts`; true when the answer changed.
    bool answer_widget(const Question& q, const std::vector<std::string>& order,
                       std::vector<std::string>& answer, std::map<std::string, std::string>& drafts);
    // The right answer, with how many parts were right when some were.
    void right_answer(const Question& q, const Evaluation& ev, const char* key, float width);
    void quiz_question(float width);
    void quiz_review(float width);
    void quiz_result(float width);
    float column_width() const;
    void begin_column(float width);

    // Small helpers for patterns every screen repeats, as Tracy's TracyImGui.hpp keeps them.
    bool button(const std::string& label, ImVec2 size = {});
    // A button that may be greyed out; when it is, `reason` (if any) shows as its tooltip. True
    // only when pressed while enabled.
    bool button_if(bool enabled, const std::string& label, ImVec2 size = {}, const std::string& reason = {});
    // Vertical space in units of the text size, so that it grows with larger text.
    void gap(float ems) const { ImGui::Dummy({0, fonts_.size * ems}); }
    void remember(const std::string& label);  // the last item: in the Tab order, and found by tests
    void mark(const std::string& label);      // the last item, found by tests; no control
    void pick_learner(const Learner& learner);
    void save_settings();
    void guard(const std::function<void()>& action);  // shows a records failure instead of crashing

    void untranslated_note(const Section& section, float width);

    // --- read aloud (read_aloud.cpp) --------------------------------------------
    void read_aloud_keys();  // Ctrl+R reads the screen's first text, Escape stops; the highlight
    void read_aloud_section(const Section& section);
    void read_aloud_question(const Question& q, const std::vector<std::string>& order);
    void read_aloud_answer(const Question& q, const Evaluation& ev, bool with_feedback);
    void read_aloud_speed(float width);  // in Settings
    void read_aloud_control(const std::string& id,
                            const std::function<std::vector<speech::Utterance>()>& what);

    void watch_overlay();
    void save_problem_banner();

    std::unique_ptr<CourseWatcher> watcher_;
    std::vector<Diagnostic> watch_errors_;
    CoursePtr course_;
    std::filesystem::path course_dir_;
    Store* store_;
    AppOptions options_;
    std::vector<Learner> memory_learners_;  // when there is no store
    Learner learner_;
    std::unique_ptr<Session> session_;
    Fonts fonts_;
    std::unique_ptr<FigureTextures> textures_;
    float text_size_ = default_text_size;
    Theme theme_ = Theme::light;

    Screen screen_ = Screen::learners;
    Screen back_to_ = Screen::home;
    Screens screens_;  // each screen's state (screen_state.hpp)
    // The layouts of the screen being drawn: its texts are laid out through this.
    LayoutCache* layouts_ = &screens_.learners.layouts;
    LayoutCache& layouts() { return *layouts_; }
    std::string error_;
    std::string save_problem_;
    std::map<std::string, WidgetRect> widgets_;
    bool enter_as_space_ = false;  // Space held down on the learner's behalf
    // Dear ImGui 1.86 tabs only between text fields: Tab here visits every
    // control in the order drawn, like in any other desktop program.
    std::vector<ImGuiID> tab_order_, previous_tab_order_;
    ImGuiID tab_target_ = 0;
    void tab(bool backwards);

    // --- who may see what on a shared PC (gates.hpp, screen_gates.cpp) -----------
public:
    // A passphrase or PIN is being checked on the worker thread (the store is
    // its alone meanwhile), or a refusal's countdown runs: the window keeps
    // drawing frames until it is over.
    bool gate_busy() const { return gates_.busy(); }
    bool gate_ticking() const;
    // For the screenshot tour and tests, the gates as a learner meets them:
    // lock() closes the report and forgets a PIN question; ask_learner() picks
    // a name as the list does; type_secret() fills the gate's first field and
    // submits it on the next frame, as Enter would.
    Store* store() { return store_; }
    void lock();
    void ask_learner(const Learner& learner) { open_learner(learner, false); }
    void type_secret(const std::string& secret);

private:
    Gates gates_;
    // Asks for the learner's PIN, or offers a new learner one, before their session opens.
    void open_learner(const Learner& learner, bool created);
    void poll_gate();  // takes the worker's verdict once it is there
    void start_gate_work(Gates::Work work, std::function<Store::GuardCheck()> job);
    void passphrase_gate(float width);  // in front of the trainer report
    void pin_gate(float width);         // in front of a learner's session
    void pin_offer(float width);
    bool gate_field(const std::string& label, const char* id, SecretField& field, std::size_t max_bytes,
                    bool digits, float width);
    void gate_messages(float width);
    // A new passphrase or PIN: its two fields, true when submitted; then set on the worker when
    // `problem` is empty and the two agree, else that problem (or `differ`) shown and both emptied.
    bool new_secret_fields(const std::string& label, const std::string& again_label, const char* id,
                           std::size_t max_bytes, bool digits, float width);
    void set_new_secret(std::string problem, const std::string& differ, Gates::Work work,
                        std::function<void(Store&, const std::string&)> set);
    // --- a choice of course (screen_courses.cpp) ----------------------------------
    // With more than one course installed, the course home lists the others;
    // picking one plays it for the same learner, with their records of it.
public:
    struct CourseChoice {
        std::string id, title;
        std::filesystem::path dir;
    };
    void set_course_choices(std::vector<CourseChoice> choices) { course_choices_ = std::move(choices); }
    void switch_course(const std::filesystem::path& dir);
    const std::filesystem::path& course_dir() const { return course_dir_; }

private:
    std::vector<CourseChoice> course_choices_;
    void course_choice(float width);
};

}  // namespace lektion::ui
