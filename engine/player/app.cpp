// The frame: top bar, keyboard shortcuts, then the current screen.
#include "player/app.hpp"

#include <algorithm>

#include <imgui_internal.h>  // GetItemID

#include "l10n/language_tag.hpp"
#include "l10n/strings.hpp"
#include "load/translation.hpp"
#include "player/rich_text.hpp"
#include "player/scratch_store.hpp"
#include "session/messages.hpp"
#include "session/status_words.hpp"

namespace lektion::ui {

App::App(CoursePtr course, std::filesystem::path course_dir, Store* store, AppOptions options)
    : course_(std::move(course)),
      course_dir_(std::move(course_dir)),
      store_(store),
      options_(std::move(options)) {
    if (!options_.language.empty()) set_ui_language(options_.language);
    if (!options_.learner.empty()) {
        guard([&] {
            Learner l;
            if (!store_) {
                l.name = options_.learner;
                return pick_learner(l);
            }
            // --learner is no way around a PIN: the window opens asking for it.
            const bool created = !store_->find_learner(options_.learner);
            open_learner(store_->find_or_create_learner(options_.learner, options_.language), created);
        });
    }
}

void App::guard(const std::function<void()>& action) {
    try {
        action();
        error_.clear();
    } catch (const std::exception& e) {
        // The records store refused: the session did not change, say so. The
        // window is no terminal: the message without the program's name.
        error_ = without_program_name(e.what());
    }
}

void App::pick_learner(const Learner& stored) {
    // Settings from an older or edited database may be out of range: those are not used.
    const Learner learner = sound_settings(stored);
    Progress progress;
    EventSink sink;
    if (store_) {
        progress = store_->progress(learner.id, *course_);
        sink = store_->sink(learner.id, *course_);
    }
    learner_ = learner;
    session_ = std::make_unique<Session>(course_, progress, sink);
    screens_.reset();  // nothing of the learner before stays on any screen
    if (!learner.theme.empty()) theme_ = theme_from(learner.theme);
    if (learner.text_size > 0) text_size_ = learner.text_size;
    screen_ = Screen::home;
    // The learner's own choice wins over the system's, unless --lang said otherwise.
    if (!learner.language.empty() && options_.language.empty()) set_language(learner.language);
}

void App::watch() { watcher_ = std::make_unique<CourseWatcher>(course_dir_); }

bool App::retry_records() {
    if (!store_ || gates_.busy()) return false;  // the gate's worker has the store
    const std::string before = save_problem_;
    // A failure other than the lock (the learner deleted meanwhile, a full disk) shows as an error.
    guard([&] { store_->retry_pending(); });
    save_problem_ = store_->save_problem();
    return save_problem_ != before;
}

bool App::flush_records(std::chrono::milliseconds wait) {
    if (!store_) return true;
    try {
        return store_->flush_pending(wait);
    } catch (const std::exception& e) {
        error_ = without_program_name(e.what());
        return false;
    }
}

std::string App::unsaved_message() const {
    return store_ ? tr("records.unsaved", {{"dir", store_->path().string()}}) : std::string();
}

void App::save_problem_banner() {
    if (store_ && !gates_.busy()) save_problem_ = store_->save_problem();
    if (save_problem_.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette(theme_).bad);
    ImGui::TextWrapped("%s", save_problem_.c_str());
    ImGui::PopStyleColor();
    mark("save-problem");
}

bool App::poll_watch() {
    if (!watcher_ || !watcher_->changed()) return false;
    LoadResult loaded =
        load_course(course_dir_, learner_.language.empty() ? ui_language() : learner_.language);
    watch_errors_.clear();
    for (const Diagnostic& d : loaded.diagnostics.items)
        if (d.severity == Severity::error) watch_errors_.push_back(d);
    if (!loaded.course) return true;         // keep showing the last good version, with the errors over it
    if (textures_) textures_->forget_all();  // a figure's file may be what changed
    course_ = loaded.course;
    if (session_) session_->set_course(course_);
    screens_.texts_changed();
    return true;
}

void App::watch_overlay() {
    if (watch_errors_.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos({vp->WorkPos.x + 20, vp->WorkPos.y + vp->WorkSize.y - 20}, ImGuiCond_Always,
                            {0, 1});
    ImGui::SetNextWindowSize({vp->WorkSize.x - 40, 0});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.45f, 0.05f, 0.05f, 0.95f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    ImGui::Begin("lint", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    for (std::size_t i = 0; i < watch_errors_.size() && i < 8; ++i)
        ImGui::TextWrapped("%s", format(watch_errors_[i]).c_str());
    if (watch_errors_.size() > 8)
        ImGui::TextWrapped(
            "%s", tr("watch.more_errors", {{"count", std::int64_t(watch_errors_.size() - 8)}}).c_str());
    ImGui::End();
    ImGui::PopStyleColor(2);
}

void App::set_language(const std::string& lang) {
    // Language tags come from catalogs and the records: only a well-formed one names a folder.
    if (!valid_language_tag(lang)) return;
    set_ui_language(lang);
    // The course in the same language when a translation exists; otherwise
    // the source, its units marked as untranslated.
    LoadResult loaded = load_course(course_dir_, lang);
    if (textures_) textures_->forget_all();
    if (loaded.course) {
        course_ = loaded.course;
        if (session_) session_->set_course(course_);
    }
    screens_.texts_changed();  // the texts are the new language's; the place and the answers stay
    // The learner's wish is kept as asked: a language with a course
    // translation but no interface catalog still gets its course.
    if (session_) guard([&] { session_->set_language(lang); });
    learner_.language = lang;
    save_settings();
}

void App::save_settings() {
    learner_.theme = theme_name(theme_);
    learner_.text_size = text_size_;
    // Not while a gate's worker has the store: a text size changed in that tenth of a second stays unsaved.
    if (store_ && learner_.id && !gates_.busy()) guard([&] { store_->save_settings(learner_); });
}

void App::set_text_size(float size) {
    text_size_ = std::clamp(size, min_text_size, max_text_size);
    save_settings();
}

void App::remember(const std::string& label) {
    const ImGuiID id = ImGui::GetItemID();
    widgets_[label] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), id};
    if (GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) return;
    tab_order_.push_back(id);
    if (id == tab_target_) {
        ImGui::SetFocusID(id, ImGui::GetCurrentWindow());
        GImGui->NavDisableHighlight = false;  // the focus must be visible
        GImGui->NavDisableMouseHover = true;
        if (!ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.5f);
        // A text field that Tab lands on takes the typing at once, as fields do in a browser.
        if (GImGui->LastItemData.InFlags & ImGuiItemFlags_Inputable) ImGui::SetKeyboardFocusHere(-1);
        tab_target_ = 0;
    }
}

void App::mark(const std::string& label) {
    // Found by tests like a widget, but not one: Tab passes it by.
    widgets_[label] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), 0};
}

void App::tab(bool backwards) {
    const std::vector<ImGuiID>& order = previous_tab_order_;
    if (order.empty()) return;
    auto it = std::find(order.begin(), order.end(), GImGui->NavId);
    std::ptrdiff_t i = it == order.end() ? (backwards ? 0 : -1) : it - order.begin();
    const auto n = static_cast<std::ptrdiff_t>(order.size());
    i = ((backwards ? i - 1 : i + 1) % n + n) % n;
    tab_target_ = order[static_cast<std::size_t>(i)];
}

void App::before_new_frame(ImGuiIO& io) {
    // Tab is the player's own (tab(): every control in the order drawn). Dear ImGui 1.86's tabbing
    // visits text fields only and takes over once one is active, so it never sees the key.
    io.KeyMap[ImGuiKey_Tab] = -1;
    const bool enter = io.KeysDown[keys::enter] || io.KeysDown[keys::kp_enter];
    if (enter_as_space_ && !enter) io.KeysDown[keys::space] = false, enter_as_space_ = false;
    // A text field keeps Enter for itself.
    if (enter && !io.WantTextInput && !io.KeysDown[keys::space])
        io.KeysDown[keys::space] = true, enter_as_space_ = true;
}

bool App::button(const std::string& label, ImVec2 size) {
    const bool pressed = ImGui::Button(label.c_str(), size);
    remember(label);
    return pressed;
}

bool App::button_if(bool enabled, const std::string& label, ImVec2 size, const std::string& reason) {
    ImGui::BeginDisabled(!enabled);
    const bool pressed = button(label, size);
    if (!enabled && !reason.empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", reason.c_str());
    ImGui::EndDisabled();
    return pressed && enabled;
}

float App::column_width() const {
    // About 70 characters of body text: comfortable reading, whatever the window.
    const float measure = fonts_.size * 34.0f;
    return std::min(measure, ImGui::GetContentRegionAvail().x);
}

void App::begin_column(float width) {
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) / 2);
}

void App::shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    read_aloud_keys();
    if (ImGui::IsKeyPressed(keys::tab)) {
        // Tab leaves a text field for the next control, as in a browser (no keyboard trap); the field
        // keeps what was typed and hands it over as the learner leaving it would.
        if (io.WantTextInput) ImGui::ClearActiveID();
        tab(io.KeyShift);
    }
    if (io.KeyCtrl && (ImGui::IsKeyPressed(keys::equal) || ImGui::IsKeyPressed(keys::kp_add)))
        set_text_size(text_size_ + 2);
    if (io.KeyCtrl && (ImGui::IsKeyPressed(keys::minus) || ImGui::IsKeyPressed(keys::kp_subtract)))
        set_text_size(text_size_ - 2);
    if (screen_ == Screen::lesson && session_ && io.KeyAlt) {
        if (ImGui::IsKeyPressed(keys::right))
            guard([&] { session_->next(); }), screens_.lesson.scroll_to_top = true;
        if (ImGui::IsKeyPressed(keys::left)) {
            guard([&] { session_->previous(); });
            screens_.lesson.scroll_to_top = true;
            if (session_->position().lesson < 0) screen_ = Screen::home;
        }
    }
}

void App::top_bar() {
    if (button(tr("nav.home"))) screen_ = Screen::home;
    ImGui::SameLine();
    if (button(tr("nav.about"))) back_to_ = screen_, screen_ = Screen::about;
    ImGui::SameLine();
    if (button(tr("nav.settings"))) back_to_ = screen_, screen_ = Screen::settings;
    ImGui::SameLine();
    const std::string who = learner_.name + "  ·  " + tr("nav.learner");
    const float w = ImGui::CalcTextSize(who.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
    if (button(who)) screen_ = Screen::learners;
    if (!error_.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", error_.c_str());
    ImGui::Separator();
}

void App::frame() {
    widgets_.clear();
    // Tab works on the order of the frame before, which is what is on screen.
    previous_tab_order_ = std::move(tab_order_);
    tab_order_.clear();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("lektion", nullptr, flags);
    if (!session_ && screen_ != Screen::trainer) screen_ = Screen::learners;
    poll_gate();
    shortcuts();
    save_problem_banner();  // above every screen: the learner keeps their place
    if (screen_ != Screen::learners && screen_ != Screen::trainer) top_bar();
    // The screen drawn is the one whose layouts its texts use, even if a button changes screen_ meanwhile.
    layouts_ = &screens_.layouts(screen_);
    switch (screen_) {
        case Screen::learners: learners_screen(); break;
        case Screen::home: home_screen(); break;
        case Screen::lesson: lesson_screen(); break;
        case Screen::quiz: quiz_screen(); break;
        case Screen::about: about_screen(); break;
        case Screen::settings: settings_screen(); break;
        case Screen::trainer: trainer_screen(); break;
    }
    ImGui::End();
    watch_overlay();
    // The frame is built: the figures it did not draw are not on screen any more.
    if (textures_) textures_->end_frame();
}

void App::set_texture_backend(std::unique_ptr<TextureBackend> backend) {
    textures_.reset();  // releases every texture through the backend that made it
    if (backend) textures_ = std::make_unique<FigureTextures>(std::move(backend));
}

// --- shared pieces of text ----------------------------------------------------

void App::heading(const Text& text, float width, ImFont* font) {
    gap(0.3f);
    draw_text(layouts(), fonts_, text, width, font, palette(theme_).heading, 1.3f);
    gap(0.1f);
}

void App::untranslated_note(const Section& section, float width) {
    if (const std::string note = lektion::untranslated_note(section); !note.empty())
        draw_plain(layouts(), fonts_.italic, note, width, palette(theme_).muted, 1.3f);
}

void App::paragraph(const Text& text, float width) {
    draw_text(layouts(), fonts_, text, width, nullptr, palette(theme_).text);
    gap(0.35f);
}

}  // namespace lektion::ui
