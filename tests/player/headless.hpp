// Dear ImGui without a window or a GPU: the real App, its real frames, and
// input injected through the 1.86 fields, as the GLFW backend would.
#pragma once

#include <memory>
#include <string>

#include <imgui.h>

#include "player/app.hpp"
#include "player/rich_text.hpp"

namespace lektion::test {

class Headless {
public:
    explicit Headless(ui::App& app, ImVec2 size = {1180, 800});
    ~Headless();

    void frame();  // one frame, rebuilding fonts as the window would
    void frames(int n) {
        while (n--) frame();
    }
    bool has(const std::string& label);    // drawn in the last frame
    void click(const std::string& label);  // mouse down and up over the widget
    void key(int glfw_key, bool ctrl = false, bool alt = false, bool shift = false);
    void type(const std::string& text);
    // Moves keyboard focus with the arrow keys (down, then up) until it is on
    // the widget; false when it cannot be reached.
    bool focus(const std::string& label);
    ImGuiID nav_id() const;
    ImDrawData* draw_data() const { return ImGui::GetDrawData(); }
    // The text the last frame drew, run by run (words and the pieces between
    // break opportunities), and all of it joined with spaces.
    const std::vector<ui::DrawnRun>& runs() const { return runs_; }
    std::string screen_text() const;
    const ui::DrawnRun* run(const std::string& text) const;  // the first run that is exactly `text`

private:
    ui::App& app_;
    ImGuiContext* context_;
    float built_size_ = 0;
    std::vector<ui::DrawnRun> runs_;
};

}  // namespace lektion::test
