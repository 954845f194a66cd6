// The floor for start-up and memory: what any OpenGL 3.3 program on this
// display pays. Opens a GLFW window of the player's size with a 3.3 core
// context (same hints as engine/player/window.cpp), clears, swaps once,
// glFinish, exits. With --wait it then sleeps in glfwWaitEvents until killed,
// as the player does when idle. With --shader it also compiles and links one
// vertex and fragment shader pair (Dear ImGui's) and draws one textured
// triangle: the part of a drawing program's cost that is the GL driver's
// (llvmpipe compiles shaders with LLVM), shown beside the floor for reference.
#include <cstdio>
#include <cstring>

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace {

const char* const vertex_shader = R"(#version 330 core
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
uniform mat4 ProjMtx;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    gl_Position = ProjMtx * vec4(Position.xy, 0, 1);
})";

const char* const fragment_shader = R"(#version 330 core
in vec2 Frag_UV;
in vec4 Frag_Color;
uniform sampler2D Texture;
layout (location = 0) out vec4 Out_Color;
void main() {
    Out_Color = Frag_Color * texture(Texture, Frag_UV.st);
})";

// One textured, coloured triangle through a freshly compiled program.
void draw_triangle() {
    auto compile = [](GLenum kind, const char* source) {
        const GLuint s = glCreateShader(kind);
        glShaderSource(s, 1, &source, nullptr);
        glCompileShader(s);
        return s;
    };
    const GLuint program = glCreateProgram();
    glAttachShader(program, compile(GL_VERTEX_SHADER, vertex_shader));
    glAttachShader(program, compile(GL_FRAGMENT_SHADER, fragment_shader));
    glLinkProgram(program);
    GLint linked = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &linked);
    if (!linked) std::fprintf(stderr, "floor: the shader does not link\n");
    glUseProgram(program);
    const float identity[16] = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
    glUniformMatrix4fv(glGetUniformLocation(program, "ProjMtx"), 1, GL_FALSE, identity);
    GLuint texture = 0;
    const unsigned char white[4] = {255, 255, 255, 255};
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, white);
    const float vertices[] = {-0.5f, -0.5f, 0, 0, 1, 0,    0,    1, 0.5f, -0.5f, 1, 0,
                              0,     1,     0, 1, 0, 0.5f, 0.5f, 1, 0,    0,     1, 1};
    GLuint vao = 0, vbo = 0;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    glGenBuffers(1, &vbo);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof vertices, vertices, GL_STATIC_DRAW);
    for (GLuint i = 0; i < 3; ++i) glEnableVertexAttribArray(i);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 8 * sizeof(float), nullptr);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 8 * sizeof(float),
                          reinterpret_cast<void*>(2 * sizeof(float)));
    glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, 8 * sizeof(float),
                          reinterpret_cast<void*>(4 * sizeof(float)));
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

}  // namespace

int main(int argc, char** argv) {
    bool wait = false, shader = false;
    for (int i = 1; i < argc; ++i) {
        wait |= std::strcmp(argv[i], "--wait") == 0;
        shader |= std::strcmp(argv[i], "--shader") == 0;
    }
    if (!glfwInit()) {
        std::fprintf(stderr, "floor: no display\n");
        return 3;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(1180, 800, "floor", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "floor: no OpenGL 3.3 window\n");
        glfwTerminate();
        return 3;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    gladLoadGL(glfwGetProcAddress);
    glfwPollEvents();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.95f, 0.95f, 0.93f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (shader) draw_triangle();
    glfwSwapBuffers(window);
    glFinish();
    while (wait && !glfwWindowShouldClose(window)) glfwWaitEvents();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
