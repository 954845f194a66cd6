#include "player/window.hpp"
#include "player/gl_textures.hpp"
#include "player/read_aloud.hpp"
#include "player/rich_text.hpp"
#include "player/screenshot_tour.hpp"

#include <malloc.h>

#include <cfloat>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include <glad/gl.h>
// glad provides the GL declarations; GLFW must not include its own.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include "base/atomic_file.hpp"
#include "base/terminal_text.hpp"
#include "l10n/strings.hpp"
#include "session/messages.hpp"

namespace lektion::ui {

namespace {

std::string glfw_error;

// How long quitting waits for another program to let go of the records.
constexpr std::chrono::seconds quit_wait{10};

void on_glfw_error(int, const char* description) { glfw_error = description; }

// Counted by callbacks installed before ImGui's, which chain to them: the
// idle loop draws only when something happened.
unsigned input_events = 0;

void count_events(GLFWwindow* window) {
    glfwSetCursorPosCallback(window, [](GLFWwindow*, double, double) { ++input_events; });
    glfwSetMouseButtonCallback(window, [](GLFWwindow*, int, int, int) { ++input_events; });
    glfwSetScrollCallback(window, [](GLFWwindow*, double, double) { ++input_events; });
    glfwSetKeyCallback(window, [](GLFWwindow*, int, int, int, int) { ++input_events; });
    glfwSetCharCallback(window, [](GLFWwindow*, unsigned) { ++input_events; });
    glfwSetWindowFocusCallback(window, [](GLFWwindow*, int) { ++input_events; });
    glfwSetCursorEnterCallback(window, [](GLFWwindow*, int) { ++input_events; });
    glfwSetWindowSizeCallback(window, [](GLFWwindow*, int, int) { ++input_events; });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow*) { ++input_events; });
    glfwSetWindowContentScaleCallback(window, [](GLFWwindow*, float, float) { ++input_events; });
}

struct Frame {
    GLFWwindow* window;
    App& app;
    float built_size = 0;
    Theme built_theme = Theme::light;
    float scale = 1.0f;
    // The atlas built on a worker thread while the window opened, and its size.
    Fonts prebuilt{};
    float prebuilt_size = 0;
    // The screenshot tour draws as if no pointer were over the window: wherever the
    // pointer happens to be (Xvfb puts it in the middle), no tooltip or hover colour shows.
    bool no_mouse = false;

    void rebuild_fonts_if_needed() {
        if (built_size == app.text_size() && built_theme == app.theme()) return;
        const bool fonts_changed = built_size != app.text_size();
        built_size = app.text_size();
        built_theme = app.theme();
        apply_theme(app.theme(), app.text_size() * scale);
        if (!fonts_changed) return;
        std::string error;
        ImGuiIO& io = ImGui::GetIO();
        if (prebuilt_size > 0 && prebuilt_size == app.text_size() * scale) {
            // io.Fonts is that atlas, already uploaded with the device objects.
            prebuilt_size = 0;
            app.fonts() = prebuilt;
            io.FontDefault = app.fonts().regular;
            app.fonts_changed();
            io.Fonts->ClearTexData();
            // The atlas's pixels and the font files were freed in pieces of
            // megabytes, most of them in the worker's heap: hand them back.
            malloc_trim(0);
            return;
        }
        prebuilt_size = 0;
        if (!build_fonts(*io.Fonts, app.text_size() * scale, app.fonts(), error))
            std::fprintf(stderr, "lektion: %s\n", error.c_str());
        io.FontDefault = app.fonts().regular;
        app.fonts_changed();
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        // The texture is on the GPU: the atlas's 20 MiB of pixels (alpha and
        // RGBA copies) are not needed again until the next rebuild.
        io.Fonts->ClearTexData();
    }

    void draw() {
        // Device objects first: their creation uploads the font texture, which
        // must already be the atlas's so that it is uploaded once, not twice
        // with the first copy leaked.
        ImGui_ImplOpenGL3_NewFrame();
        rebuild_fonts_if_needed();
        ImGui_ImplGlfw_NewFrame();
        if (no_mouse) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        app.before_new_frame(ImGui::GetIO());
        ImGui::NewFrame();
        app.frame();
        ImGui::Render();
        int w = 0, h = 0;
        glfwGetFramebufferSize(window, &w, &h);
        glViewport(0, 0, w, h);
        const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }

    bool save_png(const std::string& path) {
        int w = 0, h = 0;
        glfwGetFramebufferSize(window, &w, &h);
        std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 3);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
        stbi_flip_vertically_on_write(1);  // GL's rows run bottom-up
        // Encoded in memory and written by the one atomic write: never
        // through a link, never over a device or a FIFO someone left in DIR.
        std::string png;
        const auto append = [](void* to, void* data, int size) {
            static_cast<std::string*>(to)->append(static_cast<const char*>(data),
                                                  static_cast<std::size_t>(size));
        };
        if (!stbi_write_png_to_func(append, &png, w, h, 3, pixels.data(), w * 3)) return false;
        const std::string error = write_atomically(path, png, mode_shared);
        if (!error.empty()) std::fprintf(stderr, "lektion: %s\n", terminal_safe(error).c_str());
        return error.empty();
    }
};

}  // namespace

int run_window(App& app, const WindowOptions& options) {
    // The font atlas takes as long as opening the window: build it meanwhile.
    // Dear ImGui has no context yet, so the worker shares nothing with this thread.
    auto atlas = std::make_unique<ImFontAtlas>();
    Fonts early_fonts;
    const float early_size = app.text_size();
    bool early_ok = false;
    std::jthread early([&] {
        std::string error;
        early_ok = build_fonts(*atlas, early_size, early_fonts, error);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        if (early_ok) atlas->GetTexDataAsRGBA32(&pixels, &w, &h);
    });
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        std::fprintf(stderr, "%s\n", tr("text.no_display", {{"reason", glfw_error}}).c_str());
        return 3;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, "lektion", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "%s\n", tr("text.no_display", {{"reason", glfw_error}}).c_str());
        glfwTerminate();
        return 3;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    gladLoadGL(glfwGetProcAddress);

    IMGUI_CHECKVERSION();
    early.join();
    ImGui::CreateContext(atlas.get());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the learner's settings live in the records, not in a stray file
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    count_events(window);
    read_aloud_wake(glfwPostEmptyEvent);  // a new sentence is highlighted while the window waits
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    app.set_texture_backend(make_gl_textures());  // figures' textures belong to this context

    Frame f{window, app};
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(window, &sx, &sy);  // HiDPI: larger glyphs, not a blurred bitmap
    f.scale = std::max(1.0f, sy);
    if (early_ok) f.prebuilt = early_fonts, f.prebuilt_size = early_size;

    if (options.open_lesson >= 0 && app.session()) {
        try {
            app.session()->go_to({options.open_lesson, options.open_page});  // checks the page
            app.show(Screen::lesson);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s\n", error_line(e.what()).c_str());
        }
    }
    int result = 0;
    if (options.quit_after_frames > 0) {
        for (int i = 0; i < options.quit_after_frames; ++i) {
            glfwPollEvents();
            f.draw();
            glfwSwapBuffers(window);
        }
        glFinish();  // the frame is on screen, not only queued
    } else if (!options.screenshot_dir.empty()) {
        f.no_mouse = true;
        ImGui::GetIO().ConfigInputTextCursorBlink = false;  // a caret is in every shot, or in none
        TourCamera camera{[&] { f.draw(); },
                          [&](const std::string& path) {
                              glfwSwapBuffers(window);
                              return f.save_png(path);
                          }};
        result = screenshot_tour(app, camera, options.screenshot_dir);
    } else {
        // Sleep until input arrives, then draw a few frames so that ImGui's
        // layout and hover state settle; a caret needs a slow blink only.
        int frames_left = 3;
        // Steps kept while another program holds the records' lock: tried
        // again about once a second (each try waits up to 0.1 s for the lock).
        using clock = std::chrono::steady_clock;
        auto last_retry = clock::now();
        auto retry_if_due = [&] {
            if (!app.records_pending() || clock::now() - last_retry < std::chrono::seconds(1)) return false;
            last_retry = clock::now();
            return app.retry_records();
        };
        while (!glfwWindowShouldClose(window)) {
            if (frames_left <= 0) {
                const unsigned before = input_events;
                // A watching trainer's edits arrive as files, not events: look twice a second.
                // A passphrase being checked, or a refusal's countdown: a frame every quarter second.
                if (app.gate_ticking()) glfwWaitEventsTimeout(0.25);
                else if (io.WantTextInput || options.watch) glfwWaitEventsTimeout(0.5);
                else if (app.records_pending()) glfwWaitEventsTimeout(1.0);
                else glfwWaitEvents();
                const bool reloaded = options.watch && app.poll_watch();
                const bool records_changed = retry_if_due();
                // Woken by the timer with nothing new: no frame is needed.
                if (input_events == before && !reloaded && !records_changed && !io.WantTextInput &&
                    !app.gate_ticking())
                    continue;
                frames_left = 3;
            } else {
                glfwPollEvents();
                retry_if_due();
            }
            f.draw();
            glfwSwapBuffers(window);
            --frames_left;
        }
    }
    // Whatever still waits for the lock gets a last chance, with the window
    // already gone so that quitting does not look stuck.
    glfwHideWindow(window);
    read_aloud_wake(nullptr);  // stops reading
    if (app.records_pending() && !app.flush_records(quit_wait)) {
        std::fprintf(stderr, "%s\n", error_line(app.unsaved_message()).c_str());
        result = 1;
    }
    app.set_texture_backend(nullptr);  // while the context that made them is current
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return result;
}

}  // namespace lektion::ui
