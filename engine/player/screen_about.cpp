// About (credits and the EU funding disclaimer) and Settings.
#include <unicode/locid.h>
#include <unicode/stringoptions.h>
#include <unicode/unistr.h>

#include "l10n/strings.hpp"
#include "player/app.hpp"
#include "player/rich_text.hpp"

namespace lektion::ui {

namespace {

// "Deutsch", "polski", "ελληνικά": each language named in itself.
std::string native_name(const std::string& code) {
    const icu::Locale locale(code.c_str());
    icu::UnicodeString name;
    locale.getDisplayLanguage(locale, name);
    name.toTitle(nullptr, locale, U_TITLECASE_NO_LOWERCASE | U_TITLECASE_NO_BREAK_ADJUSTMENT);
    std::string utf8;
    name.toUTF8String(utf8);
    return utf8;
}

}  // namespace

void App::about_screen() {
    ImGui::BeginChild("about", {0, 0}, false, ImGuiWindowFlags_NavFlattened);
    const float width = column_width() - ImGui::GetStyle().ScrollbarSize;
    const Palette& pal = palette(theme_);
    begin_column(width);
    ImGui::BeginGroup();
    draw_text(layouts(), fonts_, course_->title, width, fonts_.title, pal.heading, 1.3f);
    draw_plain(layouts(), fonts_.regular, tr("about.course_version", {{"version", course_->version}}), width,
               pal.muted);
    draw_plain(layouts(), fonts_.heading, tr("about.credits"), width, pal.heading);
    for (const Text& t : course_->credits) paragraph(t, width);
    draw_plain(layouts(), fonts_.heading, tr("about.funding"), width, pal.heading);
    for (const Text& t : course_->disclaimer) paragraph(t, width);
    if (button(tr("nav.back_home"))) screen_ = Screen::home;
    ImGui::EndGroup();
    ImGui::EndChild();
}

void App::settings_screen() {
    const float width = std::min(column_width(), fonts_.size * 26);
    const Palette& pal = palette(theme_);
    begin_column(width);
    ImGui::BeginGroup();
    draw_plain(layouts(), fonts_.title, tr("nav.settings"), width, pal.heading, 1.3f);

    draw_plain(layouts(), fonts_.heading, tr("settings.text_size"), width, pal.heading);
    if (button(tr("settings.smaller"))) set_text_size(text_size_ - 2);
    ImGui::SameLine();
    ImGui::Text("%.0f px", text_size_);
    ImGui::SameLine();
    if (button(tr("settings.larger"))) set_text_size(text_size_ + 2);

    draw_plain(layouts(), fonts_.heading, tr("settings.language"), width, pal.heading);
    const std::string current = ui_language();
    std::string current_name;
    for (const std::string& code : ui_languages())
        if (code == current) current_name = native_name(code);
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo("##language", current_name.c_str())) {
        for (const std::string& code : ui_languages()) {
            const std::string name = native_name(code) + "##" + code;
            if (ImGui::Selectable(name.c_str(), code == current)) set_language(code);
            remember(native_name(code));
        }
        ImGui::EndCombo();
    }
    remember("##language");

    read_aloud_speed(width);

    draw_plain(layouts(), fonts_.heading, tr("settings.theme"), width, pal.heading);
    for (Theme t : {Theme::light, Theme::dark, Theme::contrast}) {
        const std::string key = std::string("theme.") + theme_name(t);
        if (ImGui::RadioButton(tr(key).c_str(), theme_ == t)) {
            theme_ = t;
            save_settings();
        }
        remember(tr(key));
    }
    gap(0.5f);
    if (button(tr("nav.back_home"))) screen_ = back_to_ == Screen::settings ? Screen::home : back_to_;
    ImGui::EndGroup();
}

}  // namespace lektion::ui
