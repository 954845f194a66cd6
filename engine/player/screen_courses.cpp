// The other installed courses, on the course home: one button each. A
// learner who picks one stays who they are and finds their own progress in
// that course (the records keep every course apart by its id).
#include "l10n/strings.hpp"
#include "load/translation.hpp"
#include "player/app.hpp"
#include "player/rich_text.hpp"

namespace lektion::ui {

void App::course_choice(float width) {
    std::vector<const CourseChoice*> others;
    for (const CourseChoice& c : course_choices_)
        if (c.id != course_->id) others.push_back(&c);
    if (others.empty()) return;
    heading(Text{"", {{tr("home.other_courses"), bold}}, false}, width, fonts_.heading);
    std::filesystem::path picked;
    for (const CourseChoice* c : others) {
        ImGui::PushID(c->id.c_str());
        if (button(c->title, {width, 0})) picked = c->dir;
        ImGui::PopID();
    }
    if (!picked.empty()) switch_course(picked);
}

void App::switch_course(const std::filesystem::path& dir) {
    LoadResult loaded = load_course(dir, learner_.language.empty() ? ui_language() : learner_.language);
    if (!loaded.course) {
        error_ = tr("cli.course_errors", {{"dir", dir.string()}});
        return;
    }
    if (textures_) textures_->forget_all();
    course_ = loaded.course;
    course_dir_ = dir;
    if (watcher_) watcher_ = std::make_unique<CourseWatcher>(course_dir_);
    if (session_) {
        const Learner same = learner_;
        guard([&] { pick_learner(same); });  // their progress in this course, on its home
    }
    screens_.reset();  // another course: nothing of the last one on any screen
}

}  // namespace lektion::ui
