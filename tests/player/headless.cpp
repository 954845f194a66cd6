#include "headless.hpp"

#include <stdexcept>

#include <imgui_internal.h>

#include "player/rich_text.hpp"

namespace lektion::test {

Headless::Headless(ui::App& app, ImVec2 size) : app_(app) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // The same key map as imgui_impl_glfw.cpp in 1.86: GLFW codes.
    io.KeyMap[ImGuiKey_Tab] = ui::keys::tab;
    io.KeyMap[ImGuiKey_LeftArrow] = ui::keys::left;
    io.KeyMap[ImGuiKey_RightArrow] = ui::keys::right;
    io.KeyMap[ImGuiKey_UpArrow] = ui::keys::up;
    io.KeyMap[ImGuiKey_DownArrow] = ui::keys::down;
    io.KeyMap[ImGuiKey_Enter] = ui::keys::enter;
    io.KeyMap[ImGuiKey_KeyPadEnter] = ui::keys::kp_enter;
    io.KeyMap[ImGuiKey_Space] = ui::keys::space;
    io.KeyMap[ImGuiKey_Escape] = 256;
    io.KeyMap[ImGuiKey_Backspace] = 259;
}

Headless::~Headless() { ImGui::DestroyContext(context_); }

void Headless::frame() {
    ImGuiIO& io = ImGui::GetIO();
    if (built_size_ != app_.text_size()) {
        std::string error;
        if (!ui::build_fonts(*io.Fonts, app_.text_size(), app_.fonts(), error))
            throw std::runtime_error(error);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
        io.FontDefault = app_.fonts().regular;
        app_.fonts_changed();
        built_size_ = app_.text_size();
    }
    ui::apply_theme(app_.theme(), app_.text_size());
    app_.before_new_frame(io);
    runs_.clear();
    ui::record_drawn_runs(&runs_);
    ImGui::NewFrame();
    app_.frame();
    ImGui::Render();
    ui::record_drawn_runs(nullptr);
}

std::string Headless::screen_text() const {
    std::string all;
    for (const ui::DrawnRun& r : runs_) all += r.text + " ";
    return all;
}

const ui::DrawnRun* Headless::run(const std::string& text) const {
    for (const ui::DrawnRun& r : runs_)
        if (r.text == text) return &r;
    return nullptr;
}

bool Headless::has(const std::string& label) { return app_.widgets().count(label) > 0; }

void Headless::click(const std::string& label) {
    auto it = app_.widgets().find(label);
    if (it == app_.widgets().end()) throw std::runtime_error("no widget '" + label + "' on screen");
    ImGuiIO& io = ImGui::GetIO();
    // Scroll it into view with the wheel, as a learner would.
    for (int i = 0; i < 100; ++i) {
        const float y = app_.widgets().at(label).centre().y;
        if (y > 70 && y < io.DisplaySize.y - 60) break;
        io.MousePos = {io.DisplaySize.x * 0.6f, io.DisplaySize.y * 0.5f};
        io.MouseWheel = y >= io.DisplaySize.y - 60 ? -2.0f : 2.0f;
        frame();
        io.MouseWheel = 0;
    }
    it = app_.widgets().find(label);
    io.MousePos = it->second.centre();
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    io.MousePos = {-1, -1};  // away, so hover does not linger
    frame();
}

void Headless::key(int glfw_key, bool ctrl, bool alt, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyAlt = alt;
    io.KeyShift = shift;
    io.KeysDown[ui::keys::left_shift] = shift;
    io.KeysDown[glfw_key] = true;
    frame();
    io.KeysDown[glfw_key] = false;
    io.KeysDown[ui::keys::left_shift] = false;
    io.KeyCtrl = io.KeyAlt = io.KeyShift = false;
    frame();
}

void Headless::type(const std::string& text) {
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
}

ImGuiID Headless::nav_id() const { return GImGui->NavId; }

bool Headless::focus(const std::string& label) {
    // Tab visits every control in turn, as a keyboard user would press it.
    for (int i = 0; i < 150; ++i) {
        auto it = app_.widgets().find(label);
        if (it != app_.widgets().end() && it->second.id == nav_id()) return true;
        key(ui::keys::tab);
    }
    return false;
}

}  // namespace lektion::test
